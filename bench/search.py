"""Search benchmark: the search service against the raw engine query and stock Wagtail search.

    .venv/bin/python bench/search.py --records 20000 --seed 1            # SQLite (a temp file)
    scripts/with-postgres.sh .venv/bin/python bench/search.py --records 20000   # PostgreSQL

Builds a fresh database (SQLite: a throwaway file; PostgreSQL: the empty database that
DATABASE_URL points at), generates the corpus with ``bench/corpus.py`` (installing
Debian's ``wdanish`` word list if it is missing), times the index rebuild, then measures query
latency (p50/p95) for a full results page (top 20 with snippets and every facet count) through
the service, next to the raw engine query (FTS5 ``MATCH ... ORDER BY rank LIMIT 20`` or
``@@ ... ORDER BY ts_rank LIMIT 20``) and stock Wagtail search
(``Page.objects.live().public().search(q)[:20]``) on the same corpus, in the same run.
Prints one table with the ratios.
"""

import argparse
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORD_LIST = Path("/usr/share/dict/danish")


def ensure_word_list() -> None:
    if WORD_LIST.exists():
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        sys.exit(
            f"{WORD_LIST} is missing: install Debian's wdanish package (apt-get install wdanish)"
        )
    print("Installing Debian's wdanish word list ...", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    if subprocess.run(["apt-get", "install", "-y", "-q", "wdanish"], env=env).returncode:  # noqa: S607
        subprocess.run(["apt-get", "update", "-q"], env=env, check=True)  # noqa: S607
        subprocess.run(["apt-get", "install", "-y", "-q", "wdanish"], env=env, check=True)  # noqa: S607


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def timed(fn, *args, **kwargs) -> float:
    started = time.perf_counter()
    fn(*args, **kwargs)
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--queries", type=int, default=20, help="queries per class")
    parser.add_argument(
        "--stock-queries", type=int, default=5, help="stock Wagtail queries per class"
    )
    parser.add_argument("--no-stock", action="store_true", help="skip stock Wagtail search")
    parser.add_argument(
        "--stock-timeout", type=float, default=60, help="seconds before a stock query gives up"
    )
    args = parser.parse_args()

    ensure_word_list()
    tmp = None
    if not os.environ.get("DATABASE_URL"):
        tmp = tempfile.mkdtemp(prefix="udsatteraad-bench-")
        os.environ["UDSATTERAAD_VAR_DIR"] = tmp
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "udsatteraad.settings.dev")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    try:
        run(args, call_command, connection)
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


