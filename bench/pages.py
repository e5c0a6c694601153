"""Public pages benchmark: every public URL type, uncached, at two corpus sizes side by side.

    .venv/bin/python bench/pages.py --records 10000 100000 --seed 7            # SQLite
    scripts/with-postgres.sh .venv/bin/python bench/pages.py --records 10000 100000 --seed 7

For each ``--records`` value it builds a corpus database with ``bench/corpus.py``'s ``main``
(``--records N --seed S --no-index``; SQLite: a file under ``--keep-dir``, reused by later runs when
it is there; PostgreSQL: a database ``bench_N_S`` created next to the one DATABASE_URL names),
then, in a separate process per size, asks for one URL of every public type in-process through
Django's test client with the page cache off (``PAGE_CACHE_SECONDS=0``): the home page, a council
page, the lists (and page 100 of the meeting list) with one page of each kind, the rules page,
the national lists, a target group, the open hearings, the statistics, the feeds, the calendars,
the sitemap index and its sections, robots.txt and the API v2 lists.
Each URL is asked for once to warm up, then ``--repeat`` times; the table shows the median in
milliseconds and the number of SQL queries of one request, for both sizes next to each other,
with the ratio of the medians. Search is measured by bench/search.py.
"""

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
# The project first: this folder's search.py must not stand in for the search app.
sys.path.insert(0, str(ROOT))

DEFAULT_KEEP_DIR = Path(tempfile.gettempdir()) / "udsatteraad-bench-pages"


# The parent: one database and one measuring process per corpus size ---------------------


