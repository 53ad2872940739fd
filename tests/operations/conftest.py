"""Fixtures of the operations tests: the CMS under gunicorn on the test's PostgreSQL
database, reached through a TCP relay the test can cut."""

import os
import subprocess

import pytest
from django.db import connection

from tests.api_support import make_article
from tests.operations.relay import Relay, free_port
from tests.operations.servers import ROOT, gunicorn_command, server_env, stop, wait_until_answers


@pytest.fixture
def postgres_relay() -> Relay:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL): the restart of a database server")
    database = connection.settings_dict
    relay = Relay((database["HOST"] or "127.0.0.1", int(database["PORT"] or 5432)))
    relay.open()
    yield relay
    relay.close()


@pytest.fixture
def article(section):
    # Made before the server starts: its in-process cache (no Redis here) would not hear of
    # changes this process makes.
    return make_article(section, "Bài viết khi cơ sở dữ liệu khởi động lại")


@pytest.fixture
def cms_on_relay(postgres_relay, article, tmp_path):
    """(port, relay): gunicorn with 4 threads, its database connections through the relay."""
    database = connection.settings_dict
    credentials = database["USER"] + (f":{database['PASSWORD']}" if database["PASSWORD"] else "")
    port = free_port()
    env = server_env(
        DATABASE_URL=f"postgres://{credentials}@127.0.0.1:{postgres_relay.port}/{database['NAME']}",
        VAR_DIR=str(tmp_path),
    )
    log = open(tmp_path / "cms.log", "w")  # noqa: SIM115 (kept open for the subprocess)
    process = subprocess.Popen(gunicorn_command(port), cwd=ROOT, env=env, stdout=log, stderr=log)
    try:
        wait_until_answers(port, "/api/v2/menu/", process)
        yield port, postgres_relay
    finally:
        stop(process)
        log.close()
        if os.environ.get("SHOW_CMS_LOG"):
            print((tmp_path / "cms.log").read_text())
