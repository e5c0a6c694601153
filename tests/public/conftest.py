"""A small site with everything the public must NOT see planted beside what it may see."""

from dataclasses import dataclass

import pytest
from django.core.files.base import ContentFile
from wagtail.blocks import StreamValue
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from council_pages.models.meeting_privacy import restrict_to_council
from documents.models import CouncilDocument
from tests.factories import CouncilPageFactory, StandardPageFactory
from tests.factories_publications import (
    HearingResponsePageFactory,
    MeetingIndexPageFactory,
    MeetingPageFactory,
)

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@dataclass
class PlantedSite:
    council: object
    public_meeting: object
    secret_minutes: object
    draft_response: object
    public_response: object
    public_page: object
    private_page: object
    public_document: object
    private_page_document: object
    private_collection_document: object

    @property
    def hidden_pages(self):
        return [self.secret_minutes, self.draft_response, self.private_page]

    @property
    def visible_pages(self):
        return [self.council, self.public_meeting, self.public_response, self.public_page]


def make_document(title, collection=None):
    collection = collection or Collection.get_first_root_node()
    document = CouncilDocument(title=title, collection=collection)
    document.file.save(f"{title.lower().replace(' ', '-')}.pdf", ContentFile(PDF_BYTES), save=False)
    document.save()
    return document


def with_document(page, document):
    page.body = StreamValue(page.body.stream_block, [("document", document)], is_lazy=False)
    page.save()
    return page


@pytest.fixture
def planted(db):
    council = CouncilPageFactory(title="Udsatterådet i Testby", slug="testby")
    meetings = MeetingIndexPageFactory(parent=council)
    public_meeting = MeetingPageFactory(parent=meetings, slug="2009-10-22")
    secret_minutes = MeetingPageFactory(parent=meetings, slug="2009-11-24", title="Hemmeligt møde")
    restrict_to_council(secret_minutes, council)

    public_response = HearingResponsePageFactory(parent__parent=council, title="Offentligt svar")
    draft_response = HearingResponsePageFactory(
        parent=public_response.get_parent(), title="Kladde til svar", live=False
    )

    public_document = make_document("Offentligt bilag")
    private_page_document = make_document("Bilag til lukket side")
    secret_collection = Collection.get_first_root_node().add_child(name="Lukket samling")
    CollectionViewRestriction.objects.create(
        collection=secret_collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    private_collection_document = make_document("Lukket bilag", collection=secret_collection)

    public_page = with_document(StandardPageFactory(title="Om sitet", slug="om"), public_document)
    with_document(StandardPageFactory(title="Side med lukket bilag"), private_collection_document)
    private_page = with_document(
        StandardPageFactory(title="Kun for rådet", slug="kun-for-raadet"), private_page_document
    )
    PageViewRestriction.objects.create(
        page=private_page, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
    )
    return PlantedSite(
        council=council,
        public_meeting=public_meeting,
        secret_minutes=secret_minutes,
        draft_response=draft_response,
        public_response=public_response,
        public_page=public_page,
        private_page=private_page,
        public_document=public_document,
        private_page_document=private_page_document,
        private_collection_document=private_collection_document,
    )
