"""nginx in front (deploy/nginx.conf.template): the shipped config passes `nginx -t`, and
100 slow or half-open clients do not stop other readers, while the same clients sent
straight to gunicorn do (issue 18).

nginx runs unprivileged from a temporary prefix (pid, logs and temporary files in it).
"""

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.operations.relay import free_port
from tests.operations.servers import ROOT, get, stop
from tests.operations.test_database_restart import LISTING

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def require_nginx() -> None:
    if os.path.exists(NGINX):
        return
    message = "nginx is missing: apt-get install nginx (.ci/run installs it)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def render(prefix, **values: str) -> str:
    config = prefix / "nginx.conf"
    env = {**os.environ, "PREFIX": str(prefix), **values}
    rendered = subprocess.run(
        [sys.executable, str(ROOT / "deploy" / "render_nginx.py")],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    config.write_text(rendered)
    return str(config)


def test_the_shipped_config_passes_nginx_t(tmp_path):
    require_nginx()
    config = render(tmp_path, CMS_LISTEN=str(free_port()), FRONTEND_LISTEN=str(free_port()))
    result = subprocess.run(
        [NGINX, "-t", "-p", str(tmp_path), "-c", config], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "client_max_body_size 1024m;" in Path(config).read_text()  # VIDEO_MAX_UPLOAD_MB


def half_open_clients(port: int, count: int) -> list[socket.socket]:
    """Half of them stop in the middle of their headers, half in the middle of a body."""
    clients = []
    for n in range(count):
        s = socket.create_connection(("127.0.0.1", port), timeout=5)
        if n % 2:
            s.sendall(b"GET /api/v2/menu/ HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Ag")
        else:
            s.sendall(
                b"POST /admin/login/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                b"Content-Type: application/x-www-form-urlencoded\r\n"
                b"Content-Length: 100000\r\n\r\nusername=a"
            )
        clients.append(s)
    return clients


def readers_answered(port: int, count: int, timeout: float) -> int:
    answered = 0
    for n in range(count):
        try:
            status, _, _ = get(port, f"{LISTING}&_=reader{n}", timeout=timeout)
        except OSError:
            continue
        answered += status == 200
    return answered


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_slow_and_half_open_clients_do_not_stop_readers_behind_nginx(cms_on_relay, tmp_path):
    require_nginx()
    cms_port, _ = cms_on_relay
    nginx_port = free_port()
    config = render(
        tmp_path,
        CMS_SERVERS=f"127.0.0.1:{cms_port}",
        FRONTEND_SERVERS=f"127.0.0.1:{free_port()}",
        CMS_LISTEN=f"127.0.0.1:{nginx_port}",
        FRONTEND_LISTEN=f"127.0.0.1:{free_port()}",
    )
    nginx = subprocess.Popen(
        [NGINX, "-p", str(tmp_path), "-c", config, "-g", "daemon off;"],
        stderr=subprocess.PIPE,
    )
    clients: list[socket.socket] = []
    try:
        for _ in range(50):
            try:
                socket.create_connection(("127.0.0.1", nginx_port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        assert get(nginx_port, "/api/v2/menu/")[0] == 200

        # 100 clients hold connections open to nginx mid-request
        clients = half_open_clients(nginx_port, 100)
        started = time.monotonic()
        # Readers all get their answer, quickly
        assert readers_answered(nginx_port, 20, timeout=2) == 20
        assert time.monotonic() - started < 10
        for client in clients:
            client.close()

        # The same clients straight at gunicorn (4 threads) leave readers waiting: what nginx
        # is there for.
        clients = half_open_clients(cms_port, 100)
        assert readers_answered(cms_port, 2, timeout=2) == 0
    finally:
        for client in clients:
            client.close()
        stop(nginx)
