"""Backup and restore of the whole demo site (``manage.py load_demo``), as an operator runs
them: the demo loaded into one database and media folder, ``backup_site``, ``restore_site``
into an EMPTY database and EMPTY media folders, and then every API response (each listing,
page by page, and each detail), every feed and every media file served by the restored site
is byte for byte what the original served.

PostgreSQL (pg_dump/pg_restore; CI has it). The commands and both sites run in subprocesses
with the production settings, as in tests/operations/servers.py.
"""

import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from tests.operations.relay import free_port
from tests.operations.servers import (
    ROOT,
    get,
    gunicorn_command,
    server_env,
    stop,
    wait_until_answers,
)

# The demo goes into the test database: flushed after the test, migrations' rows kept.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Every endpoint of the reader API (cms/api/urls.py) but the change feed (an API key's);
# those WITH_DETAILS are paginated and have a detail view.
LISTINGS = (
    "pages",
    "images",
    "documents",
    "menu",
    "site-settings",
    "linked-websites",
    "videos/latest",
    "galleries/latest",
)
WITH_DETAILS = ("pages", "images", "documents")
PAGE_SIZE = 100  # API_LIMIT_MAX
MEDIA_URL = re.compile(r'(?:https?://[^/"\s]+)?(/media/[^"\s<>?]+)')


def postgres_url(name: str) -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"


def site_env(database: str, var_dir: Path) -> dict[str, str]:
    return server_env(
        DATABASE_URL=postgres_url(database),
        VAR_DIR=str(var_dir),
        MEDIA_ROOT=str(var_dir / "media"),
        PRIVATE_MEDIA_ROOT=str(var_dir / "private"),
        LOG_LEVEL="WARNING",
    )


def manage(env: dict[str, str], *args: str, timeout: float = 600) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, (args, result.stdout[-2000:], result.stderr[-4000:])
    return result.stdout


def files_under(var_dir: Path) -> dict[str, str]:
    """{"media/images/x.webp": sha256, "private/original_images/x.jpg": …}"""
    return {
        str(path.relative_to(var_dir)): hashlib.sha256(path.read_bytes()).hexdigest()
        for folder in ("media", "private")
        for path in sorted((var_dir / folder).rglob("*"))
        if path.is_file()
    }


def walk_site(port: int) -> dict[str, tuple[int, bytes]]:
    """Every API listing (page by page) and detail, the feeds of the site and of each
    section, and every media file the API names: {path: (status, body)}."""
    seen: dict[str, tuple[int, bytes]] = {}

    def fetch(path: str) -> bytes:
        status, _, body = get(port, path, timeout=30)
        seen[path] = (status, body)
        assert status == 200, (path, status)
        return body

    sections = []
    for endpoint in LISTINGS:
        if endpoint not in WITH_DETAILS:  # not paginated
            fetch(f"/api/v2/{endpoint}/")
            continue
        offset, ids = 0, []
        while True:
            listing = json.loads(fetch(f"/api/v2/{endpoint}/?limit={PAGE_SIZE}&offset={offset}"))
            items = listing.get("items", [])
            ids += [item["id"] for item in items if "id" in item]
            sections += [item["path"] for item in items if item.get("kind") == "section"]
            offset += PAGE_SIZE
            if not items or offset >= listing.get("meta", {}).get("total_count", 0):
                break
        for item_id in ids:
            fetch(f"/api/v2/{endpoint}/{item_id}/")
    for feed in ("rss", "atom"):
        fetch(f"/feeds/{feed}/")
        for section in sorted(set(sections)):
            fetch(f"/feeds{section}{feed}/")
    media = set()
    for _, body in list(seen.values()):
        media.update(MEDIA_URL.findall(body.decode()))
    for path in sorted(media):
        fetch(path)
    return seen


def serve_and_walk(env: dict[str, str], log: Path) -> dict[str, tuple[int, bytes]]:
    port = free_port()
    with open(log, "w") as out:
        server = subprocess.Popen(gunicorn_command(port), cwd=ROOT, env=env, stdout=out, stderr=out)
        try:
            wait_until_answers(port, "/api/v2/menu/", server)
            return walk_site(port)
        finally:
            stop(server)


def test_the_whole_demo_site_round_trips_into_an_empty_database_and_storage(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL): pg_dump and pg_restore")
    source_db = connection.settings_dict["NAME"]
    restored_db = f"{source_db}_restored"
    source, restored = tmp_path / "source", tmp_path / "restored"
    archive = tmp_path / "site.tar.gz"
    admin = psycopg.connect(postgres_url("postgres").replace("postgres://", "postgresql://"))
    admin.autocommit = True
    admin.execute(f'DROP DATABASE IF EXISTS "{restored_db}"')
    admin.execute(f'CREATE DATABASE "{restored_db}"')
    try:
        source_env, restored_env = site_env(source_db, source), site_env(restored_db, restored)
        manage(source_env, "load_demo", "--force")
        # What the demo site serves (renditions a reader's request would make, made now)
        before = serve_and_walk(source_env, tmp_path / "source.log")
        files = files_under(source)

        manage(source_env, "backup_site", str(archive))
        manage(restored_env, "restore_site", str(archive))

        assert files_under(restored) == files
        after = serve_and_walk(restored_env, tmp_path / "restored.log")
        assert after.keys() == before.keys()
        differing = [path for path in before if after[path] != before[path]]
        assert differing == []
        # The walk was the whole site, not a few pages
        assert sum(path.startswith("/api/v2/pages/") for path in before) > 30
        assert sum(path.startswith("/media/") for path in before) > 20
        assert any(path.startswith("/feeds/") and path != "/feeds/rss/" for path in before)
        assert files_under(restored) == files  # the walk made nothing new either
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{restored_db}" WITH (FORCE)')
        admin.close()
        if os.environ.get("SHOW_CMS_LOG"):
            print((tmp_path / "restored.log").read_text())
