"""What the privacy guard's admin tests share: synthetic findings and reading the responses."""

import html
import json

from wagtail.models import WorkflowState

CPR_NUMBER = "010190-1234"
PHONE = "23 45 67 89"


def text_of(response):
    return html.unescape(response.content.decode())


def in_workflow(page):
    return WorkflowState.objects.filter(
        object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS
    ).exists()


def rich_text(text):
    """What Draftail sends for a paragraph of plain text."""
    block = {
        "key": "a1b2c",
        "text": text,
        "type": "unstyled",
        "depth": 0,
        "inlineStyleRanges": [],
        "entityRanges": [],
        "data": {},
    }
    return json.dumps({"blocks": [block], "entityMap": {}})
