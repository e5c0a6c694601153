"""Snippets: the best passage, and the words as the index matched them.

Every backend makes its snippets with ``search.snippets`` from the stored body (Elasticsearch
too); these run on the database backend of the suite (SQLite or PostgreSQL), whose word forms
decide what matched.
"""

import pytest

from search.backends.database import DatabaseBackend
from tests.search.conftest import record
from tests.search.test_contract import run

FILLER = "Rådet holdt møde i byen og talte om mange ting. " * 8


@pytest.fixture
def database(db):
    return DatabaseBackend({})


def hit(backend, q):
    (only,) = run(backend, q).hits
    return only


def test_the_excerpt_starts_at_the_passage_with_most_of_the_words(database):
    database.rebuild(
        [
            record(
                1,
                "Referat",
                "Der er brug for flere herbergspladser. "
                + FILLER
                + "Rådet vil have herbergspladser og en natvarmestue i vinter.",
            )
        ]
    )
    found = hit(database, "natvarmestue herbergspladser").snippet
    assert "<mark>natvarmestue</mark>" in found
    assert "<mark>herbergspladser</mark>" in found
    assert found.startswith("… ")


def test_another_form_and_a_compound_part_are_marked(database):
    database.rebuild(
        [
            record(1, "Høring", "Kommunen vil nedlægge herbergspladserne i byen."),
            record(2, "Referat", "Socialudvalget besøgte natvarmestuen en kold nat."),
        ]
    )
    assert "<mark>herbergspladserne</mark>" in hit(database, "herbergsplads").snippet
    assert "<mark>Socialudvalget</mark>" in hit(database, "udvalg").snippet
    assert "<mark>natvarmestuen</mark>" in hit(database, "natvarme").snippet


def test_a_word_that_only_contains_the_query_word_is_not_marked(database):
    database.rebuild([record(1, "Referat", "Rådgivningen og rådet holdt møde om natten.")])
    found = hit(database, "rådet").snippet
    assert "<mark>rådet</mark>" in found
    assert "<mark>Rådgivningen</mark>" not in found


def test_a_cut_at_a_field_break_ends_in_one_ellipsis(database):
    first = "Fisketur " + "med rådet " * 22 + "og mere"  # the cut falls just after its break
    assert len(first) == 236
    database.rebuild([record(1, "Referat", first + "\nNæste punkt om boliger.\n" + FILLER)])
    found = hit(database, "fisketur").snippet
    assert found.endswith("og mere …")
    assert "… …" not in found
