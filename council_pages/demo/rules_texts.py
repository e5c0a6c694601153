"""Demo rules of procedure, in raw StreamField form, for ``council_pages.demo.publications``.

Esbjerg's and Odense's follow the provisions and numbering of the rules attached to the national
agency's 2010 collection of experiences, written afresh in plain Danish; the other three are
plausible rules for councils of their kind.
"""

from council_pages.blocks import RuleTopic


def h(text: str) -> dict:
    return {"type": "heading", "value": text}


def p(*clauses: str, topic: str = "") -> dict:
    return {
        "type": "paragraph",
        "value": {"clauses": [f"<p>{c}</p>" for c in clauses], "topic": topic},
    }


ESBJERG = [
    h("Formål og målgruppe"),
    p(
        "Udsatterådet skal give byrådet råd om udsatteområdet og være en fælles stemme for "
        "de udsatte grupper i kommunen.",
        "Gennem rådet får byrådet adgang til erfaring og særlig viden om udsatteområdet og "
        "dermed et bedre grundlag for sine beslutninger. Rådet giver de udsatte grupper en vej "
        "til byrådet og forvaltningen, hvor de kan stille spørgsmål og foreslå nye initiativer.",
    ),
    p(
        "Rådet arbejder for mennesker, der lever et udsat liv på grund af hjemløshed, misbrug af "
        "stoffer eller alkohol, sindslidelse, prostitution eller vold.",
        "Rådet kan sætte særligt fokus på de mest sårbare blandt de udsatte, eller på grupper "
        "med særlige problemer, fx børn og mennesker fra etniske mindretal.",
    ),
    h("Funktion og opgaver"),
    p(
        "Byrådet hører rådet om initiativer, der er rettet direkte mod målgruppen. Byrådet kan "
        "også høre rådet om andre initiativer, hvor rådets vurdering er relevant.",
        "Rådets vurderinger er vejledende. De indgår i byrådets samlede grundlag for at træffe "
        "politiske beslutninger.",
        "Byrådet kan altid bede rådet om en status over dets arbejde.",
    ),
    p(
        "Rådet kan tage generelle spørgsmål op og foreslå politiske og administrative initiativer.",
        "Rådet behandler ikke sager om enkeltpersoner, men en enkelt sag kan være anledning til "
        "at drøfte et principielt spørgsmål. Rådet kan ikke være bisidder eller lignende.",
    ),
    h("Sammensætning og funktionsperiode"),
    p(
        "Rådet har 8-12 medlemmer, som bor i kommunen eller har deres virke her.",
        "Rådet skal samlet have viden om hjemløshed, misbrug af stoffer og alkohol og "
        "sindslidelse. Det tilstræbes, at rådet også har viden om prostitution og vold.",
        topic=RuleTopic.MEMBERS,
    ),
    p(
        "Borger- og Sundhedsudvalget og Børn- og Familieudvalget udpeger medlemmerne og "
        "formanden efter indstilling fra bruger- og interesseorganisationer i kommunen.",
        "Før hver periode annoncerer kommunen offentligt, så lokale organisationer, brugere og "
        "enkeltpersoner kan indstille medlemmer.",
    ),
    p(
        "Rådets periode følger den kommunale valgperiode. Rådet fortsætter, til nye medlemmer er "
        "udpeget.",
        "Rådet holder sit konstituerende møde hurtigst muligt efter udpegningen. Social & "
        "Arbejdsmarked indkalder til mødet.",
        "På det konstituerende møde vælger rådet en næstformand blandt medlemmerne.",
    ),
    h("Rådets virksomhed"),
    p(
        "Rådet holder møde omkring seks gange om året. Årets faste møder aftales på årets første "
        "møde.",
        "Rådet holder også møde, når formanden finder det nødvendigt, eller når mindst en "
        "tredjedel af medlemmerne ønsker det.",
        topic=RuleTopic.MEETINGS_PER_YEAR,
    ),
    p(
        "Formanden indkalder til møde med 14 dages varsel. Dagsordenen sendes til medlemmerne "
        "senest en uge før mødet.",
        "Et medlem kan få et punkt på dagsordenen ved at sende det til formanden, før "
        "dagsordenen sendes ud.",
        "Når det er nødvendigt, kan der indkaldes til ekstraordinære møder med kortere varsel.",
        "Et punkt, der ikke stod på dagsordenen, kan tages op ved mødets start, hvis formanden "
        "mener, at det ikke kan vente, eller hvis mindst en tredjedel af medlemmerne ønsker det.",
        "Et referat er godkendt, medmindre et eller flere medlemmer protesterer på det næste møde.",
        "Referaterne lægges på rådets hjemmeside, medmindre der er særlige grunde til ikke at "
        "offentliggøre et bestemt referat. Medlemmerne får referaterne tilsendt.",
        topic=RuleTopic.AGENDA_NOTICE,
    ),
    p(
        "Rådets møder er lukkede.",
        "Rådet kan beslutte, at andre end medlemmerne deltager i et møde, når der er brug for det.",
    ),
    p(
        "Formanden leder møderne. Er formanden fraværende, leder næstformanden mødet. Er begge "
        "fraværende, vælger rådet ved flertal en mødeleder.",
    ),
    p(
        "Rådet kan træffe beslutninger, når mindst halvdelen af medlemmerne er til stede. "
        "Beslutninger træffes ved simpelt flertal; står stemmerne lige, afgør formandens eller "
        "mødelederens stemme sagen. Et mindretal kan få sin holdning skrevet ind i referatet.",
        "Rådets vejledende udtalelser offentliggøres og sendes til de myndigheder, "
        "organisationer og personer, de vedrører.",
    ),
    h("Tavshedspligt og inhabilitet"),
    p(
        "Medlemmer og andre, der deltager i møderne, er omfattet af forvaltningslovens regler om "
        "inhabilitet og har tavshedspligt efter de almindelige regler.",
        "Er et medlem i tvivl om sin habilitet i en sag, skal medlemmet sige det til formanden, "
        "før sagen behandles.",
    ),
    h("Økonomi"),
    p("Byrådet betaler udgifterne til rådets arbejde og stiller sekretariatshjælp til rådighed."),
    h("Sekretariat"),
    p(
        "Social & Arbejdsmarked er sekretariat for rådet.",
        "Formanden planlægger møder og andre aktiviteter sammen med sekretæren. Sekretariatet "
        "sørger for indkaldelser, dagsordener og referater, udarbejder og offentliggør rådets "
        "materiale og tager sig af det praktiske omkring møder og aktiviteter.",
    ),
    h("Ikrafttræden"),
    p(
        "Byrådet har vedtaget forretningsordenen den 16. juni 2008, og den gælder fra samme dag.",
        "Ændringer og tillæg til forretningsordenen skal vedtages af byrådet.",
    ),
]


