"""The foundation pages render for the public: home, council, standard, 404 and 500."""

import datetime

import pytest
from django.contrib.sessions.middleware import SessionMiddleware
from django.core.exceptions import PermissionDenied
from django.template import engines, loader
from django.test import override_settings
from django.views.csrf import csrf_failure
from django.views.defaults import permission_denied
from wagtail.blocks import StreamValue

from council_pages.models import MemberRole, MemberSeat, TargetGroup
from council_pages.templatetags.site_tags import danish_date, danish_datetime, danish_filesize
from tests.factories import (
    CouncilMemberFactory,
    CouncilPageFactory,
    StandardPageFactory,
    get_home_page,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def council():
    council = CouncilPageFactory(
        title="Rådet for Socialt Udsatte i Odense",
        slug="odense",
        municipality="Odense",
        founded_year=2007,
        purpose="<p>Rådet giver byrådet gode råd.</p>",
        secretariat="Social- og Arbejdsmarkedsforvaltningen",
        contact_email="raadet@odense.example.dk",
        contact_phone="66 00 00 00",
    )
    council.target_groups.add(TargetGroup.objects.get(slug="hjemloese"))
    council.save()
    CouncilMemberFactory(
        page=council,
        name="Birgitte Holm",
        role=MemberRole.CHAIR,
        seat=MemberSeat.PERSONAL,
        organisation="Forsorgshjemmet",
    )
    CouncilMemberFactory(page=council, name="Jens Lund", role=MemberRole.VICE_CHAIR)
    CouncilMemberFactory(
        page=council, name="Susanne Dahl", role=MemberRole.MEMBER, seat=MemberSeat.USER
    )
    CouncilMemberFactory(
        page=council,
        name="Lone Andersen",
        role=MemberRole.SUBSTITUTE,
        substitute_for="Susanne Dahl",
    )
    CouncilMemberFactory(
        page=council,
        name="Tidligere Medlem",
        role=MemberRole.MEMBER,
        to_date=datetime.date(2009, 1, 1),
    )
    return council


def test_home_page_lists_councils_and_points_search_at_soeg(client, council):
    response = client.get("/")
    html = response.content.decode()

    assert response.status_code == 200
    assert '<html lang="da">' in html
    assert 'href="/odense/"' in html
    assert "Rådet for Socialt Udsatte i Odense" in html
    assert 'action="/soeg/"' in html and 'name="q"' in html
    assert "Hjemløse" in html


def test_home_page_hides_draft_councils(client, council):
    council.unpublish()
    assert 'href="/odense/"' not in client.get("/").content.decode()


def test_council_page_shows_members_by_role_and_substitutes(client, council):
    response = client.get("/odense/")
    html = response.content.decode()

    assert response.status_code == 200
    chair, vice, member = (html.index(n) for n in ("Birgitte Holm", "Jens Lund", "Susanne Dahl"))
    assert chair < vice < member
    assert "Personligt udpeget, Forsorgshjemmet" in html
    assert "Suppleant for Susanne Dahl" in html
    assert "Tidligere Medlem" not in html
    assert "Rådet giver byrådet gode råd." in html
    assert 'href="mailto:raadet@odense.example.dk"' in html
    assert 'href="tel:66000000"' in html
    assert "Social- og Arbejdsmarkedsforvaltningen" in html


def test_breadcrumbs_lead_from_home_to_the_page(client, council):
    html = client.get("/odense/").content.decode()
    crumbs = html[
        html.index('class="breadcrumbs') : html.index("</nav>", html.index("breadcrumbs"))
    ]

    assert 'href="/">Forside</a>' in crumbs
    assert 'aria-current="page">Rådet for Socialt Udsatte i Odense' in crumbs


def test_every_page_has_skip_link_one_h1_and_footer_links(client, council):
    for url in ("/", "/odense/"):
        html = client.get(url).content.decode()
        assert '<a class="skipnav" href="#main-content">' in html
        assert 'id="main-content"' in html
        assert html.count("<h1") == 1
        assert 'href="/tilgaengelighed/"' in html and 'href="/privatliv/"' in html


def test_standard_page_renders_headings_and_text(client):
    page = StandardPageFactory(title="Om sitet", slug="om")
    page.body = StreamValue(
        page.body.stream_block,
        [("heading", {"text": "Hvem står bag", "level": "h2"}), ("paragraph", "<p>Vi gør.</p>")],
        is_lazy=False,
    )
    page.save_revision().publish()

    html = client.get("/om/").content.decode()

    assert "<h1>Om sitet</h1>" in html
    assert "<h2>Hvem står bag</h2>" in html
    assert "<p>Vi gør.</p>" in html


@override_settings(DEBUG=False)
def test_404_is_danish_and_offers_search(client):
    response = client.get("/findes-ikke/")
    html = response.content.decode()

    assert response.status_code == 404
    assert "Vi kan ikke finde siden" in html
    assert 'action="/soeg/"' in html
    assert "Set-Cookie" not in str(response.cookies) and not response.cookies


@override_settings(DEBUG=False, ALLOWED_HOSTS=["testserver"])
def test_bad_host_gets_a_danish_400(client):
    response = client.get("/", HTTP_HOST="angriber.example")

    assert response.status_code == 400
    assert "Vi forstod ikke forespørgslen" in response.content.decode()


def test_permission_denied_and_csrf_failure_are_danish(rf):
    def with_session(request):
        SessionMiddleware(lambda request: None).process_request(request)
        return request

    denied = permission_denied(with_session(rf.get("/noget/")), PermissionDenied())
    csrf = csrf_failure(with_session(rf.post("/admin/login/")), reason="CSRF cookie not set.")

    assert denied.status_code == csrf.status_code == 403
    assert "Du har ikke adgang til siden" in denied.content.decode()
    assert "Formularen kunne ikke sendes" in csrf.content.decode()
    assert "Udskrevet fra http://testserver/noget/" in denied.content.decode()


@pytest.mark.django_db(transaction=False, databases=[])
def test_500_renders_without_database_or_context():
    # No database access is allowed in this test: the 500 page must survive a dead database.
    html = loader.get_template("500.html").render()

    assert "Der skete en fejl" in html
    assert '<html lang="da">' in html
    assert "/static/dkfds/css/dkfds.min.css" in html


def test_site_tags_can_be_loaded_by_any_template():
    template = engines["django"].from_string(
        "{% load site_tags %}{{ day|danish_date }} / {{ moment|danish_datetime }}"
    )
    moment = datetime.datetime(2009, 10, 22, 12, 30, tzinfo=datetime.UTC)

    html = template.render({"day": datetime.date(2009, 11, 24), "moment": moment})

    assert html == "24. november 2009 / 22. oktober 2009 kl. 14.30"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime.date(2009, 10, 22), "22. oktober 2009"),
        (datetime.date(2008, 6, 16), "16. juni 2008"),
        (datetime.date(2010, 1, 1), "1. januar 2010"),
        (datetime.datetime(2009, 12, 31, 23, 30, tzinfo=datetime.UTC), "1. januar 2010"),
        (None, ""),
        ("ikke en dato", ""),
    ],
)
def test_danish_date(value, expected):
    assert danish_date(value) == expected


