"""`manage.py privacy_scan`: report personal data in what the site already publishes.

For content from before the privacy guard, and as a nightly check: every visible page
(``visibility.rules``) and every public document is read with the same detector and lists as the
guard in the editor. Prints one line per finding and a count; exits with status 1 when there is
anything, so a cron job can mail the output. ``--file`` checks plain-text files instead (e.g. to
measure false positives on a known text).
"""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand
from wagtail.documents import get_document_model
from wagtail.models import Page

from council_pages.privacy_check import check_document, check_page, check_texts, describe
from visibility.rules import visible


class Command(BaseCommand):
    help = (
        "Finder CPR-numre, telefonnumre, e-mailadresser og ord om enkeltsager på synlige sider "
        "og i offentlige dokumenter. Afslutter med status 1, hvis der er fund."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--file",
            action="append",
            default=[],
            help="Tjek denne tekstfil i stedet for sitet (kan gives flere gange).",
        )

    def handle(self, *args, file=(), **options):
        if file:
            reports = [
                (path, check_texts([(path, Path(path).read_text(encoding="utf-8"))]))
                for path in file
            ]
        else:
            reports = [
                (page.url_path, check_page(page, documents=False))
                for page in visible(Page.objects.all()).specific().order_by("path")
            ]
            reports += [
                (f"dokument {document.pk}: {document.title}", check_document(document))
                for document in get_document_model().objects.public().order_by("pk")
            ]
        count = 0
        for where, report in reports:
            for finding in report.findings:
                count += 1
                self.stdout.write(f"{where} {describe(finding)}")
        self.stdout.write(f"{count} fund ({len(reports)} kontrolleret)")
        if count:
            sys.exit(1)