ODENSE = [
    h("Formål og opgaver"),
    p(
        "Rådet skal være de udsatte gruppers stemme over for kommunens indsatser og styrke det "
        "fælles ansvar for de svageste borgere i Odense. Socialudvalget har ansvaret for "
        "kommunens overordnede politik på området.",
        "Rådet skal have faglig viden om hjemløse, stofmisbrugere, prostituerede, sindslidende, "
        "alkoholmisbrugere, unge, etniske minoriteter og fattige.",
        "Rådet skal holde øje med de udsatte gruppers forhold, særligt hjemløse og de mest "
        "udsatte blandt stofmisbrugere, prostituerede, sindslidende og alkoholmisbrugere. Rådet "
        "kan også se på udsatte unge, etniske minoriteter og andre, der har et eller flere "
        "problemer, som gør deres liv udsat.",
        "Rådet kan af egen drift eller efter anmodning give vejledende udtalelser om kommunens "
        "almindelige tilbud til udsatte voksne. Rådet kan også undersøge problemer og informere "
        "om dem.",
    ),
    p(
        "Rådet behandler ikke sager om enkeltpersoner, men en enkelt sag kan være anledning til "
        "at drøfte et principielt spørgsmål.",
    ),
    h("Sammensætning og udpegning"),
    p("Rådet har 10-12 medlemmer.", topic=RuleTopic.MEMBERS),
    p(
        "Rådmanden for Social- og Arbejdsmarkedsforvaltningen udpeger rådet.",
        "Efter indstilling fra interessegrupper og organisationer udpeger rådmanden formanden "
        "og, efter at have talt med formanden, rådets medlemmer.",
        "Medlemmerne findes blandt lokale organisationer, brugere og enkeltpersoner, der har "
        "særlig indsigt i og erfaring med udsatte grupper.",
        "Medlemmerne bor i eller har deres virke i og omkring Odense.",
        "Der udpeges en ny formand, næstformand eller et nyt medlem, hvis nogen går ud af "
        "rådet, eller hvis to tredjedele af medlemmerne beslutter det.",
    ),
    h("Funktionsperiode og konstituering"),
    p(
        "Rådets periode er fire år og følger den kommunale valgperiode. Rådet fortsætter, til "
        "nye medlemmer er udpeget.",
    ),
    p(
        "Rådet holder sit konstituerende møde hurtigst muligt efter, at rådmanden har udpeget "
        "medlemmerne. Social- og Arbejdsmarkedsforvaltningen indkalder.",
        "På det konstituerende møde vælger rådet en næstformand blandt medlemmerne.",
    ),
    h("Rådets virksomhed"),
    p(
        "Rådet holder fire møder om året.",
        "Rådet holder også møde, når formanden finder det nødvendigt, eller når mindst en "
        "tredjedel af medlemmerne ønsker det.",
        topic=RuleTopic.MEETINGS_PER_YEAR,
    ),
    p(
        "Formanden indkalder til møde ved at sende et udkast til dagsorden senest fem dage før "
        "mødet.",
        "Ekstraordinære møder kan om nødvendigt indkaldes med kortere varsel end fem dage.",
        "Et punkt, der ikke stod på udkastet til dagsorden, kan tages op ved mødets start, hvis "
        "formanden mener, at det ikke kan vente, eller hvis alle er enige.",
        "Et referat er godkendt, medmindre et eller flere medlemmer protesterer på det næste møde.",
        "Referaterne offentliggøres, medmindre der er særlige grunde til ikke at offentliggøre "
        "et bestemt referat. Medlemmerne får referaterne tilsendt.",
        topic=RuleTopic.AGENDA_NOTICE,
    ),
    p(
        "Møderne er lukkede.",
        "Rådet kan beslutte, at andre deltager i møderne, når der er brug for det.",
    ),
    p(
        "Formanden leder møderne. Er formanden fraværende, leder næstformanden mødet. Er begge "
        "fraværende, vælger rådet ved flertal en mødeleder.",
        "Rådet tager kun emner op, som to tredjedele af rådet er enige om, eller som "
        "forvaltningen beder rådet om at behandle.",
        "Formanden formulerer de spørgsmål, rådet stemmer om.",
    ),
    p(
        "Rådet kan træffe beslutninger, når mindst halvdelen af medlemmerne er til stede. "
        "Beslutninger træffes ved simpelt flertal; står stemmerne lige, afgør formandens eller "
        "mødelederens stemme sagen. Et mindretal kan få sin holdning skrevet ind i rådets "
        "vejledende udtalelser.",
        "Rådets vejledende udtalelser offentliggøres og sendes til de myndigheder, "
        "organisationer og personer, de vedrører.",
    ),
    p("Formanden udtaler sig til pressen på rådets vegne."),
    h("Tavshedspligt og inhabilitet"),
    p(
        "Medlemmer og andre, der deltager i møderne, er omfattet af forvaltningslovens regler om "
        "inhabilitet og har tavshedspligt efter de almindelige regler.",
        "Et medlem, der kan være inhabilt i en sag, skal sige det til rådet.",
    ),
    h("Sekretariat"),
    p(
        "Social- og Arbejdsmarkedsforvaltningen er sekretariat for rådet.",
        "Formanden planlægger arbejdet med sekretæren, som indkalder til møder, skriver "
        "referater og offentliggør rådets udtalelser. Sammen med formanden planlægger "
        "sekretæren temadage, statistik og information og holder kontakt til det nationale "
        "råd og til regeringens indsatser. Sekretariatet hjælper også med rapporter.",
        "Sekretariatet betjener og koordinerer også med kommunens samarbejdsforum på området.",
    ),
    h("Økonomi"),
    p(
        "Socialudvalget betaler for rådets arbejde ud fra et årligt budget, som Social- og "
        "Arbejdsmarkedsforvaltningen lægger.",
    ),
    h("Rådets år og beretning"),
    p(
        "Rådets år følger en fast plan. I januar bliver rådet enige om årets fokusområder og "
        "en plan for arbejdet; dertil kommer høringer hen over året. I marts kommenterer rådet "
        "fokusområderne og forbereder årets seminar. I november holder rådet et seminar eller "
        "fællesmøde og skriver en status. Her fortæller rådet om de svageste gruppers situation "
        "i Odense og foreslår forbedringer. Årsrapporten kan gives mundtligt og skrives ned "
        "bagefter.",
        "Rådet deltager i den årlige Brugernes Basar og i arrangementer på frivilligområdet.",
    ),
]

