"""The site's document model: every file belongs to a council and carries its text."""

import contextlib
import os.path

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, DocumentQuerySet
from wagtail.models import Collection
from wagtail.search import index

from documents.filetypes import KINDS_BY_KEY, SCANNABLE_KINDS, kind_for_extension
from documents.validation import clean_filename
from visibility.rules import public_documents


class CouncilCollection(models.Model):
    """Ties a council to the Wagtail collection holding its documents (one each way).

    Created by ``documents.collections.council_collection`` when a council is created; never
    edited by hand. The collection is the unit of permission: a council's group gets add, edit
    and choose permissions on it, so its secretary sees only the council's own documents.
    """

    council = models.OneToOneField(
        "council_pages.CouncilPage",
        verbose_name=_("udsatteråd"),
        on_delete=models.CASCADE,
        related_name="document_collection_link",
    )
    collection = models.OneToOneField(
        Collection,
        verbose_name=_("samling"),
        on_delete=models.CASCADE,
        related_name="council_link",
    )

    class Meta:
        verbose_name = _("rådets dokumentsamling")
        verbose_name_plural = _("rådenes dokumentsamlinger")

    def __str__(self):
        return self.collection.name

    @classmethod
    def council_id_for(cls, collection) -> int | None:
        """The council owning ``collection`` (or one of its ancestors), else None."""
        if collection is None:
            return None
        if not isinstance(collection, Collection):
            collection = Collection.objects.filter(pk=collection).first()
            if collection is None:
                return None
        # A collection's ancestors are the prefixes of its materialised path.
        steplen = Collection.steplen
        paths = [collection.path[:end] for end in range(steplen, len(collection.path) + 1, steplen)]
        link = (
            cls.objects.filter(collection__path__in=paths)
            .order_by("-collection__depth")
            .values_list("council_id", flat=True)
            .first()
        )
        return link


UNCHECKABLE_WARNING = _(
    "Filen kan ikke kontrolleres for personoplysninger: der er ingen tekst at læse i den, heller "
    "ikke med tekstgenkendelse (fx en utydelig scanning). Formanden skal selv se filen igennem "
    "og bekræfte, at den ikke indeholder CPR-numre eller andre personoplysninger, før siden "
    "udgives. Har du filen som tekst (fx Word eller en PDF med tekst), så brug den i stedet."
)


class TextStatus(models.TextChoices):
    """Where the background reading of a document's text stands."""

    PENDING = "pending", _("Venter på at teksten bliver læst")
    DONE = "done", _("Teksten er læst")
    FAILED = "failed", _("Teksten kunne ikke læses")


# Problem key -> (a few words for the report, the full hint with what to do about it).
ACCESSIBILITY_PROBLEMS = {
    "no_text_layer": (
        _("Intet tekstlag (scannet)"),
        _(
            "PDF'en har intet tekstlag (den er nok scannet). Den kan ikke søges i og kan ikke "
            "læses op for blinde og svagsynede. Gem den som PDF fra det oprindelige program, "
            "eller få den genkendt med OCR."
        ),
    ),
    "no_title": (
        _("Ingen titel"),
        _(
            "PDF'en har ingen titel i sine egenskaber. Skriv en titel under Egenskaber i det "
            "program, filen er lavet i, og gem som PDF igen."
        ),
    ),
    "no_language": (
        _("Intet sprog"),
        _(
            "PDF'en har ikke noget sprog angivet, så skærmlæsere ved ikke, at teksten er dansk. "
            "Vælg sprog i det program, filen er lavet i, og gem som PDF igen."
        ),
    ),
}


class CouncilDocumentQuerySet(DocumentQuerySet):
    """Document queries; ``public()`` is the one other apps use for what the public may see."""

    def public(self, *, searchable: bool = True):
        """Documents anyone may download: see ``visibility.rules`` for the rule."""
        return public_documents(self, searchable=searchable)

    def update(self, **kwargs):
        # Moving documents in bulk (Wagtail's "add to collection") must move their council too.
        for key in ("collection", "collection_id"):
            if key in kwargs:
                kwargs["council_id"] = CouncilCollection.council_id_for(kwargs[key])
        return super().update(**kwargs)

    def for_council(self, council):
        return self.filter(council_id=getattr(council, "pk", council))


