"""The privacy guard reads the rows edited inside a page too: the council's members."""

import html
import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from council_pages.models import CouncilPage, MemberRole
from tests.council_pages.test_member_bounds import edit_data
from tests.factories import CouncilMemberFactory, CouncilPageFactory

pytestmark = pytest.mark.django_db

CPR_NUMBER = "010190-1234"  # synthetic


def test_a_cpr_number_typed_into_a_member_row_stops_publishing(admin_client):
    council = CouncilPageFactory(members_min=1, members_max=5)
    members = [("Anna Jensen", MemberRole.CHAIR), (f"Bo Holm {CPR_NUMBER}", MemberRole.MEMBER)]
    url = reverse("wagtailadmin_pages:edit", args=(council.pk,))

    response = admin_client.post(url, {**edit_data(council, members), "action-publish": "1"})

    assert response.status_code == 200  # the form again, with what was typed
    body = html.unescape(response.content.decode())
    assert f"CPR-nummer «{CPR_NUMBER}» i Medlemmer, nr. 2, navn" in body
    assert f"Bo Holm {CPR_NUMBER}" in body
    live = CouncilPage.objects.get(pk=council.pk)
    assert all(CPR_NUMBER not in member.name for member in live.members.all())

    # The same rows without the number are published.
    members[1] = ("Bo Holm", MemberRole.MEMBER)
    response = admin_client.post(url, {**edit_data(council, members), "action-publish": "1"})
    assert response.status_code == 302
    assert [m.name for m in CouncilPage.objects.get(pk=council.pk).members.all()] == [
        "Anna Jensen",
        "Bo Holm",
    ]


def test_a_saved_row_is_found_by_the_nightly_scan():
    council = CouncilPageFactory(members_min=1, members_max=5)
    council.save_revision().publish()
    # Written straight to the live rows, as content from before the guard was.
    CouncilMemberFactory(page=council, name=f"Carl {CPR_NUMBER}")

    out = io.StringIO()
    with pytest.raises(SystemExit):
        call_command("privacy_scan", stdout=out)
    assert f"CPR-nummer «{CPR_NUMBER}» i Medlemmer, nr. 1, navn" in out.getvalue()