# Odense's first rules (2007), amended in 2009: fewer members, no press rule, no basar.
ODENSE_2007 = [
    block for block in ODENSE if block != p("Formanden udtaler sig til pressen på rådets vegne.")
]
ODENSE_2007 = [
    p("Rådet har 8-10 medlemmer.", topic=RuleTopic.MEMBERS)
    if block == p("Rådet har 10-12 medlemmer.", topic=RuleTopic.MEMBERS)
    else block
    for block in ODENSE_2007
]
ODENSE_2007[-1] = p(ODENSE[-1]["value"]["clauses"][0][3:-4])


def _short_rules(name: str, members: str, meetings: str, notice: str, secretariat: str):
    return [
        h("Formål"),
        p(
            f"{name} er talerør for kommunens socialt udsatte borgere og giver politikerne råd "
            "om indsatsen for dem.",
            "Rådet behandler ikke sager om enkeltpersoner.",
        ),
        h("Medlemmer"),
        p(members, topic=RuleTopic.MEMBERS),
        p(
            "Brugerrepræsentanter har hver en personlig suppleant.",
            "Rådet vælger selv sin næstformand på årets første møde.",
        ),
        h("Møder"),
        p(meetings, topic=RuleTopic.MEETINGS_PER_YEAR),
        p(
            notice,
            "Et punkt kan tages op på mødet, selv om det ikke stod på dagsordenen, hvis "
            "formanden mener, det ikke kan vente.",
            topic=RuleTopic.AGENDA_NOTICE,
        ),
        p(
            "Et referat er godkendt, medmindre et medlem protesterer på det næste møde.",
            topic=RuleTopic.MINUTES_APPROVAL,
        ),
        p(
            "Referaterne lægges på hjemmesiden, medmindre der er særlige grunde til ikke at "
            "offentliggøre et bestemt referat.",
            topic=RuleTopic.MINUTES_PUBLICATION,
        ),
        p(
            "Rådet kan træffe beslutninger, når mindst halvdelen af medlemmerne er mødt. Står "
            "stemmerne lige, afgør formandens stemme sagen.",
            "Et mindretal kan få sin holdning skrevet i referatet.",
        ),
        h("Sekretariat"),
        p(secretariat),
    ]


