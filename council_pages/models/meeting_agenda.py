"""A meeting's agenda items, numbered, and its attendance, as the page and the API show them."""

from django.utils.functional import cached_property
from wagtail.rich_text import expand_db_html

from council_pages.blocks import AgendaItemKind


class MeetingAgendaMixin:
    """Numbering and attendance of ``MeetingPage``: reads its ``agenda`` and attendance fields.

    Expects ``agenda`` (an ``AgendaStreamBlock`` value), ``has_minutes`` and the ``present``,
    ``absent`` and ``substitutes`` text fields of the page it is mixed into.
    """

    @cached_property
    def numbered_items(self) -> list[dict]:
        """Agenda items with their computed numbers ("3", "3.1") and anchors (``punkt-3-1``)."""
        items = []
        for i, block in enumerate(self.agenda, start=1):
            value = block.value
            sub_items = [
                {
                    "number": f"{i}.{j}",
                    "anchor": f"punkt-{i}-{j}",
                    "value": sub,
                    "kind_label": _kind_label(sub.get("kind")),
                }
                for j, sub in enumerate(value.get("sub_items") or [], start=1)
            ]
            items.append(
                {
                    "number": str(i),
                    "anchor": f"punkt-{i}",
                    "value": value,
                    "kind_label": _kind_label(value.get("kind")),
                    "sub_items": sub_items,
                }
            )
        return items

    @property
    def agenda_items(self) -> list[dict]:
        """The agenda as open data, with the minutes only once they are published."""

        def item(entry):
            value = entry["value"]
            data = {
                "number": entry["number"],
                "anchor": entry["anchor"],
                "title": value["title"],
                "kind": value.get("kind") or "",
                "description": expand_db_html(value["description"].source),
                "attachments": [doc.url for doc in value.get("attachments") or [] if doc],
            }
            if self.has_minutes:
                for name in ("discussion", "decision", "minority_view"):
                    data[name] = expand_db_html(value[name].source)
            if "sub_items" in entry:
                data["sub_items"] = [item(sub) for sub in entry["sub_items"]]
            return data

        return [item(entry) for entry in self.numbered_items]

    @property
    def attendance(self) -> dict | None:
        if not self.has_minutes:
            return None
        return {
            "present": self.present_list,
            "absent": self.absent_list,
            "substitutes": self.substitutes_list,
            "objection_to_previous_minutes": self.objection_to_previous_minutes,
        }

    @staticmethod
    def _names(text: str) -> list[str]:
        return [line.strip() for line in text.splitlines() if line.strip()]

    @property
    def present_list(self) -> list[str]:
        return self._names(self.present)

    @property
    def absent_list(self) -> list[str]:
        return self._names(self.absent)

    @property
    def substitutes_list(self) -> list[str]:
        return self._names(self.substitutes)


def _kind_label(kind: str | None) -> str:
    return str(dict(AgendaItemKind.CHOICES).get(kind, "")) if kind else ""
