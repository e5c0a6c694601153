"""The backend contract: every search backend must pass these, on the same small corpus.

Runs against the database backend (SQLite or PostgreSQL, whichever the suite runs on) and
against Elasticsearch when ``ELASTICSEARCH_URL`` points at a server.
"""

from datetime import date

import pytest

from search.backends import SearchRequest
from search.records import Attachment
from search.text import parse_query
from tests.search.conftest import record


def run(backend, q="", **kwargs):
    return backend.search(SearchRequest(query=parse_query(q), **kwargs))


def keys(results):
    return [hit.key for hit in results.hits]


def facet(results, name):
    return {f.value: f.count for f in results.facets[name]}


CORPUS = [
    record(
        1,
        "Høringssvar om hjemløsestrategien",
        "Rådet har sendt sit høringssvar om kommunens strategi for hjemløse borgere.",
        kind="hearing_response",
        council="odense",
        date=date(2010, 3, 1),
        year=2010,
        target_groups=["hjemloese"],
    ),
    record(
        2,
        "Referat af mødet 22. oktober",
        "På mødet drøftede rådet årsrapporten og tandpleje for socialt udsatte.",
        kind="meeting",
        council="odense",
        date=date(2009, 10, 22),
        year=2009,
    ),
    record(
        3,
        "Forretningsorden",
        "Rådet har mellem 8 og 12 medlemmer. Udsatte borgere er socialt sårbare.",
        kind="rules",
        council="esbjerg",
        date=date(2008, 6, 16),
        year=2008,
    ),
    record(
        4,
        "Årsrapport 2009",
        "Rådets arbejde med tandpleje, boliger og fiskeri i året der gik.",
        kind="annual_report",
        council="herning",
        date=date(2009, 12, 31),
        year=2009,
        target_groups=["hjemloese", "stofmisbrugere"],
    ),
    record(
        5,
        "Temadag om fattigdom",
        "Et <script>alert(1)</script> forsøg & en kampagne om fattige familier og boliger.",
        kind="page",
        council="herning",
        date=date(2010, 5, 1),
        year=2010,
        target_groups=["fattige"],
    ),
]


@pytest.fixture
def corpus(backend):
    backend.rebuild(CORPUS)
    return backend


def test_stemming_finds_other_forms_of_a_word(corpus):
    assert keys(run(corpus, "høringssvaret")) == ["page:1"]
    assert "page:2" in keys(run(corpus, "møderne"))


WORD_FORMS = [
    record(11, "Høring om herbergspladser", "Kommunen vil nedlægge herbergspladserne i byen."),
    record(12, "Referat", "Socialudvalget besøgte natvarmestuen en kold nat."),
    record(13, "Herbergsplads til alle", "Én herbergsplads mere i vinter."),
    record(14, "Et nyt udvalg", "Byrådet nedsætter et udvalg om boliger."),
]


@pytest.fixture
def word_forms(backend):
    backend.rebuild(WORD_FORMS)
    return backend


def test_singular_plural_and_definite_forms_meet_the_form_written_first(word_forms):
    # Snowball alone stems the singular and the plural apart (herbergsplad / herbergsplads).
    assert keys(run(word_forms, "herbergsplads")) == ["page:13", "page:11"]
    assert keys(run(word_forms, "herbergspladserne")) == ["page:11", "page:13"]


def test_a_part_of_a_compound_finds_the_compound_after_the_word_itself(word_forms):
    assert keys(run(word_forms, "natvarme")) == ["page:12"]
    assert keys(run(word_forms, "varmestue")) == ["page:12"]
    assert keys(run(word_forms, "udvalg")) == ["page:14", "page:12"]
    assert sorted(keys(run(word_forms, "herberg"))) == ["page:11", "page:13"]


def test_minus_excludes_the_word_as_written_not_its_compounds(word_forms):
    assert keys(run(word_forms, "nedsætter -udvalg")) == []
    assert keys(run(word_forms, "natvarmestuen -udvalg")) == ["page:12"]


def test_all_words_rank_before_most_words(corpus):
    results = run(corpus, "tandpleje fiskeri")
    assert keys(results)[0] == "page:4"  # has both words
    assert "page:2" in keys(results)  # has one of them: still shown, after
    assert results.total == 2


def test_a_question_typed_in_full_is_never_empty_for_one_missing_word(corpus):
    results = run(corpus, "hvor mange medlemmer har rådet egentlig")
    assert keys(results)[0] == "page:3"


QUESTION = [
    record(21, "Rådets møde", "Rådet tog sig af mange sager og så på sig selv. Kort om tandpleje."),
    record(22, "Tandpleje for udsatte", "Rådet vil have gratis tandpleje til udsatte borgere."),
]


