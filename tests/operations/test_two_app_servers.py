"""The production shape on loopback: nginx in front of two CMS app servers (gunicorn), the
reader frontend and the worker (tasks and scheduled jobs), sharing PostgreSQL, Redis and an
S3 server (moto). An article published through one app server is served by the other and by
the frontend within a second (issue 18)."""

import http.cookiejar
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

from home.models import ArticlePage
from tests.media_support import REGION, S3_KEYS
from tests.operations.relay import free_port
from tests.operations.servers import ROOT, get, gunicorn_command, server_env, stop, wait_for_port
from tests.operations.servers import wait_until_answers as wait_for_cms
from tests.operations.test_nginx import NGINX, render, require_nginx
from tests.operations.test_redis_outage import redis_is_running

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def require_services() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL): the servers share the database")
    require_nginx()
    if not redis_is_running():
        message = "Redis is not running on 127.0.0.1:6379 (.ci/run starts it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


class Editor:
    """A board member signed in to one app server, as a browser would be."""

    def __init__(self, port: int) -> None:
        self.base = f"http://127.0.0.1:{port}"
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def csrf(self, path: str) -> str:
        html = self.opener.open(self.base + path, timeout=20).read().decode()
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    def post(self, path: str, data: dict) -> tuple[int, str]:
        token = self.csrf(path)
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}).encode()
        request = urllib.request.Request(
            self.base + path, data=body, headers={"Referer": self.base + path}
        )
        try:
            with self.opener.open(request, timeout=20) as response:
                return response.status, response.geturl()
        except urllib.error.HTTPError as error:
            return error.code, error.geturl()


def test_published_on_one_app_server_served_by_the_other_and_the_frontend(
    section, board_member, s3, tmp_path
):
    require_services()
    board_member.password = PBKDF2PasswordHasher().encode("mat-khau-2026", "saltsaltsalt", 1000)
    board_member.save()
    draft = ArticlePage(title="Tin mới từ máy chủ thứ nhất", lead="Sapo", live=False)
    section.add_child(instance=draft)
    draft.save_revision()
    path = "/" + draft.url_path.split("/", 2)[2]  # without the root page's slug
    assert not ArticlePage.objects.get(id=draft.id).live

    db = connection.settings_dict
    env = server_env(
        DATABASE_URL=f"postgres://{db['USER']}@127.0.0.1:{db['PORT'] or 5432}/{db['NAME']}",
        REDIS_URL="redis://127.0.0.1:6379/14",
        CACHE_KEY_PREFIX=f"two-servers-{os.getpid()}",
        AWS_STORAGE_BUCKET_NAME=s3.bucket,
        AWS_S3_ENDPOINT_URL=s3.endpoint_url,
        AWS_S3_REGION_NAME=REGION,
        AWS_ACCESS_KEY_ID=S3_KEYS["access_key"],
        AWS_SECRET_ACCESS_KEY=S3_KEYS["secret_key"],
        VAR_DIR=str(tmp_path),
    )
    a, b, front, nginx_cms, nginx_front = (free_port() for _ in range(5))
    env["FRONTEND_URL"] = f"http://127.0.0.1:{nginx_front}"
    log = open(tmp_path / "servers.log", "w")  # noqa: SIM115 (kept open for the subprocesses)
    run = lambda args, **extra: subprocess.Popen(  # noqa: E731
        args, cwd=ROOT, env={**env, **extra}, stdout=log, stderr=log
    )
    processes = [
        run(gunicorn_command(a)),
        run(gunicorn_command(b)),
        run(
            [sys.executable, "-m", "uvicorn", "frontend.app:app", "--port", str(front)],
            CMS_API_URL=f"http://127.0.0.1:{nginx_cms}/api/v2",
        ),
        run([sys.executable, "manage.py", "run_worker"]),
    ]
    config = render(
        tmp_path,
        CMS_SERVERS=f"127.0.0.1:{a},127.0.0.1:{b}",
        FRONTEND_SERVERS=f"127.0.0.1:{front}",
        CMS_LISTEN=f"127.0.0.1:{nginx_cms}",
        FRONTEND_LISTEN=f"127.0.0.1:{nginx_front}",
    )
    processes.append(
        subprocess.Popen(
            [NGINX, "-p", str(tmp_path), "-c", config, "-g", "daemon off;"], stdout=log, stderr=log
        )
    )
    try:
        wait_for_cms(a, "/api/v2/menu/", processes[0])
        wait_for_cms(b, "/api/v2/menu/", processes[1])
        wait_for_port(front, processes[2])
        wait_for_port(nginx_front, processes[4])
        detail = f"/api/v2/pages/{draft.id}/"
        assert get(b, detail)[0] == 404  # (and cached so on server b)
        assert get(nginx_front, path)[0] == 404

        # The board signs in to server a and publishes the draft there
        editor = Editor(a)
        signed_in = editor.post(
            "/admin/login/", {"username": "truongban", "password": "mat-khau-2026"}
        )
        assert signed_in == (200, f"http://127.0.0.1:{a}/admin/")
        published = time.monotonic()
        # (Wagtail then redirects to the bulk view without ids, a 404: not ours to check)
        editor.post(f"/admin/bulk/wagtailcore/page/publish/?id={draft.id}", {})
        assert ArticlePage.objects.get(id=draft.id).live

        # Server b, and the frontend through nginx, serve it within a second
        while get(b, detail)[0] != 200:
            assert time.monotonic() - published < 1, "server b still answers 404"
            time.sleep(0.05)
        status, _, body = get(nginx_front, path)
        assert time.monotonic() - published < 1.5
        assert status == 200 and "Tin mới từ máy chủ thứ nhất" in body.decode()
        assert get(b, detail)[2].decode().count("Tin mới từ máy chủ thứ nhất") >= 1
    finally:
        for process in reversed(processes):
            stop(process)
        log.close()
        if os.environ.get("SHOW_CMS_LOG"):
            print((tmp_path / "servers.log").read_text())
