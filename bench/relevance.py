"""Relevance benchmark: Danish queries with known answers against the demo site's search.

    .venv/bin/python bench/relevance.py                                   # SQLite (a temp file)
    scripts/with-postgres.sh .venv/bin/python bench/relevance.py          # PostgreSQL
    .venv/bin/python bench/relevance.py --verbose                         # every query's top 3

Builds a fresh database (SQLite: a throwaway file; PostgreSQL: the empty database DATABASE_URL
names), loads the demo (``manage.py load_demo``), rebuilds the search index and asks the search
service every query in ``QUERIES``: people's Danish as they type it, in six kinds (the word as
written in the page, another number, the definite form, a part of a compound, a misspelling, a
whole question). Each query has the addresses of the pages that answer it; a query counts as a
hit@3 when one of them is among the first three results, and its reciprocal rank is 1/r for the
first answer at rank r <= 10 (0 otherwise). Prints hit@3 and MRR@10 per kind and overall.
Relevance, not speed: the figures do not depend on the machine's load.
"""

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The project first: this folder's search.py must not stand in for the search app.
sys.path.insert(0, str(ROOT))

HJEMLOESE = "/odense/hoeringssvar/hjemloesestrategi-2009/"
FATTIGDOM = "/odense/hoeringssvar/udtalelse-om-fattigdom/"
NATVARMESTUE = "/odense/hoeringssvar/aabningstider-paa-natvarmestuen/"
ODENSE_RAPPORT = "/odense/aarsrapporter/2009/"
VINTER = "/vejle/hoeringssvar/vinterberedskab/"
VINTER_MOEDE = "/vejle/moeder/2009-12-01/"
MISBRUGSPLAN = "/vejle/hoeringssvar/misbrugsplan-2010/"
HERBERG = "/vejle/hoeringssvar/lokalplan-for-nyt-herberg/"
GENERALFORSAMLING = "/vejle/moeder/2010-02-02/"
TANDPLEJE = "/herning/hoeringssvar/tandpleje-for-udsatte/"
TANDKLINIK_MOEDE = "/herning/moeder/2009-09-29/"
TEMADAG_MOEDE = "/herning/moeder/2009-11-24/"
HERNING_RAPPORT = "/herning/aarsrapporter/2008-2009/"
BOLIGPOLITIK = "/herning/hoeringssvar/boligpolitik-2009/"
VAERESTEDER = "/randers/hoeringssvar/aabningstider-vaeresteder/"
FORSORGSHJEM = "/randers/hoeringssvar/kvalitetsstandard-forsorgshjem/"
FISKETUR = "/randers/moeder/2009-09-08/"
TANDLAEGEVOGN = "/randers/moeder/2010-01-19/"
RANDERS_RAPPORT = "/randers/aarsrapporter/2009/"
VENTETID = "/esbjerg/hoeringssvar/budget-misbrugsbehandling-2010/"
KRISECENTER = "/esbjerg/hoeringssvar/handleplan-vold-i-naere-relationer/"
BUDGET_MOEDE = "/esbjerg/moeder/2009-11-03/"

