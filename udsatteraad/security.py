"""Security headers: a Content-Security-Policy for every response, and a Permissions-Policy.

Public pages get ``CONTENT_SECURITY_POLICY``: everything from this site only, no inline script
or style, no plugins, no framing. A script that has to be inline takes the request's nonce
(``<script nonce="{{ request.csp_nonce }}">``), which django-csp then adds to the header.

Wagtail's admin (``ADMIN_CONTENT_SECURITY_POLICY``, for paths under ``/admin/``) gets the same
policy with inline script and style allowed: several of Wagtail's own admin widgets write inline
``<script>`` blocks and ``style`` attributes, and the admin is only for logged-in editors.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


class SecurityHeadersMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(settings.ADMIN_URL_PREFIX)
        ):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if "Permissions-Policy" not in response:
            response["Permissions-Policy"] = settings.PERMISSIONS_POLICY
        return response