def test_a_word_that_stems_to_a_stop_word_does_not_rank_a_question(backend):
    # "siger" stems to "sig": kept, it put the page that says "sig" first.
    backend.rebuild(QUESTION)
    assert keys(run(backend, "hvad siger rådet om tandpleje")) == ["page:22", "page:21"]
    assert [t.words for t in parse_query("siger").positive] == [("siger",)]  # alone, it is kept


def test_stop_words_alone_find_nothing_and_explain(corpus):
    results = run(corpus, "og i at")
    assert results.total == 0
    assert parse_query("og i at").notices


def test_phrase_matches_words_in_order_only(corpus):
    assert keys(run(corpus, '"socialt udsatte"')) == ["page:2"]
    assert sorted(keys(run(corpus, "socialt udsatte"))) == ["page:2", "page:3"]


def test_minus_excludes(corpus):
    assert sorted(keys(run(corpus, "boliger"))) == ["page:4", "page:5"]
    assert keys(run(corpus, "boliger -fattige")) == ["page:4"]


def test_trailing_star_is_a_prefix(corpus):
    assert sorted(keys(run(corpus, "tandpl*"))) == ["page:2", "page:4"]
    assert keys(run(corpus, "tandpl")) == []


def test_filters(corpus):
    assert keys(run(corpus, "rådet", council="esbjerg")) == ["page:3"]
    assert keys(run(corpus, "rådet", kind="meeting")) == ["page:2"]
    assert sorted(keys(run(corpus, "boliger", year=2009))) == ["page:4"]
    assert sorted(keys(run(corpus, "boliger", target_group="fattige"))) == ["page:5"]


def test_facet_counts_cover_the_whole_match_not_just_the_page(corpus):
    results = run(corpus, "rådet", page_size=1)
    assert results.total == 4
    assert len(results.hits) == 1
    assert facet(results, "council") == {"odense": 2, "esbjerg": 1, "herning": 1}
    assert facet(results, "kind") == {
        "hearing_response": 1,
        "meeting": 1,
        "rules": 1,
        "annual_report": 1,
    }
    assert facet(results, "year") == {"2010": 1, "2009": 2, "2008": 1}
    assert facet(results, "target_group") == {"hjemloese": 2, "stofmisbrugere": 1}


def test_title_outranks_body(backend):
    backend.rebuild(
        [
            record(1, "Om rådet", "Et langt stykke tekst der nævner fattigdom en enkelt gang."),
            record(2, "Fattigdom", "Et langt stykke tekst om noget helt andet."),
        ]
    )
    assert keys(run(backend, "fattigdom")) == ["page:2", "page:1"]


def test_recent_wins_a_relevance_tie(backend):
    backend.rebuild(
        [
            record(1, "Boliger", "Samme tekst.", date=date(2008, 1, 1), year=2008),
            record(2, "Boliger", "Samme tekst.", date=date(2011, 1, 1), year=2011),
            record(3, "Boliger", "Samme tekst.", date=date(2009, 1, 1), year=2009),
        ]
    )
    assert keys(run(backend, "boliger")) == ["page:2", "page:3", "page:1"]


def test_a_word_in_many_titles_pages_through_in_rank_order(backend):
    titled = [
        record(n, f"Møde nummer {n}", "Referat.", date=date(2000 + n, 1, 1), year=2000 + n)
        for n in range(1, 26)
        if n not in (3, 7)
    ]
    twice = [
        record(n, f"Møde om møde nummer {n}", "Referat.", date=date(2000 + n, 1, 1), year=2000)
        for n in (3, 7)
    ]
    body_only = [
        record(n, "Referat", "Et møde, endnu et møde og så et møde til.", date=date(2010 + n, 1, 1))
        for n in (26, 27, 28)
    ]
    backend.rebuild(titled + twice + body_only)

    first = run(backend, "møde", page=1)
    second = run(backend, "møde", page=2)

    assert first.total == second.total == 28
    # The word twice in the title first, then once in the title (newest first), ...
    assert keys(first) == ["page:7", "page:3"] + [f"page:{n}" for n in range(25, 7, -1)]
    # ... and after the titles, the records that only mention it in the body.
    assert keys(second) == [f"page:{n}" for n in (6, 5, 4, 2, 1, 28, 27, 26)]


def test_sort_by_date(corpus):
    assert keys(run(corpus, "rådet", sort="date")) == ["page:1", "page:4", "page:2", "page:3"]


def test_snippet_marks_hits_and_escapes_everything_else(corpus):
    (hit,) = run(corpus, "kampagne").hits
    assert "<mark>kampagne</mark>" in hit.snippet
    assert "<script>" not in hit.snippet
    assert "&lt;script&gt;" in hit.snippet
    assert "&amp;" in hit.snippet