def ensure_word_list() -> None:
    """bench/search.py's check for Debian's word list, which the corpus is written from."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "bench_search", Path(__file__).with_name("search.py")
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.ensure_word_list()


def postgres_url(base_url: str, name: str) -> str:
    """DATABASE_URL with the database ``name`` (created when missing)."""
    import psycopg

    parts = urlsplit(base_url)
    with psycopg.connect(base_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path=f"/{name}"))


def child_env(records: int, seed: int, keep_dir: Path) -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "udsatteraad.settings.dev",
        "PAGE_CACHE_SECONDS": "0",
        "PYTHONPATH": str(ROOT),
    }
    if os.environ.get("DATABASE_URL"):
        env["DATABASE_URL"] = postgres_url(os.environ["DATABASE_URL"], f"bench_{records}_{seed}")
    var_dir = keep_dir / f"sqlite-{records}-seed{seed}"
    var_dir.mkdir(parents=True, exist_ok=True)
    env["UDSATTERAAD_VAR_DIR"] = str(var_dir)  # SQLite's file, and the media folder for both
    return env


def analyze(url: str) -> None:
    """PostgreSQL's table statistics, as a running server has them.

    Right after a bulk load autovacuum has not analysed the tables yet, and the planner guesses:
    a national list at 10,000 records took 10 s that way. A production server's statistics are
    current (autovacuum, or ``ANALYZE`` after a restore). SQLite keeps none unless told to;
    the SQLite corpus is measured as it is, without ``ANALYZE``.
    """
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("ANALYZE")


def build(records: int, seed: int, env: dict) -> float | None:
    """Migrate and generate the corpus unless this database already holds it."""
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "-v0"], cwd=ROOT, env=env, check=True)  # noqa: S603
    probe = (
        "import django; django.setup()\n"
        "from wagtail.models import Page\n"
        "print(Page.objects.count())\n"
    )
    out = subprocess.run(  # noqa: S603
        [sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    if int(out.stdout.strip() or 0) >= records * 0.75:  # pages are 80 % of the records
        return None
    print(f"Generating the corpus: {records} records, seed {seed} ...", flush=True)
    started = time.perf_counter()
    generate = "import django; django.setup()\nfrom bench.corpus import main\nmain()\n"
    subprocess.run(  # noqa: S603
        [sys.executable, "-c", generate, f"--records={records}", f"--seed={seed}", "--no-index"],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3, help="timed requests per URL")
    parser.add_argument(
        "--keep-dir", type=Path, default=DEFAULT_KEEP_DIR, help="where SQLite corpora are kept"
    )
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure(args.repeat)
        return

    ensure_word_list()
    results = {}
    for records in args.records:
        env = child_env(records, args.seed, args.keep_dir)
        generated = build(records, args.seed, env)
        if generated is not None:
            print(f"  generated in {generated:.0f} s", flush=True)
        if env.get("DATABASE_URL"):
            analyze(env["DATABASE_URL"])
        print(f"Measuring at {records} records ...", flush=True)
        out = subprocess.run(  # noqa: S603
            [sys.executable, __file__, "--measure", f"--repeat={args.repeat}"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        if out.returncode:
            sys.exit(out.stderr)
        results[records] = json.loads(out.stdout.strip().splitlines()[-1])
        if records != args.records[-1]:
            report(args, results)  # so far, in case a larger size takes too long
    report(args, results)


def report(args, results: dict) -> None:
    sizes = list(results)
    first = results[sizes[0]]
    print()
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, {first['vendor']}; seed {args.seed}; "
          f"median of {args.repeat}, page cache off")  # fmt: skip
    print("Visible pages: " + ", ".join(f"{results[n]['pages']} at {n} records" for n in sizes))
    head = f"{'URL':<34}"
    for n in sizes:
        head += f" | {f'{n} ms':>11} {'queries':>7}"
    if len(sizes) > 1:
        head += f" | {'ms ratio':>8}"
    print(head)
    print("-" * len(head))
    for label in first["rows"]:
        line = f"{label:<34}"
        medians = []
        for n in sizes:
            row = results[n]["rows"].get(label)
            if row is None:
                line += f" | {'-':>11} {'-':>7}"
                continue
            medians.append(row["ms"])
            flag = "" if row["status"] in (200, 304) else f" [{row['status']}]"
            line += f" | {row['ms']:>11.1f} {row['queries']:>7}{flag}"
        if len(sizes) > 1 and len(medians) == len(sizes) and medians[0]:
            line += f" | {medians[-1] / medians[0]:>7.1f}x"
        print(line)
    for n in sizes:
        info = results[n]["sitemap"]
        print(f"Sitemap at {n} records: {info['sections']} sections, largest "
              f"{info['largest_urls']} URLs, slowest section {info['slowest_ms']:.0f} ms "
              f"({info['slowest']})")  # fmt: skip
    print("(milliseconds, in-process through Django's test client; queries of one request)")


# The child: one corpus, every URL type -------------------------------------------------


def measure(repeat: int) -> None:
    import django

    django.setup()
    from django.conf import settings

    settings.DEBUG = False  # no query log, no debug 404 pages: as in production
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    setup_test_environment()
    settings.ALLOWED_HOSTS = ["*"]
    client = Client(HTTP_HOST="localhost")

    def one(path):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(path)
            if getattr(response, "streaming", False):
                b"".join(response.streaming_content)
            elapsed = (time.perf_counter() - started) * 1000
        return response, elapsed, len(queries)

    def timed(path):
        response, _, _ = one(path)  # warm-up
        times, counts = [], []
        for _ in range(repeat):
            response, elapsed, count = one(path)
            times.append(elapsed)
            counts.append(count)
        return {
            "path": path,
            "status": response.status_code,
            "ms": statistics.median(times),
            "queries": max(counts),
            "bytes": len(response.content) if not getattr(response, "streaming", False) else 0,
        }

    rows = {}
    for label, path in sample_paths():
        rows[label] = timed(path) if path else None
    rows = {k: v for k, v in rows.items() if v is not None}
    sitemap = sitemap_sections(client, one)
    if sitemap.get("largest_path"):
        rows["sitemap: largest section"] = timed(sitemap["largest_path"])
    from visibility.rules import visible

    print(
        json.dumps(
            {
                "vendor": connection.vendor,
                "pages": visible().count(),
                "rows": rows,
                "sitemap": sitemap,
            }  # fmt: skip
        )
    )


def sample_paths() -> list[tuple[str, str | None]]:
    """One URL of every public type, on the corpus's first council."""
    from council_pages.models import (
        AnnualReportIndexPage,
        AnnualReportPage,
        CouncilPage,
        HearingResponseIndexPage,
        HearingResponsePage,
        MeetingIndexPage,
        MeetingPage,
        RulesOfProcedurePage,
        StandardPage,
        TargetGroup,
    )
    from visibility.rules import visible

    council = visible(CouncilPage.objects.filter(slug__startswith="korpus-")).order_by("path")[0]

    def first(model, parent=council, middle=False):
        pages = visible(model.objects.descendant_of(parent)).order_by("path")
        if middle:
            count = pages.count()
            return pages[count // 2] if count else None
        return pages.first()

    def url(page, suffix=""):
        return page.url + suffix if page is not None else None

    def url_of_group():
        group = TargetGroup.objects.order_by("slug").first()
        return f"/maalgrupper/{group.slug}/" if group is not None else None

    meetings = first(MeetingIndexPage)
    slug = council.slug
    return [
        ("home page /", "/"),
        ("standard page", url(first(StandardPage, council.get_parent(), middle=True))),
        ("council page", council.url),
        ("rules page", url(first(RulesOfProcedurePage))),
        ("meeting list", url(meetings)),
        ("meeting list ?side=100", url(meetings, "?side=100")),
        ("meeting list ?aar=2015", url(meetings, "?aar=2015")),
        ("meeting page", url(first(MeetingPage, middle=True))),
        ("hearing-response list", url(first(HearingResponseIndexPage))),
        ("hearing-response list ?side=50", url(first(HearingResponseIndexPage), "?side=50")),
        ("hearing response", url(first(HearingResponsePage, middle=True))),
        ("annual-report list", url(first(AnnualReportIndexPage))),
        ("annual report", url(first(AnnualReportPage, middle=True))),
        ("national list /moeder/", "/moeder/"),
        ("national list /moeder/?side=100", "/moeder/?side=100"),
        ("national list /hoeringssvar/", "/hoeringssvar/"),
        ("national list /aarsrapporter/", "/aarsrapporter/"),
        ("target group page", url_of_group()),
        ("open hearings /aktuelle-hoeringer/", "/aktuelle-hoeringer/"),
        ("statistics /i-tal/", "/i-tal/"),
        ("statistics JSON", "/i-tal/udsatteraadene.json"),
        ("/rss/", "/rss/"),
        ("/atom/", "/atom/"),
        ("/moeder/rss/", "/moeder/rss/"),
        ("council /rss/", f"/{slug}/rss/"),
        ("council /hoeringssvar/atom/", f"/{slug}/hoeringssvar/atom/"),
        ("/moeder/kalender.ics", "/moeder/kalender.ics"),
        ("/moeder/kalender.ics ?aar=2015", "/moeder/kalender.ics?aar=2015"),
        ("council kalender.ics", f"/{slug}/moeder/kalender.ics"),
        ("council kalender.ics ?aar=2015", f"/{slug}/moeder/kalender.ics?aar=2015"),
        ("open hearings frister.ics", "/aktuelle-hoeringer/frister.ics"),
        ("robots.txt", "/robots.txt"),
        ("sitemap index /sitemap.xml", "/sitemap.xml"),
        ("API /api/v2/pages/", "/api/v2/pages/"),
        ("API pages ?type=MeetingPage", "/api/v2/pages/?type=council_pages.MeetingPage"),
        ("API pages ?offset=20000", "/api/v2/pages/?offset=20000&limit=20"),
        ("API /api/v2/documents/", "/api/v2/documents/"),
        ("open data /aabne-data/", "/aabne-data/"),
    ]


def sitemap_sections(client, one) -> dict:
    """Every section of the sitemap index, each asked for once."""
    import re

    response = client.get("/sitemap.xml")
    body = response.content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", body)
    if "<sitemapindex" not in body:
        return {"sections": 0, "largest_urls": len(locations), "slowest_ms": 0, "slowest": "-"}
    slowest, slowest_ms, largest, largest_urls = "-", 0.0, None, 0
    for loc in locations:
        path = urlsplit(loc).path + (f"?{urlsplit(loc).query}" if urlsplit(loc).query else "")
        response, elapsed, _ = one(path)
        urls = response.content.count(b"<url>")
        if elapsed > slowest_ms:
            slowest, slowest_ms = path, elapsed
        if urls > largest_urls:
            largest, largest_urls = path, urls
    return {
        "sections": len(locations),
        "largest_urls": largest_urls,
        "largest_path": largest,
        "slowest_ms": slowest_ms,
        "slowest": slowest,
    }


if __name__ == "__main__":
    main()
