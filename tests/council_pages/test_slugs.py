"""Slugs keep Danish words readable: æ, ø and å become ae, oe and aa."""

import pytest
from django.urls import reverse

from council_pages.models import StandardPage
from council_pages.slugs import danish_slugify
from tests.factories import get_home_page


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Møder", "moeder"),
        ("Høringssvar", "hoeringssvar"),
        ("Årsrapporter", "aarsrapporter"),
        ("Tilgængelighed", "tilgaengelighed"),
        ("ÆØÅ æøå", "aeoeaa-aeoeaa"),
    ],
)
def test_danish_slugify(text, slug):
    assert danish_slugify(text) == slug


@pytest.mark.django_db
def test_admin_create_transliterates_the_slug(admin_client):
    home = get_home_page()
    url = reverse("wagtailadmin_pages:add", args=("council_pages", "standardpage", home.pk))
    response = admin_client.post(
        url,
        {"title": "Om rådenes årsmøder", "slug": "om-rådenes-årsmøder", "body-count": "0"},
    )
    assert response.status_code == 302, response.context["form"].errors
    page = StandardPage.objects.get(title="Om rådenes årsmøder")
    assert page.slug == "om-raadenes-aarsmoeder"
