"""Who may download a document, and the headers it is served with."""

from urllib.parse import quote

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import (
    BaseViewRestriction,
    CollectionViewRestriction,
    PageViewRestriction,
)

from documents.collections import council_collection
from documents.models import CouncilDocument
from documents.privacy import is_public
from tests.documents import files


def download(client, document):
    response = client.get(document.url)
    if hasattr(response, "streaming_content"):
        response.body = b"".join(response.streaming_content)
    return response


@pytest.fixture
def document(odense, make_document):
    return make_document(odense, "Årsrapport 2009.pdf", files.pdf_with_text("Årsrapport"))


def test_document_url_is_under_dokumenter(document):
    assert document.url.startswith("/dokumenter/")


def test_unattached_document_is_not_public(client, document):
    assert not is_public(document)
    assert download(client, document).status_code == 404
    assert document not in CouncilDocument.objects.public()


def test_document_on_a_live_public_page_is_public(client, document, make_page):
    make_page(document)
    assert is_public(document)
    assert list(CouncilDocument.objects.public()) == [document]
    response = download(client, document)
    assert response.status_code == 200
    assert response.body == document.file.open("rb").read()


def test_document_on_an_unpublished_page_only_is_not_public(client, document, make_page):
    make_page(document, live=False)
    assert not is_public(document)
    assert download(client, document).status_code == 404


def test_unpublishing_the_page_makes_the_document_private_again(client, document, make_page):
    page = make_page(document)
    assert download(client, document).status_code == 200
    page.unpublish()
    assert download(client, document).status_code == 404
    assert not CouncilDocument.objects.public().exists()


def test_document_on_a_private_page_follows_the_page_restriction(
    client, django_user_model, document, make_page
):
    page = make_page(document, title="Fortroligt referat")
    PageViewRestriction.objects.create(page=page, restriction_type=BaseViewRestriction.LOGIN)
    assert not is_public(document)
    assert not CouncilDocument.objects.public().exists()
    assert download(client, document).status_code == 404
    client.force_login(django_user_model.objects.create_user("borger", password="pw"))
    assert download(client, document).status_code == 200


def test_group_restricted_page_keeps_its_documents_from_other_users(
    client, django_user_model, document, make_page
):
    page = make_page(document)
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=BaseViewRestriction.GROUPS
    )
    members = Group.objects.create(name="Rådsmedlemmer Odense")
    restriction.groups.add(members)
    outsider = django_user_model.objects.create_user("udenfor", password="pw")
    client.force_login(outsider)
    assert download(client, document).status_code == 404
    outsider.groups.add(members)
    assert download(client, document).status_code == 200


def test_one_public_page_is_enough(client, document, make_page):
    make_page(document, live=False, title="Kladde")
    make_page(document, title="Offentlig side")
    assert is_public(document)
    assert download(client, document).status_code == 200


def test_document_in_a_private_collection_is_not_public(document, make_page):
    make_page(document)
    CollectionViewRestriction.objects.create(
        collection=document.collection, restriction_type=BaseViewRestriction.LOGIN
    )
    assert not is_public(document)
    assert not CouncilDocument.objects.public().exists()


def test_private_sub_collection_is_not_public_but_siblings_are(odense, make_document, make_page):
    private = council_collection(odense).add_child(name="Odense, fortroligt")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=BaseViewRestriction.LOGIN
    )
    hidden = make_document(odense, "skjult.pdf", title="Skjult")
    hidden.collection = private
    hidden.save()
    shown = make_document(odense, "synlig.pdf", title="Synlig")
    make_page(hidden, shown)
    assert list(CouncilDocument.objects.public()) == [shown]
    assert hidden.council_id == odense.pk


def test_councils_own_secretary_can_download_before_publication(
    client, odense, document, make_secretary
):
    client.force_login(make_secretary("sekretaer-odense", odense))
    response = download(client, document)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_other_councils_secretary_cannot_download_unpublished_documents(
    client, vejle, document, make_secretary
):
    client.force_login(make_secretary("sekretaer-vejle", vejle))
    assert download(client, document).status_code == 404


def test_site_administrator_can_download_everything(client, django_user_model, document):
    client.force_login(
        django_user_model.objects.create_superuser("admin", "admin@example.dk", "pw")
    )
    assert download(client, document).status_code == 200


def test_wrong_filename_in_the_address_is_not_found(client, document, make_page):
    make_page(document)
    assert client.get(f"/dokumenter/{document.pk}/andet-navn.pdf").status_code == 404


def test_pdf_is_served_inline_with_real_name_and_strict_headers(client, document, make_page):
    make_page(document)
    response = download(client, document)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'inline; filename="Aarsrapport 2009.pdf"; '
        f"filename*=UTF-8''{quote('Årsrapport 2009.pdf', safe='')}"
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert "Content-Encoding" not in response
    assert "public" in response["Cache-Control"]
    assert "X-Robots-Tag" not in response


def test_office_files_are_downloaded_as_attachments_in_a_sandbox(
    client, odense, make_document, make_page
):
    document = make_document(odense, "Budget for 2010.xlsx", files.xlsx(), title="Budget")
    make_page(document)
    response = download(client, document)
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response["Content-Disposition"] == 'attachment; filename="Budget for 2010.xlsx"'
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_public_queryset_matches_is_public(odense, vejle, make_document, make_page):
    published = make_document(odense, "a.pdf", title="A")
    draft_only = make_document(vejle, "b.pdf", title="B")
    unattached = make_document(vejle, "c.pdf", title="C")
    make_page(published)
    make_page(draft_only, live=False, title="Kladde")
    public = set(CouncilDocument.objects.public())
    assert public == {published}
    for document in (published, draft_only, unattached):
        assert is_public(document) == (document in public)


def test_password_protected_collection_shows_the_password_form(client, document, make_page):
    make_page(document)
    CollectionViewRestriction.objects.create(
        collection=document.collection,
        restriction_type=BaseViewRestriction.PASSWORD,
        password="hemmelig",
    )
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "Content-Disposition" not in response
    restriction = CollectionViewRestriction.objects.get()
    client.post(
        reverse("wagtaildocs_authenticate_with_password", args=[restriction.pk]),
        {"password": "hemmelig", "return_url": document.url},
    )
    response = download(client, document)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]


def test_unchanged_document_answers_not_modified_with_strict_headers(client, document, make_page):
    make_page(document)
    first = download(client, document)
    again = client.get(document.url, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    assert again["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    "path",
    [
        "/dokumenter/99999999999999999999999/x.pdf",
        "/dokumenter/0/x.pdf",
        "/dokumenter/12/",
        "/dokumenter/12/..%2F..%2Fetc%2Fpasswd",
    ],
)
def test_bad_document_addresses_are_not_found(db, client, path):
    assert client.get(path).status_code == 404


def test_edit_page_tells_the_editor_whether_the_public_can_download(
    client, odense, document, make_secretary, make_page
):
    client.force_login(make_secretary("sekretaer-odense", odense))
    edit_url = reverse("wagtaildocs:edit", args=[document.pk])
    assert "kan endnu ikke hentes af alle" in client.get(edit_url).content.decode()
    make_page(document)
    assert "Alle kan hente dokumentet" in client.get(edit_url).content.decode()
