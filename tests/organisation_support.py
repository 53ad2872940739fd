"""Building organisation charts in tests: units, leaders and their English translations."""

from wagtail.models import Locale

from home.models import Leader, OrganisationUnit


def english() -> Locale:
    return Locale.objects.get(language_code="en")


def unit(name: str, parent: OrganisationUnit | None = None, **fields) -> OrganisationUnit:
    """A published Vietnamese unit, after the units made before it."""
    fields.setdefault("sort_order", OrganisationUnit.objects.count())
    return OrganisationUnit.objects.create(name=name, parent=parent, **fields)


def leader(name: str, position: str, unit: OrganisationUnit | None = None, **fields) -> Leader:
    """A published Vietnamese leader, after the leaders made before them."""
    fields.setdefault("sort_order", Leader.objects.count())
    return Leader.objects.create(name=name, position=position, unit=unit, **fields)


def translate(instance, publish: bool = True, **texts):
    """The English copy wagtail-localize makes ("Dịch"), filled in and published (or left
    a draft, as the copy starts)."""
    copy = instance.copy_for_translation(english())
    for name, value in texts.items():
        setattr(copy, name, value)
    copy.live = False
    copy.save()
    if publish:
        copy.save_revision().publish()
        copy.refresh_from_db()
    return copy


def draft_change(instance, **texts):
    """A change saved as a draft over the published row (the row keeps the live text)."""
    for name, value in texts.items():
        setattr(instance, name, value)
    instance.save_revision()
    instance.refresh_from_db()
    return instance
