"""Finding personal data in text: CPR numbers, phone numbers, e-mail addresses, case words.

The one public function is ``find_personal_data(text, place, ...)``. It knows nothing about pages
or documents: callers hand it text and say where the text comes from, and get back findings with
that place. It imports nothing from the rest of the site, so pages, documents and commands can
all use it.

What counts, and what deliberately does not (false positives cost the editors' trust):

* **CPR numbers**: six digits that are a real date of birth (day, month, two-digit year), then
  four digits, written together, or with a hyphen, a space or a dot between. The seventh digit
  and the year give the century, as the CPR office defines it; a date that does not exist
  (31 April, 29 February in a non-leap year) or lies in the future is not a CPR number. The
  modulus-11 check is not used: numbers issued since 2007 may fail it. Ten digits that are part of
  a longer run of digits (an EAN, an account number) are not a CPR number either.
* **Danish phone numbers**: eight digits (first digit 2-9) written as ``12 34 56 78``,
  ``1234 5678``, or with ``+45``/``0045`` in front; eight digits written together only after a
  word such as "tlf." or "mobil" (on their own they are as often an amount or a journal number).
  Two years side by side ("2009 2010") are not a phone number.
* **E-mail addresses**.
* **Case words** such as "cpr" or "journalnummer", matched as whole words, case-insensitively.

Phone numbers and e-mail addresses listed in ``allowed_contacts`` (the council's own published
contact details, public institutions) are not findings; an entry ``@kommune.dk`` allows every
address at that domain.
"""

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass

CPR = "cpr"
PHONE = "phone"
EMAIL = "email"
WORD = "word"

CPR_MASK = "xxxxxx-xxxx"

# What site administrators start with under Indstillinger → Personoplysninger.
DEFAULT_CASE_WORDS = "\n".join(
    [
        "cpr",
        "cpr-nr",
        "cpr-nummer",
        "personnummer",
        "journalnummer",
        "journalnr",
        "j.nr",
        "sagsakter",
        "borgerens sag",
    ]
)

_CPR = re.compile(
    r"(?<![\d/])(?<![\d][.,\-–])"
    r"(?P<day>\d{2})(?P<month>\d{2})(?P<year>\d{2})"
    r"(?:[-–. ]|)"
    r"(?P<serial>\d{4})"
    r"(?![\d])(?![.,\-–/]\d)"
)

_PHONE_GROUPED = re.compile(
    r"(?<![\w+/.,\-–])(?<!\d )"
    r"(?P<prefix>(?:\+|00)45[ \-]?)?"
    r"(?P<number>[2-9]\d(?: \d{2}){3}|[2-9]\d(?:-\d{2}){3}|[2-9]\d{3} \d{4}|[2-9]\d{7})"
    r"(?![\w/]|[.,\-–]\d| \d)"
)
_PHONE_CONTEXT = re.compile(
    r"(?:\btlf\.?|\btelefon(?:nummer|nr\.?)?|\bmobil(?:nummer|nr\.?)?|\bring(?:e)?(?: på)?"
    r"|\bsms)\s*:?\s*$",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?:19|20)\d{2}")

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])", re.UNICODE)


@dataclass(frozen=True)
class Finding:
    """One piece of personal data: what kind, the text found, and where it is."""

    kind: str
    text: str
    place: str

    @property
    def blocks(self) -> bool:
        """CPR numbers stop a page from being submitted or published; the rest are warnings."""
        return self.kind == CPR

    @property
    def masked(self) -> str:
        """What the text should say instead (only CPR numbers have a fixed mask)."""
        return CPR_MASK if self.kind == CPR else self.text


