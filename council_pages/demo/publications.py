"""Demo step: what every council publishes (rules, meetings, hearing responses, a report).

Runs after ``council_pages.demo.councils``. Idempotent: pages are looked up by slug and only
saved (as a new published revision) when their content differs from the demo data, so running
the step twice leaves the same site and the same list of rule versions.

The Herning agenda of 24 November 2009 and the Odense agenda of 22 October 2009 follow the
sample agendas in the national agency's 2010 collection; all prose is written for this demo.
"""

import datetime
import json

from django.utils import timezone
from wagtail.fields import StreamField
from wagtail.models import PageLogEntry, PageViewRestriction

from council_pages.blocks import AgendaItemKind as K
from council_pages.models import (
    AnnualReportIndexPage,
    AnnualReportPage,
    FollowUpOutcome,
    HearingKind,
    HearingResponseIndexPage,
    HearingResponsePage,
    HearingStatus,
    MeetingIndexPage,
    MeetingPage,
    MeetingStatus,
    RulesOfProcedurePage,
    TargetGroup,
)
from council_pages.models.meeting_privacy import restrict_to_council
from council_pages.templatetags.site_tags import danish_date

from . import rules_texts

D = datetime.date
T = datetime.time


# --- Raw StreamField helpers --------------------------------------------------------------


def _rt(text: str) -> str:
    return f"<p>{text}</p>" if text else ""


def item(title, kind="", description="", discussion="", decision="", minority="", subs=()):
    value = {
        "title": title,
        "kind": kind,
        "description": _rt(description),
        "attachments": [],
        "discussion": _rt(discussion),
        "decision": _rt(decision),
        "minority_view": _rt(minority),
    }
    return {"type": "item", "value": {**value, "sub_items": [s["value"] for s in subs]}}


def sub(title, kind="", description="", discussion="", decision="", minority=""):
    value = item(title, kind, description, discussion, decision, minority)
    del value["value"]["sub_items"]
    return value


def approve_agenda(decision="Dagsordenen blev godkendt."):
    return item("Godkendelse af dagsorden", K.DECISION, decision=decision)


def approve_minutes(decision="Referatet blev godkendt uden bemærkninger."):
    return item("Godkendelse af referat fra sidste møde", K.DECISION, decision=decision)


def other_business(discussion="Intet at bemærke."):
    return item("Eventuelt", K.OTHER_BUSINESS, discussion=discussion)


# --- Rules of procedure -------------------------------------------------------------------

RULES = {
    "esbjerg": {
        "adopted_by": "Byrådet",
        "adopted_on": D(2008, 6, 16),
        "in_force_from": D(2008, 6, 16),
        "body": rules_texts.ESBJERG,
    },
    "odense": {
        "adopted_by": "Byrådet",
        "adopted_on": D(2009, 3, 30),
        "in_force_from": D(2009, 4, 1),
        "amendment_note": "Rådet får 10-12 medlemmer, og formanden bliver rådets pressekontakt.",
        "body": rules_texts.ODENSE,
        # The first version stays readable under "versioner/".
        "earlier": {
            "adopted_by": "Byrådet",
            "adopted_on": D(2007, 8, 27),
            "in_force_from": D(2007, 9, 1),
            "amendment_note": "",
            "body": rules_texts.ODENSE_2007,
        },
    },
    "vejle": {
        "adopted_by": "Voksenudvalget",
        "adopted_on": D(2009, 2, 3),
        "in_force_from": D(2009, 2, 3),
        "body": rules_texts.VEJLE,
    },
    "herning": {
        "adopted_by": "Byrådet",
        "adopted_on": D(2008, 4, 22),
        "in_force_from": D(2008, 5, 1),
        "body": rules_texts.HERNING,
    },
    "randers": {
        "adopted_by": "Social og Arbejdsmarked",
        "adopted_on": D(2008, 11, 10),
        "in_force_from": D(2009, 1, 1),
        "body": rules_texts.RANDERS,
    },
}


# --- Meetings -----------------------------------------------------------------------------

ATTENDANCE = {
    "odense": (
        "Birgitte Holm\nJens Kristian Lund\nSusanne Dahl\nKarsten Vind\nLine Bach\n"
        "Henrik Østergaard\nPia Mørch",
        "Ali Hassan\nAnders Fogh Kjær",
    ),
    "esbjerg": ("Formanden\nNæstformanden\nRepræsentanter for fem foreninger", "To medlemmer"),
}

