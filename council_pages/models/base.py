"""Shared behaviour of every page type on the site."""

from django.db import transaction
from wagtail.models import Page, PagePermissionTester

from council_pages.ownership import check_document_ownership
from council_pages.page_forms import PrivacyGuardPageForm
from council_pages.privacy_check import PersonalDataBlocked, check_page, log_blocked_publish
from council_pages.slugs import danish_slugify


class CouncilPagePermissionTester(PagePermissionTester):
    """Wagtail's page permissions, minus deleting and moving for anyone but site administrators.

    Stock Wagtail lets a user with "add" permission delete (and so move) pages they created.
    Here nothing leaves the site or changes its address without an administrator, so the editor
    does not even offer those actions to secretaries and chairs.
    """

    def can_delete(self, ignore_bulk=False):
        return self.user.is_superuser and super().can_delete(ignore_bulk=ignore_bulk)

    def can_move(self):
        return self.user.is_superuser and super().can_move()


class BasePage(Page):
    """Abstract base of all page types on the site.

    - Slugs stay ASCII with Danish transliteration: Wagtail's admin sends the slug with æ, ø and
      å intact (``WAGTAIL_ALLOW_UNICODE_SLUGS``); here it becomes ``moeder`` rather than ``moder``.
    - Publishing and unpublishing are atomic: the page going live, its log entry and everything
      the ``page_published`` signal's receivers write happen together or not at all.
    - Only site administrators may delete or move pages (``CouncilPagePermissionTester``).
    - Nothing with a CPR number is published, whoever publishes and however
      (``council_pages.privacy_check``): the editor's form says so first; this is the last check.
    - A page may link only to its own council's documents and the shared ones; saving, submitting,
      approving or publishing anything else fails (``check_document_ownership``).
    """

    base_form_class = PrivacyGuardPageForm

    class Meta:
        abstract = True

    def full_clean(self, *args, **kwargs):
        if self.slug:
            self.slug = danish_slugify(self.slug)
        elif self.title:
            self.slug = danish_slugify(self.title)
        super().full_clean(*args, **kwargs)
        if self.path:
            # A page not in the tree yet is checked by its form, which knows the parent.
            check_document_ownership(self, exclude=kwargs.get("exclude") or ())

    def publish(self, revision, *args, **kwargs):
        report = check_page(revision.as_object())
        if report.blocking:
            if kwargs.get("log_action") == "wagtail.publish.scheduled":
                # publish_scheduled goes on with the other pages; this one stays unpublished,
                # unscheduled, and its log says why.
                log_blocked_publish(self, revision, report)
                return None
            raise PersonalDataBlocked(report)
        with transaction.atomic():
            return super().publish(revision, *args, **kwargs)

    def unpublish(self, *args, **kwargs):
        with transaction.atomic():
            return super().unpublish(*args, **kwargs)

    def permissions_for_user(self, user):
        return CouncilPagePermissionTester(user, self)
