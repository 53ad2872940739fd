"""Rendition sets for the reader API and the publish task, defined once.

Every image gets a ``srcset`` of fixed widths in WebP, the same widths in AVIF where the
installed Pillow can write it, and one JPEG fallback (PNG for PNG/GIF/WebP originals:
screenshots, logos and anything transparent). Cover images also get the listing thumbnail
and the Open Graph card, fixed crops centred on the focal point.

>>> srcset_renditions(image)
{"src": "http://…/photo.width-960.jpg", "width": 960, "height": 640,
 "srcset": [{"url": "http://…/photo.width-480.webp", "width": 480, "height": 320}, …],
 "avif": [{"url": "http://…/photo.width-480.avif", "width": 480, "height": 320}, …]}

When an article is published, ``media_library.tasks`` makes these renditions in the
background (``generate_renditions``), so the first reader does not wait for them. Anything
still missing is made on demand by ``image.get_renditions`` and stored. Renditions are found
in one query per batch of images when the caller prefetched them (``prefetch_renditions``).
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from functools import cache

from django.core.files.storage import FileSystemStorage
from django.db.models import Q
from django.utils.encoding import filepath_to_uri
from PIL import Image, features
from wagtail.images import get_image_model
from wagtail.images.models import Filter

from cms import query_templates

# Widths a phone, a tablet and a desktop column need.
SRCSET_WIDTHS = (480, 960, 1600)
FALLBACK_WIDTH = 960
# Listings and Open Graph cards use fixed crops ("fill" centres on the focal point and
# never upscales).
THUMBNAIL_SPEC = "fill-480x270|format-webp|webpquality-80"
THUMBNAIL_FALLBACK_SPEC = "fill-480x270|format-jpeg|jpegquality-80"
OPEN_GRAPH_SPEC = "fill-1200x630|format-jpeg|jpegquality-85"
COVER_SPECS = (THUMBNAIL_SPEC, THUMBNAIL_FALLBACK_SPEC, OPEN_GRAPH_SPEC)

# Originals whose fallback stays lossless.
_PNG_SOURCES = (".png", ".gif", ".webp")
# libavif's speed (0 slowest, 10 fastest). Wagtail leaves Pillow's default, 6; at 8 a 1600 px
# photograph encodes about 8 times faster into a file about 1 % larger.
AVIF_ENCODER_SPEED = 8


@cache
def avif_supported() -> bool:
    return features.check("avif")


def configure_avif_encoder() -> None:
    """Make Pillow's AVIF encoder default to AVIF_ENCODER_SPEED (called once, at start-up)."""
    if not avif_supported():
        return
    Image.init()
    save = Image.SAVE["AVIF"]
    if getattr(save, "speed_default", None) == AVIF_ENCODER_SPEED:
        return

    def save_with_speed(image, fp, filename, *args, **kwargs):
        image.encoderinfo.setdefault("speed", AVIF_ENCODER_SPEED)
        return save(image, fp, filename, *args, **kwargs)

    save_with_speed.speed_default = AVIF_ENCODER_SPEED
    Image.register_save("AVIF", save_with_speed)


def webp_specs() -> list[str]:
    return [f"width-{w}|format-webp|webpquality-80" for w in SRCSET_WIDTHS]


def avif_specs() -> list[str]:
    """The AVIF widths, or none where Pillow cannot write AVIF."""
    if not avif_supported():
        return []
    return [f"width-{w}|format-avif|avifquality-60" for w in SRCSET_WIDTHS]


def fallback_spec(image) -> str:
    """The ``<img src>`` rendition: JPEG for photographs, PNG for lossless originals."""
    if image.file.name.lower().endswith(_PNG_SOURCES):
        return f"width-{FALLBACK_WIDTH}|format-png"
    return f"width-{FALLBACK_WIDTH}|format-jpeg|jpegquality-85"


def image_srcset_specs(image) -> list[str]:
    """The specs ``srcset_renditions`` uses for this image, fallback last."""
    return [*webp_specs(), *avif_specs(), fallback_spec(image)]


def srcset_specs() -> list[str]:
    """Every spec any image's srcset may use, for prefetching a batch of images."""
    return [
        *webp_specs(),
        *avif_specs(),
        f"width-{FALLBACK_WIDTH}|format-jpeg|jpegquality-85",
        f"width-{FALLBACK_WIDTH}|format-png",
    ]


def publish_specs(image, cover: bool = False) -> list[str]:
    """What publishing a page makes ahead of readers for one of its images."""
    return image_srcset_specs(image) + (list(COVER_SPECS) if cover else [])


