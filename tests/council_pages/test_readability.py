"""LIX: the Danish readability score, its levels, and the administrators' report."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from wagtail.models import PageViewRestriction

from council_pages.readability import lix, lix_of_html
from tests.factories import CouncilPageFactory
from tests.factories_publications import (
    AnnualReportPageFactory,
    HearingResponsePageFactory,
)

REPORT_URL = "/admin/reports/readability/"


def test_lix_counts_words_long_words_and_sentences():
    # 7 words, 2 sentences, 2 words longer than six letters ("hjemløse", "vinteren").
    score = lix("Rådet vil hjælpe hjemløse. Især om vinteren!")
    assert (score.words, score.sentences, score.long_words) == (7, 2, 2)
    assert score.score == round(7 / 2 + 100 * 2 / 7)
    assert score.level == "let"


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Vi ses i dag. Kom og vær med.", "let"),
        (
            "Socialudvalget behandler budgetforslaget vedrørende misbrugsbehandling, "
            "herunder dagbehandlingstilbuddene og ventetidsopgørelserne.",
            "svær",
        ),
    ],
)
def test_levels_in_words(text, level):
    assert lix(text).level == level


def test_a_text_without_words_has_no_score():
    assert lix("") is None
    assert lix("12 - 14 !") is None


def test_rich_text_paragraphs_are_sentences():
    assert lix_of_html("<p>Et kort svar</p><p>Og et til</p>").sentences == 2


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("admin", "admin@example.dk", "pw")


def test_the_report_lists_visible_pages_hardest_first(client, superuser):
    council = CouncilPageFactory(slug="odense")
    easy = HearingResponsePageFactory(
        parent__parent=council, title="Let svar", summary="Vi siger ja.", response="<p>Ja.</p>"
    )
    hard = AnnualReportPageFactory(
        parent__parent=council,
        title="Svær rapport",
        summary="Rådsmedlemmerne gennemgik kommunens sagsbehandlingsprocedurer grundigt.",
    )
    hidden = HearingResponsePageFactory(
        parent=easy.get_parent(), title="Skjult svar", summary="Hemmeligt."
    )
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    draft = HearingResponsePageFactory(parent=easy.get_parent(), title="Kladde", live=False)
    client.force_login(superuser)
    html = client.get(REPORT_URL).content.decode()
    assert html.index(hard.title) < html.index(easy.title)
    assert "over målet" in html
    assert hidden.title not in html
    assert draft.title not in html


def test_only_site_administrators_see_the_report(client, db):
    editor = get_user_model().objects.create_user("sekretaer", password="pw", is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.get(REPORT_URL)
    assert response.status_code == 403
    assert "sideadministratorer" in response.content.decode()
