"""Render deploy/nginx.conf.template: each placeholder from the environment, or its default.

    PREFIX=/var/lib/cms-nginx CMS_SERVERS=10.0.0.11:8000,10.0.0.12:8000 \
        python3 deploy/render_nginx.py > /var/lib/cms-nginx/nginx.conf

CMS_SERVERS and FRONTEND_SERVERS are comma-separated host:port lists. Standard library only.
"""

import os
import re
import sys
from pathlib import Path

TEMPLATE = Path(__file__).with_name("nginx.conf.template")
VAR = Path(__file__).resolve().parents[1] / "var"
DEFAULTS = {
    "PREFIX": "/var/lib/cms-nginx",
    "CMS_SERVERS": "127.0.0.1:8000",
    "FRONTEND_SERVERS": "127.0.0.1:8001",
    "CMS_LISTEN": "80",
    "CMS_SERVER_NAME": "cms.example.vn",
    "FRONTEND_LISTEN": "80",
    "FRONTEND_SERVER_NAME": "tin.example.vn",
    "STATIC_ROOT": str(VAR / "static"),
    "MEDIA_ROOT": str(VAR / "media"),
    # The largest upload the CMS accepts: a video (VIDEO_MAX_UPLOAD_MB).
    "CLIENT_MAX_BODY_SIZE": f"{os.environ.get('VIDEO_MAX_UPLOAD_MB', '1024')}m",
}
SERVER_LISTS = ("CMS_SERVERS", "FRONTEND_SERVERS")


def render(values: dict[str, str]) -> str:
    def fill(match: re.Match) -> str:
        name = match.group(1)
        value = values.get(name) or DEFAULTS[name]
        if name in SERVER_LISTS:
            servers = [s.strip() for s in value.split(",") if s.strip()]
            return "\n        ".join(f"server {server} max_fails=0;" for server in servers)
        return value.rstrip("/")

    return re.sub(r"@@([A-Z_]+)@@", fill, TEMPLATE.read_text())


if __name__ == "__main__":
    sys.stdout.write(render(dict(os.environ)))