def generate_renditions(image, cover: bool = False) -> int:
    """Make (or find) the image's renditions, one after the other; returns how many.

    Not ``image.get_renditions(*specs)``: that makes them in three threads, which on a small
    server is slower (the encoders are multi-threaded already) and takes every core from
    the requests the background worker shares the machine with.
    """
    specs = publish_specs(image, cover)
    for spec in specs:
        image.get_rendition(spec)
    return len(specs)


@cache
def _filter(spec: str) -> Filter:
    """One parsed Filter per spec: Wagtail parses the spec and its operations (with
    ``inspect``) on every call, which cost more than the lookup for an article's images."""
    return Filter(spec=spec)


def find_renditions(image, specs: Iterable[str]) -> dict:
    """``image.get_renditions(*specs)``, looked up in the prefetched renditions first.

    Same result; missing renditions are still made (and stored) by ``get_renditions``.
    """
    specs = list(dict.fromkeys(specs))
    found = {}
    prefetched = getattr(image, "prefetched_renditions", None)
    if prefetched is not None:
        by_key = {(r.filter_spec, r.focal_point_key): r for r in prefetched}
        for spec in specs:
            rendition = by_key.get((spec, _filter(spec).get_cache_key(image)))
            if rendition is not None:
                found[spec] = rendition
    missing = [_filter(spec) for spec in specs if spec not in found]
    if missing:
        found.update(image.get_renditions(*missing))
    return {spec: found[spec] for spec in specs}


def prefetch_renditions(*groups: tuple[Iterable, Iterable[str]]) -> None:
    """Load renditions of images, ``(images, specs)`` per group, in one query, into each
    image's ``prefetched_renditions`` (which Wagtail's ``get_renditions`` reads too)::

        prefetch_renditions((covers, [THUMBNAIL_SPEC]), (body_images, srcset_specs()))
    """
    groups = [
        ([image for image in images if image is not None], tuple(sorted(set(specs))))
        for images, specs in groups
    ]
    groups = [(images, specs) for images, specs in groups if images and specs]
    if not groups:
        return
    Rendition = get_image_model().get_rendition_model()
    fields = query_templates.columns(Rendition)
    spec_groups = tuple(specs for _images, specs in groups)

    def build(**ids):
        wanted = Q()
        for index, specs in enumerate(spec_groups):
            wanted |= Q(image_id__in=ids[f"ids{index}"], filter_spec__in=specs)
        return Rendition.objects.filter(wanted).values_list(*fields)

    ids = {
        f"ids{index}": tuple(sorted({image.id for image in images}))
        for index, (images, _specs) in enumerate(groups)
    }
    rows = query_templates.run(("renditions", Rendition._meta.label, spec_groups), build, **ids)
    by_image = defaultdict(dict)
    for rendition in query_templates.instances(Rendition, fields, rows):
        by_image[rendition.image_id][rendition.id] = rendition
    for images, _specs in groups:
        for image in images:
            image.prefetched_renditions = list(by_image[image.id].values())


def _url(rendition) -> str:
    """``rendition.url``, without the ``urljoin`` that FileSystemStorage.url makes on every call
    (an eighth of serializing a page of 500 items of the change feed). Its base URL ends in
    '/' and a quoted file name has no scheme, host or '..', so joining is appending."""
    storage = rendition.file.storage
    base_url = getattr(storage, "base_url", None)  # sets up default_storage (a LazyObject)
    real = getattr(storage, "_wrapped", storage)
    if base_url is not None and type(real).url is FileSystemStorage.url:
        return base_url + filepath_to_uri(rendition.file.name).lstrip("/")
    return rendition.url


def _widths(renditions: dict, specs: list[str], absolute: Callable[[str], str]) -> list[dict]:
    entries = []
    seen_widths = set()
    for spec in specs:
        rendition = renditions[spec]
        # A small original gives the same rendition width for several specs.
        if rendition.width in seen_widths:
            continue
        seen_widths.add(rendition.width)
        entries.append(
            {"url": absolute(_url(rendition)), "width": rendition.width, "height": rendition.height}
        )
    return entries


def srcset_renditions(image, absolute: Callable[[str], str] = str) -> dict:
    """The image at several WebP (and AVIF) widths plus a fallback, URLs made by ``absolute``."""
    fallback = fallback_spec(image)
    renditions = find_renditions(image, [*webp_specs(), *avif_specs(), fallback])
    data = {
        "src": absolute(_url(renditions[fallback])),
        "width": renditions[fallback].width,
        "height": renditions[fallback].height,
        "srcset": _widths(renditions, webp_specs(), absolute),
    }
    if avif_supported():
        data["avif"] = _widths(renditions, avif_specs(), absolute)
    return data


def single_rendition(image, spec: str, absolute: Callable[[str], str] = str) -> dict:
    rendition = find_renditions(image, [spec])[spec]
    return {"url": absolute(_url(rendition)), "width": rendition.width, "height": rendition.height}
