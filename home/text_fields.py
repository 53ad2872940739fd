"""Store every text value of our models in NFC, whatever form it was typed or pasted in."""

import json

from django.db import models
from wagtail.fields import StreamField

from cms.vietnamese import nfc


def compose_text_fields(instance: models.Model) -> None:
    """Rewrite the instance's text, rich text and StreamField values in NFC, in place."""
    for field in instance._meta.concrete_fields:
        value = getattr(instance, field.attname, None)
        if isinstance(field, StreamField):
            if value is None:
                continue
            raw = json.dumps(field.get_prep_value(value), ensure_ascii=False)
            composed = nfc(raw)
            if composed != raw:
                setattr(instance, field.attname, field.to_python(json.loads(composed)))
        elif isinstance(field, models.CharField | models.TextField) and isinstance(value, str):
            setattr(instance, field.attname, nfc(value))
