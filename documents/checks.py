"""System checks for the document settings that privacy depends on."""

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security)
def check_document_serve_method(app_configs, **kwargs):
    """Documents must go through the serve view, where ``documents.privacy`` decides access.

    "direct" and "redirect" hand out the storage URL, which no permission check guards.
    """
    method = getattr(settings, "WAGTAILDOCS_SERVE_METHOD", None)
    if method != "serve_view":
        return [
            Error(
                f"WAGTAILDOCS_SERVE_METHOD is {method!r}; it must be 'serve_view'.",
                hint="Other serve methods bypass the check that keeps non-public documents "
                "away from the public.",
                id="documents.E001",
            )
        ]
    return []
