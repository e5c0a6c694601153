""""Kort fortalt": a plain-language summary on hearing responses, annual reports and meetings.

Existing hearing responses get the opening of the council's answer and existing annual reports
without a summary get a sentence about their period, so every page, and every revision of it
that could still be published, has one; the secretary rewrites it in plain words later.
"""

import html
import re

from django.db import migrations, models
from django.utils.html import strip_tags
from django.utils.text import Truncator


def opening_of(source: str) -> str:
    text = " ".join(html.unescape(strip_tags(source or "")).split())
    first = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
    return Truncator(first).chars(300)


def hearing_default(values: dict) -> str:
    return opening_of(values.get("response")) or values.get("title") or ""


def report_default(values: dict) -> str:
    start, end = values.get("start_year"), values.get("end_year")
    period = f"{start}-{end}" if end and end != start else str(start)
    return f"Rådets årsrapport for {period}: hvad rådet arbejdede med, og hvad det foreslog."


def fill_summaries(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    for model_name, default in (
        ("HearingResponsePage", hearing_default),
        ("AnnualReportPage", report_default),
    ):
        model = apps.get_model("council_pages", model_name)
        for page in model.objects.filter(summary=""):
            model.objects.filter(pk=page.pk).update(summary=default(page.__dict__))
        content_type = ContentType.objects.filter(
            app_label="council_pages", model=model_name.lower()
        ).first()
        if content_type is None:
            continue
        for revision in Revision.objects.filter(content_type=content_type).iterator():
            content = revision.content or {}
            if content.get("summary"):
                continue
            content["summary"] = default(content)
            revision.content = content
            revision.save(update_fields=["content"])



class Migration(migrations.Migration):

    dependencies = [
        ('council_pages', '0009_proposal_follow_up'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.AddField(
            model_name='hearingresponsepage',
            name='summary',
            field=models.TextField(default='', help_text='2-4 korte sætninger i et let sprog. Vises først på siden og i oversigter, feeds og søgning. Sigt efter LIX 35 eller lavere: korte sætninger og korte ord.', max_length=600, verbose_name='kort fortalt'),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='meetingpage',
            name='summary',
            field=models.TextField(blank=True, help_text='Valgfrit: 2-4 korte sætninger i et let sprog om, hvad mødet handler om, og efter mødet, hvad rådet besluttede. Vises først på siden og i oversigter og feeds.', max_length=600, verbose_name='kort fortalt'),
        ),
        migrations.AlterField(
            model_name='annualreportpage',
            name='summary',
            field=models.TextField(help_text='2-4 korte sætninger i et let sprog. Vises først på siden og i oversigter, feeds og søgning. Sigt efter LIX 35 eller lavere: korte sætninger og korte ord.', max_length=600, verbose_name='kort fortalt'),
        ),
        migrations.RunPython(fill_summaries, migrations.RunPython.noop),
    ]