# (kind, query, the pages that answer it). Every answer is a page, none a document: a document a
# page links to is found with that page (the hit names it as "Fundet i bilaget …", search.hits), so
# a query whose words are in an attached PDF is answered by the page that attaches it.
QUERIES = [
    # The word as the page writes it.
    ("som skrevet", "nødovernatning", [VINTER, VINTER_MOEDE, "/vejle/aarsrapporter/2009/"]),
    ("som skrevet", "tandklinik", [TANDPLEJE, TANDKLINIK_MOEDE, HERNING_RAPPORT]),
    ("som skrevet", "krisecenter", [KRISECENTER]),
    ("som skrevet", "forsorgshjem", [FORSORGSHJEM]),
    ("som skrevet", "boligpolitik", [BOLIGPOLITIK]),
    ("som skrevet", "fisketur", [FISKETUR, RANDERS_RAPPORT]),
    ("som skrevet", "generalforsamling", [GENERALFORSAMLING]),
    ("som skrevet", "fattigdom", [FATTIGDOM, "/odense/moeder/2009-12-10/", ODENSE_RAPPORT]),
    ("som skrevet", "brugerpanel", [MISBRUGSPLAN]),
    ("som skrevet", "tandlægevogn", [TANDLAEGEVOGN, RANDERS_RAPPORT]),
    # Singular where the page has the plural, and the other way round.
    ("ental og flertal", "akutplads", [HJEMLOESE, "/odense/moeder/2009-08-27/", ODENSE_RAPPORT]),
    ("ental og flertal", "tandklinikker", [TANDPLEJE, TANDKLINIK_MOEDE, HERNING_RAPPORT]),
    ("ental og flertal", "krisecentre", [KRISECENTER]),
    ("ental og flertal", "fisketure", [FISKETUR, RANDERS_RAPPORT]),
    ("ental og flertal", "værested", [VAERESTEDER]),
    ("ental og flertal", "nødovernatninger", [VINTER, VINTER_MOEDE]),
    ("ental og flertal", "hjemløs", [HJEMLOESE]),
    ("ental og flertal", "kontaktpersoner", [FORSORGSHJEM]),
    ("ental og flertal", "fritidsaktivitet", [FATTIGDOM]),
    ("ental og flertal", "brugerpaneler", [MISBRUGSPLAN]),
    ("ental og flertal", "temadage", [TANDKLINIK_MOEDE, TEMADAG_MOEDE, HERNING_RAPPORT]),
    ("ental og flertal", "strategier", [HJEMLOESE]),
    # The definite form where the page has another.
    ("bestemt form", "ventetiden", [VENTETID]),
    ("bestemt form", "krisecentret", [KRISECENTER]),
    ("bestemt form", "forsorgshjemmet", [FORSORGSHJEM]),
    ("bestemt form", "tandklinikken", [TANDPLEJE, TANDKLINIK_MOEDE, HERNING_RAPPORT]),
    ("bestemt form", "brugerpanelet", [MISBRUGSPLAN]),
    ("bestemt form", "tandlægevognen", [TANDLAEGEVOGN, RANDERS_RAPPORT]),
    ("bestemt form", "fattigdommen", [FATTIGDOM]),
    ("bestemt form", "lokalplanen", [HERBERG]),
    ("bestemt form", "misbrugsplanen", [MISBRUGSPLAN]),
    ("bestemt form", "kvalitetsstandarden", [FORSORGSHJEM]),
    # A part of a compound the page writes as one word.
    ("del af sammensat ord", "varmestue", [NATVARMESTUE]),
    ("del af sammensat ord", "klinik", [TANDPLEJE, TANDKLINIK_MOEDE, HERNING_RAPPORT]),
    ("del af sammensat ord", "vogn", [TANDLAEGEVOGN, RANDERS_RAPPORT]),
    ("del af sammensat ord", "overnatning", [VINTER, VINTER_MOEDE]),
    ("del af sammensat ord", "beredskab", [VINTER, VINTER_MOEDE]),
    (
        "del af sammensat ord",
        "udvalg",
        [TANDLAEGEVOGN, BUDGET_MOEDE, "/randers/", RANDERS_RAPPORT],
    ),
    ("del af sammensat ord", "panel", [MISBRUGSPLAN]),
    ("del af sammensat ord", "politik", [BOLIGPOLITIK]),
    ("del af sammensat ord", "standard", [FORSORGSHJEM]),
    ("del af sammensat ord", "nøgle", [TEMADAG_MOEDE]),
    ("del af sammensat ord", "aktiviteter", [FATTIGDOM, TANDLAEGEVOGN]),
    ("del af sammensat ord", "misbrugscenter", [MISBRUGSPLAN, "/vejle/"]),
    # Misspelt.
    ("stavefejl", "tandklink", [TANDPLEJE, TANDKLINIK_MOEDE, HERNING_RAPPORT]),
    ("stavefejl", "kriscenter", [KRISECENTER]),
    ("stavefejl", "forsorghjem", [FORSORGSHJEM]),
    ("stavefejl", "nødovernating", [VINTER, VINTER_MOEDE]),
    ("stavefejl", "generalforsamlig", [GENERALFORSAMLING]),
    ("stavefejl", "boligpoltik", [BOLIGPOLITIK]),
    ("stavefejl", "fattigdum", [FATTIGDOM, ODENSE_RAPPORT]),
    ("stavefejl", "hjemlösestrategi", [HJEMLOESE, "/odense/moeder/2009-08-27/"]),
    # Whole questions.
    ("spørgsmål", "hvad siger rådet om tandpleje", [TANDPLEJE]),
    ("spørgsmål", "hvornår holder vejle generalforsamling", [GENERALFORSAMLING]),
    ("spørgsmål", "er der ventetid på misbrugsbehandling i esbjerg", [VENTETID]),
    ("spørgsmål", "kan kvinder med misbrug komme på krisecenter", [KRISECENTER]),
    ("spørgsmål", "hvor kan hjemløse sove når det fryser", [VINTER]),
    ("spørgsmål", "hvad mener brugerrådet om forsorgshjem", [FORSORGSHJEM]),
    ("spørgsmål", "billige boliger til udsatte", [BOLIGPOLITIK]),
    ("spørgsmål", "åbningstider på væresteder i weekenden", [VAERESTEDER]),
    ("spørgsmål", "plan for unge hjemløse", [HJEMLOESE, ODENSE_RAPPORT]),
    ("spørgsmål", "mobil tandklinik til værestederne", [TANDPLEJE, TANDKLINIK_MOEDE]),
]