def test_pagination(backend):
    backend.rebuild(
        [
            record(n, f"Møde nummer {n}", "Referat.", date=date(2000 + n % 20, 1, 1), year=2000)
            for n in range(1, 26)
        ]
    )
    first = run(backend, "referat", page=1)
    second = run(backend, "referat", page=2)
    assert first.total == second.total == 25
    assert len(first.hits) == 20
    assert len(second.hits) == 5
    assert not set(keys(first)) & set(keys(second))
    assert run(backend, "referat", page=3).hits == []


def test_browsing_without_words_lists_newest_first(corpus):
    results = run(corpus, "", council="herning")
    assert keys(results) == ["page:5", "page:4"]


def test_upsert_and_delete(corpus):
    corpus.upsert([record(2, "Referat af mødet", "Nu om fiskeri.", kind="meeting")])
    assert "page:2" not in keys(run(corpus, "tandpleje"))
    assert "page:2" in keys(run(corpus, "fiskeri"))
    corpus.delete(["page:2"])
    assert "page:2" not in keys(run(corpus, "fiskeri"))
    assert "page:2" not in corpus.stored_digests()


def test_excluding_a_stop_word_changes_nothing(corpus):
    assert sorted(keys(run(corpus, "boliger -og"))) == ["page:4", "page:5"]


SUMMARY_CORPUS = [
    record(
        41,
        "Høringssvar om varmestuer",
        "Rådet skriver om åbningstider og personale i byens væresteder.",
        summary="Rådet vil have <flere> pladser & længere åbent om natten.",
        kind="hearing_response",
        date=date(2011, 2, 1),
        year=2011,
    ),
    record(
        42,
        "Referat om varmestuer",
        "Mødet handlede om åbningstider.",
        kind="meeting",
        date=date(2011, 1, 1),
        year=2011,
    ),
]


def test_a_hit_without_a_marked_match_is_described_by_its_summary(backend):
    backend.rebuild(SUMMARY_CORPUS)
    hits = {hit.key: hit for hit in run(backend, "varmestuer").hits}  # in the titles only
    assert hits["page:41"].snippet == (
        "Rådet vil have &lt;flere&gt; pladser &amp; længere åbent om natten."
    )
    # Without a summary, the opening of the text, as before.
    assert hits["page:42"].snippet == "Mødet handlede om åbningstider."


def test_a_marked_match_wins_over_the_summary(backend):
    backend.rebuild(SUMMARY_CORPUS)
    hits = {hit.key: hit for hit in run(backend, "åbningstider").hits}
    assert "<mark>åbningstider</mark>" in hits["page:41"].snippet
    assert "natten" not in hits["page:41"].snippet


def test_browsing_without_words_shows_the_summary(backend):
    backend.rebuild(SUMMARY_CORPUS)
    (hit,) = run(backend, "", kind="hearing_response").hits
    assert hit.snippet.startswith("Rådet vil have &lt;flere&gt;")


def _with_attachment(n, title, own, attachment_title, attachment_text, **kwargs):
    part = f"{attachment_title}\n{attachment_text}"
    body = f"{own}\n{part}"
    found_in = Attachment(attachment_title, f"/dokumenter/{n}/bilag.pdf", len(own) + 1, len(body))
    return record(n, title, body, attachments=[found_in], **kwargs)


def test_a_word_only_in_an_attachment_names_it_and_a_word_in_the_page_does_not(backend):
    backend.rebuild(
        [
            _with_attachment(
                51,
                "Høringssvar om hjemløse",
                "Rådet vil have flere boliger.",
                "Kommunens handleplan",
                "Ventelister til forsorgshjem & <herberger>.",
                kind="hearing_response",
            ),
            record(52, "Referat", "Mødet handlede om boliger."),
        ]
    )
    (hit,) = run(backend, "ventelister").hits
    assert hit.key == "page:51"
    assert hit.attachment == ("Kommunens handleplan", "/dokumenter/51/bilag.pdf")
    assert hit.snippet == (
        "Kommunens handleplan … <mark>Ventelister</mark> til forsorgshjem &amp; &lt;herberger&gt;."
    )
    hits = {h.key: h for h in run(backend, "boliger").hits}
    assert hits["page:51"].attachment is None
    assert hits["page:51"].snippet == "Rådet vil have flere <mark>boliger</mark>."
    assert hits["page:52"].attachment is None
    # Found in the title: the page's own text (or its summary) describes it, no attachment.
    assert run(backend, "hjemløse").hits[0].attachment is None
