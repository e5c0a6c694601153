"""manage.py backup / restore: the restored site serves the same pages and documents.

The backup is taken from the test database; the restore runs in a separate process with the
development settings on a fresh, empty database (SQLite: a new folder; PostgreSQL: a new
database on the same server) and a fresh media folder, and that process fetches the pages and
the document through Django's test client.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail.blocks import StreamValue

from tests.factories import StandardPageFactory
from tests.public.conftest import PDF_BYTES, make_document

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db(transaction=True)

FETCH = """
import json
from django.test import Client
client = Client()
out = {}
for url in %r:
    response = client.get(url)
    body = b"".join(response) if response.streaming else response.content
    out[url] = [response.status_code, body.decode("utf-8", "replace")]
print(json.dumps(out))
"""


def fresh_environment(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "udsatteraad.settings.dev",
        "UDSATTERAAD_VAR_DIR": str(tmp_path / "fresh"),
        "ALLOWED_HOSTS": "testserver",
    }
    if connection.vendor == "postgresql":
        name = f"{connection.settings_dict['NAME']}_restored"
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
            cursor.execute(f'CREATE DATABASE "{name}"')
        url = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
        env["DATABASE_URL"] = f"{url}/{name}"
    else:
        env.pop("DATABASE_URL", None)
    (tmp_path / "fresh").mkdir()
    return env


def manage(env, *args, stdin=None):
    return subprocess.run(  # noqa: S603
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        input=stdin,
    )


def test_restore_into_a_fresh_database_serves_the_same_pages_and_documents(client, tmp_path):
    document = make_document("Årsrapport bilag")
    page = StandardPageFactory(title="Om rådet", slug="om-raadet")
    page.body = StreamValue(page.body.stream_block, [("document", document)], is_lazy=False)
    page.save_revision().publish()
    urls = ["/", "/om-raadet/", document.url]
    before = {url: client.get(url) for url in urls}
    assert all(response.status_code == 200 for response in before.values())

    target = tmp_path / "backup"
    call_command("backup", str(target))
    manifest = json.loads((target / "manifest.json").read_text())
    assert manifest["database"] == connection.vendor
    assert any(name.startswith("media/documents/") for name in manifest["files"])

    env = fresh_environment(tmp_path)
    restored = manage(env, "restore", str(target), "--noinput")
    assert restored.returncode == 0, restored.stderr
    assert "Genskabt fra" in restored.stdout
    fetched = manage(env, "shell", "-c", FETCH % urls)
    assert fetched.returncode == 0, fetched.stderr
    after = json.loads(fetched.stdout.strip().splitlines()[-1])

    assert after["/om-raadet/"][0] == 200
    assert "Om rådet" in after["/om-raadet/"][1]
    assert after["/"][0] == 200
    assert after[document.url][0] == 200
    assert after[document.url][1].encode() == PDF_BYTES


def test_a_damaged_backup_is_refused_before_anything_changes(tmp_path):
    StandardPageFactory(title="Bliver stående")
    make_document("Et bilag")
    target = tmp_path / "backup"
    call_command("backup", str(target))
    damaged = next((target / "media").rglob("*.pdf"))
    damaged.write_bytes(b"not the same")

    with pytest.raises(CommandError, match="forkert kontrolsum"):
        call_command("restore", str(target), "--noinput")
    with pytest.raises(CommandError, match="ikke en sikkerhedskopi"):
        call_command("restore", str(tmp_path), "--noinput")
    with pytest.raises(CommandError, match="ikke tom"):
        call_command("backup", str(target))
    from council_pages.models import StandardPage

    assert StandardPage.objects.filter(title="Bliver stående").exists()