VEJLE = _short_rules(
    "Udsatterådet i Vejle",
    "Rådet har 9-15 medlemmer, som vælges på en åben generalforsamling for brugere, "
    "pårørende og fagfolk.",
    "Rådet holder seks møder om året.",
    "Dagsordenen sendes til medlemmerne senest syv dage før mødet.",
    "Værestedet under Vejle Misbrugscenter er sekretariat for rådet.",
)
HERNING = _short_rules(
    "Rådet for Socialt Udsatte i Herning Kommune",
    "Rådet har 8-12 medlemmer. Lokale organisationer indstiller dem, og Social- og "
    "Sundhedsudvalget udpeger dem sammen med rådets formand.",
    "Rådet holder seks møder om året. På årets første møde vælger rådet 5-8 temaer, som "
    "arbejdet resten af året bygger på.",
    "Dagsordenen sendes til medlemmerne senest syv dage før mødet.",
    "Social-, Sundheds- og Beskæftigelsesforvaltningen er sekretariat for rådet.",
)
RANDERS = _short_rules(
    "Det Fælles Brugerråd",
    "Brugerrådet består af formændene for brugerrådene på de seks sociale institutioner.",
    "Brugerrådet holder fire møder om året og mødes én gang om året med socialudvalget. "
    "Møderne holdes tidligt på dagen.",
    "Dagsordenen sendes til medlemmerne senest syv dage før mødet.",
    "Lederen af den institution, der har formandskabet, er sekretær for brugerrådet.",
)
