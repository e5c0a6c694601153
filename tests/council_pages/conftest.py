import pytest

from tests.factories import CouncilPageFactory
from tests.factories_publications import MeetingIndexPageFactory


@pytest.fixture
def meeting_index(db):
    """A meeting index under a council whose rules ask for five days' notice of the agenda."""
    council = CouncilPageFactory(slug="odense", agenda_notice_days=5)
    return MeetingIndexPageFactory(parent=council)
