"""/maalgrupper/<slug>/: every council's visible publications about one target group."""

import datetime
import re

import pytest
from wagtail.models import PageViewRestriction

from council_pages.models import HearingResponsePage, TargetGroup
from tests.factories import CouncilPageFactory
from tests.factories_publications import (
    HearingResponseIndexPageFactory,
    HearingResponsePageFactory,
)


def tagged(index, title, slug, day, group):
    page = HearingResponsePageFactory(
        parent=index, title=title, response_date=day, received_on=None, deadline=None
    )
    page.target_groups.set([group])
    page.save_revision().publish()
    return page


@pytest.fixture
def content(db):
    group = TargetGroup.objects.get(slug="hjemloese")
    other = TargetGroup.objects.exclude(slug="hjemloese").first()
    odense = CouncilPageFactory(slug="odense", title="Rådet i Odense")
    vejle = CouncilPageFactory(slug="vejle", title="Rådet i Vejle")
    odense.target_groups.set([group])
    odense.save_revision().publish()
    o_index = HearingResponseIndexPageFactory(parent=odense)
    v_index = HearingResponseIndexPageFactory(parent=vejle)
    tagged(o_index, "Svar om hjemløse 2008", "a", datetime.date(2008, 5, 1), group)
    tagged(v_index, "Svar om hjemløse 2009", "b", datetime.date(2009, 5, 1), group)
    tagged(v_index, "Svar om noget andet", "c", datetime.date(2009, 6, 1), other)
    tagged(o_index, "Kladde om hjemløse", "d", datetime.date(2009, 7, 1), group).unpublish()
    closed = tagged(o_index, "Lukket om hjemløse", "e", datetime.date(2009, 8, 1), group)
    PageViewRestriction.objects.create(page=closed, restriction_type=PageViewRestriction.LOGIN)
    hidden = CouncilPageFactory(slug="skjult")
    tagged(
        HearingResponseIndexPageFactory(parent=hidden),
        "Skjult om hjemløse",
        "f",
        datetime.date(2009, 9, 1),
        group,
    )
    hidden.unpublish()
    return group


@pytest.mark.django_db
def test_lists_visible_publications_about_the_group_newest_first(client, content):
    response = client.get("/maalgrupper/hjemloese/")
    assert response.status_code == 200
    html = response.content.decode()
    titles = re.findall(r'<h3 class="h4"><a href="[^"]+">([^<]+)</a>', html)
    assert titles == ["Svar om hjemløse 2009", "Svar om hjemløse 2008"]
    assert "Rådet i Vejle" in html  # each item names its council
    assert 'href="/odense/">Rådet i Odense</a>' in html  # councils working with the group
    for hidden in ("Kladde", "Lukket", "Skjult", "noget andet"):
        assert hidden not in html


@pytest.mark.django_db
def test_unknown_group_is_a_danish_404(client, content):
    response = client.get("/maalgrupper/findes-ikke/")
    assert response.status_code == 404


@pytest.mark.django_db
def test_a_pages_target_groups_link_to_the_group_across_councils(client, content):
    chip = '<li><a href="/maalgrupper/hjemloese/">Hjemløse</a></li>'
    council = client.get("/odense/").content.decode()
    assert chip in council
    response = HearingResponsePage.objects.live().get(title="Svar om hjemløse 2008")
    assert chip in client.get(response.url).content.decode()
