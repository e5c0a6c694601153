"""The open-data API at ``/api/v2/``: Wagtail's API v2 limited to what the public may see.

Journalists and researchers read the councils' published pages, documents and images as JSON.
Every endpoint answers the same for everyone, logged in or not: live pages without a view
restriction, documents that a live public page links to and that lie in no private collection,
images likewise. Only JSON is offered (no browsable HTML API, which would need a session).
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from rest_framework.renderers import JSONRenderer
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import CollectionViewRestriction, Page, ReferenceIndex


class OpenDataMixin:
    """JSON only, readable from any web page, with errors a Danish reader understands."""

    renderer_classes = [JSONRenderer]

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        # Public, read-only data without cookies: any web page may fetch it (CORS).
        response["Access-Control-Allow-Origin"] = "*"
        return response

    def handle_exception(self, exc):
        response = super().handle_exception(exc)
        detail = response.data.get("message") or response.data.get("detail") or ""
        if response.status_code == 404:
            response.data = {"message": "Findes ikke, eller er ikke offentlig."}
        elif response.status_code == 400:
            response.data = {
                "message": "Forespørgslen kan ikke besvares. Se parametrene i README.",
                "detail": str(detail),
            }
        return response


class PublicPagesAPIViewSet(OpenDataMixin, PagesAPIViewSet):
    """Live pages that anyone may read; a logged-in editor sees no more than the public."""

    def get_base_queryset(self):
        return super().get_base_queryset().public()


class PublicDocumentsAPIViewSet(OpenDataMixin, DocumentsAPIViewSet):
    """Documents a member of the public may download (the rule lives in ``documents``)."""

    def get_queryset(self):
        return super().get_queryset().public()


def images_used_on_public_pages(queryset):
    """Images that a live, public page uses, outside every private collection."""
    page_ids = Page.objects.live().public().annotate(pk_text=Cast("pk", CharField()))
    referenced = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        to_content_type=ContentType.objects.get_for_model(queryset.model),
        object_id__in=page_ids.values("pk_text"),
    ).values("to_object_id")
    queryset = queryset.annotate(pk_text=Cast("pk", CharField())).filter(pk_text__in=referenced)
    private = Q()
    for path in CollectionViewRestriction.objects.values_list("collection__path", flat=True):
        private |= Q(collection__path__startswith=path)
    return queryset.exclude(private) if private else queryset


class PublicImagesAPIViewSet(OpenDataMixin, ImagesAPIViewSet):
    """Images shown on the public site."""

    model = get_image_model()

    def get_queryset(self):
        return images_used_on_public_pages(super().get_queryset())


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
