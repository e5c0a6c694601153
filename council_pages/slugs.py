"""Danish-aware slugs: æ, ø and å become ae, oe and aa instead of being dropped."""

from django.utils.text import slugify

DANISH_TRANSLITERATION = str.maketrans(
    {"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"}
)


def danish_slugify(value: str) -> str:
    """Return an ASCII slug, spelling the Danish letters the way Danes do in URLs."""
    return slugify(str(value).translate(DANISH_TRANSLITERATION))
