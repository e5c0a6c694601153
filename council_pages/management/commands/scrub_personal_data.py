"""`manage.py scrub_personal_data`: mask CPR numbers in old revisions, delete replaced files.

See ``council_pages.privacy_scrub`` for what it changes and what it leaves. ``--dry-run`` reports
without changing anything; ``--page`` limits it to some pages.
"""

from django.core.management.base import BaseCommand
from wagtail.models import Page

from council_pages.privacy_scrub import (
    delete_files,
    orphaned_files_with_cpr_numbers,
    scrub_page_revisions,
)


class Command(BaseCommand):
    help = (
        "Erstatter CPR-numre i siders gamle versioner med xxxxxx-xxxx og sletter udskiftede "
        "filer med CPR-numre. Den udgivne version og den seneste kladde ændres ikke."
    )

    def add_arguments(self, parser):
        parser.add_argument("--page", type=int, action="append", default=[], help="Sidens id.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Vis hvad der ville blive ændret, uden at ændre."
        )

    def handle(self, *args, page=(), dry_run=False, **options):
        pages = Page.objects.filter(pk__in=page) if page else Page.objects.filter(depth__gt=1)
        revisions = numbers = 0
        for each in pages.order_by("path"):
            result = scrub_page_revisions(each, dry_run=dry_run)
            if result.revisions:
                revisions += result.revisions
                numbers += result.cpr_numbers
                self.stdout.write(
                    f"{each.url_path}: {result.cpr_numbers} CPR-numre i "
                    f"{result.revisions} gamle versioner"
                )
        files = [] if page else orphaned_files_with_cpr_numbers()
        for path in files:
            self.stdout.write(f"Udskiftet fil med CPR-nummer: {path}")
        if not dry_run:
            delete_files(files)
        verb = "ville blive" if dry_run else "er"
        self.stdout.write(
            f"{numbers} CPR-numre i {revisions} gamle versioner og {len(files)} filer "
            f"{verb} fjernet."
        )
