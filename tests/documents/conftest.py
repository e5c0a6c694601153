"""Fixtures for the document tests: councils, users with collection permissions, real files."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import GroupCollectionPermission

from council_pages.models import CouncilPage, HomePage
from documents.collections import council_collection
from documents.models import CouncilDocument
from tests.documents import files


@pytest.fixture
def home(db):
    return HomePage.objects.get()


@pytest.fixture
def make_council(home):
    def make(title, municipality=None):
        council = CouncilPage(
            title=title,
            official_name=f"Udsatterådet i {municipality or title}",
            municipality=municipality or title,
        )
        home.add_child(instance=council)
        return council

    return make


@pytest.fixture
def odense(make_council):
    return make_council("Odense")


@pytest.fixture
def vejle(make_council):
    return make_council("Vejle")


@pytest.fixture
def make_secretary(django_user_model):
    """A user who may use the admin and add, edit and choose documents of one council only."""

    def make(username, council):
        user = django_user_model.objects.create_user(username=username, password="pw")
        group = Group.objects.create(name=f"Sekretærer {council.title} ({username})")
        group.permissions.add(Permission.objects.get(codename="access_admin"))
        collection = council_collection(council)
        for codename in ("add_document", "change_document", "choose_document"):
            GroupCollectionPermission.objects.create(
                group=group,
                collection=collection,
                permission=Permission.objects.get(
                    content_type__app_label="wagtaildocs", codename=codename
                ),
            )
        user.groups.add(group)
        return user

    return make


@pytest.fixture
def pdf_bytes():
    return files.pdf_with_text("Høringssvar om hjemløsestrategien")


@pytest.fixture
def make_document(db):
    """A document stored the way an upload stores it, in the council's collection."""
    from django.core.files.base import ContentFile

    from documents.models import CouncilDocument

    def make(council, name="Høringssvar.pdf", content=None, title="Høringssvar"):
        document = CouncilDocument(
            title=title,
            file=ContentFile(content or files.pdf_with_text(title), name=name),
            collection=council_collection(council) if council else None,
        )
        if document.collection is None:
            from wagtail.models import Collection

            document.collection = Collection.get_first_root_node()
        document.save()
        return document

    return make


@pytest.fixture
def make_page(home):
    """A live page linking to the given documents: a hearing response of the documents'
    council (a document is public only through its own council's pages), or a standard page
    under the home page for site-wide documents."""
    import datetime

    from council_pages.models import HearingResponseIndexPage, HearingResponsePage, StandardPage

    def make(*documents, title="Om rådet", live=True):
        council = documents[0].council if documents else None
        if council is None:
            page = StandardPage(
                title=title, body=[("document", document) for document in documents], live=live
            )
            home.add_child(instance=page)
        else:
            index = HearingResponseIndexPage.objects.child_of(council).first()
            if index is None:
                index = HearingResponseIndexPage(title="Høringssvar", slug="hoeringssvar")
                council.add_child(instance=index)
            page = HearingResponsePage(
                title=title,
                consultation_material=[("document", document) for document in documents],
                summary="Rådet siger ja.",
                response="<p>Rådet støtter forslaget.</p>",
                response_date=datetime.date(2010, 3, 1),
                live=live,
            )
            index.add_child(instance=page)
        page.save_revision()
        return page

    return make


@pytest.fixture
def secretary(odense, make_secretary):
    return make_secretary("sekretaer-odense", odense)


@pytest.fixture
def upload(client, secretary, odense, django_capture_on_commit_callbacks):
    """Upload through the admin form and run the background task, as a worker would."""
    client.force_login(secretary)

    def do(name, content, title="Bilag"):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                reverse("wagtaildocs:add"),
                {
                    "title": title,
                    "file": SimpleUploadedFile(name, content),
                    "collection": council_collection(odense).pk,
                },
            )
        assert response.status_code == 302, response.content
        return CouncilDocument.objects.get(title=title)

    return do
