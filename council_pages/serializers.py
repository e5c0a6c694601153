"""Serializers for the open-data API (``/api/v2/``): how page fields look to a data user.

Page types list their useful fields in ``api_fields`` with these serializers, so that rich text
arrives as ordinary HTML (real links instead of Wagtail's internal ``linktype`` markup) and
target groups and members as plain lists.
"""

from rest_framework import serializers
from wagtail.rich_text import expand_db_html


class RichTextHTMLField(serializers.Field):
    """A ``RichTextField`` as the HTML a visitor sees, with page and document links resolved."""

    def to_representation(self, value):
        return expand_db_html(value or "")


class TargetGroupsField(serializers.Field):
    """The page's target groups as ``[{"slug": "hjemloese", "name": "Hjemløse"}, ...]``."""

    def to_representation(self, manager):
        return [{"slug": group.slug, "name": group.name} for group in manager.all()]


class CouncilMemberSerializer(serializers.Serializer):
    """One current member or substitute of a council, as shown on the council's page."""

    name = serializers.CharField()
    role = serializers.CharField()
    role_label = serializers.CharField(source="get_role_display")
    seat = serializers.CharField()
    seat_label = serializers.CharField(source="get_seat_display")
    organisation = serializers.CharField()
    substitute_for = serializers.CharField()
