"""Create the home page, the default site and the shared target-group vocabulary."""

from django.db import migrations

TARGET_GROUPS = [
    ("hjemloese", "Hjemløse"),
    ("stofmisbrugere", "Stofmisbrugere"),
    ("alkoholmisbrugere", "Alkoholmisbrugere"),
    ("sindslidende", "Sindslidende"),
    ("prostituerede", "Prostituerede"),
    ("unge", "Unge"),
    ("etniske-minoriteter", "Etniske minoriteter"),
    ("fattige", "Fattige"),
    ("voldsramte", "Voldsramte"),
    ("boern", "Børn"),
]


def create_initial_data(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Locale = apps.get_model("wagtailcore.Locale")
    HomePage = apps.get_model("council_pages.HomePage")
    TargetGroup = apps.get_model("council_pages.TargetGroup")

    for slug, name in TARGET_GROUPS:
        TargetGroup.objects.get_or_create(slug=slug, defaults={"name": name})

    # Replace Wagtail's placeholder "Welcome" page with our home page.
    Page.objects.filter(depth=2, slug="home", content_type__app_label="wagtailcore").delete()
    if HomePage.objects.exists():
        return
    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="council_pages")
    locale = Locale.objects.order_by("pk").first()
    root = Page.objects.get(depth=1)
    home = HomePage.objects.create(
        title="Udsatteråd i Danmark",
        draft_title="Udsatteråd i Danmark",
        slug="forside",
        content_type=content_type,
        path=f"{root.path}0001",
        depth=2,
        numchild=0,
        url_path="/forside/",
        locale=locale,
        live=True,
        intro="",
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "site_name": "Udsatteråd", "root_page": home},
    )


def remove_initial_data(apps, schema_editor):
    HomePage = apps.get_model("council_pages.HomePage")
    Site = apps.get_model("wagtailcore.Site")
    Site.objects.filter(root_page__in=HomePage.objects.all()).delete()
    HomePage.objects.all().delete()
    apps.get_model("council_pages.TargetGroup").objects.filter(
        slug__in=[slug for slug, _ in TARGET_GROUPS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("council_pages", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_initial_data, remove_initial_data)]
