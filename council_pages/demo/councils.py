"""Demo step 1: the home page, the five councils of the source, their members and users.

Facts (names, years, sizes, rules) follow the national agency's 2010 collection of experiences
from the first five councils; members are invented people with plausible roles.
"""

from datetime import date

from django.contrib.auth import get_user_model

from council_pages.models import (
    CompositionModel,
    CouncilMember,
    CouncilPage,
    HomePage,
    MemberRole,
    MemberSeat,
    TargetGroup,
)

HOME_INTRO = (
    "<p>Et udsatteråd giver råd til byrådet om politik for de mest udsatte borgere, "
    "og det taler deres sag. Her kan du læse, hvad rådene mener, hvad de har sagt "
    "i høringer, og hvad der står i deres referater og årsrapporter.</p>"
)

C, VC, M, S = MemberRole.CHAIR, MemberRole.VICE_CHAIR, MemberRole.MEMBER, MemberRole.SUBSTITUTE
USER, PRO, PERS = MemberSeat.USER, MemberSeat.PROFESSIONAL, MemberSeat.PERSONAL

COUNCILS = [
    {
        "slug": "odense",
        "title": "Rådet for Socialt Udsatte i Odense",
        "official_name": "Rådet for Socialt Udsatte i Odense",
        "municipality": "Odense",
        "founded_year": 2007,
        "established_by": "Byrådet, som led i et budgetforlig",
        "appointment": (
            "Rådmanden for Social- og Arbejdsmarkedsforvaltningen udpeger formanden. "
            "Organisationer på området indstiller medlemmer, og nogle markante personer "
            "i byen er spurgt direkte."
        ),
        "purpose": (
            "<p>Rådet rådgiver byrådet om forhold for byens socialt udsatte og bliver hørt, "
            "hver gang kommunen laver en ny strategi på området. Rådet kommer med konkrete "
            "forslag til, hvordan tingene kan gøres bedre.</p>"
        ),
        "target_groups": [
            "hjemloese",
            "stofmisbrugere",
            "prostituerede",
            "sindslidende",
            "alkoholmisbrugere",
            "unge",
            "etniske-minoriteter",
            "fattige",
        ],
        "composition_model": CompositionModel.ODENSE,
        "composition_note": (
            "En tredjedel brugere, en tredjedel fagfolk, en tredjedel personligt udpegede"
        ),
        "members_min": 10,
        "members_max": 12,
        "meetings_per_year": 4,
        "agenda_notice_days": 5,
        "term": "4 år, følger den kommunale valgperiode",
        "secretariat": "Social- og Arbejdsmarkedsforvaltningen",
        "contact_email": "udsatteraad@odense.example.dk",
        "contact_phone": "66 00 00 00",
        "members": [
            ("Birgitte Holm", C, PERS, "Tidligere forstander på et forsorgshjem", ""),
            ("Jens Kristian Lund", VC, USER, "Brugerrådet på Mændenes Hjem", ""),
            ("Susanne Dahl", M, USER, "Foreningen af tidligere hjemløse", ""),
            ("Ali Hassan", M, USER, "Brugerforeningen for aktive stofbrugere", ""),
            ("Merete Skov", M, USER, "Landsforeningen for sindslidende, Fyn", ""),
            ("Karsten Vind", M, PRO, "Gadeteamet", ""),
            ("Line Bach", M, PRO, "Misbrugscentret", ""),
            ("Henrik Østergaard", M, PRO, "Kirkens Korshær", ""),
            ("Pia Mørch", M, PRO, "Reden, rådgivning for prostituerede", ""),
            ("Anders Fogh Kjær", M, PERS, "Præst i Vollsmose", ""),
            ("Hanne Berg", M, PERS, "Læge på herberget", ""),
            ("Torben Friis", M, PERS, "Erhvervsmand", ""),
            ("Lone Andersen", S, USER, "Foreningen af tidligere hjemløse", "Susanne Dahl"),
        ],
    },
    {
        "slug": "vejle",
        "title": "Udsatterådet i Vejle",
        "official_name": "Udsatterådet i Vejle",
        "municipality": "Vejle",
        "founded_year": None,
        "established_by": "Afdelingschefen i Voksenservice",
        "appointment": (
            "Medlemmerne blev valgt på en stiftende generalforsamling, hvor 60-70 borgere, "
            "brugere og fagfolk mødte op. Alle fremmødte kunne stille op."
        ),
        "purpose": (
            "<p>Rådet giver udsatte borgere i Vejle en stemme. Voksenudvalget kan spørge "
            "rådet til råds, når det har brug for det.</p>"
        ),
        "target_groups": [
            "hjemloese",
            "stofmisbrugere",
            "prostituerede",
            "sindslidende",
            "alkoholmisbrugere",
            "etniske-minoriteter",
        ],
        "composition_model": CompositionModel.ELECTED,
        "composition_note": "Brugere og fagfolk, valgt på generalforsamling",
        "members_min": 9,
        "members_max": 15,
        "meetings_per_year": 6,
        "agenda_notice_days": 7,
        "term": "2 år",
        "secretariat": "Værestedet under Vejle Misbrugscenter",
        "contact_email": "udsatteraad@vejle.example.dk",
        "members": [
            ("Mogens Lauridsen", C, USER, "Brugerne på værestedet", ""),
            ("Camilla Juhl", VC, PRO, "Bostedet ved Fjorden", ""),
            ("Erik Thomsen", M, USER, "", ""),
            ("Gitte Sørensen", M, USER, "", ""),
            ("Rasmus Krog", M, USER, "Brugerrådet, herberget", ""),
            ("Annette Vestergaard", M, USER, "", ""),
            ("Niels Bjerre", M, PRO, "Vejle Misbrugscenter", ""),
            ("Jytte Hald", M, PRO, "Socialpsykiatrien", ""),
            ("Kim Laursen", M, PRO, "Kirkens Korshær", ""),
            ("Fatima Yousef", M, PRO, "Kvindekrisecentret", ""),
            ("Bo Svendsen", M, USER, "", ""),
            ("Inge Mathiesen", M, PRO, "Blå Kors", ""),
            ("Peter Dam", M, USER, "", ""),
        ],
    },
    {
        "slug": "herning",
        "title": "Rådet for Socialt Udsatte i Herning Kommune",
        "official_name": "Rådet for Socialt Udsatte i Herning Kommune",
        "municipality": "Herning",
        "founded_year": 2008,
        "established_by": "Byrådet",
        "appointment": (
            "Lokale foreninger og organisationer indstiller medlemmer. Social- og "
            "Sundhedsudvalget udpeger dem sammen med rådets formand, og udvalget udpeger "
            "også formanden."
        ),
        "purpose": (
            "<p>Rådet gør det synligt, at hele kommunen har ansvar for de udsatte borgere. "
            "Det tager små, konkrete projekter op, som kan gøres færdige, fx en mobil "
            "tandklinik. Hvert år vælger rådet 5-8 temaer at arbejde med.</p>"
        ),
        "target_groups": ["hjemloese", "alkoholmisbrugere", "stofmisbrugere", "sindslidende"],
        "composition_model": CompositionModel.OTHER,
        "composition_note": (
            "Indstillet af lokale organisationer, udpeget af Social- og Sundhedsudvalget"
        ),
        "members_min": 8,
        "members_max": 12,
        "meetings_per_year": 6,
        "agenda_notice_days": 7,
        "term": "4 år, følger den kommunale valgperiode",
        "secretariat": "Social-, Sundheds- og Beskæftigelsesforvaltningen, sundhedsafdelingen",
        "contact_email": "udsatteraad@herning.example.dk",
        "members": [
            ("Ole Bundgaard", C, PERS, "", ""),
            ("Marianne Kjeldsen", VC, PRO, "Kirkens Korshær, Herning", ""),
            ("Søren Riis", M, USER, "Værestedet", ""),
            ("Tina Høgh", M, USER, "SAND, De hjemløses landsorganisation", ""),
            ("Jan Brix", M, PRO, "Misbrugscentret", ""),
            ("Helle Nørgaard", M, PRO, "Distriktspsykiatrien", ""),
            (
                "Lars Munk",
                M,
                USER,
                "LAP, Landsforeningen af nuværende og tidligere psykiatribrugere",
                "",
            ),
            ("Dorte Kirk", M, PRO, "Forsorgshjemmet", ""),
            ("Vagn Hedegaard", M, PERS, "Tandlæge", ""),
            ("Eva Lykke", M, PRO, "Frelsens Hær", ""),
        ],
    },
    {
        "slug": "randers",
        "title": "Det Fælles Brugerråd i Randers",
        "official_name": "Det Fælles Brugerråd i Randers",
        "municipality": "Randers",
        "founded_year": None,
        "established_by": "Kommunens sociale institutioner, under Social og Arbejdsmarked",
        "appointment": (
            "Hver social institution har sit eget brugerråd. Formændene for de lokale "
            "brugerråd er medlemmer af det fælles brugerråd."
        ),
        "purpose": (
            "<p>Brugerrådet taler for brugerne af kommunens sociale institutioner. Én gang "
            "om året mødes rådet med socialudvalget, og udvalgets formand kan også komme "
            "til rådets møder.</p>"
        ),
        "target_groups": ["hjemloese", "alkoholmisbrugere", "stofmisbrugere", "sindslidende"],
        "composition_model": CompositionModel.USERS,
        "composition_note": "Formændene for brugerrådene på seks institutioner",
        "members_min": 6,
        "members_max": 6,
        "meetings_per_year": 4,
        "agenda_notice_days": 7,
        "term": "Så længe medlemmet er formand for sit lokale brugerråd",
        "secretariat": "Lederen af den institution, der har formandskabet",
        "contact_email": "brugerraad@randers.example.dk",
        "members": [
            ("Kurt Overgaard", C, USER, "Brugerrådet på forsorgshjemmet", ""),
            ("Lis Frandsen", VC, USER, "Brugerrådet på værestedet", ""),
            ("Jimmy Rask", M, USER, "Brugerrådet på herberget", ""),
            ("Britt Iversen", M, USER, "Brugerrådet på bostedet", ""),
            ("Allan Bech", M, USER, "Brugerrådet på misbrugscentret", ""),
            ("Sonja Pilgaard", M, USER, "Brugerrådet på kvindehuset", ""),
            ("Frank Melgaard", S, USER, "Brugerrådet på herberget", "Jimmy Rask"),
        ],
    },
    {
        "slug": "esbjerg",
        "title": "Udsatteråd i Esbjerg Kommune",
        "official_name": "Udsatteråd i Esbjerg Kommune",
        "municipality": "Esbjerg",
        "founded_year": 2008,
        "established_by": "Socialudvalget og Børn- og Familieudvalget",
        "appointment": (
            "Foreninger på området indstiller medlemmer, som udpeges af Socialudvalget og "
            "Børn- og Familieudvalget. Medlemmerne skal kunne se ud over deres egen gruppe."
        ),
        "purpose": (
            "<p>Rådet rådgiver kommunen om forhold for mennesker, der lever et udsat liv på "
            "grund af hjemløshed, misbrug, sindslidelse, prostitution eller vold.</p>"
        ),
        "target_groups": [
            "hjemloese",
            "stofmisbrugere",
            "alkoholmisbrugere",
            "sindslidende",
            "prostituerede",
            "voldsramte",
        ],
        "composition_model": CompositionModel.OTHER,
        "composition_note": "Mest fagfolk fra lokale foreninger og væresteder",
        "members_min": 8,
        "members_max": 12,
        "meetings_per_year": 6,
        "agenda_notice_days": 7,
        "term": "4 år, følger den kommunale valgperiode",
        "secretariat": "Borger- og Arbejdsmarkedsforvaltningen",
        "contact_email": "udsatteraad@esbjerg.example.dk",
        "members": [
            ("Grethe Damgaard", C, PRO, "Værestedet ved havnen", ""),
            ("Poul Erik Sand", VC, PRO, "Blå Kors, Esbjerg", ""),
            ("Connie Bak", M, PRO, "Kvindekrisecentret", ""),
            ("Mads Ravn", M, USER, "SAND, Esbjerg", ""),
            ("Winnie Toft", M, PRO, "Café Exit", ""),
            ("Claus Hviid", M, PRO, "Forsorgshjemmet", ""),
            ("Mette Lind", M, PRO, "SIND, Sydvestjylland", ""),
            ("Jørgen Nissen", M, PRO, "Kirkens Korshær, Esbjerg", ""),
            ("Yasmin Ahmadi", M, PRO, "Reden, Esbjerg", ""),
        ],
    },
]

