"""Uploading council documents in the real admin (the multiple-upload page runs on JavaScript)."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupCollectionPermission

from council_pages.models import CouncilPage, HomePage
from documents.collections import council_collection
from documents.models import CouncilDocument
from tests.documents import files

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def secretary(django_user_model):
    council = CouncilPage(title="Herning", official_name="Rådet i Herning", municipality="Herning")
    HomePage.objects.get().add_child(instance=council)
    user = django_user_model.objects.create_user("sekretaer-herning", password="hemmelig-kode")
    group = Group.objects.create(name="Herning sekretærer")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_document", "change_document", "choose_document"):
        GroupCollectionPermission.objects.create(
            group=group,
            collection=council_collection(council),
            permission=Permission.objects.get(
                content_type__app_label="wagtaildocs", codename=codename
            ),
        )
    user.groups.add(group)
    return user, council


def test_multiple_upload_accepts_good_files_and_explains_refusals(page, secretary):
    user, council = secretary
    page.goto("/admin/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", "hemmelig-kode")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")

    page.goto("/admin/documents/multiple/add/")
    page.locator("input[type=file]").set_input_files(
        [
            {
                "name": "Høringssvar om tandpleje.pdf",
                "mimeType": "application/pdf",
                "buffer": files.pdf_with_text("Rådet anbefaler en mobil tandklinik."),
            },
            {
                "name": "falsk.pdf",
                "mimeType": "application/pdf",
                "buffer": files.html_named_pdf(),
            },
        ]
    )

    page.get_by_text("ikke en rigtig PDF-fil").wait_for()
    page.locator("input[name$='-title']").first.wait_for()
    document = CouncilDocument.objects.get()
    assert document.original_filename == "Høringssvar om tandpleje.pdf"
    assert document.council_id == council.pk
    assert document.collection == council_collection(council)
    assert "mobil tandklinik" in document.extracted_text
