"""Rules of procedure: computed § and Stk. numbers, anchors, key rules and public versions."""

import datetime

import pytest
from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase

from council_pages.blocks import RuleTopic
from council_pages.models import CouncilPage, RulesOfProcedurePage
from tests.factories import CouncilPageFactory
from tests.factories_publications import RulesOfProcedurePageFactory, rule_paragraph

from .publication_forms import rules_form


class RulesTreeTests(WagtailPageTestCase):
    def test_one_rules_page_per_council_and_nothing_below_it(self):
        self.assertAllowedParentPageTypes(RulesOfProcedurePage, {CouncilPage})
        self.assertAllowedSubpageTypes(RulesOfProcedurePage, set())
        council = CouncilPageFactory()
        self.assertTrue(RulesOfProcedurePage.can_create_at(council))
        RulesOfProcedurePageFactory(parent=council)
        self.assertFalse(RulesOfProcedurePage.can_create_at(council))


def _body(*paragraphs):
    return [("heading", "Rådets virksomhed"), *paragraphs]


@pytest.fixture
def council(db):
    return CouncilPageFactory(slug="esbjerg", members_min=8, members_max=12, agenda_notice_days=7)


@pytest.mark.django_db
class TestNumbering:
    def test_paragraphs_and_clauses_are_numbered_with_stable_anchors(self, client, council):
        rules = RulesOfProcedurePageFactory(
            parent=council,
            body=_body(
                rule_paragraph("Første paragraf."),
                rule_paragraph("Anden paragraf.", "Andet stykke.", "Tredje stykke."),
            ),
        )
        html = client.get(rules.url).content.decode()
        assert '<a class="rules__anchor" href="#p1-stk1"><strong>§ 1.</strong></a>' in html
        assert 'id="p2-stk2"' in html
        assert '<a class="rules__anchor" href="#p2-stk3">Stk. 3.</a>' in html
        assert 'data-copy-link="#p2-stk3"' in html
        assert "Stk. 1." not in html  # the first clause is the § itself, as in Danish rules

    def test_inserting_a_paragraph_renumbers_the_rest(self, client, council):
        rules = RulesOfProcedurePageFactory(
            parent=council,
            body=_body(rule_paragraph("Om møder."), rule_paragraph("Om referater.", "Godkendt.")),
        )
        assert 'id="p2-stk2"' in client.get(rules.url).content.decode()
        rules.body = _body(
            rule_paragraph("Ny indledning."),
            rule_paragraph("Om møder."),
            rule_paragraph("Om referater.", "Godkendt."),
        )
        rules.save_revision().publish()
        html = client.get(rules.url).content.decode()
        assert 'id="p3-stk2"' in html
        assert html.index("Ny indledning.") < html.index('id="p2-stk1"') < html.index("Om møder.")

    def test_numbering_runs_across_chapters(self, council):
        rules = RulesOfProcedurePageFactory(
            parent=council,
            body=[
                ("heading", "Formål"),
                rule_paragraph("a"),
                ("heading", "Møder"),
                rule_paragraph("b"),
                rule_paragraph("c"),
            ],
        )
        chapters = rules.chapters
        assert [c.heading for c in chapters] == ["Formål", "Møder"]
        assert [p.number for p in chapters[1].paragraphs] == [2, 3]


@pytest.mark.django_db
class TestKeyRules:
    def test_council_page_shows_key_rules_with_links_to_their_paragraph(self, client, council):
        RulesOfProcedurePageFactory(
            parent=council,
            body=_body(
                rule_paragraph("Formål."),
                rule_paragraph("Rådet har 8-12 medlemmer.", topic=RuleTopic.MEMBERS),
                rule_paragraph("Dagsorden en uge før.", topic=RuleTopic.AGENDA_NOTICE),
            ),
        )
        html = client.get(council.url).content.decode()
        assert "8 til 12 medlemmer" in html
        assert 'href="/esbjerg/forretningsorden/#p2">(§ 2)</a>' in html
        assert "senest 7 dage før mødet" in html
        assert 'href="/esbjerg/forretningsorden/#p3">(§ 3)</a>' in html

    def test_unpublished_rules_are_not_shown_on_the_council_page(self, client, council):
        rules = RulesOfProcedurePageFactory(
            parent=council, body=_body(rule_paragraph("x", topic=RuleTopic.MEMBERS))
        )
        rules.unpublish()
        assert "forretningsorden" not in client.get(council.url).content.decode()


def _versions_url(rules):
    return rules.url + "versioner/"