def rank_of_first_answer(urls: list[str], answers: list[str]) -> int | None:
    for rank, url in enumerate(urls, start=1):
        if any(url.endswith(answer) for answer in answers):
            return rank
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print every query's top 3")
    args = parser.parse_args()

    tmp = None
    if not os.environ.get("DATABASE_URL"):
        tmp = tempfile.mkdtemp(prefix="udsatteraad-relevance-")
        os.environ["UDSATTERAAD_VAR_DIR"] = tmp
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "udsatteraad.settings.dev")
    import django

    django.setup()
    try:
        run(args)
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


def run(args) -> None:
    from django.core.management import call_command
    from django.db import connection

    from search import indexing, service

    with open(os.devnull, "w") as quiet:
        call_command("migrate", verbosity=0, stdout=quiet)
        call_command("load_demo", stdout=quiet, stderr=quiet)
    indexing.rebuild()

    by_kind: dict[str, list[tuple[bool, float]]] = {}
    for kind, query, answers in QUERIES:
        outcome = service.search({"q": query})
        urls = [hit.url for hit in outcome.results.hits] if outcome.results else []
        rank = rank_of_first_answer(urls[:10], answers)
        hit = rank is not None and rank <= 3
        by_kind.setdefault(kind, []).append((hit, 1 / rank if rank else 0.0))
        if args.verbose:
            mark = "ok  " if hit else "MISS"
            print(f"{mark} {kind:22} {query!r:48} {urls[:3]}")

    print(f"\nDatabase: {connection.vendor}; {len(QUERIES)} queries over the demo site\n")
    print(f"{'kind':24} {'queries':>7} {'hit@3':>7} {'MRR@10':>7}")
    everything = []
    for kind, scores in by_kind.items():
        everything += scores
        print(f"{kind:24} {len(scores):7d} {_hit3(scores):7.2f} {_mrr(scores):7.2f}")
    print(f"{'all':24} {len(everything):7d} {_hit3(everything):7.2f} {_mrr(everything):7.2f}")


def _hit3(scores) -> float:
    return sum(hit for hit, _rr in scores) / len(scores)


def _mrr(scores) -> float:
    return sum(rr for _hit, rr in scores) / len(scores)


if __name__ == "__main__":
    main()
