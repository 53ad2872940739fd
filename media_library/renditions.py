"""Rendition sets for the reader API: a WebP ``srcset`` of widths plus one JPEG/PNG fallback.

>>> srcset_renditions(image)
{"src": "http://…/photo.width-960.jpg", "width": 960, "height": 640,
 "srcset": [{"url": "http://…/photo.width-480.webp", "width": 480, "height": 320}, …]}

Renditions are found in one query per batch of images when the caller prefetched them
(``prefetch_srcset_renditions``); missing ones are generated once and stored.
"""

from collections.abc import Callable, Iterable

from django.db.models import Prefetch, prefetch_related_objects
from wagtail.images import get_image_model

# Widths a phone, a tablet and a desktop column need; WebP for every browser in use today.
SRCSET_WIDTHS = (480, 960, 1600)
FALLBACK_WIDTH = 960
# Listings and Open Graph cards use fixed crops.
THUMBNAIL_SPEC = "fill-480x270|format-webp|webpquality-80"
THUMBNAIL_FALLBACK_SPEC = "fill-480x270|format-jpeg|jpegquality-80"
OPEN_GRAPH_SPEC = "fill-1200x630|format-jpeg|jpegquality-85"


def srcset_specs() -> list[str]:
    return [f"width-{w}|format-webp|webpquality-80" for w in SRCSET_WIDTHS] + [
        f"width-{FALLBACK_WIDTH}|format-jpeg|jpegquality-85"
    ]


def prefetch_renditions(images: Iterable, specs: Iterable[str]) -> None:
    """Load the renditions of all ``images`` for ``specs`` in one query."""
    images = [image for image in images if image is not None]
    if not images:
        return
    Rendition = get_image_model().get_rendition_model()
    prefetch_related_objects(
        images,
        Prefetch(
            "renditions",
            queryset=Rendition.objects.filter(filter_spec__in=list(specs)),
            to_attr="prefetched_renditions",
        ),
    )


def srcset_renditions(image, absolute: Callable[[str], str] = str) -> dict:
    """The image at several WebP widths plus a fallback, with URLs made by ``absolute``."""
    specs = srcset_specs()
    renditions = image.get_renditions(*specs)
    srcset = []
    seen_widths = set()
    for spec in specs[:-1]:
        rendition = renditions[spec]
        # A small original gives the same rendition width for several specs.
        if rendition.width in seen_widths:
            continue
        seen_widths.add(rendition.width)
        srcset.append(
            {"url": absolute(rendition.url), "width": rendition.width, "height": rendition.height}
        )
    fallback = renditions[specs[-1]]
    return {
        "src": absolute(fallback.url),
        "width": fallback.width,
        "height": fallback.height,
        "srcset": srcset,
    }


def single_rendition(image, spec: str, absolute: Callable[[str], str] = str) -> dict:
    rendition = image.get_rendition(spec)
    return {"url": absolute(rendition.url), "width": rendition.width, "height": rendition.height}
