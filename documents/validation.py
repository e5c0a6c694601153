"""Checks on an uploaded file before anything is stored: name, size, type by content, PDF safety.

Every refusal is a ``ValidationError`` with a Danish message an editor can act on.
"""

import re
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

from documents.filetypes import ALLOWED_TYPES_TEXT, PDF, FileKind, kind_for_extension, sniff

DEFAULT_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Room for Django's "_abc1234" suffix and the "documents/" folder within FileField's 100 chars.
MAX_FILENAME_LENGTH = 80
# A PDF with more objects than this is refused rather than walked for ever.
MAX_PDF_OBJECTS = 200_000

# Characters Windows refuses in file names; a downloaded file must save on every system.
_FORBIDDEN_CHARACTERS = re.compile(r'[<>:"|?*]')
_PATH_SEPARATORS = re.compile(r"[/\\]")
_WHITESPACE = re.compile(r"\s+")
# PDF actions that run code or programs on the reader's machine.
_ACTIVE_ACTIONS = {"/JavaScript", "/Launch"}


def max_upload_size() -> int | None:
    return getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", DEFAULT_MAX_UPLOAD_SIZE)


def clean_filename(name: str) -> str:
    """A safe file name that keeps what the editor called the file, æ, ø and å included.

    Drops any folder part (``../../etc/passwd`` becomes ``passwd``), control and invisible
    characters (e.g. right-to-left overrides that fake an extension) and characters Windows
    refuses; squeezes whitespace; lower-cases the extension; keeps the name to a sane length.
    """
    name = unicodedata.normalize("NFC", str(name))
    name = _PATH_SEPARATORS.split(name)[-1]
    name = _WHITESPACE.sub(" ", name)
    name = "".join(ch for ch in name if not unicodedata.category(ch).startswith("C"))
    name = _FORBIDDEN_CHARACTERS.sub("", name)
    name = _WHITESPACE.sub(" ", name).strip()
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    extension = extension.strip().lower()[:10]
    stem = stem.strip(" .") or str(_("dokument"))
    room = MAX_FILENAME_LENGTH - (len(extension) + 1 if extension else 0)
    stem = stem[:room].rstrip(" .") or str(_("dokument"))
    return f"{stem}.{extension}" if extension else stem


def validate_upload(uploaded, filename: str) -> FileKind:
    """Check size, type and safety of an uploaded file (named ``filename`` after cleaning).

    Returns the recognised file type; raises ``ValidationError`` with a Danish message.
    """
    limit = max_upload_size()
    if limit is not None and uploaded.size > limit:
        raise ValidationError(
            _("Filen er for stor (%(size)s). Den må højst fylde %(max)s."),
            code="file_too_large",
            params={"size": filesizeformat(uploaded.size), "max": filesizeformat(limit)},
        )
    if uploaded.size == 0:
        raise ValidationError(_("Filen er tom."), code="empty")

    extension = filename.rpartition(".")[2].lower() if "." in filename else ""
    expected = kind_for_extension(extension) if extension else None
    kind = sniff(uploaded)
    if kind is None:
        if expected is not None:
            raise ValidationError(
                _(
                    "Filen „%(name)s“ er ikke en rigtig %(kind)s-fil, selv om navnet ender på "
                    ".%(extension)s. Den kan være beskadiget eller omdøbt fra en anden filtype."
                ),
                code="content_mismatch",
                params={"name": filename, "kind": expected.label, "extension": extension},
            )
        raise ValidationError(
            _("Denne filtype kan ikke uploades. Du kan uploade %(allowed)s."),
            code="type_not_allowed",
            params={"allowed": ALLOWED_TYPES_TEXT},
        )
    if extension not in kind.extensions:
        raise ValidationError(
            _(
                "Filen er en %(kind)s-fil, men navnet „%(name)s“ passer ikke til det. "
                "Giv filen endelsen .%(right)s og prøv igen."
            ),
            code="extension_mismatch",
            params={"kind": kind.label, "name": filename, "right": kind.main_extension},
        )
    if kind is PDF:
        check_pdf(uploaded)
    return kind


def check_pdf(uploaded) -> None:
    """Refuse PDFs that are unreadable, locked, or carry JavaScript or launch actions."""
    uploaded.seek(0)
    try:
        reader = PdfReader(uploaded)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ValidationError(
                _("PDF'en er låst med en adgangskode. Gem den uden adgangskode og prøv igen."),
                code="pdf_encrypted",
            )
        active = has_active_content(reader)
    except ValidationError:
        raise
    except Exception as error:
        # A file that makes the PDF parser fail in any way (pypdf raises a dozen exception
        # types on damaged input) is refused, never a server error.
        raise ValidationError(
            _("PDF'en kan ikke læses. Den er måske beskadiget. Gem den igen og prøv igen."),
            code="pdf_unreadable",
        ) from error
    finally:
        uploaded.seek(0)
    if active:
        raise ValidationError(
            _(
                "PDF'en indeholder JavaScript eller en handling, der kan starte et program på "
                "læserens computer. Sådanne filer kan ikke offentliggøres. Gem den igen som "
                "almindelig PDF (fx med „Udskriv til PDF“) og prøv igen."
            ),
            code="pdf_active_content",
        )


def has_active_content(reader: PdfReader) -> bool:
    """True if any object reachable from the PDF's trailer holds JavaScript or a launch action.

    Walks the whole object graph rather than the few usual places (open action, name tree,
    annotations, form fields, page actions), so an action hidden anywhere a viewer can reach
    is found. Names are compared after pypdf has decoded them, so ``/J#61vaScript`` counts.
    """
    seen: set[tuple[int, int]] = set()
    stack = [reader.trailer]
    visited = 0
    while stack:
        obj = stack.pop()
        if isinstance(obj, IndirectObject):
            key = (obj.idnum, obj.generation)
            if key in seen:
                continue
            seen.add(key)
            obj = obj.get_object()
        visited += 1
        if visited > MAX_PDF_OBJECTS:
            raise ValueError("PDF has too many objects to inspect")
        if isinstance(obj, DictionaryObject):
            if "/JS" in obj or "/JavaScript" in obj:
                return True
            action = dict.get(obj, "/S")
            if isinstance(action, IndirectObject):
                action = action.get_object()
            if isinstance(action, str) and action in _ACTIVE_ACTIONS:
                return True
            stack.extend(dict.values(obj))
        elif isinstance(obj, ArrayObject):
            stack.extend(list.__iter__(obj))
    return False
