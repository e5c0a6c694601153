"""`manage.py extract_document_text`: queue text extraction for documents that need it."""

from django.core.management.base import BaseCommand
from django.db.models import F

from documents.models import CouncilDocument
from documents.tasks import extract_document_text


class Command(BaseCommand):
    help = (
        "Læser teksten i dokumenter, hvor den mangler eller er forældet (fx efter en import). "
        "Med --all læses alle dokumenter igen."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--all", action="store_true", help="Læs teksten i alle dokumenter igen."
        )

    def handle(self, *args, all=False, **options):
        documents = CouncilDocument.objects.exclude(file="")
        if not all:
            documents = documents.exclude(text_extracted_hash=F("file_hash"))
        count = 0
        for document in documents.iterator():
            if not document.file_hash:
                document.save()  # computes the hash, which queues the extraction itself
            else:
                extract_document_text.enqueue(document.pk, document.file_hash)
            count += 1
        self.stdout.write(f"Tekstudtræk sat i kø for {count} dokument(er).")
