"""Create the accessibility statement (/tilgaengelighed/, with /was) and the privacy page.

Danish law (webtilgængelighedsloven) requires public bodies' sites to publish an accessibility
statement, and the footer of every page links to both pages. They are ordinary standard pages:
editors change the text in the admin. Nothing is created twice, and nothing an editor already
made at those addresses is touched.
"""

import json
import uuid

from django.db import migrations
from django.utils import timezone

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEPLEN = 4
DANISH_MONTHS = (
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
)


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}, "id": str(uuid.uuid4())}


def paragraph(html):
    return {"type": "paragraph", "value": html, "id": str(uuid.uuid4())}


def accessibility_body(today):
    written = f"{today.day}. {DANISH_MONTHS[today.month - 1]} {today.year}"
    return [
        paragraph(
            "<p>Alle skal kunne bruge dette site. Også hvis du ser dårligt, bruger skærmlæser, "
            "kun bruger tastatur eller læser på en lille telefon.</p>"
            "<p>Offentlige myndigheder skal følge lov om tilgængelighed af offentlige "
            "organers websteder og mobilapplikationer. Her kan du læse, hvor langt vi er.</p>"
        ),
        heading("Sådan har vi lavet sitet"),
        paragraph(
            "<ul>"
            "<li>Sitet skal leve op til WCAG 2.1 på niveau AA.</li>"
            "<li>Det bygger på Det Fælles Designsystem, som det offentlige Danmark deler.</li>"
            "<li>Hver side bliver testet automatisk, både i mobil- og computerbredde.</li>"
            "<li>Du kan bruge hele sitet med tastaturet. Tryk på Tab for at hoppe til næste "
            "link.</li>"
            "<li>Du kan gøre teksten dobbelt så stor, uden at noget forsvinder.</li>"
            "<li>Vi skriver kort og i et klart sprog, og alle datoer står på dansk.</li>"
            "</ul>"
        ),
        heading("Det er ikke i orden endnu"),
        paragraph(
            "<p>Rådene lægger dokumenter på sitet, fx referater og høringssvar som PDF. Nogle "
            "ældre dokumenter er scannet. Dem kan en skærmlæser ikke læse op.</p>"
            "<p>Har du brug for et dokument i en form, du kan læse? Så skriv til sekretariatet "
            "i det råd, der har lagt dokumentet på. Du finder e-mail og telefon på rådets "
            "side.</p>"
        ),
        heading("Fortæl os, hvis noget ikke virker"),
        paragraph(
            "<p>Skriv til sekretariatet i det råd, siden handler om. Fortæl, hvilken side det "
            "drejer sig om, og hvad der ikke virker. Du får svar så hurtigt som muligt.</p>"
        ),
        heading("Sådan kan du klage"),
        paragraph(
            "<p>Er du ikke tilfreds med svaret, kan du klage til Digitaliseringsstyrelsen. "
            "Styrelsen fører tilsyn med, at offentlige hjemmesider er tilgængelige.</p>"
        ),
        paragraph(f"<p>Erklæringen er skrevet {written}.</p>"),
    ]


def privacy_body():
    return [
        paragraph(
            "<p>Du kan læse alt på sitet, uden at nogen følger med i, hvad du gør.</p>"
        ),
        heading("Ingen cookies og ingen sporing"),
        paragraph(
            "<ul>"
            "<li>Sitet sætter ingen cookies, når du læser det.</li>"
            "<li>Vi bruger ingen statistikværktøjer og ingen annoncer.</li>"
            "<li>Sitet henter ikke noget fra andre firmaer, fx skrifttyper, videoer eller "
            "kort. Din browser taler kun med dette site.</li>"
            "</ul>"
        ),
        heading("Når du søger"),
        paragraph(
            "<p>Dine søgeord bliver sendt til sitet, så det kan finde svar til dig. Vi gemmer "
            "ikke, hvem der søgte efter hvad. Serveren kan skrive adressen på de sider, der "
            "bliver vist, i en teknisk log. Den bruges kun til at rette fejl og holde sitet "
            "sikkert.</p>"
        ),
        heading("Når du logger ind"),
        paragraph(
            "<p>Kun rådenes sekretærer, formænd og næstformænd logger ind. Når de gør det, "
            "sætter sitet én cookie. Den husker, at de er logget ind. Den forsvinder, når de "
            "logger ud.</p>"
        ),
        heading("Navne på sitet"),
        paragraph(
            "<p>Rådene viser navnene på deres medlemmer, fordi rådenes arbejde er offentligt. "
            "Et udsatteråd behandler ikke sager om enkelte borgere. Står der alligevel noget "
            "om dig, som ikke burde stå der? Så skriv til sekretariatet i rådet.</p>"
        ),
        heading("Hvem har ansvaret"),
        paragraph(
            "<p>Den kommune, rådet hører under, har ansvaret for det, rådet lægger på sitet. "
            "Du kan altid kontakte kommunens databeskyttelsesrådgiver.</p>"
        ),
        heading("Åbne data"),
        paragraph(
            "<p>Alt det, du kan se på sitet, kan også hentes som data på adressen "
            "/api/v2/pages/. Det er præcis det samme indhold. Intet af det, der ikke er "
            "offentligt, kommer med.</p>"
        ),
    ]


