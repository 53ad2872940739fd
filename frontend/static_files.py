"""Static files under content-hashed names, so browsers may keep them for a year.

``static("css/site.css")`` gives ``/static/css/site.3f2a9c1b0d.css``; a changed file gets a
new name, so a long cache lifetime never serves an old copy.
"""

import hashlib
import mimetypes
from pathlib import Path

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

STATIC_DIR = Path(__file__).parent / "static"
ONE_YEAR = "public, max-age=31536000, immutable"


class StaticFiles:
    def __init__(self, directory: Path = STATIC_DIR):
        self.directory = directory
        # hashed name -> (content, content type); name -> hashed name
        self.files: dict[str, tuple[bytes, str]] = {}
        self.names: dict[str, str] = {}
        for path in sorted(directory.rglob("*")):
            if not path.is_file():
                continue
            name = path.relative_to(directory).as_posix()
            content = path.read_bytes()
            digest = hashlib.sha256(content).hexdigest()[:10]
            stem, dot, suffix = name.rpartition(".")
            hashed = f"{stem}.{digest}.{suffix}" if dot else f"{name}.{digest}"
            content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
            if content_type.startswith("text/") or content_type.endswith(("javascript", "svg+xml")):
                content_type += "; charset=utf-8"
            self.files[hashed] = (content, content_type)
            self.names[name] = hashed

    def url(self, name: str) -> str:
        return f"/static/{self.names[name]}"

    def content(self, name: str) -> bytes:
        return self.files[self.names[name]][0]

    async def serve(self, request: Request) -> Response:
        found = self.files.get(request.path_params["path"])
        if found is None:
            return PlainTextResponse("Not found", status_code=404)
        content, content_type = found
        return Response(content, media_type=content_type, headers={"Cache-Control": ONE_YEAR})
