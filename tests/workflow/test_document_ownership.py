"""A council's pages may use only its own documents and the shared ones, by any path."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.models import Collection

from council_pages.models import HearingResponsePage
from documents.collections import council_collection
from documents.models import CouncilDocument
from tests.documents.files import pdf_with_text
from tests.workflow.conftest import (
    form_data,
    login,
    make_hearing_response,
    workflow_action,
)
from visibility.models import SharedCollection

pytestmark = pytest.mark.django_db


def make_document(title, collection):
    document = CouncilDocument(title=title, collection=collection)
    document.file.save("bilag.pdf", ContentFile(pdf_with_text(title)), save=False)
    document.save()
    return document


def edit_with(client, page, **fields):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = form_data(client.get(url))
    data.setdefault("consultation_material-count", ["0"])
    data.setdefault("minority_opinions-count", ["0"])
    data.update({key: [value] for key, value in fields.items()})
    return client.post(url, data)


def block(document):
    return {
        "consultation_material-count": "1",
        "consultation_material-0-type": "document",
        "consultation_material-0-value": str(document.pk),
        "consultation_material-0-deleted": "",
        "consultation_material-0-order": "0",
        "consultation_material-0-id": "",
    }


def rich_text_link(document):
    return (
        '{"blocks":[{"key":"a","type":"unstyled","text":"Se bilaget","depth":0,'
        '"inlineStyleRanges":[],"entityRanges":[{"offset":3,"length":7,"key":0}]}],'
        '"entityMap":{"0":{"type":"DOCUMENT","mutability":"MUTABLE","data":{"id":'
        f"{document.pk}"
        "}}}}"
    )


@pytest.fixture
def herning_document(councils):
    return make_document("Herning-notat om herberget", council_collection(councils["b"]))


@pytest.mark.parametrize("path", ["block", "rich_text"])
def test_another_councils_document_is_refused_with_a_danish_message_and_the_input_kept(
    client, councils, people, herning_document, path
):
    page = make_hearing_response(councils["a"], user=people["secretary_a"])
    login(client, people["secretary_a"])
    fields = (
        block(herning_document)
        if path == "block"
        else {"response": rich_text_link(herning_document)}
    )
    response = edit_with(
        client, page, title="Svar med et nyt ord", **fields, **{"action-submit": "1"}
    )

    # StreamField errors travel as JSON to the editor's script, which shows them on the block.
    body = response.content.decode().replace("\\u00f8", "ø").replace("\\u201c", "“")
    assert response.status_code == 200
    assert "Herning-notat om herberget" in body
    assert "tilhører Vejle" in body
    assert "Svar med et nyt ord" in body  # the editor's input is kept
    page.refresh_from_db()
    assert page.title != "Svar med et nyt ord"
    assert page.current_workflow_state is None


def test_own_and_shared_documents_are_accepted(client, councils, people):
    page = make_hearing_response(councils["a"], user=people["secretary_a"])
    shared = Collection.get_first_root_node().add_child(name="Fælles vejledninger")
    SharedCollection.objects.create(collection=shared)
    own = make_document("Odense-notat", council_collection(councils["a"]))
    national = make_document("National vejledning", shared)
    login(client, people["secretary_a"])

    for document in (own, national):
        response = edit_with(client, page, **block(document))
        assert response.status_code == 302, response.content.decode()[:500]


def test_the_chair_cannot_approve_a_revision_that_links_to_another_councils_document(
    client, councils, people, herning_document
):
    page = make_hearing_response(councils["a"], live=False, user=people["secretary_a"])
    draft = page.get_latest_revision_as_object()
    draft.consultation_material = [("document", herning_document)]
    # An old revision, written before the rule (or by a path that skipped the form).
    draft.save_revision(user=people["secretary_a"], clean=False)
    page.refresh_from_db()
    page.get_workflow().start(page, people["secretary_a"])

    login(client, people["chair_a"])
    response = workflow_action(client, page, "approve")

    # The chair lands on the edit page, which says in Danish which document and whose it is.
    assert response.status_code == 302
    edit_page = client.get(response["Location"]).content.decode()
    assert f"Dokumentet “{herning_document.title}” tilhører" in edit_page
    page = HearingResponsePage.objects.get(pk=page.pk)
    assert not page.live
    assert page.workflow_in_progress
    assert not herning_document.__class__.objects.public().filter(pk=herning_document.pk).exists()


def test_copying_a_page_into_another_council_with_its_documents_is_refused(
    client, councils, people
):
    own = make_document("Odense-notat til kopi", council_collection(councils["a"]))
    page = make_hearing_response(councils["a"], user=people["secretary_a"])
    page.consultation_material = [("document", own)]
    page.save_revision().publish()
    target = make_hearing_response(councils["b"]).get_parent()
    login(client, people["admin"])

    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[page.pk]),
        {"new_title": "Kopi", "new_slug": "kopi", "new_parent_page": str(target.pk)},
        follow=True,
    )

    assert response.status_code == 200
    assert "Odense-notat til kopi" in response.content.decode()
    assert not HearingResponsePage.objects.child_of(target).filter(slug="kopi").exists()
