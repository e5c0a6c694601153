from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from council_pages.backup import BackupError, backup


class Command(BaseCommand):
    help = "Tager en sikkerhedskopi af databasen og de uploadede filer til en ny mappe."

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path, help="En ny (eller tom) mappe.")

    def handle(self, *args, directory, **options):
        try:
            manifest = backup(directory)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Sikkerhedskopi gemt i {directory}: {manifest['database']}-databasen og "
            f"{len(manifest['files']) - 1} filer, med kontrolsummer i manifest.json."
        )
