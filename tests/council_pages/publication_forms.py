"""POST data for the Wagtail admin forms of the publication page types."""

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield


def list_block(values):
    """Form data of a ListBlock (Wagtail's count/value/deleted/order/id layout)."""
    data = {"count": len(values)}
    for i, value in enumerate(values):
        data[str(i)] = {"value": value, "deleted": "", "order": i, "id": ""}
    return data


def _text(value: str):
    return rich_text(value)


def agenda(items):
    """Agenda form data from dicts with title, kind, decision ... and ``sub_items``."""

    def struct(value, with_sub_items):
        data = {
            "title": value["title"],
            "kind": value.get("kind", ""),
            "description": _text(value.get("description", "")),
            "attachments": list_block([]),
            "discussion": _text(value.get("discussion", "")),
            "decision": _text(value.get("decision", "")),
            "minority_view": _text(value.get("minority_view", "")),
        }
        if with_sub_items:
            data["sub_items"] = list_block(
                [struct(sub, False) for sub in value.get("sub_items", [])]
            )
        return data

    return streamfield([("item", struct(item, True)) for item in items])


def meeting_form(**overrides):
    data = {
        "title": "Møde 22. oktober 2009",
        "slug": "",
        "date": "2009-10-22",
        "start_time": "15:00",
        "end_time": "17:00",
        "place": "Kirkens Korshær",
        "status": "minutes",
        "agenda_sent_on": "2009-10-16",
        "minutes_published_on": "2009-10-30",
        "agenda": agenda([{"title": "Godkendelse af dagsorden", "kind": "decision"}]),
        "present": "",
        "absent": "",
        "substitutes": "",
        "objection_to_previous_minutes": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def rules_form(paragraphs, **overrides):
    """Rules form data; ``paragraphs`` is a list of ``("heading", text)`` or lists of clauses."""
    body = []
    for entry in paragraphs:
        if isinstance(entry, tuple):
            body.append(("heading", entry[1]))
        else:
            body.append(
                (
                    "paragraph",
                    {"clauses": list_block([rich_text(f"<p>{c}</p>") for c in entry]), "topic": ""},
                )
            )
    data = {
        "title": "Forretningsorden",
        "slug": "forretningsorden",
        "adopted_by": "Byrådet",
        "adopted_on": "2008-06-16",
        "in_force_from": "2008-06-16",
        "amendment_note": "",
        "body": streamfield(body),
    }
    data.update(overrides)
    return nested_form_data(data)


def hearing_form(**overrides):
    data = {
        "title": "Høringssvar om hjemløsestrategi",
        "slug": "hjemloesestrategi",
        "summary": "Rådet siger ja til strategien.",
        "kind": "hearing_response",
        "status": "answered",
        "consultation_title": "Strategi for hjemløse",
        "consulting_body": "Socialudvalget",
        "case_number": "09/1",
        "received_on": "2009-07-01",
        "deadline": "2009-09-01",
        "consultation_material": streamfield([]),
        "response": rich_text("<p>Rådet støtter strategien.</p>"),
        "response_date": "2009-08-28",
        "minority_opinions": streamfield([]),
        "target_groups": "",
        "outcome": "pending",
        "outcome_date": "",
        "outcome_note": "",
        "outcome_link": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def report_form(**overrides):
    data = {
        "title": "Årsrapport 2009",
        "slug": "2009",
        "start_year": "2009",
        "end_year": "",
        "summary": "Et travlt år.",
        "focus_areas": streamfield([]),
        "situation": rich_text("<p>Flere hjemløse.</p>"),
        "activities": rich_text(""),
        "proposals": streamfield([]),
        "pdf": "",
    }
    data.update(overrides)
    return nested_form_data(data)
