"""URLs under /dokumenter/: the same names as Wagtail's, so ``document.url`` points here."""

from django.urls import path, re_path
from wagtail.documents.views.serve import authenticate_with_password

from documents import views

urlpatterns = [
    re_path(r"^(\d+)/(.*)$", views.serve, name="wagtaildocs_serve"),
    path(
        "authenticate_with_password/<int:restriction_id>/",
        authenticate_with_password,
        name="wagtaildocs_authenticate_with_password",
    ),
]
