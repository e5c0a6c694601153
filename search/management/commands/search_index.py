"""`manage.py search_index rebuild|check|repair|process`: look after the search index."""

import sys
import time

from django.core.management.base import BaseCommand

from search import indexing

SHOW = 10


class Command(BaseCommand):
    help = (
        "Søgeindekset: 'rebuild' bygger det forfra, 'check' finder afvigelser (exit 1), "
        "'repair' retter dem, 'process' behandler køen (fx fra cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "check", "repair", "process"])

    def handle(self, *args, action, **options):
        getattr(self, f"do_{action}")()

    def do_rebuild(self):
        started = time.monotonic()
        count = indexing.rebuild()
        self.stdout.write(
            self.style.SUCCESS(
                f"Søgeindekset er bygget forfra: {count} poster på "
                f"{time.monotonic() - started:.1f} s."
            )
        )

    def do_check(self):
        drift = indexing.check()
        self._report(drift)
        if not drift.clean:
            sys.exit(1)
        self.stdout.write(self.style.SUCCESS("Søgeindekset er i orden."))

    def do_repair(self):
        drift = indexing.repair()
        self._report(drift)
        remaining = indexing.check()
        if remaining.clean:
            self.stdout.write(self.style.SUCCESS("Søgeindekset er i orden."))
        else:
            self._report(remaining)
            sys.exit(1)

    def do_process(self):
        done, failed = indexing.process_queue()
        self.stdout.write(f"Behandlet: {done}, fejlet (prøves igen senere): {failed}.")
        if failed:
            sys.exit(1)

    def _report(self, drift):
        for label, keys in (
            ("mangler i indekset", drift.missing),
            ("er forældet i indekset", drift.stale),
            ("må ikke være i indekset", drift.extra),
        ):
            if keys:
                shown = ", ".join(keys[:SHOW]) + (" …" if len(keys) > SHOW else "")
                self.stdout.write(self.style.WARNING(f"{len(keys)} {label}: {shown}"))
        if drift.queued:
            self.stdout.write(f"{drift.queued} venter i indekseringskøen.")
