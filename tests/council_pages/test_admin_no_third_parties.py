"""The admin, too, makes no requests to other hosts: no Gravatar avatars for editors."""

import re

import pytest
from django.contrib.auth import get_user_model


@pytest.mark.django_db
def test_admin_pages_load_nothing_from_other_hosts(client):
    user = get_user_model().objects.create_superuser(
        "redaktoer", email="redaktoer@example.dk", password="x"
    )
    client.force_login(user)
    for url in ("/admin/", "/admin/account/", "/admin/users/"):
        html = client.get(url).content.decode()
        assert "gravatar" not in html.lower()
        # Things the browser fetches by itself: src attributes and <link> elements (not <a> links).
        fetched = re.findall(r'src="((?:https?:)?//[^"]+)"', html)
        fetched += re.findall(r'<link[^>]+href="((?:https?:)?//[^"]+)"', html)
        assert fetched == []
