"""`manage.py load_demo`: build (or refresh) the demo site. Safe to run again and again."""

from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

from council_pages.demo import DemoContext

# Each step is a module with `load(ctx: DemoContext) -> None`; order matters.
STEPS = [
    "council_pages.demo.councils",
    "council_pages.demo.site_pages",
    "council_pages.demo.site_address",
    "council_pages.demo.publications",
    "documents.demo",
    "council_pages.demo.workflow",
    "search.demo",  # keep last: indexes what the steps above created
]

DEFAULT_PASSWORD = "demo"  # noqa: S105 - the documented demo password, warned about on use


class Command(BaseCommand):
    help = "Opretter demo-sitet: fem udsatteråd, medlemmer, indhold og brugere. Kan køres igen."

    def add_arguments(self, parser):
        parser.add_argument(
            "--password",
            default=None,
            help="Adgangskode til alle demo-brugere (standard: 'demo').",
        )

    def handle(self, *args, password=None, **options):
        if password is None:
            password = DEFAULT_PASSWORD
            self.stderr.write(
                self.style.WARNING(
                    "ADVARSEL: demo-brugerne får adgangskoden 'demo'. "
                    "Brug --password på en server, der kan nås af andre."
                )
            )
        ctx = DemoContext(password=password, stdout=self.stdout, style=self.style)
        with transaction.atomic():
            for step in STEPS:
                import_module(step).load(ctx)
        self.stdout.write(self.style.SUCCESS("Demo-sitet er klar."))
        self.stdout.write("Log ind på /admin/ som:")
        for username, description in ctx.logins:
            self.stdout.write(f"  {username:<22} {description}")
        self.stdout.write(f"Adgangskode: {password}")