@pytest.mark.django_db
class TestVersions:
    @pytest.fixture
    def rules(self, council):
        rules = RulesOfProcedurePageFactory(
            parent=council, body=_body(rule_paragraph("Rådet har 8-10 medlemmer."))
        )
        self.first = rules.save_revision()
        self.first.publish()
        rules.refresh_from_db()
        rules.body = _body(
            rule_paragraph("Formanden taler med pressen."),
            rule_paragraph("Rådet har 10-12 medlemmer."),
        )
        rules.amendment_note = "Flere medlemmer."
        self.second = rules.save_revision()
        self.second.publish()
        rules.refresh_from_db()
        # A draft waiting for approval: must never be readable by the public.
        rules.body = _body(rule_paragraph("HEMMELIGT UDKAST"))
        self.draft = rules.save_revision()
        return RulesOfProcedurePage.objects.get(pk=rules.pk)

    def test_lists_only_published_versions(self, client, rules):
        assert [v["id"] for v in rules.versions()] == [self.second.pk, self.first.pk]
        html = client.get(_versions_url(rules)).content.decode()
        assert "Flere medlemmer." in html
        assert f"versioner/{self.first.pk}/" in html
        assert f"versioner/{self.draft.pk}/" not in html

    def test_old_wording_is_readable(self, client, rules):
        html = client.get(f"{_versions_url(rules)}{self.first.pk}/").content.decode()
        assert "Rådet har 8-10 medlemmer." in html
        assert "tidligere udgave" in html

    def test_current_version_redirects_to_the_page(self, client, rules):
        response = client.get(f"{_versions_url(rules)}{self.second.pk}/")
        assert response.status_code == 302
        assert response["Location"].endswith(rules.url)

    def test_drafts_and_other_pages_revisions_are_not_found(self, client, rules, council):
        assert client.get(f"{_versions_url(rules)}{self.draft.pk}/").status_code == 404
        other = RulesOfProcedurePageFactory(parent=CouncilPageFactory())
        other_revision = other.save_revision()
        other_revision.publish()
        assert client.get(f"{_versions_url(rules)}{other_revision.pk}/").status_code == 404
        response = client.get(_versions_url(rules), {"fra": self.draft.pk, "til": self.second.pk})
        assert response.status_code == 404
        assert "HEMMELIGT" not in client.get(rules.url).content.decode()

    def test_diff_shows_what_changed(self, client, rules):
        html = client.get(
            _versions_url(rules), {"fra": self.first.pk, "til": self.second.pk}
        ).content.decode()
        assert "Ny: § 1" in html
        assert "Ændret: § 1, nu § 2" in html
        assert "<del>8-10</del>" in html
        assert "<ins>10-12</ins>" in html

    @pytest.mark.parametrize("params", [{"fra": "x", "til": "1"}, {"fra": "1"}, {"til": "-3"}])
    def test_bad_comparison_parameters_are_not_a_server_error(self, client, rules, params):
        assert client.get(_versions_url(rules), params).status_code == 404


@pytest.mark.django_db
class TestAdmin:
    def _add_url(self, council):
        return reverse(
            "wagtailadmin_pages:add", args=("council_pages", "rulesofprocedurepage", council.pk)
        )

    def test_create_edit_and_preview(self, admin_client, council):
        data = rules_form([("heading", "Formål"), ["Rådet rådgiver.", "Rådet lytter."]])
        response = admin_client.post(self._add_url(council), {**data, "action-publish": "1"})
        assert response.status_code == 302, response.content.decode()[:3000]
        rules = RulesOfProcedurePage.objects.get()
        assert rules.live

        edit_url = reverse("wagtailadmin_pages:edit", args=(rules.pk,))
        assert admin_client.get(edit_url).status_code == 200
        data = rules_form([["Ny første."], ["Rådet rådgiver.", "Rådet lytter."]])
        assert admin_client.post(edit_url, data).status_code == 302

        preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=(rules.pk,))
        assert admin_client.post(preview_url, data).json()["is_valid"] is True
        html = admin_client.get(preview_url).content.decode()
        assert 'id="p2-stk2"' in html and "Ny første." in html

    def test_in_force_before_adoption_is_refused_in_danish(self, admin_client, council):
        data = rules_form([["Tekst."]], adopted_on="2009-06-01", in_force_from="2009-01-01")
        response = admin_client.post(self._add_url(council), data)
        assert response.status_code == 200
        assert "Forretningsordenen kan ikke gælde fra før den er vedtaget." in (
            response.content.decode()
        )
        assert not RulesOfProcedurePage.objects.exists()


@pytest.mark.django_db
def test_open_data_api_gives_the_numbered_paragraphs(client, council):
    rules = RulesOfProcedurePageFactory(
        parent=council, body=_body(rule_paragraph("a"), rule_paragraph("b", "c"))
    )
    data = client.get(f"/api/v2/pages/{rules.pk}/").json()
    paragraph = data["numbered_paragraphs"][1]
    assert paragraph["number"] == 2 and paragraph["chapter"] == "Rådets virksomhed"
    assert paragraph["clauses"][1] == {"number": 2, "anchor": "p2-stk2", "html": "<p>c</p>"}


@pytest.mark.django_db
def test_a_version_published_by_the_scheduler_is_listed_and_readable(client, council):
    """Wagtail's scheduler logs ``wagtail.publish.scheduled``; such versions count too."""
    from django.core.management import call_command
    from django.utils import timezone
    from wagtail.models import PageLogEntry, Revision

    rules = RulesOfProcedurePageFactory(
        parent=council, body=_body(rule_paragraph("Rådet har 8-10 medlemmer."))
    )
    first = rules.save_revision()
    first.publish()
    rules.refresh_from_db()
    rules.body = _body(rule_paragraph("Rådet har 10-12 medlemmer."))
    rules.go_live_at = timezone.now() + datetime.timedelta(days=1)
    scheduled = rules.save_revision()
    scheduled.publish()
    # The day comes (moved to a minute ago): the scheduler publishes it.
    past = timezone.now() - datetime.timedelta(minutes=1)
    scheduled.refresh_from_db()
    scheduled.content["go_live_at"] = past.isoformat()
    Revision.objects.filter(pk=scheduled.pk).update(
        approved_go_live_at=past, content=scheduled.content
    )
    call_command("publish_scheduled")
    assert PageLogEntry.objects.filter(
        page=rules, action="wagtail.publish.scheduled", revision=scheduled
    ).exists()
    rules = RulesOfProcedurePage.objects.get(pk=rules.pk)
    assert [v["id"] for v in rules.versions()] == [scheduled.pk, first.pk]

    # The current (scheduled) version is the page; the earlier one stays readable.
    response = client.get(f"{_versions_url(rules)}{scheduled.pk}/")
    assert response.status_code == 302
    html = client.get(f"{_versions_url(rules)}{first.pk}/").content.decode()
    assert "Rådet har 8-10 medlemmer." in html
