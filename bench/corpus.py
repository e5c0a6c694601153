"""A synthetic but real corpus for the search and page benchmarks.

    .venv/bin/python -c "import django; django.setup(); from bench.corpus import main; main()" \
        --records 20000 --seed 1      # in a database that is only for benchmarks

``bench/search.py`` calls ``generate`` directly; ``bench/pages.py`` runs ``main`` in a process
of its own per corpus size, as above (``DJANGO_SETTINGS_MODULE`` and the database come from the
environment, the checkout must be on ``PYTHONPATH``).

Creates real, published Wagtail pages (meetings with minutes, hearing responses with attached
documents, annual reports, rules of procedure, standard pages) and real documents under ten
councils, with Danish text drawn from a real word list (Debian ``wdanish``) with a Zipf-like
frequency skew, then indexes them through the search service's own adapters and backend.

Pages are inserted in bulk (tree paths computed the way treebeard does) because creating
100,000 pages one ``add_child`` at a time would take most of an hour; everything else about
them (content types, tree, live state, references to documents) is what publishing leaves.
"""

import argparse
import bisect
import datetime
import itertools
import json
import random
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Collection, Page, ReferenceIndex

from council_pages.models import (
    AnnualReportIndexPage,
    AnnualReportPage,
    CouncilPage,
    HearingResponseIndexPage,
    HearingResponsePage,
    HomePage,
    MeetingIndexPage,
    MeetingPage,
    StandardPage,
    TargetGroup,
)
from council_pages.models.hearings import HearingResponsePageTargetGroup
from documents.models import CouncilDocument
from search import indexing

WORD_LIST = Path("/usr/share/dict/danish")
MUNICIPALITIES = [
    "Aalborg", "Aarhus", "Esbjerg", "Herning", "Kolding",
    "Odense", "Randers", "Roskilde", "Vejle", "Viborg",
]  # fmt: skip
# Share of items per kind (documents are attached to hearing responses, and indexed as a part of
# their records: the index holds fewer records than items).
MIX = [("meeting", 0.45), ("hearing_response", 0.25), ("document", 0.2),
       ("annual_report", 0.05), ("page", 0.05)]  # fmt: skip
YEARS = range(2007, 2027)
BATCH = 1000


