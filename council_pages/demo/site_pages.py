"""Demo step: the "Om udsatterådene" page (/om/), which the home page and search link to.

The accessibility statement and the privacy page are not made here: a migration creates them on
every install (``council_pages/migrations/0006_accessibility_and_privacy_pages.py``).
Facts follow the national agency's 2010 collection of experiences from the first five councils.
"""

from wagtail.rich_text import RichText

from council_pages.models import StandardPage

SLUG = "om"
TITLE = "Om udsatterådene"
SEARCH_DESCRIPTION = "Hvad et udsatteråd er, hvem der sidder i det, og hvad du kan finde her."


def _body():
    return [
        (
            "paragraph",
            RichText(
                "<p>Et udsatteråd giver byrådet råd om politikken for de mest udsatte borgere "
                "i kommunen. Det kan være hjemløse, misbrugere, sindslidende og andre, som "
                "står uden for de almindelige fællesskaber. Rådet er også deres talerør.</p>"
            ),
        ),
        ("heading", {"text": "Hvad rådet gør", "level": "h2"}),
        (
            "paragraph",
            RichText(
                "<ul>"
                "<li>Rådet svarer, når kommunen sender et forslag i høring.</li>"
                "<li>Rådet kan også selv tage en sag op og sige sin mening.</li>"
                "<li>Rådet skriver hvert år en rapport om sit arbejde og om forholdene for "
                "de udsatte i kommunen.</li>"
                "</ul>"
                "<p>Rådet tager ikke stilling til sager om enkelte borgere. Det arbejder med "
                "de store linjer i kommunens politik.</p>"
            ),
        ),
        ("heading", {"text": "Hvem sidder i rådet", "level": "h2"}),
        (
            "paragraph",
            RichText(
                "<p>Et råd har typisk 8 til 15 medlemmer. Nogle er selv brugere, nogle "
                "arbejder med udsatte til daglig, og nogle er udpeget personligt. Medlemmerne "
                "er frivillige. En sekretær fra kommunen skriver dagsordener og referater.</p>"
            ),
        ),
        ("heading", {"text": "Lidt historie", "level": "h2"}),
        (
            "paragraph",
            RichText(
                "<p>Det første udsatteråd kom i Odense i 2007. Herning, Esbjerg, Vejle og "
                "Randers fulgte efter. I 2010 satte staten 3 millioner kroner af til flere "
                "råd og til et netværk mellem dem. Dette site samler rådenes arbejde ét sted.</p>"
            ),
        ),
        ("heading", {"text": "Det kan du finde her", "level": "h2"}),
        (
            "paragraph",
            RichText(
                "<p>Høringssvar, dagsordener og referater, forretningsordener og "
                "årsrapporter fra alle rådene. Brug søgefeltet øverst for at søge i det "
                "hele på én gang.</p>"
            ),
        ),
    ]


def load(ctx):
    if StandardPage.objects.child_of(ctx.home).filter(slug=SLUG).exists():
        return
    page = StandardPage(title=TITLE, slug=SLUG, search_description=SEARCH_DESCRIPTION, body=_body())
    ctx.home.add_child(instance=page)
    page.save_revision().publish()
    ctx.log(f"Oprettede siden {page.url}")
