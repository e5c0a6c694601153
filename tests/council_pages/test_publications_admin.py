"""A council's secretary (a real council role, no superuser) can add and preview every kind of
publication in the Wagtail admin, under their own council."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from council_pages.models import (
    AnnualReportPage,
    CouncilRole,
    CouncilRoleKind,
    HearingResponsePage,
    MeetingPage,
    RulesOfProcedurePage,
)
from tests.factories import CouncilPageFactory
from tests.factories_publications import (
    AnnualReportIndexPageFactory,
    HearingResponseIndexPageFactory,
    MeetingIndexPageFactory,
)

from .publication_forms import hearing_form, meeting_form, report_form, rules_form


@pytest.fixture
def secretary_client(client, db):
    council = CouncilPageFactory(slug="vejle")
    user = get_user_model().objects.create_user("vejle-sekretaer", password="x")
    CouncilRole.objects.create(council=council, user=user, role=CouncilRoleKind.SECRETARY)
    client.force_login(user)
    client.council = council
    return client


CASES = [
    ("rulesofprocedurepage", RulesOfProcedurePage, None, lambda: rules_form([["§ 1 tekst."]])),
    ("meetingpage", MeetingPage, MeetingIndexPageFactory, meeting_form),
    ("hearingresponsepage", HearingResponsePage, HearingResponseIndexPageFactory, hearing_form),
    ("annualreportpage", AnnualReportPage, AnnualReportIndexPageFactory, report_form),
]


@pytest.mark.parametrize(("model_name", "model", "index_factory", "form"), CASES)
def test_secretary_creates_and_previews_a_draft(
    secretary_client, model_name, model, index_factory, form
):
    council = secretary_client.council
    parent = index_factory(parent=council) if index_factory else council
    data = form()
    preview_url = reverse(
        "wagtailadmin_pages:preview_on_add", args=("council_pages", model_name, parent.pk)
    )
    assert secretary_client.post(preview_url, data).json()["is_valid"] is True
    assert secretary_client.get(preview_url).status_code == 200

    add_url = reverse("wagtailadmin_pages:add", args=("council_pages", model_name, parent.pk))
    response = secretary_client.post(add_url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = model.objects.get()
    assert not page.live  # a draft: the chair approves before anything is public

    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    assert secretary_client.get(edit_url).status_code == 200
