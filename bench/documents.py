"""Document benchmark: how long the upload check and the background text extraction take.

    .venv/bin/python bench/documents.py                 # 10, 100 and 500 pages
    .venv/bin/python bench/documents.py --pages 50 1000

For each size, builds a PDF with a text layer (about 40 lines a page), then times
``documents.validation.validate_upload`` (what the editor waits for while uploading: type
sniffing, the JavaScript/launch walk over the whole object graph) and
``documents.extraction.extract`` (what the background task does), with peak Python memory from
tracemalloc. Needs no database.
"""

import argparse
import io
import os
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "udsatteraad.settings.test")

import django  # noqa: E402

django.setup()

from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from pypdf import PdfReader, PdfWriter  # noqa: E402

from documents.demo import text_pdf  # noqa: E402
from documents.extraction import extract  # noqa: E402
from documents.validation import validate_upload  # noqa: E402

LINE = "Rådet anbefaler, at kommunen sikrer flere boliger til hjemløse og bedre sundhedstilbud."


def build_pdf(pages: int) -> bytes:
    one_page = PdfReader(io.BytesIO(text_pdf([f"{n}. {LINE}" for n in range(40)], title="B")))
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_page(one_page.pages[0])
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def measure(function, *args):
    tracemalloc.start()
    started = time.perf_counter()
    result = function(*args)
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return result, elapsed, peak


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[10, 100, 500])
    args = parser.parse_args()
    print(
        f"{'pages':>6} {'size':>9} {'check (s)':>10} {'check MB':>9} {'text (s)':>9} "
        f"{'text MB':>8} {'chars':>9}"
    )
    for pages in args.pages:
        content = build_pdf(pages)
        upload = SimpleUploadedFile("rapport.pdf", content)
        _, check_time, check_peak = measure(validate_upload, upload, "rapport.pdf")
        result, text_time, text_peak = measure(extract, io.BytesIO(content), "pdf")
        print(
            f"{pages:>6} {len(content) / 1e6:>8.2f}M {check_time:>10.3f} "
            f"{check_peak / 1e6:>9.1f} {text_time:>9.2f} {text_peak / 1e6:>8.1f} "
            f"{len(result.text):>9}"
        )


if __name__ == "__main__":
    main()
