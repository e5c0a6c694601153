"""Remove CPR numbers from what the site keeps but no longer shows: old revisions, replaced files.

The privacy guard stops a CPR number from being published; it cannot undo one that was written
before it, or that a secretary typed into a draft and then deleted: every saved version of a page
stays in its history, and a file replaced outside the admin's own form may stay on disk. Site
administrators run this per page from the admin (the page's "..." menu) or for the whole site
with ``manage.py scrub_personal_data``.

What it changes: every CPR number in a page's *old* revisions becomes ``xxxxxx-xxxx``. The
published revision and the latest draft are left as they are (the public content is untouched,
and the editor's current work is the mask button's business), and so are phone numbers, e-mail
addresses and case words: the guard only warns about those, and history keeps them. Files in the
documents folder that no document uses any more are deleted when their text has a CPR number.
Each page's clean-up is written to its log, with counts only (never the numbers themselves).
"""

import logging
from dataclasses import dataclass

from django.core.files.storage import default_storage
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import PageLogEntry, Revision

from documents.extraction import extract
from documents.filetypes import sniff
from privacy_guard.detector import CPR_MASK, contains_cpr_number, mask_cpr_numbers

logger = logging.getLogger(__name__)

LOG_REVISIONS_SCRUBBED = "council_pages.privacy_revisions_scrubbed"

# Keys in a revision's content that hold structure, not text anybody wrote.
STRUCTURAL_KEYS = frozenset({"id", "type", "pk", "path", "url_path", "content_type"})


@dataclass
class ScrubResult:
    """How many old revisions of a page had CPR numbers, and how many numbers were masked."""

    revisions: int = 0
    cpr_numbers: int = 0


def old_revisions(page):
    """The page's revisions other than the published one and the latest draft."""
    keep = {page.live_revision_id, page.latest_revision_id} - {None}
    return Revision.page_revisions.filter(object_id=str(page.pk)).exclude(pk__in=keep)


def scrub_page_revisions(page, user=None, *, dry_run=False) -> ScrubResult:
    """Mask every CPR number in ``page``'s old revisions; log what was done on the page."""
    result = ScrubResult()
    with transaction.atomic():
        for revision in old_revisions(page).select_for_update():
            content, count = _mask(revision.content)
            if not count:
                continue
            result.revisions += 1
            result.cpr_numbers += count
            if not dry_run:
                revision.content = content
                revision.save(update_fields=["content"])
        if result.revisions and not dry_run:
            PageLogEntry.objects.log_action(
                page,
                LOG_REVISIONS_SCRUBBED,
                user=user,
                data={"revisions": result.revisions, "cpr_numbers": result.cpr_numbers},
            )
    return result


def orphaned_files_with_cpr_numbers(folder: str = "documents") -> list[str]:
    """Files in the documents folder that no document uses and whose text has a CPR number."""
    try:
        _, names = default_storage.listdir(folder)
    except FileNotFoundError:
        return []
    used = set(get_document_model().objects.values_list("file", flat=True))
    found = []
    for name in sorted(names):
        path = f"{folder}/{name}"
        if path in used:
            continue
        try:
            with default_storage.open(path, "rb") as fileobj:
                kind = sniff(fileobj)
                text = extract(fileobj, kind.key).text if kind else ""
        except Exception:
            # A damaged leftover cannot be read, so it cannot be shown to hold a CPR number.
            logger.warning("Could not read the unused file %s", path, exc_info=True)
            continue
        if contains_cpr_number(text):
            found.append(path)
    return found


def delete_files(paths) -> None:
    for path in paths:
        default_storage.delete(path)


def _mask(data, key=None) -> tuple[object, int]:
    """``data`` with CPR numbers masked in every text value, and how many there were."""
    if isinstance(data, str):
        if key in STRUCTURAL_KEYS:
            return data, 0
        masked = mask_cpr_numbers(data)
        return masked, _count_masks(data, masked)
    if isinstance(data, list):
        items = [_mask(item) for item in data]
        return [item for item, _ in items], sum(count for _, count in items)
    if isinstance(data, dict):
        items = {name: _mask(value, name) for name, value in data.items()}
        return (
            {name: value for name, (value, _) in items.items()},
            sum(count for _, count in items.values()),
        )
    return data, 0


def _count_masks(before: str, after: str) -> int:
    if before == after:
        return 0
    # A StreamField's text is JSON inside the revision's JSON; count the numbers, not the strings.
    return after.count(CPR_MASK) - before.count(CPR_MASK)