MEETINGS = {
    "odense": [
        {
            "date": D(2009, 8, 27),
            "start_time": T(15, 0),
            "end_time": T(17, 0),
            "place": "Mændenes Hjem, mødelokalet på 1. sal",
            "agenda_sent_on": D(2009, 8, 20),
            "agenda": [
                approve_agenda(),
                approve_minutes(),
                item(
                    "Rådets høringssvar om hjemløsestrategien",
                    K.DECISION,
                    "Forvaltningen har sendt et udkast til en ny strategi for hjemløse i "
                    "høring. Sekretariatet har skrevet et udkast til svar ud fra rådets "
                    "drøftelse i juni.",
                    "Rådet var enigt om at støtte strategien, men ønskede et klarere løfte "
                    "om flere akutpladser om vinteren.",
                    "Svaret blev vedtaget med de ændringer, der blev aftalt på mødet.",
                    "To medlemmer ønskede, at svaret også skulle kræve en fast gadesygeplejerske.",
                ),
                other_business(),
            ],
        },
        {
            "date": D(2009, 10, 22),
            "start_time": T(15, 0),
            "end_time": T(17, 0),
            "place": "Kirkens Korshær, Odense",
            "agenda_sent_on": D(2009, 10, 16),
            "agenda": [
                approve_agenda(),
                approve_minutes(),
                item(
                    "Til orientering",
                    K.INFORMATION,
                    subs=[
                        sub(
                            "Orientering fra formanden",
                            K.INFORMATION,
                            "Formanden fortæller om mødet med rådmanden i september.",
                            "Rådmanden vil gerne mødes med rådet to gange om året.",
                        ),
                        sub(
                            "Orientering fra forvaltningen",
                            K.INFORMATION,
                            "Nyt om satspuljemidler og om byggeriet af skæve boliger.",
                            "Forvaltningen venter svar på ansøgningen i december.",
                        ),
                    ],
                ),
                item(
                    "Til drøftelse",
                    K.DISCUSSION,
                    subs=[
                        sub(
                            "Årsrapport 2008-2009",
                            K.DISCUSSION,
                            "Udkast til rådets årsrapport er vedlagt.",
                            "Rådet ønskede et afsnit om unge hjemløse og flere konkrete forslag.",
                            "Sekretariatet retter rapporten til, og formanden godkender den.",
                        ),
                        sub(
                            "Forslag til årsplan 2010",
                            K.DISCUSSION,
                            "Sekretariatet har lavet et forslag ud fra rådets faste årshjul.",
                            "Rådet foreslog fattigdom som tema for seminaret i november.",
                            "Årsplanen vedtages endeligt på januarmødet.",
                        ),
                    ],
                ),
                other_business("Næste møde holdes i december på Reden."),
            ],
        },
        {
            "date": D(2009, 12, 10),
            "start_time": T(15, 0),
            "end_time": T(17, 0),
            "place": "Reden, rådgivning for prostituerede",
            "agenda_sent_on": D(2009, 12, 3),
            "objection": (
                "Pia Mørch protesterede mod referatet fra 22. oktober: punkt 4.2 skal nævne, at "
                "rådet også ønsker et tema om prostitution i 2010. Referatet rettes og "
                "godkendes på næste møde."
            ),
            "agenda": [
                approve_agenda(),
                approve_minutes("Referatet blev ikke godkendt; se indsigelsen nedenfor."),
                item(
                    "Seminar om fattigdom",
                    K.DECISION,
                    "Forslag til program og oplægsholdere.",
                    "Rådet ønsker, at brugerne selv holder et af oplæggene.",
                    "Seminaret holdes i november 2010. Formanden og to medlemmer planlægger det.",
                ),
                other_business(),
            ],
        },
        {
            "date": D(2027, 1, 21),
            "start_time": T(15, 0),
            "end_time": T(17, 0),
            "place": "Mændenes Hjem, mødelokalet på 1. sal",
            "status": MeetingStatus.PLANNED,
            "agenda": [
                approve_agenda(""),
                approve_minutes(""),
                item("Valg af årets fokusområder", K.DECISION),
                other_business(""),
            ],
        },
    ],
    "herning": [
        {
            "date": D(2009, 9, 29),
            "start_time": T(13, 0),
            "end_time": T(15, 30),
            "place": "Værestedet, Herning",
            "agenda_sent_on": D(2009, 9, 22),
            "agenda": [
                approve_minutes(),
                item(
                    "Planlægning af temadagen",
                    K.DECISION,
                    "Temadagen handler om livet på gaden og holdes i november.",
                    "Rådet vil invitere politikere, fagfolk og brugere.",
                    "Temadagen holdes 10. november. Sekretæren sender invitationer ud.",
                ),
                item(
                    "Mobil tandklinik",
                    K.DISCUSSION,
                    "Status på rådets ønske om en tandklinik, der kan komme ud til brugerne.",
                    "Der er interesse fra to tandlæger, men der mangler penge til en bus.",
                ),
                other_business(),
            ],
        },
        {
            "date": D(2009, 11, 24),
            "start_time": T(13, 0),
            "end_time": T(15, 30),
            "place": "Herning Rådhus, mødelokale 2",
            "agenda_sent_on": D(2009, 11, 17),
            "agenda": [
                item(
                    "Nøglekort og informationskort til gadens folk",
                    K.DISCUSSION,
                    "Et lille kort med adresser og telefonnumre på steder, hvor man kan få "
                    "hjælp, mad og et sted at sove.",
                    "Rådet vil gerne have kortet trykt i lommeformat og delt ud på værestederne.",
                    "Sekretæren laver et udkast til næste møde.",
                ),
                approve_minutes(),
                item(
                    "Evaluering af Udsatterådets temadag",
                    K.DISCUSSION,
                    "Omkring 80 deltog i temadagen 10. november.",
                    "Deltagerne var glade for, at brugerne selv fortalte. Næste gang skal der "
                    "være mere tid til spørgsmål.",
                ),
                item(
                    "Tandpleje for udsatte",
                    K.DECISION,
                    "Forslag om at søge fondsmidler til en mobil tandklinik.",
                    "Rådet mener, at tandpleje er et af de områder, hvor en lille indsats "
                    "gør en stor forskel.",
                    "Rådet søger to fonde. Formanden tager kontakt til Tandlægeforeningen.",
                ),
                item(
                    "Rapportering af Udsatterådets arbejde til det politiske niveau",
                    K.DISCUSSION,
                    "Hvordan fortæller rådet politikerne om sit arbejde?",
                    "Rådet vil sende sin årsrapport til Social- og Sundhedsudvalget og bede om "
                    "et møde.",
                ),
                item(
                    "Eventuelt og orienteringspunkter",
                    K.OTHER_BUSINESS,
                    discussion="Næste møde holdes i januar, hvor årets temaer skal vælges.",
                ),
            ],
        },
        {
            "date": D(2010, 1, 26),
            "start_time": T(13, 0),
            "end_time": T(15, 30),
            "place": "Værestedet, Herning",
            "agenda_sent_on": D(2010, 1, 19),
            "agenda": [
                approve_minutes(),
                item(
                    "Brainstorm og valg af årets temaer",
                    K.DECISION,
                    "Alle medlemmer kommer med idéer til året.",
                    "Der kom 23 idéer, som blev samlet i grupper.",
                    "Rådet valgte seks temaer for 2010: tandpleje, boliger, kost, værdighed, "
                    "misbrugsbehandling og informationskort.",
                ),
                other_business(),
            ],
        },
    ],
    "esbjerg": [
        {
            "date": D(2009, 9, 15),
            "start_time": T(9, 30),
            "end_time": T(12, 0),
            "place": "Blå Kors, Esbjerg",
            "agenda_sent_on": D(2009, 9, 8),
            "agenda": [
                approve_agenda(),
                approve_minutes(),
                item(
                    "Oplæg om sindslidende uden for behandling",
                    K.INFORMATION,
                    "Rådet mangler viden om sindslidende og har inviteret en ressourceperson "
                    "fra distriktspsykiatrien.",
                    "Oplægget viste, at mange falder mellem to stole, når de både har et misbrug "
                    "og en sindslidelse.",
                ),
                other_business(),
            ],
        },
        {
            "date": D(2009, 11, 3),
            "start_time": T(9, 30),
            "end_time": T(12, 0),
            "place": "Kirkens Korshær, Esbjerg",
            "agenda_sent_on": D(2009, 10, 30),
            "agenda": [
                approve_agenda(),
                approve_minutes(),
                item(
                    "Høring om budget for misbrugsbehandling",
                    K.DECISION,
                    "Socialudvalget har bedt om rådets svar inden 15. november.",
                    "Rådet er bekymret for ventetiden på behandling.",
                    "Sekretariatet skriver et svar, som formanden godkender.",
                ),
                other_business(),
            ],
        },
        {
            "date": D(2010, 1, 12),
            "start_time": T(9, 30),
            "end_time": T(12, 0),
            "place": "Blå Kors, Esbjerg",
            "agenda_sent_on": D(2010, 1, 5),
            "agenda": [
                approve_agenda(),
                approve_minutes(),
                item(
                    "Årets faste møder",
                    K.DECISION,
                    decision="Rådet holder seks møder i 2010, skiftevis hos medlemmernes "
                    "foreninger.",
                ),
                other_business(),
            ],
        },
    ],
    "vejle": [
        {
            "date": D(2009, 10, 6),
            "start_time": T(10, 0),
            "end_time": T(12, 0),
            "place": "Værestedet, Vejle Misbrugscenter",
            "agenda_sent_on": D(2009, 9, 29),
            "agenda": [
                approve_agenda(),
                approve_minutes(),
                item(
                    "Rådets definition af udsathed",
                    K.DISCUSSION,
                    "Et udkast til en kort tekst om, hvem rådet taler for.",
                    "Rådet vil beskrive udsathed ud fra livssituation og ikke ud fra diagnoser.",
                    "Teksten lægges på hjemmesiden.",
                ),
                other_business(),
            ],
        },
        {
            "date": D(2009, 12, 1),
            "start_time": T(10, 0),
            "end_time": T(12, 0),
            "place": "Værestedet, Vejle Misbrugscenter",
            # Sent late: the rules ask for seven days.
            "agenda_sent_on": D(2009, 11, 27),
            "agenda": [
                approve_agenda(),
                approve_minutes(),
                item(
                    "Vinterberedskab for hjemløse",
                    K.DISCUSSION,
                    "Forvaltningen orienterer om nødovernatning i vinter.",
                    "Rådet ønsker, at nødovernatningen også er åben i weekenderne.",
                ),
                other_business(),
            ],
        },
        {
            "date": D(2010, 2, 2),
            "start_time": T(10, 0),
            "end_time": T(12, 0),
            "place": "Kirkens Korshær, Vejle",
            "agenda_sent_on": D(2010, 1, 26),
            "agenda": [
                approve_agenda(),
                approve_minutes(),
                item(
                    "Forberedelse af generalforsamling",
                    K.DECISION,
                    decision="Generalforsamlingen holdes i april. Alle brugere og "
                    "samarbejdspartnere inviteres.",
                ),
                other_business(),
            ],
        },
    ],
    "randers": [
        {
            "date": D(2009, 9, 8),
            "start_time": T(9, 0),
            "end_time": T(11, 0),
            "place": "Forsorgshjemmet, Randers",
            "agenda_sent_on": D(2009, 9, 1),
            "agenda": [
                approve_agenda(),
                approve_minutes(),
                item(
                    "Fælles fisketur",
                    K.DECISION,
                    "Forslag om en fisketur for brugere fra alle seks institutioner.",
                    "Alle institutioner vil gerne være med.",
                    "Turen holdes i oktober. Hver institution sender op til fem deltagere.",
                ),
                other_business(),
            ],
        },
        {
            "date": D(2009, 11, 10),
            "start_time": T(9, 0),
            "end_time": T(11, 0),
            "place": "Bostedet, Randers",
            "agenda_sent_on": D(2009, 11, 3),
            # Minutes about named users' situation: kept from the public.
            "private": True,
            "agenda": [
                approve_agenda(),
                approve_minutes(),
                item(
                    "Forhold på et af bostederne",
                    K.DISCUSSION,
                    "Drøftelse af klager fra beboere.",
                    "Rådet drøftede klagerne og aftalte at tage dem op med ledelsen.",
                ),
                other_business(),
            ],
        },
        {
            "date": D(2010, 1, 19),
            "start_time": T(9, 0),
            "end_time": T(11, 0),
            "place": "Forsorgshjemmet, Randers",
            "agenda_sent_on": D(2010, 1, 12),
            "agenda": [
                approve_agenda(),
                approve_minutes(),
                item(
                    "Indsamling til en tandlægevogn",
                    K.DECISION,
                    "Status på indsamlingen.",
                    "Der er samlet lidt over halvdelen af beløbet ind.",
                    "Brugerrådet skriver til tre lokale fonde.",
                ),
                item(
                    "Årsmøde med socialudvalget",
                    K.DISCUSSION,
                    "Hvad vil brugerrådet tage op med udvalget i år?",
                    "Rådet vil tale om tandpleje og om aktiviteter på tværs af institutionerne.",
                ),
                other_business(),
            ],
        },
    ],
}


