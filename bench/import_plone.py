# ruff: noqa: E501  (the generated item is data)
"""Benchmark of import_plone: a generated collective.exportimport export of N News Items.

    .venv/bin/python bench/import_plone.py                 # 10,000 items, SQLite in a temp dir
    .venv/bin/python bench/import_plone.py --items 200     # a smoke run
    .venv/bin/python bench/import_plone.py --db bench_plone  # on the local PostgreSQL

The export has one Folder per 500 items and News Items with a few paragraphs, a resolveuid
link to the previous item, workflow history and subjects; 1% of them carry an inline base64
lead image (a 1200x800 JPEG). The import runs as ``manage.py import_plone`` in a child
process with the production settings; the script prints the items per second of the import
(migrations and site setup not counted) and the import process's peak resident memory (ru_maxrss from wait4).
Memory must stay flat as N grows: the content file is streamed, not loaded.
"""

import argparse
import base64
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import PYTHON, ROOT, environment  # noqa: E402

SITE = "http://localhost:8080/Plone"
PER_FOLDER = 500
SETUP = """
from wagtail.models import Page, Site
from home.models import HomePage
root = Page.get_first_root_node()
home = root.add_child(instance=HomePage(title="Trang chủ", slug="trang-chu"))
Site.objects.update(root_page=home)
Page.objects.filter(depth=2).exclude(id=home.id).delete()
"""


def jpeg() -> str:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (1200, 800), (180, 40, 40)).save(buffer, format="JPEG", quality=85)
    return base64.b64encode(buffer.getvalue()).decode()


def uid(kind: str, n: int) -> str:
    return f"{kind}{n:031x}"


def write_export(folder: Path, items: int) -> Path:
    """The content file, written item by item (the generator holds one item at a time)."""
    image = jpeg()
    site_parent = {"@id": SITE, "@type": "Plone Site", "UID": None, "title": "Site"}
    path = folder / "Plone.json"
    with path.open("w", encoding="utf-8") as stream:
        stream.write("[")
        for n in range(items):
            folder_n = n // PER_FOLDER
            if n % PER_FOLDER == 0:
                if n:
                    stream.write(",")
                json.dump(
                    {
                        "@id": f"{SITE}/chuyen-muc-{folder_n}",
                        "@type": "Folder",
                        "UID": uid("f", folder_n),
                        "id": f"chuyen-muc-{folder_n}",
                        "title": f"Chuyên mục {folder_n}",
                        "parent": site_parent,
                        "review_state": "published",
                        "effective": "2015-01-01T00:00:00+00:00",
                    },
                    stream,
                    ensure_ascii=False,
                )
            previous = f'<a href="resolveuid/{uid("a", n - 1)}">bài trước</a>' if n else ""
            item = {
                "@id": f"{SITE}/chuyen-muc-{folder_n}/bai-viet-{n}",
                "@type": "News Item",
                "UID": uid("a", n),
                "id": f"bai-viet-{n}",
                "title": f"Hội nghị tổng kết công tác năm {2000 + n % 25} số {n}",
                "description": "Sáng nay, Đảng ủy Khối tổ chức hội nghị tổng kết.",
                "parent": {"@id": f"{SITE}/chuyen-muc-{folder_n}", "@type": "Folder", "UID": uid("f", folder_n)},
                "review_state": "published" if n % 10 else "private",
                "created": "2016-03-01T08:00:00+00:00",
                "modified": "2016-03-02T08:00:00+00:00",
                "effective": "2016-03-01T09:00:00+00:00",
                "creators": ["admin"],
                "subjects": ["Xây dựng Đảng", f"Năm {2000 + n % 25}"],
                "text": {
                    "data": "<p>Đoạn mở đầu của bài viết.</p>" * 4 + f"<p>Xem {previous}.</p>",
                    "content-type": "text/html",
                    "encoding": "utf-8",
                },
                "workflow_history": {
                    "simple_publication_workflow": [
                        {"action": None, "actor": "admin", "comments": "", "review_state": "private", "time": "2016-03-01T08:00:00+00:00"},
                        {"action": "publish", "actor": "admin", "comments": "", "review_state": "published", "time": "2016-03-01T09:00:00+00:00"},
                    ]
                },
            }  # fmt: skip
            if n % 100 == 50:
                item["image"] = {
                    "data": image,
                    "encoding": "base64",
                    "filename": f"anh-{n}.jpg",
                    "content-type": "image/jpeg",
                }
            stream.write(",")
            json.dump(item, stream, ensure_ascii=False)
        stream.write("]")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--db", default=None, help="a PostgreSQL database name (default: SQLite)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-plone-") as tmp:
        var = Path(tmp) / "var"
        export = Path(tmp) / "export"
        export.mkdir()
        content = write_export(export, args.items)
        print(f"export: {args.items} News Items, {content.stat().st_size / 1e6:.1f} MB")
        env = environment(args.db, str(var))
        manage = [PYTHON, str(ROOT / "manage.py")]
        if args.db:
            subprocess.run(
                ["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", args.db], check=True
            )
            subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", args.db], check=True)
        subprocess.run([*manage, "migrate", "-v0"], env=env, check=True)
        subprocess.run(
            [*manage, "shell", "-c", SETUP], env=env, check=True, stdout=subprocess.DEVNULL
        )
        started = time.perf_counter()
        child = subprocess.Popen(
            [*manage, "import_plone", str(export), "-v0"], env=env, stdout=subprocess.DEVNULL
        )
        _pid, status, usage = os.wait4(child.pid, 0)  # this child's own peak, not migrate's
        elapsed = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode:
            sys.exit(f"import_plone failed ({child.returncode})")
        peak_mb = usage.ru_maxrss / 1024
        total = args.items + -(-args.items // PER_FOLDER)
        print(f"import: {total} items in {elapsed:.1f} s = {total / elapsed:.1f} items/s")
        print(f"peak memory of the import process: {peak_mb:.0f} MB ")


if __name__ == "__main__":
    main()
