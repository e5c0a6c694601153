"""Who may download a document: the serve view, the API and search ask here.

1. A **public** document (``visibility.rules.public_documents``: a visible page of its own
   council links to it, and its collection has no view restriction) anyone may download.
2. A visitor may also download a document linked from a live page of its own council that is
   restricted but that the visitor may view (logged-in council members, a group, a password
   they have entered). Collection view restrictions apply on top, as in Wagtail.
3. Site administrators, and users holding any document permission (add, edit, choose) on the
   document's collection, may always download it: a secretary and the council's chair can open
   their own council's drafts and attachments before the page is published.
4. Everyone else gets "page not found", so the address does not even reveal that the file exists.
5. A document whose text holds a CPR number (``contains_cpr_number``, set when the text is
   read) is never public, whatever links to it: only rule 3 applies until a cleaned file
   replaces it.

An unattached document, or one linked only from drafts, unpublished or private pages, or from
another council's pages, is therefore never public.
"""

from wagtail.permissions import policy_registry

from visibility.rules import document_linking_pages, is_public_document

DOCUMENT_PERMISSIONS = ["add", "change", "choose"]


def collection_is_restricted(document) -> bool:
    return document.collection.get_view_restrictions().exists()


def is_public(document) -> bool:
    """True if anyone at all may download ``document`` (rule 1 above; the rule itself keeps a
    file with a CPR number private)."""
    return is_public_document(document)


def user_has_document_permission(user, document) -> bool:
    """Rule 3: site administrators and users with rights on the document's collection."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    policy = policy_registry.get_by_type(type(document))
    return policy.user_has_any_permission_for_instance(user, DOCUMENT_PERMISSIONS, document)


def can_download(request, document) -> bool:
    """True if this request may receive ``document`` (rules 1 to 3; collection restrictions
    are checked separately by Wagtail's own ``before_serve_document`` hook)."""
    if user_has_document_permission(request.user, document):
        return True
    if document.contains_cpr_number:
        return False
    for page in document_linking_pages(document):
        if all(restriction.accept_request(request) for restriction in page.get_view_restrictions()):
            return True
    return False