# --- Hearing responses --------------------------------------------------------------------

A, PA, NA, PE = (
    FollowUpOutcome.ADOPTED,
    FollowUpOutcome.PARTLY_ADOPTED,
    FollowUpOutcome.NOT_ADOPTED,
    FollowUpOutcome.PENDING,
)

HEARINGS = {
    "odense": [
        {
            "slug": "hjemloesestrategi-2009",
            "summary": (
                "Rådet siger ja til planen for hjemløse. Men rådet vil have flere pladser om "
                "vinteren. Og en plan for unge uden bolig."
            ),
            "title": "Høringssvar om strategi for hjemløse",
            "consultation_title": "Udkast til strategi for indsatsen for hjemløse 2010-2013",
            "consulting_body": "Social- og Arbejdsmarkedsforvaltningen",
            "case_number": "09/18734",
            "received_on": D(2009, 7, 1),
            "deadline": D(2009, 9, 1),
            "response_date": D(2009, 8, 28),
            "response": (
                "<p>Rådet støtter strategien og især målet om, at ingen skal sove på gaden "
                "mere end nogle få nætter. Rådet savner et klart løfte om flere akutpladser i "
                "vintermånederne og en plan for de unge hjemløse, som er en voksende gruppe.</p>"
                "<p>Rådet foreslår, at brugerne inddrages, når strategien skal følges op.</p>"
            ),
            "minority": [
                (
                    "To medlemmer, der repræsenterer brugerne",
                    "Mindretallet mener, at strategien bør sikre en fast gadesygeplejerske, "
                    "fordi mange hjemløse ikke kommer til lægen.",
                )
            ],
            "groups": ["hjemloese", "unge"],
            "outcome": PA,
            "outcome_date": D(2009, 11, 4),
            "outcome_note": (
                "Byrådet vedtog strategien med flere akutpladser om vinteren, men uden en særlig "
                "plan for unge."
            ),
        },
        {
            "slug": "udtalelse-om-fattigdom",
            "summary": (
                "Flere familier har ikke råd til klub og tandlæge til børnene. Rådet vil have en "
                "pulje, så alle børn kan være med."
            ),
            "title": "Udtalelse om fattigdom blandt børnefamilier",
            "kind": HearingKind.STATEMENT,
            "response_date": D(2010, 2, 15),
            "response": (
                "<p>Rådet vil gøre byrådet opmærksom på, at flere familier end før har svært "
                "ved at betale for fritidsaktiviteter og tandpleje til børnene. Rådet foreslår "
                "en pulje, som skoler og klubber kan søge, så børn ikke holdes uden for "
                "fællesskabet.</p>"
            ),
            "groups": ["fattige", "boern"],
            "outcome": PE,
        },
    ],
    "herning": [
        {
            "slug": "tandpleje-for-udsatte",
            "summary": (
                "Mange udsatte går ikke til tandlæge. Rådet vil have en tandklinik på hjul, der "
                "kommer til værestederne."
            ),
            "title": "Udtalelse om tandpleje for socialt udsatte",
            "kind": HearingKind.STATEMENT,
            "response_date": D(2009, 12, 1),
            "response": (
                "<p>Mange socialt udsatte har dårlige tænder og går ikke til tandlæge. Rådet "
                "foreslår en mobil tandklinik, som kommer til værestederne en gang om "
                "måneden.</p>"
            ),
            "groups": ["hjemloese", "stofmisbrugere", "alkoholmisbrugere"],
            "outcome": A,
            "outcome_date": D(2010, 3, 15),
            "outcome_note": "Social- og Sundhedsudvalget gav penge til en forsøgsordning i 2010.",
        },
        {
            "slug": "boligpolitik-2009",
            "summary": (
                "Rådet vil have billige boliger til dem, der ikke kan bo i en almindelig opgang. Fx"
                " skæve huse."
            ),
            "title": "Høringssvar om boligpolitik",
            "consultation_title": "Forslag til boligpolitik for Herning Kommune",
            "consulting_body": "Teknik- og Miljøudvalget",
            "received_on": D(2009, 9, 15),
            "deadline": D(2009, 10, 20),
            "response_date": D(2009, 10, 15),
            "response": (
                "<p>Rådet beder om, at boligpolitikken sikrer billige boliger til borgere, der "
                "ikke kan bo i almindelige opgange, fx skæve boliger.</p>"
            ),
            "groups": ["hjemloese", "sindslidende"],
            "outcome": NA,
            "outcome_date": D(2009, 12, 8),
            "outcome_note": "Byrådet vedtog boligpolitikken uden et afsnit om skæve boliger.",
        },
    ],
    "esbjerg": [
        {
            "slug": "budget-misbrugsbehandling-2010",
            "summary": (
                "Rådet er bange for, at folk skal vente længere på hjælp mod misbrug. Rådet siger: "
                "spar ikke på hjælpen om dagen."
            ),
            "title": "Høringssvar om budget for misbrugsbehandling 2010",
            "consultation_title": "Budgetforslag 2010 for misbrugsområdet",
            "consulting_body": "Socialudvalget",
            "case_number": "2009-4417",
            "received_on": D(2009, 10, 20),
            "deadline": D(2009, 11, 15),
            "response_date": D(2009, 11, 10),
            "response": (
                "<p>Rådet er bekymret for, at ventetiden på behandling bliver længere. Rådet "
                "foreslår, at der ikke spares på dagbehandlingen, og at ventetiden følges "
                "hvert kvartal.</p>"
            ),
            "groups": ["stofmisbrugere", "alkoholmisbrugere"],
            "outcome": PA,
            "outcome_date": D(2009, 12, 14),
            "outcome_note": "Dagbehandlingen blev friholdt for besparelser; ventetiden følges "
            "en gang om året.",
        },
        {
            "slug": "handleplan-vold-i-naere-relationer",
            "summary": (
                "Rådet siger ja til planen mod vold i hjemmet. Kvinder med misbrug skal også kunne "
                "få plads på et krisecenter."
            ),
            "title": "Høringssvar om handleplan mod vold i nære relationer",
            "consultation_title": "Handleplan mod vold i nære relationer",
            "consulting_body": "Børn- og Familieudvalget",
            "received_on": D(2010, 1, 4),
            "deadline": D(2010, 2, 1),
            "response_date": D(2010, 1, 28),
            "response": (
                "<p>Rådet støtter handleplanen og foreslår, at kvinder med misbrug også kan "
                "komme på krisecenter.</p>"
            ),
            "groups": ["voldsramte"],
            "outcome": A,
            "outcome_date": D(2010, 3, 1),
            "outcome_note": "Forslaget kom med i den endelige handleplan.",
        },
    ],
    "vejle": [
        {
            "slug": "vinterberedskab",
            "summary": (
                "Når det fryser, skal ingen sove ude. Rådet vil have, at natly er åbent alle ugens "
                "dage."
            ),
            "title": "Udtalelse om vinterberedskab for hjemløse",
            "kind": HearingKind.STATEMENT,
            "response_date": D(2009, 12, 4),
            "response": (
                "<p>Rådet beder kommunen holde nødovernatningen åben alle ugens dage, når det "
                "fryser.</p>"
            ),
            "groups": ["hjemloese"],
            "outcome": A,
            "outcome_date": D(2009, 12, 15),
            "outcome_note": "Nødovernatningen holder åbent i weekenderne i vinterhalvåret.",
        },
        {
            "slug": "misbrugsplan-2010",
            "summary": (
                "Rådet siger: de, der får hjælp mod misbrug, skal have mere at sige. Rådet vil have"
                " et panel af brugere."
            ),
            "title": "Høringssvar om misbrugsplan",
            "consultation_title": "Misbrugsplan 2010-2012",
            "consulting_body": "Voksenudvalget",
            "received_on": D(2010, 1, 11),
            "deadline": D(2010, 2, 8),
            "response_date": D(2010, 2, 3),
            "response": (
                "<p>Rådet savner, at brugerne får indflydelse på deres egen behandling, og "
                "foreslår et brugerpanel på misbrugscentret.</p>"
            ),
            "groups": ["stofmisbrugere", "alkoholmisbrugere"],
            "outcome": PE,
        },
    ],
    "randers": [
        {
            "slug": "aabningstider-vaeresteder",
            "summary": (
                "Brugerne vil have et sted at gå hen om aftenen og i weekenden. Mindst ét værested "
                "skal have åbent."
            ),
            "title": "Udtalelse om åbningstider på væresteder",
            "kind": HearingKind.STATEMENT,
            "response_date": D(2009, 9, 15),
            "response": (
                "<p>Brugerrådet ønsker, at mindst ét værested har åbent om aftenen og i "
                "weekenden.</p>"
            ),
            "groups": ["hjemloese", "alkoholmisbrugere"],
            "outcome": NA,
            "outcome_date": D(2009, 11, 1),
            "outcome_note": "Der var ikke penge i budgettet til længere åbningstider.",
        },
        {
            "slug": "kvalitetsstandard-forsorgshjem",
            "summary": (
                "Alle, der flytter ind på et forsorgshjem, skal have en fast voksen at tale med fra"
                " første dag."
            ),
            "title": "Høringssvar om kvalitetsstandard for forsorgshjem",
            "consultation_title": "Kvalitetsstandard for ophold på forsorgshjem",
            "consulting_body": "Social og Arbejdsmarked",
            "received_on": D(2009, 12, 1),
            "deadline": D(2010, 1, 8),
            "response_date": D(2010, 1, 5),
            "response": (
                "<p>Brugerrådet foreslår, at beboerne altid får en kontaktperson fra første "
                "dag.</p>"
            ),
            "groups": ["hjemloese"],
            "outcome": A,
            "outcome_date": D(2010, 2, 10),
            "outcome_note": "Kravet om en kontaktperson fra første dag står nu i standarden.",
        },
    ],
}