def batched(items, size):
    """``itertools.batched`` for Python 3.11."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


class WordListMissing(Exception):
    pass


class Words:
    """Draws words with a Zipf-like skew (rank r has weight 1/r^1.07) from a word list."""

    def __init__(self, rng: random.Random, path: Path = WORD_LIST):
        if not path.exists():
            raise WordListMissing(str(path))
        words = sorted(
            {w.strip().lower() for w in path.read_text(encoding="utf-8").split() if w.isalpha()}
        )
        rng.shuffle(words)
        self.words = words
        weights = [1 / (rank**1.07) for rank in range(1, len(words) + 1)]
        self.cum = list(itertools.accumulate(weights))
        self.rng = rng

    def sample(self, n: int) -> list[str]:
        total = self.cum[-1]
        return [
            self.words[min(bisect.bisect(self.cum, self.rng.random() * total), len(self.words) - 1)]
            for _ in range(n)
        ]

    def sentence(self, n: int) -> str:
        ws = self.sample(n)
        return " ".join(ws).capitalize() + "."

    def text(self, n_words: int) -> str:
        out, left = [], n_words
        while left > 0:
            k = min(left, self.rng.randint(6, 18))
            out.append(self.sentence(k))
            left -= k
        return " ".join(out)


@dataclass
class Built:
    pages: int = 0
    documents: int = 0


def _aware(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def _stream(blocks) -> str:
    return json.dumps([{"type": t, "value": v, "id": str(uuid.uuid4())} for t, v in blocks])


def _bulk_pages(parent: Page, model, rows: list[dict], child_values: Callable[[dict], dict]):
    """Insert live pages of ``model`` under ``parent`` (base rows, then the model's own rows)."""
    parent.refresh_from_db()
    ct = ContentType.objects.get_for_model(model)
    start = parent.numchild
    base = []
    for i, row in enumerate(rows, start=1):
        published = _aware(row["date"])
        base.append(
            Page(
                title=row["title"],
                draft_title=row["title"],
                slug=row["slug"],
                content_type=ct,
                path=Page._get_path(parent.path, parent.depth + 1, start + i),
                depth=parent.depth + 1,
                numchild=0,
                url_path=f"{parent.url_path}{row['slug']}/",
                live=True,
                has_unpublished_changes=False,
                first_published_at=published,
                last_published_at=published,
                locale_id=parent.locale_id,
            )
        )
    created = Page.objects.bulk_create(base)
    if created and created[0].pk is None:
        by_path = dict(
            Page.objects.filter(path__in=[p.path for p in created]).values_list("path", "pk")
        )
        for page in created:
            page.pk = page.id = by_path[page.path]
    fields = list(model._meta.local_concrete_fields)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    values = []
    for page, row in zip(created, rows, strict=True):
        own = child_values(row)
        record = []
        for f in fields:
            if f.primary_key:
                record.append(page.pk)
            elif f.name in own:
                value = own[f.name]
                record.append(
                    value
                    if isinstance(value, str) and f.get_internal_type() == "JSONField"
                    else f.get_db_prep_save(value, connection)
                )
            else:
                record.append(f.get_db_prep_save(f.get_default(), connection))
        values.append(record)
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", values)  # noqa: S608
    Page.objects.filter(pk=parent.pk).update(numchild=start + len(rows))
    return created


def _council(home: HomePage, name: str) -> CouncilPage:
    slug = f"korpus-{name.lower()}"
    council = CouncilPage.objects.filter(slug=slug).first()
    if council is None:
        council = CouncilPage(
            title=f"Udsatterådet i {name}",
            slug=slug,
            official_name=f"Udsatterådet i {name}",
            municipality=name,
        )
        home.add_child(instance=council)
    return council


def _child(parent, model, title, slug, **fields):
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    page = model(title=title, slug=slug, **fields)
    parent.add_child(instance=page)
    return page


def generate(records: int, seed: int, log=print, word_list: Path = WORD_LIST) -> Built:
    """Create ``records`` searchable items (pages and documents); returns what was made."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not security
    words = Words(rng, word_list)
    home = HomePage.objects.get()
    groups = list(TargetGroup.objects.values_list("pk", flat=True))
    built = Built()
    counts = {kind: int(records * share) for kind, share in MIX}
    counts["meeting"] += records - sum(counts.values())
    per_council = {k: v // len(MUNICIPALITIES) for k, v in counts.items()}
    extra = {k: v % len(MUNICIPALITIES) for k, v in counts.items()}
    doc_ct = ContentType.objects.get_for_model(CouncilDocument)
    page_ct = ContentType.objects.get_for_model(Page)
    hearing_ct = ContentType.objects.get_for_model(HearingResponsePage)
    collection = Collection.get_first_root_node()
    # One small real file shared by every corpus document (only the extracted text matters).
    holder = CouncilDocument(title="korpus", collection=collection)
    file_name = holder.file.storage.save("documents/korpus.txt", ContentFile(b"korpus"))

    def day() -> datetime.date:
        return datetime.date(rng.choice(YEARS), rng.randint(1, 12), rng.randint(1, 28))

    def title(n_min=3, n_max=8) -> str:
        return words.sentence(rng.randint(n_min, n_max)).rstrip(".")

    for c_index, name in enumerate(MUNICIPALITIES):
        with transaction.atomic():
            council = _council(home, name)
            want = {k: per_council[k] + (1 if c_index < extra[k] else 0) for k in per_council}
            meetings = _child(council, MeetingIndexPage, "Møder", "moeder")
            hearings = _child(council, HearingResponseIndexPage, "Høringssvar", "hoeringssvar")
            reports = _child(council, AnnualReportIndexPage, "Årsrapporter", "aarsrapporter")
            run = uuid.uuid4().hex[:6]

            rows = [{"title": f"Møde: {title()}", "slug": f"moede-{run}-{i}", "date": day()}
                    for i in range(want["meeting"])]  # fmt: skip

            def meeting_values(row):
                items = [
                    ("item", {"title": title(2, 6), "kind": "discussion",
                              "description": f"<p>{words.text(rng.randint(20, 60))}</p>",
                              "attachments": [], "discussion":
                              f"<p>{words.text(rng.randint(30, 120))}</p>",
                              "decision": f"<p>{words.text(rng.randint(5, 25))}</p>",
                              "minority_view": "", "sub_items": []})
                    for _ in range(rng.randint(2, 4))
                ]  # fmt: skip
                return {"date": row["date"], "status": "minutes", "agenda": _stream(items)}

            for batch in batched(rows, BATCH):
                built.pages += len(_bulk_pages(meetings, MeetingPage, list(batch),
                                               meeting_values))  # fmt: skip

            # Documents: each one attached to a hearing response (which makes it public).
            n_hearings = max(want["hearing_response"], 1 if want["document"] else 0)
            docs = CouncilDocument.objects.bulk_create(
                [
                    CouncilDocument(
                        title=f"Bilag: {title(2, 6)}",
                        file=file_name,
                        collection=collection,
                        council=council,
                        extracted_text=words.text(rng.randint(150, 500)),
                        file_kind="txt",
                        text_status="done",
                    )
                    for _ in range(want["document"])
                ]
            )
            if docs and docs[0].pk is None:
                docs = list(CouncilDocument.objects.filter(council=council).order_by("-pk")[
                    : len(docs)])  # fmt: skip
            for doc in docs:
                CouncilDocument.objects.filter(pk=doc.pk).update(created_at=_aware(day()))
            built.documents += len(docs)
            attach: list[list[int]] = [[] for _ in range(n_hearings)]
            for i, doc in enumerate(docs):
                attach[i % n_hearings].append(doc.pk)

            rows = [{"title": f"Høringssvar: {title()}", "slug": f"svar-{run}-{i}", "date": day(),
                     "docs": attach[i]} for i in range(n_hearings)]  # fmt: skip

            def hearing_values(row):
                return {
                    "kind": "hearing_response",
                    "consultation_title": title(3, 7),
                    "consulting_body": "Socialforvaltningen",
                    "consultation_material": _stream([("document", d) for d in row["docs"]]),
                    "response": f"<p>{words.text(rng.randint(80, 350))}</p>",
                    "response_date": row["date"],
                    "minority_opinions": _stream(
                        [("opinion", {"holders": "To medlemmer",
                                      "text": f"<p>{words.text(rng.randint(20, 60))}</p>"})]
                        if rng.random() < 0.2 else []
                    ),
                }  # fmt: skip

            for batch in batched(rows, BATCH):
                batch = list(batch)
                pages = _bulk_pages(hearings, HearingResponsePage, batch, hearing_values)
                built.pages += len(pages)
                refs, tags = [], []
                for page, row in zip(pages, batch, strict=True):
                    for doc_id in row["docs"]:
                        path = f"consultation_material.{doc_id}"
                        refs.append(ReferenceIndex(
                            content_type=hearing_ct, base_content_type=page_ct,
                            object_id=str(page.pk), to_content_type=doc_ct,
                            to_object_id=str(doc_id), model_path="consultation_material.document",
                            content_path=path,
                            content_path_hash=ReferenceIndex._get_content_path_hash(path),
                        ))  # fmt: skip
                    for tag in rng.sample(groups, k=rng.randint(0, min(2, len(groups)))):
                        tags.append(HearingResponsePageTargetGroup(content_object_id=page.pk,
                                                                   tag_id=tag))  # fmt: skip
                ReferenceIndex.objects.bulk_create(refs)
                HearingResponsePageTargetGroup.objects.bulk_create(tags)

            rows = [{"title": f"Årsrapport {y}", "slug": f"aar-{run}-{i}",
                     "date": datetime.date(y, 12, 31), "year": y}
                    for i, y in enumerate(rng.choice(YEARS) for _ in range(want["annual_report"]))
                    ]  # fmt: skip

            def report_values(row):
                return {
                    "start_year": row["year"],
                    "summary": words.text(rng.randint(40, 80)),
                    "focus_areas": _stream([]),
                    "situation": f"<p>{words.text(rng.randint(100, 300))}</p>",
                    "activities": f"<p>{words.text(rng.randint(100, 300))}</p>",
                    "proposals": _stream([]),
                }

            for batch in batched(rows, BATCH):
                built.pages += len(_bulk_pages(reports, AnnualReportPage, list(batch),
                                               report_values))  # fmt: skip
        log(f"  {council.title}: færdig")

    rows = [{"title": title(), "slug": f"side-{uuid.uuid4().hex[:8]}", "date": day()}
            for _ in range(counts["page"])]  # fmt: skip

    def standard_values(row):
        return {"body": _stream([("paragraph", f"<p>{words.text(rng.randint(80, 300))}</p>")])}

    with transaction.atomic():
        for batch in batched(rows, BATCH):
            built.pages += len(_bulk_pages(home, StandardPage, list(batch), standard_values))
    return built


def build(
    records: int, seed: int, *, index: bool = True, word_list: Path = WORD_LIST, log=print
) -> Built:
    """Generate the corpus and, unless ``index`` is false, rebuild the search index; says how
    long each took."""
    started = time.monotonic()
    built = generate(records, seed, log=log, word_list=word_list)
    log(
        f"Oprettet {built.pages} sider og {built.documents} dokumenter på "
        f"{time.monotonic() - started:.1f} s."
    )
    if index:
        started = time.monotonic()
        count = indexing.rebuild()
        log(f"Søgeindekset bygget: {count} poster på {time.monotonic() - started:.1f} s.")
    return built


def main(argv=None) -> None:
    """The command line: ``--records N --seed S [--no-index] [--word-list PATH]``."""
    parser = argparse.ArgumentParser(
        description=(
            "Opretter N offentliggjorte sider og dokumenter med dansk tekst til søgebenchmarket "
            "og bygger søgeindekset. Brug en database, der kun er til benchmark."
        )
    )
    parser.add_argument("--records", type=int, required=True, help="Antal poster, fx 20000.")
    parser.add_argument("--seed", type=int, default=1, help="Startværdi for tilfældighed.")
    parser.add_argument("--no-index", action="store_true", help="Byg ikke søgeindekset bagefter.")
    parser.add_argument(
        "--word-list", type=Path, default=WORD_LIST, help=f"Ordliste (standard: {WORD_LIST})."
    )
    args = parser.parse_args(argv)
    if args.records < 1:
        parser.error("--records skal være mindst 1.")
    try:
        build(args.records, args.seed, index=not args.no_index, word_list=args.word_list)
    except WordListMissing as exc:
        raise SystemExit(
            f"Ordlisten {args.word_list} mangler. Installér den med: apt-get install wdanish"
        ) from exc
