from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from council_pages.backup import BackupError, restore, verify


class Command(BaseCommand):
    help = (
        "Genskaber databasen og de uploadede filer fra en sikkerhedskopi. "
        "Alt, der er i databasen og mappen med uploadede filer nu, erstattes."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path, help="Mappen med sikkerhedskopien.")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Spørg ikke, før alt erstattes.",
        )

    def handle(self, *args, directory, interactive, **options):
        try:
            manifest = verify(directory)
            if interactive:
                answer = input(
                    f"Sikkerhedskopien er fra {manifest['created']}. Alt nuværende indhold "
                    "erstattes. Skriv 'ja' for at fortsætte: "
                )
                if answer.strip().lower() != "ja":
                    raise CommandError("Afbrudt: intet er ændret.")
            restore(directory)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Genskabt fra {directory} ({manifest['created']}). Kør `manage.py migrate` "
            "bagefter, hvis sikkerhedskopien er fra en ældre version."
        )