class CouncilDocument(AbstractDocument):
    """A file a council publishes (consultation material, signed responses, reports, minutes).

    Editors upload it under Dokumenter in the admin, into their council's collection, and attach
    it to pages. The upload form (``documents.forms``) checks the content; a background task
    (``documents.tasks``, queued by ``documents.signals`` after each save) then reads the
    file's text into ``extracted_text`` for search, together with the page count and the PDF's
    title, language and text layer, which drive the accessibility hints shown to editors.
    ``council`` follows from the collection.
    """

    council = models.ForeignKey(
        "council_pages.CouncilPage",
        verbose_name=_("udsatteråd"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="documents",
    )
    original_filename = models.CharField(
        _("filnavn"),
        max_length=255,
        blank=True,
        editable=False,
        help_text=_("Filens navn, som det blev uploadet (renset)."),
    )
    file_kind = models.CharField(_("filtype"), max_length=10, blank=True, editable=False)
    extracted_text = models.TextField(_("tekst fra filen"), blank=True, editable=False)
    text_status = models.CharField(
        _("tekstudtræk"),
        max_length=10,
        choices=TextStatus.choices,
        default=TextStatus.PENDING,
        editable=False,
    )
    text_extracted_hash = models.CharField(max_length=40, blank=True, editable=False)
    page_count = models.PositiveIntegerField(_("antal sider"), null=True, editable=False)
    has_text_layer = models.BooleanField(_("har tekstlag"), null=True, editable=False)
    pdf_title = models.CharField(_("titel i filen"), max_length=255, blank=True, editable=False)
    pdf_language = models.CharField(_("sprog i filen"), max_length=35, blank=True, editable=False)
    # Set when the text is read (documents.tasks): such a document is never public.
    contains_cpr_number = models.BooleanField(
        _("indeholder CPR-nummer"), default=False, editable=False
    )

    objects = CouncilDocumentQuerySet.as_manager()

    admin_form_fields = ("title", "file", "collection", "tags")

    search_fields = AbstractDocument.search_fields + [
        index.SearchField("extracted_text"),
        index.FilterField("council_id"),
    ]

    class Meta(AbstractDocument.Meta):
        verbose_name = _("dokument")
        verbose_name_plural = _("dokumenter")
        permissions = [("choose_document", "Can choose document")]

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "collection" in update_fields:
            self.council_id = CouncilCollection.council_id_for(self.collection_id)
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "council"}
        if self.file and not self.file_hash:
            # Documents made in code (demo content, imports) rather than through the form.
            with contextlib.suppress(OSError, ValueError):
                self._set_document_file_metadata()
        if self.file and not self.original_filename:
            self.original_filename = clean_filename(os.path.basename(self.file.name))
        if self.file and not self.file_kind:
            kind = kind_for_extension(self.file_extension)
            self.file_kind = kind.key if kind else ""
        if self.needs_text and update_fields is None:
            # The text is read in the background (``documents.signals`` queues the task).
            self.text_status = TextStatus.PENDING
        super().save(*args, **kwargs)

    @property
    def needs_text(self) -> bool:
        """The file is new or replaced since its text was last read."""
        return bool(self.file_hash) and self.file_hash != self.text_extracted_hash

    @property
    def kind(self):
        """The recognised file type (``documents.filetypes.FileKind``) or None."""
        return KINDS_BY_KEY.get(self.file_kind) or kind_for_extension(self.file_extension)

    @property
    def content_type(self):
        kind = self.kind
        return kind.content_type if kind else super().content_type

    @property
    def download_filename(self):
        """The name a visitor's browser saves the file as: the name it was uploaded with."""
        return self.original_filename or self.filename

    @property
    def is_pdf(self) -> bool:
        return self.file_kind == "pdf"

    def accessibility_problems(self) -> list[str]:
        """Keys of ``ACCESSIBILITY_PROBLEMS`` this document has.

        Empty until the text has been read, and for file types other than PDF.
        """
        if not self.is_pdf or self.text_status != TextStatus.DONE:
            return []
        checks = {
            "no_text_layer": not self.has_text_layer,
            "no_title": not self.pdf_title,
            "no_language": not self.pdf_language,
        }
        return [key for key, failed in checks.items() if failed]

    @property
    def cannot_be_checked(self) -> bool:
        """A scan or image in which neither the text layer nor OCR found any text."""
        return (
            self.text_status == TextStatus.DONE
            and self.file_kind in SCANNABLE_KINDS
            and not self.extracted_text.strip()
        )

    def personal_data_warnings(self) -> list[str]:
        """The privacy guard's word to the editor: a CPR number keeps the file from the public."""
        if self.cannot_be_checked:
            return [str(UNCHECKABLE_WARNING)]
        if not self.contains_cpr_number:
            return []
        return [
            str(
                _(
                    "Filen indeholder et CPR-nummer. Den kan ikke hentes af offentligheden, "
                    "heller ikke når en udgivet side linker til den, og sider, der linker til "
                    "den, kan ikke udgives. Fjern eller overstreg CPR-nummeret i filen, og "
                    "erstat filen med den rensede udgave."
                )
            )
        ]

    def accessibility_warnings(self) -> list[str]:
        """Danish hints for the editor, one for each accessibility problem."""
        return [str(ACCESSIBILITY_PROBLEMS[key][1]) for key in self.accessibility_problems()]

    @property
    def accessibility_summary(self) -> str:
        """The document's problems in a few words (admin report and its export)."""
        if self.text_status == TextStatus.FAILED:
            return str(_("Teksten kunne ikke læses"))
        return ", ".join(str(ACCESSIBILITY_PROBLEMS[k][0]) for k in self.accessibility_problems())

    @property
    def is_searchable(self) -> bool:
        return self.text_status == TextStatus.DONE and bool(self.extracted_text.strip())