def open_hearings(today: datetime.date) -> dict:
    """One hearing per council that the council is still answering, its deadline ahead.

    Dated from ``today``, so the demo always has coming deadlines: loading the demo again on a
    later day moves them (a new published revision).
    """

    def days(n):
        return today + datetime.timedelta(days=n)

    return {
        "odense": {
            "slug": "aabningstider-paa-natvarmestuen",
            "title": "Høring om åbningstider på natvarmestuen",
            "summary": (
                "Kommunen vil lukke varmestuen en time før om morgenen. Rådet spørger dem, der "
                "sover der, før det svarer."
            ),
            "consultation_title": "Forslag til nye åbningstider på natvarmestuen",
            "consulting_body": "Socialforvaltningen",
            "case_number": "26/20417",
            "received_on": days(-9),
            "deadline": days(19),
            "groups": ["hjemloese"],
        },
        "herning": {
            "slug": "budget-for-socialomraadet",
            "title": "Høring om budget for socialområdet",
            "summary": (
                "Kommunen skal spare på socialområdet næste år. Rådet ser på, hvad det betyder "
                "for de mest udsatte."
            ),
            "consultation_title": "Budgetforslag for social- og sundhedsområdet",
            "consulting_body": "Social- og Sundhedsudvalget",
            "case_number": "26/18852",
            "received_on": days(-14),
            "deadline": days(12),
            "groups": ["fattige"],
        },
        "esbjerg": {
            "slug": "plan-for-misbrugsbehandling",
            "title": "Høring om ny plan for misbrugsbehandling",
            "summary": (
                "Kommunen har en ny plan for hjælp til folk med misbrug. Rådet ser på, hvor "
                "længe man skal vente, og hvad der sker bagefter."
            ),
            "consultation_title": "Udkast til plan for misbrugsbehandling",
            "consulting_body": "Sundheds- og Omsorgsudvalget",
            "case_number": "26/31190",
            "received_on": days(-5),
            "deadline": days(26),
            "groups": ["stofmisbrugere", "alkoholmisbrugere"],
        },
        "vejle": {
            "slug": "lokalplan-for-nyt-herberg",
            "title": "Høring om lokalplan for et nyt herberg",
            "summary": (
                "Kommunen vil bygge et nyt herberg tæt på banegården. Rådet svarer på, om "
                "stedet er godt for dem, der skal bo der."
            ),
            "consultation_title": "Forslag til lokalplan for et herberg ved banegården",
            "consulting_body": "Teknik- og Miljøudvalget",
            "case_number": "26/09734",
            "received_on": days(-20),
            "deadline": days(8),
            "groups": ["hjemloese"],
        },
        "randers": {
            "slug": "strategi-for-psykisk-sundhed",
            "title": "Høring om strategi for psykisk sundhed",
            "summary": (
                "Kommunen har en ny plan for mennesker med psykisk sygdom. Rådet vil have, at "
                "planen også når dem, der ikke selv beder om hjælp."
            ),
            "consultation_title": "Strategi for psykisk sundhed 2027-2030",
            "consulting_body": "Social- og Beskæftigelsesudvalget",
            "case_number": "26/27005",
            "received_on": days(-3),
            "deadline": days(33),
            "groups": ["sindslidende"],
        },
    }