PAGES = [
    {
        "slug": "tilgaengelighed",
        "title": "Tilgængelighedserklæring",
        "search_description": "Sådan gør vi sitet tilgængeligt for alle, og hvad du kan gøre, "
        "hvis noget ikke virker.",
        "body": accessibility_body,
        "redirects": ["/was"],
    },
    {
        "slug": "privatliv",
        "title": "Privatliv og cookies",
        "search_description": "Sitet sætter ingen cookies og sporer ikke, hvad du læser.",
        "body": lambda today: privacy_body(),
        "redirects": [],
    },
]


def next_child_path(Page, parent):
    last = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
    last = last.order_by("-path").values_list("path", flat=True).first()
    number = int(last[-STEPLEN:], 36) + 1 if last else 1
    step = ""
    while number:
        number, digit = divmod(number, 36)
        step = ALPHABET[digit] + step
    return parent.path + step.rjust(STEPLEN, "0")


def create_pages(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    HomePage = apps.get_model("council_pages.HomePage")
    StandardPage = apps.get_model("council_pages.StandardPage")
    Redirect = apps.get_model("wagtailredirects.Redirect")

    home = HomePage.objects.order_by("path").first()
    if home is None:
        return
    content_type, _ = ContentType.objects.get_or_create(
        app_label="council_pages", model="standardpage"
    )
    now = timezone.now()
    for spec in PAGES:
        page = StandardPage.objects.filter(
            path__startswith=home.path, depth=home.depth + 1, slug=spec["slug"]
        ).first()
        if page is None:
            if Page.objects.filter(
                path__startswith=home.path, depth=home.depth + 1, slug=spec["slug"]
            ).exists():
                continue  # an editor already made another kind of page at that address
            page = StandardPage.objects.create(
                title=spec["title"],
                draft_title=spec["title"],
                slug=spec["slug"],
                search_description=spec["search_description"],
                content_type=content_type,
                path=next_child_path(Page, home),
                depth=home.depth + 1,
                numchild=0,
                url_path=f"{home.url_path}{spec['slug']}/",
                locale_id=home.locale_id,
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
                body=json.dumps(spec["body"](timezone.localdate())),
            )
            Page.objects.filter(pk=home.pk).update(
                numchild=Page.objects.filter(
                    path__startswith=home.path, depth=home.depth + 1
                ).count()
            )
        for old_path in spec["redirects"]:
            Redirect.objects.get_or_create(
                old_path=old_path,
                site=None,
                defaults={"redirect_page_id": page.pk, "is_permanent": False},
            )


def remove_pages(apps, schema_editor):
    Page = apps.get_model("wagtailcore.Page")
    HomePage = apps.get_model("council_pages.HomePage")
    StandardPage = apps.get_model("council_pages.StandardPage")
    Redirect = apps.get_model("wagtailredirects.Redirect")

    home = HomePage.objects.order_by("path").first()
    if home is None:
        return
    slugs = [spec["slug"] for spec in PAGES]
    pages = StandardPage.objects.filter(
        path__startswith=home.path, depth=home.depth + 1, slug__in=slugs
    )
    Redirect.objects.filter(old_path="/was", redirect_page__in=pages).delete()
    pages.delete()
    Page.objects.filter(pk=home.pk).update(
        numchild=Page.objects.filter(path__startswith=home.path, depth=home.depth + 1).count()
    )


class Migration(migrations.Migration):
    dependencies = [
        ("council_pages", "0005_chair_approval_workflow"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(create_pages, remove_pages)]
