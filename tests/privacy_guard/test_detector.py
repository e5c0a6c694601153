"""The detector through its public function: what it finds, and what it must leave alone.

CPR numbers here are synthetic: real dates, made-up serial numbers.
"""

import os
from pathlib import Path

import pytest

from privacy_guard.detector import (
    CPR,
    DEFAULT_CASE_WORDS,
    EMAIL,
    PHONE,
    WORD,
    find_personal_data,
    mask_cpr_numbers,
)

# The national agency's 2010 collection of experiences as plain text (not in this repository:
# point the variable at a copy to include it, as bench/privacy_false_positives.py does).
GUIDE = os.environ.get("UDSATTERAAD_GUIDE_TEXT", "")


def kinds(text, **kwargs):
    return [(finding.kind, finding.text) for finding in find_personal_data(text, **kwargs)]


@pytest.mark.parametrize(
    "text, found",
    [
        ("Borgerens nummer er 010190-1234.", "010190-1234"),
        ("0101901234", "0101901234"),
        ("010190 1234", "010190 1234"),
        ("010190.1234", "010190.1234"),
        ("nr.:150875-2231,", "150875-2231"),
        # 29 February 2000: the seventh digit 4 puts year 00 in 2000, a leap year.
        ("290200-4234", "290200-4234"),
        # Numbers issued since 2007 may fail modulus 11; this one does and is still found.
        ("311299-1235", "311299-1235"),
    ],
)
def test_cpr_numbers_with_a_real_date_are_found(text, found):
    assert kinds(text) == [(CPR, found)]


@pytest.mark.parametrize(
    "text",
    [
        "310490-1234",  # 31 April does not exist
        "290201-1234",  # 29 February 1901 does not exist
        "320190-1234",  # day 32
        "011390-1234",  # month 13
        "010130-4234",  # 1 January 2030: not born yet
        "12345678901234",  # inside a longer number
        "9010190123456",  # inside a longer number
        "010190-12345",  # five digits after the hyphen
        "26/0101901234",  # part of a case number
    ],
)
def test_what_is_not_a_cpr_number(text):
    assert [kind for kind, _ in kinds(text)] == []


def test_the_place_is_on_every_finding():
    [finding] = find_personal_data("CPR 010190-1234", "Titel")
    assert finding.place == "Titel"
    assert finding.blocks
    assert finding.masked == "xxxxxx-xxxx"


def test_masking_replaces_only_cpr_numbers():
    text = "Sag 26/12345, født 010190-1234, mødet 22.10.2009"
    assert mask_cpr_numbers(text) == "Sag 26/12345, født xxxxxx-xxxx, mødet 22.10.2009"


@pytest.mark.parametrize(
    "text, found",
    [
        ("Ring på 23 45 67 89.", "23 45 67 89"),
        ("Tlf. 2345 6789", "2345 6789"),
        ("tlf. 23456789", "23456789"),
        ("mobil: 23456789", "23456789"),
        ("+45 23 45 67 89", "+45 23 45 67 89"),
        ("0045 23456789", "0045 23456789"),
        ("23-45-67-89", "23-45-67-89"),
    ],
)
def test_danish_phone_numbers_are_warnings(text, found):
    [finding] = find_personal_data(text)
    assert (finding.kind, finding.text) == (PHONE, found)
    assert not finding.blocks


def test_e_mail_addresses_are_warnings():
    assert kinds("Skriv til anna.jensen@example.dk i dag") == [(EMAIL, "anna.jensen@example.dk")]


def test_allowed_contacts_are_not_findings():
    allowed = ["+45 66 13 13 72", "udsatteraad@odense.dk", "@herning.dk"]
    text = "Kontakt 66 13 13 72, udsatteraad@odense.dk eller social@herning.dk."
    assert kinds(text, allowed_contacts=allowed) == []
    assert kinds("Ring 66 13 13 73", allowed_contacts=allowed) == [(PHONE, "66 13 13 73")]


def test_case_words_are_whole_words_in_any_case():
    words = DEFAULT_CASE_WORDS.splitlines()
    assert kinds("Hans CPR-nummer og journalnummer", case_words=words) == [
        (WORD, "CPR-nummer"),
        (WORD, "journalnummer"),
    ]
    assert kinds("cprregister og personnumre", case_words=["cpr", "personnummer"]) == []


@pytest.mark.parametrize(
    "text",
    [
        "Mødet den 22.10.2009 kl. 15.00",
        "den 24-11-2009",
        "i 2009 2010 og 2007-2008",
        "årsrapport 2008-2009",
        "en pulje på 3.000.000 kr.",
        "kr. 12345678",
        "DKK 3 mio.",
        "sagsnummer 26/12345",
        "j.nr. 2010-12345",
        "sag 12.34.56-78",
        "20091124",
        "1. januar 2010",
        "Stk. 2. § 9",
        "13 medlemmer, 10-12 medlemmer, 3/3/3",
        "telefoninterviews",
    ],
)
def test_dates_years_amounts_and_case_numbers_are_not_findings(text):
    assert kinds(text) == []


@pytest.mark.skipif(not Path(GUIDE).is_file(), reason="UDSATTERAAD_GUIDE_TEXT not set")
def test_the_guide_text_has_no_findings():
    """The national agency's collection of experiences: real text about councils, no findings."""
    text = Path(GUIDE).read_text(encoding="utf-8")
    assert len(text) > 10_000
    assert find_personal_data(text, "guide", case_words=DEFAULT_CASE_WORDS.splitlines()) == []
