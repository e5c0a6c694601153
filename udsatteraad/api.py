"""The open-data API at ``/api/v2/``: Wagtail's API v2 limited to what the public may see.

Journalists and researchers read the councils' published pages, documents and images as JSON.
Every endpoint answers the same for everyone, logged in or not: live pages without a view
restriction, documents that a live public page links to and that lie in no private collection,
images likewise. Only JSON is offered (no browsable HTML API, which would need a session).
"""

import re

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import CharField, IntegerField
from django.db.models.functions import Cast
from rest_framework.renderers import JSONRenderer
from wagtail.api.querysets import get_public_pages_queryset
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import TagsField
from wagtail.api.v2.utils import BadRequestError, page_models_from_string
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.serializers import DocumentSerializer
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page, ReferenceIndex

from visibility.rules import private_collections, visible

# Databases store integers in 64 bits; a larger id or offset is no id or offset at all.
LARGEST_NUMBER = 2**63 - 1
LONGEST_SEARCH = 200
NUMBER_PARAMETERS = {"offset", "limit", "id", "child_of", "descendant_of", "ancestor_of"}
NUMBER_PARAMETERS |= {"translation_of", "collection_id", "uploaded_by_user"}


class PlainWordsSearchFilter(SearchFilter):
    """``?search=`` looks for the words in the query; punctuation and operators are ignored.

    The database's full-text engines give special meaning to quotes, colons and parentheses
    (an unbalanced quote is a syntax error in SQLite FTS5), so only the words are passed on.
    """

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        words = " ".join(re.findall(r"\w+", request.GET["search"]))
        if not words:
            return queryset.none()
        query = request.GET.copy()
        query["search"] = words
        request._request.GET = query
        return super().filter_queryset(request, queryset, view)


def with_plain_search(backends):
    return [PlainWordsSearchFilter if b is SearchFilter else b for b in backends]


class OpenDataMixin:
    """JSON only, readable from any web page, with errors a Danish reader understands."""

    renderer_classes = [JSONRenderer]

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        # Public, read-only data without cookies: any web page may fetch it (CORS).
        response["Access-Control-Allow-Origin"] = "*"
        return response

    def check_query_parameters(self, queryset):
        """Refuse values no query could answer before any query runs (400, not 500)."""
        super().check_query_parameters(queryset)
        params = self.request.GET
        for name, value in params.items():
            if "\x00" in value:
                raise BadRequestError(f"{name}: tegnet NUL er ikke tilladt.")
            too_large = value.lstrip("-").isdigit() and abs(int(value)) > LARGEST_NUMBER
            if name in NUMBER_PARAMETERS and too_large:
                raise BadRequestError(f"{name}: tallet er for stort.")
        if len(params.get("search", "")) > LONGEST_SEARCH:
            raise BadRequestError(f"search: højst {LONGEST_SEARCH} tegn.")
        if params.get("search_operator", "and") not in ("and", "or"):
            raise BadRequestError("search_operator: skal være 'and' eller 'or'.")
        self.check_field_values(queryset.model, params)

    def check_field_values(self, model, params):
        """A filter on a field (``?first_published_at=abc``) needs a value the field can hold."""
        fields = set(self.get_available_fields(model, db_fields_only=True))
        for name, value in params.items():
            if name not in fields or name in NUMBER_PARAMETERS:
                continue
            try:
                field = model._meta.get_field(name)
            except LookupError:
                continue
            if field.is_relation:
                field = field.target_field
            try:
                field.get_prep_value(field.to_python(value))
            except (ValidationError, ValueError, TypeError, OverflowError) as error:
                raise BadRequestError(f"{name}: '{value[:50]}' er ikke en gyldig værdi.") from error

    def handle_exception(self, exc):
        response = super().handle_exception(exc)
        detail = response.data.get("message") or response.data.get("detail") or ""
        if response.status_code == 404:
            response.data = {"message": "Findes ikke, eller er ikke offentlig."}
        elif response.status_code == 400:
            response.data = {
                "message": "Forespørgslen kan ikke besvares. Se parametrene på /aabne-data/.",
                "detail": str(detail),
            }
        return response


class PublicPagesAPIViewSet(OpenDataMixin, PagesAPIViewSet):
    """Visible pages (``visibility.rules``); a logged-in editor sees no more than the public."""

    filter_backends = with_plain_search(PagesAPIViewSet.filter_backends)

    def get_base_queryset(self):
        return visible(super().get_base_queryset())

    def get_queryset(self):
        # ``?type=`` naming one page type: the rule applied to that model's pages directly.
        # Wagtail's ``pk IN (every visible page)`` made SQLite collect all of them before it
        # read the first 20 (105 of 188 ms at 100,000 records).
        try:
            models = page_models_from_string(self.request.GET.get("type", "")) or ()
        except (LookupError, ValueError):
            models = ()  # no type, or a bad one: Wagtail's own answer, below
        if len(models) != 1:
            return super().get_queryset()
        try:
            return visible(get_public_pages_queryset(self.request, models[0]))
        except ValueError as error:
            raise BadRequestError(str(error)) from error


class PrefetchedTagsField(TagsField):
    """A document's tags from the list's prefetched tags: Wagtail's field asks the database
    again for every document (``order_by`` there bypasses the prefetch)."""

    def to_representation(self, value):
        return sorted(tag.name for tag in value.all())


class PublicDocumentSerializer(DocumentSerializer):
    def build_property_field(self, field_name, model_class):
        field_class, kwargs = super().build_property_field(field_name, model_class)
        return (PrefetchedTagsField if field_class is TagsField else field_class), kwargs


class PublicDocumentsAPIViewSet(OpenDataMixin, DocumentsAPIViewSet):
    """Documents a member of the public may download (``visibility.rules``)."""

    base_serializer_class = PublicDocumentSerializer
    filter_backends = with_plain_search(DocumentsAPIViewSet.filter_backends)

    def get_queryset(self):
        # The searchable form only for ``?search=``: the plain list reads its first page of
        # documents in order and stops.
        searchable = "search" in self.request.GET
        return super().get_queryset().public(searchable=searchable).prefetch_related("tags")


def images_used_on_public_pages(queryset):
    """Images that a visible page uses, outside every private collection."""
    page_ids = visible().annotate(pk_text=Cast("pk", CharField()))
    referenced = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        to_content_type=ContentType.objects.get_for_model(queryset.model),
        object_id__in=page_ids.values("pk_text"),
    ).values("to_object_id")
    queryset = queryset.filter(
        pk__in=referenced.annotate(pk_int=Cast("to_object_id", IntegerField())).values("pk_int")
    )
    private = private_collections()
    return queryset.exclude(private) if private else queryset


class PublicImagesAPIViewSet(OpenDataMixin, ImagesAPIViewSet):
    """Images shown on the public site."""

    filter_backends = with_plain_search(ImagesAPIViewSet.filter_backends)

    model = get_image_model()

    def get_queryset(self):
        return images_used_on_public_pages(super().get_queryset())


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