def find_personal_data(
    text: str,
    place: str = "",
    *,
    allowed_contacts: Iterable[str] = (),
    case_words: Iterable[str] = (),
) -> list[Finding]:
    """Every CPR number, phone number, e-mail address and case word in ``text``, in order."""
    if not text:
        return []
    allowed = ContactAllowList(allowed_contacts)
    found: list[tuple[int, Finding]] = []
    cpr_spans = []
    for match in _CPR.finditer(text):
        if _is_cpr(match):
            cpr_spans.append(match.span())
            found.append((match.start(), Finding(CPR, match.group(0), place)))
    for match in _PHONE_GROUPED.finditer(text):
        if _overlaps(match.span(), cpr_spans):
            continue
        number = match.group("number")
        if not _is_phone(text, match, number):
            continue
        if allowed.allows_phone(number):
            continue
        found.append((match.start(), Finding(PHONE, match.group(0), place)))
    for match in _EMAIL.finditer(text):
        if not allowed.allows_email(match.group(0)):
            found.append((match.start(), Finding(EMAIL, match.group(0), place)))
    # Longest first, so "cpr-nummer" is one finding rather than "cpr" and a rest.
    words = sorted({w.strip() for w in case_words if w and w.strip()}, key=len, reverse=True)
    if words:
        pattern = re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(word) for word in words) + r")(?!\w)",
            re.IGNORECASE,
        )
        for match in pattern.finditer(text):
            found.append((match.start(), Finding(WORD, match.group(0), place)))
    found.sort(key=lambda item: item[0])
    return [finding for _, finding in found]


def contains_cpr_number(text: str) -> bool:
    """True if ``text`` has at least one CPR number (cheaper than listing every finding)."""
    return any(_is_cpr(match) for match in _CPR.finditer(text or ""))


def mask_cpr_numbers(text: str) -> str:
    """``text`` with every CPR number replaced by ``xxxxxx-xxxx``."""
    return _CPR.sub(lambda match: CPR_MASK if _is_cpr(match) else match.group(0), text)


def cpr_birth_date(day: int, month: int, year: int, serial: str) -> datetime.date | None:
    """The date of birth a CPR number encodes, or None if there is no such date.

    The seventh digit (the first of ``serial``) gives the century together with the year.
    """
    seventh = int(serial[0])
    if seventh <= 3:
        century = 1900
    elif seventh in (4, 9):
        century = 2000 if year <= 36 else 1900
    else:
        century = 2000 if year <= 57 else 1800
    try:
        return datetime.date(century + year, month, day)
    except ValueError:
        return None


class ContactAllowList:
    """Phone numbers and e-mail addresses that may be published.

    Entries are free text, one contact each: a phone number in any spelling ("+45 66 13 13 72"),
    an e-mail address, or ``@domain`` for every address at a domain.
    """

    def __init__(self, entries: Iterable[str] = ()):
        self.phones: set[str] = set()
        self.emails: set[str] = set()
        self.domains: set[str] = set()
        for entry in entries:
            for part in re.split(r"[\n,;]+", entry or ""):
                self._add(part.strip())

    def _add(self, entry: str) -> None:
        if not entry:
            return
        for address in _EMAIL.findall(entry):
            self.emails.add(address.lower())
        if entry.startswith("@") and "." in entry:
            self.domains.add(entry[1:].lower())
            return
        digits = _phone_digits(entry)
        if len(digits) == 8:
            self.phones.add(digits)

    def allows_phone(self, number: str) -> bool:
        return _phone_digits(number) in self.phones

    def allows_email(self, address: str) -> bool:
        address = address.lower()
        return address in self.emails or address.rsplit("@", 1)[-1] in self.domains


def _phone_digits(text: str) -> str:
    digits = re.sub(r"\D", "", text)
    if len(digits) == 12 and digits.startswith("0045"):
        digits = digits[4:]
    elif len(digits) == 10 and digits.startswith("45") and "+" in text:
        digits = digits[2:]
    return digits


def _is_cpr(match: re.Match) -> bool:
    born = cpr_birth_date(
        int(match.group("day")),
        int(match.group("month")),
        int(match.group("year")),
        match.group("serial"),
    )
    return born is not None and born <= datetime.date.today()


def _is_phone(text: str, match: re.Match, number: str) -> bool:
    if match.group("prefix"):
        return True
    if " " in number and len(number) == 9:
        # 1234 5678: not two years side by side ("2009 2010").
        first, second = number.split(" ")
        return not (_YEAR.fullmatch(first) and _YEAR.fullmatch(second))
    if number.isdigit():
        # Eight digits together: only after a word that says it is a phone number.
        before = text[max(0, match.start() - 20) : match.start()]
        return bool(_PHONE_CONTEXT.search(before))
    return True


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in spans)
