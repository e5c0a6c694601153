"""`manage.py set_site_address`: point the Site at WAGTAILADMIN_BASE_URL (run after deploys)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from council_pages.site_address import apply_public_address


class Command(BaseCommand):
    help = "Sætter sitets værtsnavn og port ud fra WAGTAILADMIN_BASE_URL."

    def handle(self, *args, **options):
        site = apply_public_address()
        if site is None:
            raise CommandError(
                f"Kunne ikke bruge WAGTAILADMIN_BASE_URL={settings.WAGTAILADMIN_BASE_URL!r}."
            )
        self.stdout.write(f"Sitet har nu adressen {site.root_url}")
