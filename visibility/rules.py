"""The one rule of visibility: what a member of the public may see, through any channel.

**Pages.** A page is *visible* when

1. it is live,
2. no view restriction (login, group, password) applies to it or to an ancestor, and
3. every ancestor below the tree's root is live too: unpublishing a section hides everything in it,
   although its children stay live in Wagtail's sense.

Every channel that shows pages to the public asks this module: page views (a page that is not
visible answers 404, or the login for a view restriction), index lists, the home and council
pages, the links between neighbouring meetings, computed figures, RSS/Atom, iCalendar, the
sitemap, API v2 and the search index.

**Documents.** A document is *public* when its collection (or an ancestor collection) has no view
restriction and a visible page *of the document's own council* links to it (document block,
chooser, rich-text link: anything Wagtail's reference index sees). A document in a collection
that site administrators mark as shared (``visibility.models.SharedCollection``) is public when
any visible page links to it; a document outside every council's collection (site-wide, added
by administrators) when a visible page outside every council links to it. So one council can
never make another council's file public by linking to it, even if a reference slipped past the
editing checks.

The document's council field (``documents.CouncilDocument.council``) says what a council is; this
module imports no app of the project, so every app may use it.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, IntegerField, OuterRef, Q, QuerySet
from django.db.models.functions import Cast, Length, Substr
from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction, Page, ReferenceIndex

from visibility.models import SharedCollection


def hidden_branches() -> Q:
    """Pages below a page that is not live (an unpublished section), as a filter.

    Only pages that have children can hide anything, so the list stays short even when the site
    holds many drafts.
    """
    hidden = Q()
    for path in Page.objects.filter(live=False, numchild__gt=0, depth__gt=1).values_list(
        "path", flat=True
    ):
        hidden |= Q(path__startswith=path)
    return hidden


def visible(queryset: QuerySet | None = None) -> QuerySet:
    """The visible pages of ``queryset`` (all pages when it is None): see the module's rule."""
    pages = Page.objects.all() if queryset is None else queryset
    pages = pages.live().public().filter(depth__gt=1)
    hidden = hidden_branches()
    return pages.exclude(hidden) if hidden else pages


def has_hidden_ancestor(page: Page) -> bool:
    """True when a section above ``page`` is not live (rule 3)."""
    return Page.objects.ancestor_of(page).filter(live=False, depth__gt=1).exists()


def is_visible(page: Page) -> bool:
    """True when ``page`` is visible to the public."""
    return page.live and not has_hidden_ancestor(page) and not page.get_view_restrictions().exists()


# Documents --------------------------------------------------------------------------------


def _council_model():
    return get_document_model()._meta.get_field("council").related_model


def council_pages_of(pages: QuerySet, council_path) -> QuerySet:
    """The pages of ``pages`` that belong to the council at ``council_path`` (an expression)."""
    return pages.filter(path__startswith=council_path)


def pages_outside_councils(pages: QuerySet) -> QuerySet:
    """The pages of ``pages`` that lie below no council (e.g. /om/, /privatliv/)."""
    council_above = _council_model().objects.filter(
        path=Substr(OuterRef("path"), 1, Length("path"))
    )
    return pages.exclude(Exists(council_above))


def _below(paths) -> Q:
    """Collections at or below any of ``paths`` (collection paths), as a filter on documents."""
    below = Q()
    for path in paths:
        below |= Q(collection__path__startswith=path)
    return below


def private_collections() -> Q:
    """Documents in a collection with a view restriction on it or an ancestor."""
    return _below(
        CollectionViewRestriction.objects.values_list("collection__path", flat=True).distinct()
    )


def shared_collections() -> Q:
    """Documents in a collection marked as shared by all councils, or below one."""
    return _below(SharedCollection.objects.values_list("collection__path", flat=True))


def _visible_linking_pages() -> QuerySet:
    """The visible pages that link to the document of the query around it (``OuterRef``)."""
    references = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        to_content_type=ContentType.objects.get_for_model(get_document_model()),
        to_object_id=Cast(OuterRef(OuterRef("pk")), CharField()),
    ).values(page_id=Cast("object_id", IntegerField()))
    # Pages by their id from the document's references: the database looks up the few pages
    # that link to each document instead of comparing every page's id as text.
    return visible().filter(pk__in=references)