# --- Annual reports -----------------------------------------------------------------------

REPORTS = {
    "odense": {
        "start_year": 2009,
        "summary": (
            "I år fik byen en ny plan for hjemløse. Rådet holdt et møde om fattigdom. Og rådet "
            "mødtes med rådmanden."
        ),
        "focus": [
            ("Hjemløse, især unge", "Flere unge står uden bolig. Rådet har bedt om en plan."),
            ("Fattigdom", "Forberedelse af seminaret i 2010, Fattigdomsåret."),
            ("Prostitution", "Samarbejde med Reden om rådgivning og exit."),
            ("Misbrug og psykisk sygdom", "Borgere med begge dele falder mellem to stole."),
            ("Brugerinddragelse", "Brugerne skal med, når strategier følges op."),
        ],
        "situation": "<p>Antallet af hjemløse i Odense er steget, og flere af dem er unge. "
        "Værestederne fortæller om flere besøgende, der ikke har råd til mad sidst på "
        "måneden.</p>",
        "activities": "<p>Rådet afgav høringssvar om hjemløsestrategien, mødtes med rådmanden "
        "og var med på Brugernes Basar.</p>",
        "proposals": [
            (
                "Flere akutpladser om vinteren",
                "Så ingen skal sove ude, når det fryser.",
                {
                    "outcome": "adopted",
                    "outcome_date": "2010-03-25",
                    "outcome_note": "Byrådet afsatte penge til 20 ekstra pladser fra november "
                    "til marts.",
                    "outcome_link": "https://www.odense.dk/",
                },
            ),
            (
                "En plan for unge hjemløse",
                "Med bolig, uddannelse og en fast kontaktperson.",
                {
                    "outcome": "partly_adopted",
                    "outcome_date": "2010-04-22",
                    "outcome_note": "Planen kom, men uden fast kontaktperson.",
                },
            ),
        ],
    },
    "herning": {
        "start_year": 2008,
        "end_year": 2009,
        "summary": (
            "Rådets første to år. Rådet holdt en temadag og lavede et kort over steder med hjælp. "
            "Og rådet kæmpede for en tandklinik på hjul."
        ),
        "focus": [
            ("Tandpleje", "En mobil tandklinik til værestederne."),
            ("Informationskort", "Et kort med steder, hvor man kan få hjælp."),
            ("Temadag", "Livet på gaden, fortalt af brugerne selv."),
            ("Boliger", "Skæve boliger til dem, der ikke kan bo i almindelige opgange."),
            ("Synlighed", "At politikerne kender rådet og dets arbejde."),
        ],
        "situation": "<p>Der er få, men meget udsatte hjemløse i Herning. Mange har både et "
        "misbrug og en psykisk sygdom.</p>",
        "activities": "<p>Temadagen 10. november 2009 samlede omkring 80 deltagere.</p>",
        "proposals": [
            (
                "En mobil tandklinik",
                "Fast besøg på værestederne en gang om måneden.",
                {
                    "outcome": "not_adopted",
                    "outcome_date": "2010-02-15",
                    "outcome_note": "Byrådet fandt ikke penge i budgettet.",
                },
            )
        ],
    },
    "esbjerg": {
        "start_year": 2009,
        "summary": (
            "Rådets første hele år. Rådet lærte mere om psykisk sygdom. Og rådet gav råd om hjælp "
            "mod misbrug."
        ),
        "focus": [
            ("Sindslidende", "Rådet mangler viden og inviterer ressourcepersoner."),
            ("Misbrugsbehandling", "Ventetid og dagbehandling."),
            ("Prostitution", "Rådet søger en repræsentant med viden om området."),
            ("Vold", "Kvinder med misbrug skal kunne komme på krisecenter."),
            ("Samarbejde", "Møder skiftevis hos medlemmernes foreninger."),
        ],
        "situation": "<p>Ventetiden på misbrugsbehandling er lang, og der mangler tilbud til "
        "borgere med både misbrug og sindslidelse.</p>",
        "activities": "<p>Rådet holdt møder hos Blå Kors og Kirkens Korshær.</p>",
        "proposals": [("Følg ventetiden", "Ventetid på behandling offentliggøres hvert kvartal.")],
    },
    "vejle": {
        "start_year": 2009,
        "summary": (
            "I år skrev rådet, hvem det taler for. Og rådet bad om et natly, der er åbent, når det "
            "fryser."
        ),
        "focus": [
            ("Hvad er udsathed?", "En kort tekst om, hvem rådet taler for."),
            ("Vinterberedskab", "Nødovernatning alle ugens dage."),
            ("Generalforsamling", "Forberedelse af den næste åbne generalforsamling."),
            ("Misbrug", "Brugernes indflydelse på egen behandling."),
            ("Netværk", "Kontakt til andre udsatteråd."),
        ],
        "situation": "<p>Rådet oplever, at flere borgere kommer på værestederne for at få et "
        "varmt måltid.</p>",
        "activities": "<p>Rådet har ingen driftsbudget og har arbejdet med frivillige kræfter.</p>",
        "proposals": [("Et brugerpanel", "På misbrugscentret, så brugerne bliver hørt.")],
    },
    "randers": {
        "start_year": 2009,
        "summary": (
            "Et år med en fisketur for alle, penge til en tandlæge på hjul og det faste møde med "
            "politikerne."
        ),
        "focus": [
            ("Fællesskab på tværs", "En fælles fisketur for brugere fra alle institutioner."),
            ("Tandpleje", "Indsamling til en tandlægevogn."),
            ("Åbningstider", "Et værested, der har åbent om aftenen."),
            ("Forsorgshjem", "En kontaktperson fra første dag."),
            ("Møde med politikerne", "Det årlige møde med socialudvalget."),
        ],
        "situation": "<p>Udskiftningen blandt beboerne på forsorgshjemmet er stor, og det gør "
        "det svært at holde fast i brugerrådets arbejde.</p>",
        "activities": "<p>Fisketuren i oktober samlede 24 brugere og medarbejdere.</p>",
        "proposals": [("Aftenåbent værested", "Mindst ét værested med åbent om aftenen.")],
    },
}