def test_danish_datetime_falls_back_to_date():
    assert danish_datetime(datetime.date(2009, 3, 5)) == "5. marts 2009"


@pytest.mark.parametrize(
    ("size", "expected"),
    [(512, "512 byte"), (245_300, "245 kB"), (1_240_000, "1,2 MB"), (None, "")],
)
def test_danish_filesize(size, expected):
    assert danish_filesize(size) == expected


def test_home_page_is_the_site_root():
    assert get_home_page().url == "/"


def test_document_links_say_type_size_and_pages(client):
    from tests.public.conftest import make_document

    document = make_document("Referat fra mødet")
    document.page_count = 3
    document.save(update_fields=["page_count"])
    page = StandardPageFactory(title="Bilag", slug="bilag")
    page.body = StreamValue(
        page.body.stream_block,
        [
            ("document", document),
            ("paragraph", f'<p>Læs <a linktype="document" id="{document.pk}">referatet</a>.</p>'),
        ],
        is_lazy=False,
    )
    page.save_revision().publish()

    html = client.get("/bilag/").content.decode()

    details = f"PDF, {document.file_size} byte, 3 sider"
    assert f'Referat fra mødet <span class="document-link__meta">({details})</span>' in html
    assert f'data-document-details="{details}">referatet</a>' in html


def test_home_page_shows_the_newest_public_hearing_responses(client, planted):
    html = client.get("/").content.decode()

    assert "Nyeste høringssvar og udtalelser" in html
    assert f'href="{planted.public_response.url}"' in html
    assert "25. september 2009" in html
    assert f'href="{planted.draft_response.url}"' not in html
