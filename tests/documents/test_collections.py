"""One collection per council, created with the council and named after it."""

from wagtail.models import Collection

from documents.collections import council_collection, council_id_for_collection
from documents.models import CouncilCollection


def test_creating_a_council_creates_its_collection(odense):
    link = CouncilCollection.objects.get(council=odense)
    assert link.collection.name == "Odense"
    assert link.collection.get_parent() == Collection.get_first_root_node()


def test_council_collection_is_stable_and_follows_renames(odense):
    first = council_collection(odense)
    assert council_collection(odense) == first
    odense.title = "Odense Kommune"
    odense.save()
    first.refresh_from_db()
    assert first.name == "Odense Kommune"
    assert Collection.objects.filter(name__startswith="Odense").count() == 1


def test_each_council_gets_its_own_collection(odense, vejle):
    assert council_collection(odense) != council_collection(vejle)
    assert council_id_for_collection(council_collection(vejle)) == vejle.pk


def test_sub_collections_belong_to_the_council(odense):
    private = council_collection(odense).add_child(name="Odense, fortroligt")
    assert council_id_for_collection(private) == odense.pk
    assert council_id_for_collection(Collection.get_first_root_node()) is None


def test_system_check_refuses_serve_methods_that_skip_privacy(settings):
    from django.core.checks import run_checks

    settings.WAGTAILDOCS_SERVE_METHOD = "direct"
    assert "documents.E001" in [message.id for message in run_checks()]
    settings.WAGTAILDOCS_SERVE_METHOD = "serve_view"
    assert "documents.E001" not in [message.id for message in run_checks()]


def test_secretary_sees_and_chooses_only_their_own_councils_documents(
    client, odense, vejle, make_secretary, make_document
):
    from django.urls import reverse

    own = make_document(odense, "odense.pdf", title="Odense høringssvar")
    other = make_document(vejle, "vejle.pdf", title="Vejle høringssvar")
    client.force_login(make_secretary("sekretaer-odense", odense))

    listing = client.get(reverse("wagtaildocs:index")).content.decode()
    assert "Odense høringssvar" in listing
    assert "Vejle høringssvar" not in listing

    chooser = client.get(reverse("wagtaildocs_chooser:choose")).json()["html"]
    assert "Odense høringssvar" in chooser
    assert "Vejle høringssvar" not in chooser

    assert client.get(reverse("wagtaildocs:edit", args=[own.pk])).status_code == 200
    assert client.get(reverse("wagtaildocs:edit", args=[other.pk])).status_code in (302, 403)
    chosen = client.get(reverse("wagtaildocs_chooser:chosen", args=[other.pk]))
    assert chosen.status_code in (302, 403, 404)


def test_moving_documents_in_bulk_moves_their_council(
    client, django_user_model, odense, vejle, make_document
):
    from django.urls import reverse

    document = make_document(odense, "svar.pdf", title="Flyttes")
    client.force_login(django_user_model.objects.create_superuser("admin", "a@example.dk", "pw"))
    url = reverse("wagtail_bulk_action", args=("documents", "councildocument", "add_to_collection"))
    response = client.post(f"{url}?id={document.pk}", {"collection": council_collection(vejle).pk})
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.collection == council_collection(vejle)
    assert document.council_id == vejle.pk