# --- Loading ------------------------------------------------------------------------------


def load(ctx):
    today = timezone.localdate()
    for slug, council in ctx.councils.items():
        _rules(council, RULES[slug])
        meeting_index = _index(council, MeetingIndexPage, "moeder", "Møder", MEETINGS_INTRO)
        for data in MEETINGS[slug]:
            _meeting(meeting_index, council, data, ATTENDANCE.get(slug))
        hearing_index = _index(
            council, HearingResponseIndexPage, "hoeringssvar", "Høringssvar", HEARINGS_INTRO
        )
        for data in HEARINGS[slug]:
            _hearing(hearing_index, data)
        _hearing(hearing_index, {**open_hearings(today)[slug], "status": HearingStatus.IN_PROGRESS})
        report_index = _index(
            council, AnnualReportIndexPage, "aarsrapporter", "Årsrapporter", REPORTS_INTRO
        )
        _report(report_index, REPORTS[slug])
    ctx.log("Forretningsordener, møder, høringssvar og årsrapporter er lagt ind.")


MEETINGS_INTRO = (
    "<p>Rådets møder er ikke offentlige, men dagsordener og referater lægges her. Et referat "
    "er godkendt, hvis ingen protesterer på næste møde.</p>"
)
HEARINGS_INTRO = (
    "<p>Her er rådets svar, når kommunen spørger om råd, og de udtalelser, rådet selv har "
    "sendt. Du kan også se, hvad kommunen besluttede.</p>"
)
REPORTS_INTRO = "<p>Hvert år fortæller rådet, hvad det har arbejdet med.</p>"


