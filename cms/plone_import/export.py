"""Reading a collective.exportimport export, one item at a time.

An export is what Plone's ``@@export_content`` and its sibling views write::

    export/
      Plone.json                 content: a JSON list of plone.restapi items
      export_relations.json      [{"from_uuid", "to_uuid", "relationship"}]
      export_members.json        {"groups": [...], "members": [{"username", "fullname", ...}]}
      export_ordering.json       [{"uuid", "order"}]
      export_defaultpages.json   [{"uuid", "default_page", "default_page_uuid"}]
      export_redirects.json      {"/Plone/old-path": "/Plone/new-path"}
      blobs/...                  files named by "blob_path" (export "as blob paths")

The content file may also be a folder of numbered files, one item each (``1.json``,
``2.json``: "save each item as a separate file on the server"). Content files are read with
ijson, so a multi-gigabyte export with inline base64 blobs is never held in memory whole:
only the item being imported is.
"""

import base64
import binascii
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import ijson

OTHER_EXPORTS = (
    "relations",
    "members",
    "localroles",
    "ordering",
    "defaultpages",
    "redirects",
    "translations",
    "discussion",
    "portlets",
)


class ExportError(Exception):
    """The export cannot be read (a missing path, a malformed file)."""


class BlobError(Exception):
    """An item's file or image cannot be read."""


@dataclass
class Export:
    """Where the export lives: its content files and the folder of its other files."""

    folder: Path
    content_files: list[Path] = field(default_factory=list)
    blob_home: Path | None = None

    @classmethod
    def open(cls, location: str | os.PathLike, blob_home: str | None = None) -> "Export":
        path = Path(location)
        if path.is_file():
            export = cls(folder=path.parent, content_files=[path])
        elif path.is_dir():
            numbered = sorted(
                (p for p in path.glob("*.json") if p.stem.isdecimal()), key=lambda p: int(p.stem)
            )
            lists = sorted(
                p
                for p in path.glob("*.json")
                if not p.stem.isdecimal() and not p.stem.startswith("export_")
            )
            export = cls(folder=path, content_files=numbered or lists)
        else:
            raise ExportError(f"{path}: no such file or folder")
        if not export.content_files:
            raise ExportError(f"{path}: no content file (*.json) in the export")
        export.blob_home = Path(blob_home) if blob_home else export.folder
        return export

    def items(self) -> Iterator[tuple[Path, Any]]:
        """(file, item) for every content item, streamed. A malformed file raises ExportError
        after the items before the damage were given."""
        for path in self.content_files:
            with path.open("rb") as stream:
                try:
                    if path.stem.isdecimal():
                        yield path, json.load(stream)
                    else:
                        for item in ijson.items(stream, "item", use_float=True):
                            yield path, item
                except (ijson.JSONError, json.JSONDecodeError, UnicodeDecodeError) as error:
                    raise ExportError(f"{path.name}: malformed JSON ({error})") from error

    def other(self, name: str, default: Any) -> Any:
        """The content of export_<name>.json, or default when Plone did not export it."""
        path = self.folder / f"export_{name}.json"
        if not path.exists():
            return default
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise ExportError(f"{path.name}: malformed JSON ({error})") from error

    def blob(self, value: dict) -> bytes:
        """The bytes of a file field: inline base64 or a blob path (relative to the export or
        to --blob-home, as collective.exportimport's COLLECTIVE_EXPORTIMPORT_BLOB_HOME)."""
        if value.get("data") is not None:
            if value.get("encoding", "base64") != "base64":
                return str(value["data"]).encode("utf-8")
            try:
                return base64.b64decode(value["data"], validate=True)
            except (binascii.Error, ValueError) as error:
                raise BlobError(f"invalid base64 data for {value.get('filename')}") from error
        if value.get("blob_path"):
            path = Path(value["blob_path"])
            if not path.is_absolute():
                path = (self.blob_home or self.folder) / path
            if not path.is_file():
                raise BlobError(f"missing blob file {value['blob_path']}")
            return path.read_bytes()
        if value.get("download"):
            raise BlobError(
                "blob exported as a download URL: export again with base-64 or blob paths"
            )
        raise BlobError("no data for the file")
