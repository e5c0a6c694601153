"""The page tree of ARCHITECTURE.md is enforced by the page types themselves."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from council_pages.models import CouncilPage, HomePage, StandardPage


class PageTreeTests(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_and_is_unique(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertEqual(HomePage.max_count, 1)
        # The migration created the one home page already, so no second one can be added.
        self.assertFalse(HomePage.can_create_at(Page.get_first_root_node()))

    def test_home_page_holds_councils_and_standard_pages(self):
        self.assertAllowedSubpageTypes(HomePage, {CouncilPage, StandardPage})

    def test_council_page_lives_under_the_home_page_only(self):
        self.assertAllowedParentPageTypes(CouncilPage, {HomePage})
        self.assertCanNotCreateAt(CouncilPage, CouncilPage)
        self.assertCanNotCreateAt(StandardPage, CouncilPage)

    def test_standard_page_is_a_leaf_under_the_home_page(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage})
        self.assertAllowedSubpageTypes(StandardPage, set())

    def test_site_root_is_the_home_page(self):
        home = HomePage.objects.get()
        self.assertPageIsRoutable(home)
        self.assertEqual(home.url, "/")
