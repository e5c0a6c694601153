"""Factories for the core page types, chained by ``parent`` like Wagtail's own factories."""

import factory
import wagtail_factories

from council_pages.models import CouncilMember, CouncilPage, HomePage, MemberRole, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Udsatteråd i Danmark"
    slug = "forside-test"

    class Meta:
        model = HomePage


def get_home_page() -> HomePage:
    """The site's home page (created by migration), for tests that need the real site root."""
    return HomePage.objects.get()


class CouncilPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Udsatterådet i By {n}")
    slug = factory.Sequence(lambda n: f"by-{n}")
    official_name = factory.SelfAttribute("title")
    municipality = factory.Sequence(lambda n: f"By {n}")
    founded_year = 2008
    members_min = 8
    members_max = 12
    meetings_per_year = 4
    agenda_notice_days = 5
    parent = factory.LazyFunction(get_home_page)

    class Meta:
        model = CouncilPage


class CouncilMemberFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(CouncilPageFactory)
    name = factory.Sequence(lambda n: f"Medlem {n}")
    role = MemberRole.MEMBER

    class Meta:
        model = CouncilMember


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Side {n}")
    slug = factory.Sequence(lambda n: f"side-{n}")
    parent = factory.LazyFunction(get_home_page)

    class Meta:
        model = StandardPage


__all__ = [
    "CouncilMemberFactory",
    "CouncilPageFactory",
    "HomePageFactory",
    "StandardPageFactory",
    "get_home_page",
]