def public_documents(queryset: QuerySet | None = None, *, searchable: bool = True) -> QuerySet:
    """The public documents of ``queryset`` (all documents when None): see the module's rule.

    ``searchable``: as ``pk IN (the public documents)``, a filter Wagtail's search backends
    accept. Without it the rule filters the documents directly, so that a database reading
    documents in order can stop at the first page of them (API v2's list: 79 -> 2 ms for
    the first 20 of 20,000 documents on SQLite).
    """
    Document = get_document_model()
    documents = Document.objects.all() if queryset is None else queryset
    public = documents if not searchable else Document.objects.all()
    linking = _visible_linking_pages()
    shared = shared_collections()
    own_council = Q(council__isnull=False) & Exists(
        council_pages_of(linking, OuterRef("council__path"))
    )
    site_wide = Q(council__isnull=True) & Exists(pages_outside_councils(linking))
    if shared:
        rule = (~shared & (own_council | site_wide)) | (shared & Exists(linking))
    else:
        rule = own_council | site_wide
    public = public.filter(rule)
    if hasattr(Document, "contains_cpr_number"):
        # A file the privacy guard found a CPR number in is never public.
        public = public.exclude(contains_cpr_number=True)
    private = private_collections()
    if private:
        public = public.exclude(private)
    if not searchable:
        return public
    # A plain ``pk IN (...)`` keeps the queryset searchable by Wagtail's search backends, which
    # accept only simple filters on indexed fields (API v2's ``?search=``).
    return documents.filter(pk__in=public.values("pk"))


def standalone_documents(queryset: QuerySet | None = None) -> QuerySet:
    """The public documents of ``queryset`` that no visible page links to.

    The search shows a document that a visible page links to under that page, as one of its
    attachments; only a standalone document is a hit of its own. Under the rule above every
    public document has a visible page linking to it, so this is empty today; the search asks
    here all the same, so it stays right if the rule ever lets a document stand alone.
    """
    return public_documents(queryset).exclude(Exists(_visible_linking_pages()))


def is_public_document(document) -> bool:
    """True when anyone may download ``document``."""
    return public_documents(type(document).objects.filter(pk=document.pk)).exists()


def document_linking_pages(document) -> QuerySet:
    """Live pages that may make ``document`` downloadable: pages of its own council, or any
    page for a shared collection, or pages outside councils for a site-wide document.

    Used for visitors who may see a restricted page (its view restriction decides).
    """
    page_ids = (
        ReferenceIndex.get_references_to(document)
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .values_list("object_id", flat=True)
    )
    pages = Page.objects.live().filter(pk__in=[int(pk) for pk in page_ids if pk.isdigit()])
    hidden = hidden_branches()
    if hidden:
        pages = pages.exclude(hidden)
    if is_shared_collection(document.collection):
        return pages
    if document.council_id is None:
        return pages_outside_councils(pages)
    return council_pages_of(pages, document.council.path)


def is_shared_collection(collection) -> bool:
    """True when ``collection`` (or an ancestor) is marked as shared by all councils."""
    return collection.get_ancestors(inclusive=True).filter(shared_marker__isnull=False).exists()


# Which documents a page may use -----------------------------------------------------------


def council_at(path: str):
    """The council that the page at ``path`` (a tree path) belongs to, or None."""
    steplen = Page.steplen
    prefixes = [path[:end] for end in range(steplen, len(path) + 1, steplen)]
    return _council_model().objects.filter(path__in=prefixes).order_by("-depth").first()


def foreign_documents(page, parent=None) -> list[tuple[object, str]]:
    """Documents ``page``'s content links to that its council may not use, with the field.

    A page may use the documents of its own council's collection and of the shared collections;
    a page outside every council, the site-wide documents and the shared ones. ``parent`` gives
    the place of a page that is not there yet (a new page, a copy). Reads the content exactly
    as Wagtail's reference index will (document blocks, choosers, rich-text links), so what this
    allows is what the serving rule later sees.
    """
    Document = get_document_model()
    document_type = ContentType.objects.get_for_model(Document).pk
    fields: dict[int, str] = {}
    # The same walk the reference index makes when the page is saved.
    for content_type_id, object_id, model_path, _ in ReferenceIndex._extract_references_from_object(
        page
    ):
        if content_type_id == document_type and object_id.isdigit():
            fields.setdefault(int(object_id), model_path.split(".")[0])
    if not fields:
        return []
    path = parent.path if parent is not None else page.path
    council = council_at(path) if path else None
    documents = Document.objects.filter(pk__in=fields).select_related("council")
    shared = shared_collections()
    if shared:
        documents = documents.exclude(shared)
    if council is None:
        documents = documents.exclude(council__isnull=True)
    else:
        documents = documents.exclude(council_id=council.pk)
    return [(document, fields[document.pk]) for document in documents.order_by("pk")]
