from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection


class SharedCollection(models.Model):
    """Marks a document collection as shared by all councils (e.g. national guidance).

    Site administrators add these under Indstillinger > Fælles dokumentsamlinger. Any council's
    pages may link to the documents in a shared collection (and the collections below it), and
    such a document is public as soon as any visible page links to it. Every other document
    belongs to one council (see ``visibility.rules``).
    """

    collection = models.OneToOneField(
        Collection,
        verbose_name=_("samling"),
        on_delete=models.CASCADE,
        related_name="shared_marker",
        help_text=_(
            "Alle råd kan bruge dokumenterne i denne samling og i samlingerne under den. Vælg "
            "kun en samling med dokumenter, der må være offentlige for alle."
        ),
    )

    class Meta:
        verbose_name = _("fælles dokumentsamling")
        verbose_name_plural = _("fælles dokumentsamlinger")

    def __str__(self):
        return self.collection.name