def _strip_ids(value):
    if isinstance(value, dict):
        return {k: _strip_ids(v) for k, v in value.items() if k != "id"}
    if isinstance(value, list):
        return [_strip_ids(v) for v in value]
    return value


def _assign(page, fields: dict) -> bool:
    """Set ``fields`` on ``page``; True if anything changed. StreamFields take raw lists."""
    changed = False
    for name, value in fields.items():
        field = page._meta.get_field(name)
        if isinstance(field, StreamField):
            new = field.to_python(json.dumps(value))
            old = getattr(page, name)
            # Read every block of both, so both come out in Wagtail's current stored form (a
            # block not yet read is written back exactly as it was loaded, e.g. old-style lists).
            list(new), list(old)
            prep = field.stream_block.get_prep_value
            if _strip_ids(prep(old)) != _strip_ids(prep(new)):
                setattr(page, name, new)
                changed = True
        elif getattr(page, name) != value:
            setattr(page, name, value)
            changed = True
    return changed


def _upsert(parent, model, slug, fields):
    """The child of ``parent`` with ``slug``, created or updated and published if changed."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    created = page is None
    if created:
        page = model(slug=slug)
    changed = _assign(page, fields) or created
    if created:
        parent.add_child(instance=page)
    if changed:
        page.save_revision().publish()
        page.refresh_from_db()
    return page, created


def _index(council, model, slug, title, intro):
    page, _created = _upsert(council, model, slug, {"title": title, "intro": intro})
    return page


def _rules(council, data):
    fields = {k: v for k, v in data.items() if k != "earlier"}
    fields = {"title": "Forretningsorden", "amendment_note": "", **fields}
    existing = RulesOfProcedurePage.objects.child_of(council).filter(slug="forretningsorden")
    if not existing.exists() and "earlier" in data:
        # Publish the first version, then the amendment, so both are readable as versions.
        earlier = {"title": "Forretningsorden", **data["earlier"]}
        page, _created = _upsert(council, RulesOfProcedurePage, "forretningsorden", earlier)
        _backdate_last_publish(page, data["earlier"]["adopted_on"])
        page, _created = _upsert(council, RulesOfProcedurePage, "forretningsorden", fields)
        _backdate_last_publish(page, data["adopted_on"])
        return page
    page, _created = _upsert(council, RulesOfProcedurePage, "forretningsorden", fields)
    return page


def _backdate_last_publish(page, day):
    """Date the demo's earlier rules version to its adoption day rather than to today."""
    moment = datetime.datetime.combine(day, T(12, 0), tzinfo=datetime.UTC)
    entry = PageLogEntry.objects.filter(page=page, action="wagtail.publish").latest("timestamp")
    PageLogEntry.objects.filter(pk=entry.pk).update(timestamp=moment)
    page.revisions.filter(pk=entry.revision_id).update(created_at=moment)


