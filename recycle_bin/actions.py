"""Moving a page into the bin, back out of it, and deleting it for good."""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.actions.delete_page import DeletePageAction
from wagtail.actions.move_page import MovePageAction
from wagtail.models import Page

from .models import DeletedPage, RecycleBinPage

logger = logging.getLogger(__name__)


def in_bin(page: Page) -> bool:
    bin_page = RecycleBinPage.objects.first()
    return bin_page is not None and page.path.startswith(bin_page.path)


@transaction.atomic
def recycle(page: Page, user) -> DeletedPage:
    """Move ``page`` and its children into the bin; nothing is deleted."""
    bin_page = RecycleBinPage.get()
    entry = DeletedPage.objects.create(
        page=page,
        original_parent=page.get_parent(),
        original_slug=page.slug,
        title=page.title,
        deleted_by=user,
    )
    # Two pages of the same name (two councils' "moeder") may lie in the bin at once.
    Page.objects.filter(pk=page.pk).update(slug=f"{page.pk}-{page.slug}"[:255])
    page.refresh_from_db()
    MovePageAction(page, bin_page, pos="last-child", user=user).execute(skip_permission_checks=True)
    return entry


@transaction.atomic
def restore(entry: DeletedPage, user) -> bool:
    """Put the page back where it stood, under its old name; False when that place is gone."""
    parent = entry.original_parent
    if parent is None or in_bin(parent):
        return False
    page = entry.page.specific
    slug = entry.original_slug
    if not Page._slug_is_available(slug, parent, page):
        slug = page.slug  # the old name was taken meanwhile: keep the bin's numbered one
    Page.objects.filter(pk=page.pk).update(slug=slug)
    page.refresh_from_db()
    MovePageAction(page, parent.specific, pos="last-child", user=user).execute(
        skip_permission_checks=True
    )
    entry.delete()
    return True


def delete_for_good(entries, user=None) -> int:
    """Delete the entries' pages (and their children) through Wagtail: the audit log has it."""
    count = 0
    for entry in list(entries):
        page = entry.page.specific
        with transaction.atomic():
            DeletePageAction(page, user=user).execute(skip_permission_checks=True)
        logger.info("Papirkurv: %r (side %s) slettet for altid", entry.title, entry.page_id)
        count += 1
    return count


def expired(now=None):
    """Entries that have been in the bin longer than ``RECYCLE_BIN_DAYS``."""
    limit = (now or timezone.now()) - datetime.timedelta(days=settings.RECYCLE_BIN_DAYS)
    return DeletedPage.objects.filter(deleted_at__lt=limit)