def run(args, call_command, connection) -> None:  # noqa: C901 - one linear script
    from django.db import DatabaseError
    from wagtail.models import Page

    from bench.corpus import Words, generate
    from search import indexing, service
    from search.models import IndexRecord
    from search.text import DANISH_STOP_WORDS, stem

    vendor = connection.vendor
    print(f"Database: {vendor}; records: {args.records}; seed: {args.seed}", flush=True)
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    generate(args.records, args.seed, log=lambda message: None)
    generate_s = time.perf_counter() - started
    print(f"Corpus generated in {generate_s:.1f} s", flush=True)
    started = time.perf_counter()
    indexed = indexing.rebuild()
    rebuild_s = time.perf_counter() - started
    print(f"Index rebuilt in {rebuild_s:.1f} s", flush=True)
    size = index_size(connection)
    if not args.no_stock:
        started = time.perf_counter()
        with open(os.devnull, "w") as quiet:
            call_command("update_index", verbosity=0, stdout=quiet)
        stock_index_s = time.perf_counter() - started
    else:
        stock_index_s = None

    # Query words by rank in the corpus's own Zipf distribution.
    words = [w for w in Words(random.Random(args.seed)).words if w not in DANISH_STOP_WORDS]
    rng = random.Random(args.seed + 1)
    common = words[:6]
    mid = words[60:200]
    rare = words[3000:6000]
    bodies = list(IndexRecord.objects.order_by("?").values_list("body", flat=True)[:200])
    phrases = []
    for body in bodies:
        tokens = [t for t in body.lower().replace(".", " ").split() if t.isalpha()]
        if len(tokens) > 3:
            i = rng.randrange(len(tokens) - 2)
            phrases.append(f'"{tokens[i]} {tokens[i + 1]}"')
    councils = list(IndexRecord.objects.exclude(council="").values_list("council", flat=True)
                    .distinct())  # fmt: skip
    n = args.queries
    classes = {
        "rare word": [{"q": w} for w in rng.sample(rare, n)],
        "mid word": [{"q": w} for w in rng.sample(mid, n)],
        "common word": [{"q": common[i % len(common)]} for i in range(n)],
        "two words": [{"q": f"{rng.choice(mid)} {rng.choice(mid)}"} for _ in range(n)],
        "phrase": [{"q": p} for p in phrases[:n]],
        "filtered": [
            {"q": rng.choice(mid), "council": rng.choice(councils), "kind": "meeting"}
            for _ in range(n)
        ],
    }

    def service_query(params):
        outcome = service.search(params)
        if outcome.results is None:
            raise SystemExit(f"benchmark query rejected: {outcome.errors}")

    def raw_query(params):
        q = params["q"].strip('"')
        with connection.cursor() as cursor:
            if vendor == "sqlite":
                expr = '"' + " ".join(stem(w) for w in q.split()) + '"'
                if not params["q"].startswith('"'):
                    expr = " ".join(f'"{stem(w)}"' for w in q.split())
                cursor.execute(
                    "SELECT rowid FROM site_search_fts WHERE site_search_fts MATCH %s "
                    "ORDER BY rank LIMIT 20",
                    [expr],
                )
            else:
                fn = "phraseto_tsquery" if params["q"].startswith('"') else "plainto_tsquery"
                # fn is one of two constants; the words travel as parameters.
                sql = (
                    "SELECT id FROM site_search_indexrecord "  # noqa: S608
                    f"WHERE search_vector @@ {fn}('danish', %s) "
                    f"ORDER BY ts_rank(search_vector, {fn}('danish', %s)) DESC LIMIT 20"
                )
                cursor.execute(sql, [q, q])
            cursor.fetchall()

    def stock_query(params):
        """Stock Wagtail search; gives up after --stock-timeout seconds (reported as '>')."""
        deadline = time.perf_counter() + args.stock_timeout
        try:
            if vendor == "sqlite":
                connection.ensure_connection()
                connection.connection.set_progress_handler(
                    lambda: int(time.perf_counter() > deadline), 10_000
                )
            else:
                with connection.cursor() as cursor:
                    cursor.execute(f"SET statement_timeout = {int(args.stock_timeout * 1000)}")
            list(Page.objects.live().public().search(params["q"])[:20])
        except DatabaseError:
            timed_out.append(params["q"])
        finally:
            if vendor == "sqlite":
                connection.connection.set_progress_handler(None, 0)
            else:
                with connection.cursor() as cursor:
                    cursor.execute("SET statement_timeout = 0")

    timed_out: list[str] = []

    rows = []
    print("Timing queries ...", flush=True)
    for name, queries in classes.items():
        service_query(queries[0])  # warm caches
        raw_query(queries[0])
        s_times = [timed(service_query, q) for q in queries]
        r_times = [timed(raw_query, q) for q in queries]
        st_times = []
        if not args.no_stock and name in ("common word", "mid word", "two words"):
            st_times = [timed(stock_query, q) for q in queries[: args.stock_queries]]
        rows.append((name, s_times, r_times, st_times))
        print(f"  {name}: done", flush=True)

    print()
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, {vendor} "
          f"{connection.cursor().connection.__class__.__module__}")  # fmt: skip
    print(f"Corpus: {args.records} requested, {indexed} indexed records; generated in "
          f"{generate_s:.1f} s")  # fmt: skip
    print(f"Index rebuild: {rebuild_s:.1f} s; index size: {size}")
    if stock_index_s is not None:
        print(f"Stock Wagtail update_index: {stock_index_s:.1f} s")
    header = (f"{'query class':<12} | {'service p50':>11} {'p95':>8} | {'raw p50':>8} {'p95':>8} "
              f"| {'svc/raw':>7} | {'stock p50':>9} {'p95':>8} | {'stock/svc':>9}")  # fmt: skip
    print(header)
    print("-" * len(header))
    for name, s_times, r_times, st_times in rows:
        s50, s95 = percentile(s_times, 50), percentile(s_times, 95)
        r50, r95 = percentile(r_times, 50), percentile(r_times, 95)
        ratio = f"{s95 / r95:.1f}x" if r95 else "-"
        if st_times:
            t50, t95 = statistics.median(st_times), percentile(st_times, 95)
            stock = f"{t50:>9.1f} {t95:>8.1f} | {t95 / s95:>8.1f}x"
        else:
            stock = f"{'-':>9} {'-':>8} | {'-':>9}"
        print(f"{name:<12} | {s50:>11.1f} {s95:>8.1f} | {r50:>8.1f} {r95:>8.1f} | {ratio:>7} "
              f"| {stock}")  # fmt: skip
    print("(milliseconds; service = full results page: top 20 with snippets and all facet counts)")
    if timed_out:
        print(f"Stock Wagtail queries stopped at the {args.stock_timeout:.0f} s limit "
              f"(their times are lower bounds): {len(timed_out)}")  # fmt: skip


def index_size(connection) -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT pg_size_pretty(pg_total_relation_size('site_search_indexrecord') + "
                "pg_total_relation_size('site_search_indexrecordtargetgroup'))"
            )
            return cursor.fetchone()[0]
        try:
            cursor.execute("SELECT SUM(pgsize) FROM dbstat WHERE name LIKE 'site_search%%'")
            total = cursor.fetchone()[0] or 0
            return f"{total / 1024 / 1024:.1f} MB"
        except Exception:
            cursor.execute("PRAGMA page_count")
            pages = cursor.fetchone()[0]
            cursor.execute("PRAGMA page_size")
            return f"{pages * cursor.fetchone()[0] / 1024 / 1024:.1f} MB (whole database file)"


if __name__ == "__main__":
    main()
