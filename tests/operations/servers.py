"""The CMS as it runs in production, in a subprocess: gunicorn with the settings of
``make serve`` (debug off), on a free loopback port, its log kept in a temporary file."""

import http.client
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Variables of the test run that must not leak into the servers.
NOT_INHERITED = (
    "DATABASE_URL",
    "REDIS_URL",
    "DJANGO_SETTINGS_MODULE",
    "AWS_STORAGE_BUCKET_NAME",
    "AWS_S3_ENDPOINT_URL",
    "FRONTEND_URL",
    "CMS_API_URL",
    "DJANGO_DEBUG",
)


def server_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
    env.update(
        SECRET_KEY="operations-tests-only",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_COOKIES="0",
        STATIC_ROOT=str(ROOT / "var" / "static"),
        PYTHONUNBUFFERED="1",
        # Production settings would ask the board for a second factor; signing in is tested
        # in tests/authentication, these tests are about the servers.
        TWO_FACTOR_REQUIRED="off",
    )
    env.update(extra)
    return env


def gunicorn_command(port: int, workers: int = 1, threads: int = 4) -> list[str]:
    """`make serve`'s gunicorn: threaded workers (gthread)."""
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "cms.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        "gthread",
        "--threads",
        str(threads),
        "--graceful-timeout",
        "2",
    ]


def get(port: int, path: str, timeout: float = 10, **headers: str) -> tuple[int, dict, bytes]:
    """GET http://127.0.0.1:port/path -> (status, lower-cased headers, body)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Host": "127.0.0.1", **headers})
        response = connection.getresponse()
        body = response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, body
    finally:
        connection.close()


def wait_until_answers(port: int, path: str, process: subprocess.Popen, seconds: float = 60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args} exited with {process.returncode}")
        try:
            status, _, _ = get(port, path, timeout=5)
            if status < 500:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"127.0.0.1:{port}{path} did not answer within {seconds} s")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_for_port(port: int, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args} exited with {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"nothing listens on {port} after {seconds} s")
