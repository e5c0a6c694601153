"""LIX, the Danish readability index, for the editor and the administrators' report.

LIX = words / sentences + 100 * long words / words, where a long word has more than six
letters. The editor's live meter (``static/council_pages/js/lix.js``) computes the same thing
with the same rules; ``tests/browser/test_easy_read.py`` checks that both agree.

The rules, kept identical in both languages:
- a word is a run of letters (``æ``, ``ø``, ``å`` and every other letter included); digits and
  punctuation separate words and are not counted;
- a sentence ends at ``.``, ``!``, ``?`` or ``:`` followed by white space or the end of the text,
  and at a line break; a piece of text without words is no sentence;
- the score is rounded to a whole number.
"""

import html
import math
import re
from dataclasses import dataclass

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

WORD = re.compile(r"[^\W\d_]+")
SENTENCE_END = re.compile(r"[.!?:]+(?=\s|$)|\n+")
LONG_WORD = 6

# The site's target for "Kort fortalt" (a summary everyone can read).
SUMMARY_TARGET = 35

# (highest score, level in words). 35 and under reads easily; 45 and over is hard.
LEVELS = [(35, _("let")), (44, _("middel"))]
HARD = _("svær")


@dataclass(frozen=True)
class Lix:
    score: int
    words: int
    sentences: int
    long_words: int

    @property
    def level(self) -> str:
        for highest, label in LEVELS:
            if self.score <= highest:
                return str(label)
        return str(HARD)


def lix(text: str) -> Lix | None:
    """The LIX of a plain text, or None for a text without words."""
    sentences = [part for part in SENTENCE_END.split(text or "") if WORD.search(part)]
    words = WORD.findall(text or "")
    if not words:
        return None
    long_words = sum(1 for word in words if len(word) > LONG_WORD)
    score = len(words) / len(sentences) + 100 * long_words / len(words)
    # Half up, as JavaScript's Math.round (Python's round() goes to the even number).
    return Lix(math.floor(score + 0.5), len(words), len(sentences), long_words)


def html_text(source: str) -> str:
    """Rich text as plain text, one line per paragraph, heading or list item."""
    text = re.sub(r"</(p|h[1-6]|li|blockquote)>|<br\s*/?>", "\n", source or "", flags=re.I)
    return html.unescape(strip_tags(text))


def lix_of_html(source: str) -> Lix | None:
    return lix(html_text(source))
