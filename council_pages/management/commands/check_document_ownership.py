"""``manage.py check_document_ownership``: pages that link to another council's documents.

Pages saved before the rule existed (or imported) may link to documents of another council.
Such a document is never made public by them (``visibility.rules``), but the page shows a dead
link and cannot be saved again until the link is fixed. This lists every such reference, in the
pages' current content and their latest drafts, and exits with status 1 when there is one.
"""

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page

from visibility.rules import foreign_documents


class Command(BaseCommand):
    help = "Lister sider, der linker til et andet råds dokumenter (fejl: exit-status 1)."

    def handle(self, *args, **options):
        problems = 0
        for page in Page.objects.filter(depth__gt=1).specific().iterator():
            versions = {"offentliggjort indhold" if page.live else "indhold": page}
            if page.has_unpublished_changes and page.latest_revision_id:
                versions["seneste kladde"] = page.latest_revision.as_object()
            for version_name, version in versions.items():
                for document, field in foreign_documents(version):
                    problems += 1
                    owner = document.council.title if document.council_id else "administratorerne"
                    self.stdout.write(
                        f"{page.url_path} ({version_name}, feltet {field}): dokument "
                        f"{document.pk} “{document.title}” tilhører {owner}"
                    )
        if problems:
            raise CommandError(f"{problems} henvisning(er) til andre råds dokumenter.")
        self.stdout.write("Ingen sider linker til andre råds dokumenter.")
