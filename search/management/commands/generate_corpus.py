"""`manage.py generate_corpus --records N --seed S`: a benchmark corpus, indexed."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from search import indexing
from search.corpus import WORD_LIST, WordListMissing, generate


class Command(BaseCommand):
    help = (
        "Opretter N offentliggjorte sider og dokumenter med dansk tekst til søgebenchmarket "
        "og bygger søgeindekset. Brug en database, der kun er til benchmark."
    )

    def add_arguments(self, parser):
        parser.add_argument("--records", type=int, required=True, help="Antal poster, fx 20000.")
        parser.add_argument("--seed", type=int, default=1, help="Startværdi for tilfældighed.")
        parser.add_argument(
            "--no-index", action="store_true", help="Byg ikke søgeindekset bagefter."
        )
        parser.add_argument(
            "--word-list", type=Path, default=WORD_LIST, help=f"Ordliste (standard: {WORD_LIST})."
        )

    def handle(self, *args, records, seed, no_index, word_list, **options):
        if records < 1:
            raise CommandError("--records skal være mindst 1.")
        started = time.monotonic()
        try:
            built = generate(records, seed, log=self.stdout.write, word_list=word_list)
        except WordListMissing as exc:
            raise CommandError(
                f"Ordlisten {word_list} mangler. Installér den med: apt-get install wdanish"
            ) from exc
        self.stdout.write(
            f"Oprettet {built.pages} sider og {built.documents} dokumenter på "
            f"{time.monotonic() - started:.1f} s."
        )
        if not no_index:
            started = time.monotonic()
            count = indexing.rebuild()
            self.stdout.write(
                f"Søgeindekset bygget: {count} poster på {time.monotonic() - started:.1f} s."
            )