COUNCIL_FIELDS = [
    "title",
    "official_name",
    "municipality",
    "founded_year",
    "established_by",
    "appointment",
    "purpose",
    "composition_model",
    "composition_note",
    "members_min",
    "members_max",
    "meetings_per_year",
    "agenda_notice_days",
    "term",
    "secretariat",
    "contact_email",
    "contact_phone",
]

MEMBERS_FROM = date(2022, 1, 1)


def load(ctx):
    ctx.home = _home()
    for data in COUNCILS:
        council = _council(ctx.home, data)
        ctx.councils[data["slug"]] = council
    _users(ctx)


def _home():
    home = HomePage.objects.get()
    if home.title != "Udsatteråd i Danmark" or home.intro != HOME_INTRO:
        home.title = "Udsatteråd i Danmark"
        home.intro = HOME_INTRO
        home.save_revision().publish()
    return home


def _council(home, data):
    council = CouncilPage.objects.child_of(home).filter(slug=data["slug"]).first()
    created = council is None
    if created:
        council = CouncilPage(slug=data["slug"])
    changed = created
    for name in COUNCIL_FIELDS:
        value = data.get(name, "")
        if getattr(council, name) != value:
            setattr(council, name, value)
            changed = True

    wanted_groups = sorted(data["target_groups"])
    if created or sorted(t.slug for t in council.target_groups.all()) != wanted_groups:
        council.target_groups.set(TargetGroup.objects.filter(slug__in=wanted_groups))
        changed = True

    wanted_members = [tuple(member) for member in data["members"]]
    existing_members = [
        (m.name, m.role, m.seat, m.organisation, m.substitute_for) for m in council.members.all()
    ]
    if existing_members != wanted_members:
        council.members = [
            CouncilMember(
                name=name,
                role=role,
                seat=seat,
                organisation=organisation,
                substitute_for=substitute_for,
                from_date=MEMBERS_FROM,
                sort_order=i,
            )
            for i, (name, role, seat, organisation, substitute_for) in enumerate(wanted_members)
        ]
        changed = True

    if created:
        home.add_child(instance=council)
    if changed:
        council.save_revision().publish()
    return CouncilPage.objects.get(pk=council.pk)


def _users(ctx):
    User = get_user_model()
    admin = _user(User, "admin", "Demo", "Administrator", ctx.password, superuser=True)
    ctx.users["admin"] = admin
    ctx.logins.append(("admin", "Administrator for hele sitet"))
    for slug, council in ctx.councils.items():
        chair = next((m for m in council.members.all() if m.role == MemberRole.CHAIR), None)
        secretary = _user(User, f"{slug}-sekretaer", "Sekretær", council.municipality, ctx.password)
        first, _sep, last = (chair.name if chair else f"Formand {council.municipality}").partition(
            " "
        )
        chair_user = _user(User, f"{slug}-formand", first, last, ctx.password)
        ctx.users[secretary.username] = secretary
        ctx.users[chair_user.username] = chair_user
        ctx.logins.append((secretary.username, f"Sekretær for {council.title}"))
        ctx.logins.append((chair_user.username, f"Formand for {council.title}"))


def _user(User, username, first_name, last_name, password, superuser=False):
    user, _created = User.objects.get_or_create(username=username)
    user.first_name = first_name
    user.last_name = last_name
    user.email = f"{username}@example.dk"
    user.is_superuser = superuser
    user.is_staff = superuser
    user.is_active = True
    user.set_password(password)
    user.save()
    return user
