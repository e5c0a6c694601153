"""Rich-text document links that say the file's type, size and pages: "Referat (PDF, 245 kB)".

An editor links to a document from any rich-text field; on the public site the link then carries
``data-document-details="PDF, 245 kB"``, which the site's stylesheet prints after the link text.
Screen readers read it as part of the link. Imported by ``wagtail_hooks`` so that the hook below
is registered when Wagtail loads the app's hooks.
"""

from django.utils.html import escape
from wagtail import hooks
from wagtail.documents.rich_text import DocumentLinkHandler

from documents.privacy import is_public
from documents.templatetags.document_tags import document_summary


class DocumentLinkWithDetailsHandler(DocumentLinkHandler):
    """Wagtail's document link, plus the file's type and size for the reader."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        return [cls.opening_tag(document) for document in cls.get_many(attrs_list)]

    @staticmethod
    def opening_tag(document) -> str:
        # A link to a file the public may not download would still give away its file name: the
        # author's link text stays, the link goes. Rich text is rendered without a request, so
        # the public rule applies to everyone (``documents.privacy``).
        if document is None or not is_public(document):
            return "<a>"
        details = document_summary(document)
        extra = f' data-document-details="{escape(details)}"' if details else ""
        return f'<a class="document-link" href="{escape(document.url)}"{extra}>'


@hooks.register("register_rich_text_features", order=100)
def document_links_say_type_and_size(features):
    """Replace Wagtail's document link handler (registered earlier, at order 0) with ours."""
    features.register_link_type(DocumentLinkWithDetailsHandler)