def _meeting(index, council, data, attendance):
    status = data.get("status", MeetingStatus.MINUTES)
    day = data["date"]
    fields = {
        "title": f"Møde {danish_date(day)}",
        "date": day,
        "start_time": data.get("start_time"),
        "end_time": data.get("end_time"),
        "place": data.get("place", ""),
        "status": status,
        "agenda_sent_on": data.get("agenda_sent_on"),
        "minutes_published_on": (
            day + datetime.timedelta(days=8) if status == MeetingStatus.MINUTES else None
        ),
        "agenda": data["agenda"],
        "objection_to_previous_minutes": data.get("objection", ""),
    }
    if status == MeetingStatus.MINUTES and attendance:
        fields["present"], fields["absent"] = attendance
    page, _created = _upsert(index, MeetingPage, day.isoformat(), fields)
    restricted = PageViewRestriction.objects.filter(page=page).exists()
    if data.get("private") and not restricted:
        restrict_to_council(page, council)
    elif not data.get("private") and restricted:
        PageViewRestriction.objects.filter(page=page).delete()
    return page


def _hearing(index, data):
    fields = {
        "title": data["title"],
        "kind": data.get("kind", HearingKind.HEARING_RESPONSE),
        "status": data.get("status", HearingStatus.ANSWERED),
        "consultation_title": data.get("consultation_title", ""),
        "consulting_body": data.get("consulting_body", ""),
        "case_number": data.get("case_number", ""),
        "received_on": data.get("received_on"),
        "deadline": data.get("deadline"),
        "summary": data["summary"],
        "response": data.get("response", ""),
        "response_date": data.get("response_date"),
        "minority_opinions": [
            {"type": "opinion", "value": {"holders": holders, "text": _rt(text)}}
            for holders, text in data.get("minority", [])
        ],
        "outcome": data.get("outcome", FollowUpOutcome.PENDING),
        "outcome_date": data.get("outcome_date"),
        "outcome_note": data.get("outcome_note", ""),
    }
    page = HearingResponsePage.objects.child_of(index).filter(slug=data["slug"]).first()
    wanted_groups = sorted(data.get("groups", []))
    groups_differ = page is None or sorted(t.slug for t in page.target_groups.all()) != (
        wanted_groups
    )
    if page is not None and groups_differ:
        page.target_groups.set(TargetGroup.objects.filter(slug__in=wanted_groups))
        page.save_revision().publish()
    page, created = _upsert(index, HearingResponsePage, data["slug"], fields)
    if created:
        page.target_groups.set(TargetGroup.objects.filter(slug__in=wanted_groups))
        page.save_revision().publish()
    return page


def _follow_up(fields=None):
    """A proposal's follow-up in stored form: pending unless ``fields`` say otherwise."""
    value = {"outcome": "pending", "outcome_date": None, "outcome_note": "", "outcome_link": ""}
    value.update(fields or {})
    return value


def _report(index, data):
    start, end = data["start_year"], data.get("end_year")
    period = f"{start}-{end}" if end else str(start)
    fields = {
        "title": f"Årsrapport {period}",
        "start_year": start,
        "end_year": end,
        "summary": data["summary"],
        "focus_areas": [
            {"type": "focus_area", "value": {"title": title, "text": _rt(text)}}
            for title, text in data["focus"]
        ],
        "situation": data["situation"],
        "activities": data["activities"],
        "proposals": [
            {
                "type": "proposal",
                "value": {"title": title, "text": _rt(text), "follow_up": _follow_up(*rest)},
            }
            for title, text, *rest in data["proposals"]
        ],
    }
    page, _created = _upsert(index, AnnualReportPage, period, fields)
    return page
