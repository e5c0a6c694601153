from django.conf import settings
from django.core.management.base import BaseCommand

from recycle_bin.actions import delete_for_good, expired


class Command(BaseCommand):
    help = "Delete for good the pages that have lain in the Papirkurv longer than RECYCLE_BIN_DAYS."

    def handle(self, *args, **options):
        count = delete_for_good(expired())
        self.stdout.write(
            f"{count} sider slettet for altid (ældre end {settings.RECYCLE_BIN_DAYS} dage)."
        )
