"""The benchmarks' corpus (``bench/corpus.py``): real published pages and documents, indexed and
searchable."""

import io

import pytest

from bench.corpus import build, main
from search import indexing
from search.models import IndexRecord

WORDS = [
    "rådet",
    "borgere",
    "hjemløse",
    "boliger",
    "møde",
    "referat",
    "tandpleje",
    "væresteder",
    "kommunen",
    "strategi",
    "fattigdom",
    "misbrug",
    "sindslidende",
    "unge",
    "ældre",
    "netværk",
    "socialforvaltningen",
    "budget",
    "årsrapport",
    "høringssvar",
    "forslag",
    "temadag",
    "indsats",
    "medlemmer",
    "sekretariat",
]


@pytest.fixture
def word_list(tmp_path):
    path = tmp_path / "danish"
    path.write_text("\n".join(WORDS), encoding="utf-8")
    return path


def test_generate_corpus_builds_a_searchable_index(client, db, word_list):
    out = io.StringIO()
    build(60, 3, word_list=word_list, log=lambda message: out.write(message + "\n"))
    assert "Søgeindekset bygget" in out.getvalue()
    kinds = set(IndexRecord.objects.values_list("kind", flat=True))
    assert {"meeting", "hearing_response", "annual_report", "page"} <= kinds
    # The documents are attached to hearing responses: found with them, not on their own.
    assert "document" not in kinds
    attached = IndexRecord.objects.filter(kind="hearing_response").values_list("attachments")
    assert sum(len(a) for (a,) in attached) == 12
    assert indexing.check().clean
    body = client.get("/api/search/", {"q": "borgere"}).json()
    assert body["total"] > 0
    assert {f["value"] for f in body["facets"]["council"]} >= {"korpus-odense"}
    # The corpus pages are real pages: they render.
    url = IndexRecord.objects.filter(kind="meeting").values_list("url", flat=True).first()
    assert client.get(url).status_code == 200


def test_generate_corpus_explains_a_missing_word_list(db, tmp_path):
    with pytest.raises(SystemExit, match="wdanish"):
        main(["--records=5", f"--word-list={tmp_path / 'none'}"])
