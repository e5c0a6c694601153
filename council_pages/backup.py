"""Backup and restore of the whole site: the database and the uploaded files, with a manifest.

A backup is a folder::

    manifest.json   format, time, database engine, applied migrations, SHA-256 and size per file
    database.sqlite3 | database.pgdump   the database (SQLite's online backup, or pg_dump -Fc)
    media/          a copy of MEDIA_ROOT (documents, images)

``restore`` checks every checksum before it touches anything, then replaces the database and
MEDIA_ROOT with the backup's. Used by ``manage.py backup`` and ``manage.py restore``.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.conf import settings
from django.db import connection, connections
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
SQLITE_FILE = "database.sqlite3"
POSTGRES_FILE = "database.pgdump"
MEDIA_DIR = "media"


class BackupError(Exception):
    """The backup cannot be made or restored; the message says why, in Danish."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _files(folder: Path) -> dict[str, dict]:
    return {
        path.relative_to(folder).as_posix(): {"sha256": _sha256(path), "size": path.stat().st_size}
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != MANIFEST
    }


def _postgres_env() -> dict:
    db = connection.settings_dict
    env = {**os.environ, "PGDATABASE": db["NAME"], "PGUSER": db.get("USER") or ""}
    for key, name in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("PASSWORD", "PGPASSWORD")):
        if db.get(key):
            env[name] = str(db[key])
    return env


def _run(command: list[str], env: dict) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True)  # noqa: S603
    if result.returncode:
        raise BackupError(f"{command[0]} fejlede: {result.stderr.strip()}")


def backup(target: Path) -> dict:
    """Write a backup of the database and MEDIA_ROOT into ``target`` (new or empty)."""
    target = Path(target)
    if target.exists() and any(target.iterdir()):
        raise BackupError(f"Mappen {target} er ikke tom. Vælg en ny mappe til sikkerhedskopien.")
    target.mkdir(parents=True, exist_ok=True)
    vendor = connection.vendor
    if vendor == "sqlite":
        connection.ensure_connection()
        destination = sqlite3.connect(target / SQLITE_FILE)
        with destination:
            connection.connection.backup(destination)
        destination.close()
    elif vendor == "postgresql":
        _run(
            ["pg_dump", "--format=custom", "--no-owner", f"--file={target / POSTGRES_FILE}"],
            _postgres_env(),
        )
    else:
        raise BackupError(f"Databasen {vendor} understøttes ikke.")
    media = Path(settings.MEDIA_ROOT)
    if media.exists():
        shutil.copytree(media, target / MEDIA_DIR)
    else:
        (target / MEDIA_DIR).mkdir()
    manifest = {
        "format": FORMAT,
        "created": timezone.now().isoformat(),
        "database": vendor,
        "migrations": sorted(
            f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations()
        ),
        "files": _files(target),
    }
    (target / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False))
    return manifest


def verify(source: Path) -> dict:
    """The backup's manifest, once every file in it is there with the right checksum."""
    source = Path(source)
    try:
        manifest = json.loads((source / MANIFEST).read_text())
    except (OSError, ValueError) as exc:
        raise BackupError(
            f"{source} er ikke en sikkerhedskopi: {MANIFEST} mangler eller kan ikke læses."
        ) from exc
    if manifest.get("format") != FORMAT:
        raise BackupError("Sikkerhedskopien har et format, denne version ikke kender.")
    actual = _files(source)
    for name, expected in manifest["files"].items():
        if name not in actual:
            raise BackupError(f"Filen {name} mangler i sikkerhedskopien.")
        if actual[name]["sha256"] != expected["sha256"]:
            raise BackupError(f"Filen {name} er ændret eller beskadiget (forkert kontrolsum).")
    return manifest


def restore(source: Path) -> dict:
    """Replace the database and MEDIA_ROOT with the backup in ``source``."""
    source = Path(source)
    manifest = verify(source)
    vendor = connection.vendor
    if manifest["database"] != vendor:
        raise BackupError(
            f"Sikkerhedskopien er af en {manifest['database']}-database, men sitet bruger {vendor}."
        )
    if vendor == "sqlite":
        connection.ensure_connection()
        backup_db = sqlite3.connect(source / SQLITE_FILE)
        with backup_db:
            backup_db.backup(connection.connection)
        backup_db.close()
    else:
        connections.close_all()
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                f"--dbname={connection.settings_dict['NAME']}",
                str(source / POSTGRES_FILE),
            ],
            _postgres_env(),
        )
    media = Path(settings.MEDIA_ROOT)
    if media.exists():
        shutil.rmtree(media)
    shutil.copytree(source / MEDIA_DIR, media)
    return manifest
