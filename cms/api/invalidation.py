"""Which cached API responses a publish changes, for the common case: a new article goes live.

Publishing an article that was not live before (a first publish, or one after an unpublish)
cannot change a response that did not show it, and no response showed it. The responses that
show it now are:

- every collection: listings, search, feeds, the sitemap, tag and author pages, menus
  (``listing_generation``);
- its own detail, rendered body and listing item;
- the details of its ancestors (breadcrumbs, subsections), of its translations and aliases
  (their ``translations``), of the articles whose ``related`` list or body links to it
  (Wagtail's reference index and ``RelatedArticle``), and of its neighbours in the section
  (their ``previous``/``next``): the nearest public sibling before and after it by
  publication date, with every live sibling in between that some site's scope might also
  skip.

So those are bumped (``cms.api.cache.bump_pages``) and the rest stay cached. The rows saved
with the article (tags, bylines, related links) change only its own detail, its listing item
(both keyed by its token) and collections, so they bump the same set, whenever they change.

Everything else bumps every response as before (``bump_api_cache``): an edit, unpublish,
retraction, move or deletion of a live page; any other page type; an article with a
scheduled go-live or expiry (the generation's horizon is the next expiry); snippets,
settings, images, sites, view restrictions.
"""

from django.db.models import Model, Q
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils import timezone
from wagtail.models import Page, ReferenceIndex

from cms.api.cache import bump_pages
from home.models import ArticleAuthor, ArticlePage, ArticleTag, RelatedArticle

# How many live siblings each way to look through for the nearest public one; past it, the
# publish bumps everything.
NEIGHBOUR_WALK = 20
# Rows saved with an article, by the name of their key to it.
ARTICLE_ROWS = {
    ArticleAuthor: "page_id",
    RelatedArticle: "page_id",
    ArticleTag: "content_object_id",
}


@receiver(pre_save, sender=ArticlePage)
def _note_whether_it_was_live(sender, instance: ArticlePage, raw: bool = False, **kwargs) -> None:
    """Whether this save may bump narrowly: the article was not live (or did not exist)."""
    before = (
        ArticlePage.objects.filter(pk=instance.pk).values("live", "expire_at").first()
        if instance.pk
        else None
    )
    now = timezone.now()
    instance._api_narrow_bump = (
        not raw
        and (before is None or not before["live"] and before["expire_at"] is None)
        and instance.expire_at is None
        and (instance.go_live_at is None or instance.go_live_at <= now)
        and instance.publication_date is not None
    )


def bump_narrowly(sender: type[Model], instance: Model, signal: object) -> bool:
    """Bump what saving or deleting ``instance`` changes, if narrower than everything.

    False: the caller bumps everything.
    """
    from django.db.models.signals import post_save

    if sender is ArticlePage:
        if signal is not post_save or not getattr(instance, "_api_narrow_bump", False):
            return False
        affected = affected_page_ids(instance)
    elif sender in ARTICLE_ROWS:
        page_id = getattr(instance, ARTICLE_ROWS[sender])
        article = ArticlePage.objects.filter(pk=page_id).first()
        affected = affected_page_ids(article) if article is not None else None
    else:
        return False
    if affected is None:
        return False
    bump_pages(affected)
    return True


def affected_page_ids(article: ArticlePage) -> set[int] | None:
    """The pages whose detail shows ``article`` (None: too many to say; bump everything)."""
    if article.publication_date is None:
        return None
    ids = {article.id}
    ids.update(article.get_ancestors().values_list("id", flat=True))
    ids.update(
        Page.objects.filter(
            Q(translation_key=article.translation_key) | Q(alias_of_id=article.id)
        ).values_list("id", flat=True)
    )
    ids.update(
        RelatedArticle.objects.filter(related_page_id=article.id).values_list("page_id", flat=True)
    )
    ids.update(
        int(object_id)
        for object_id in ReferenceIndex.get_references_to(article)
        .filter(base_content_type=ReferenceIndex._get_base_content_type(Page))
        .values_list("object_id", flat=True)
    )
    for side in _neighbours(article):
        if side is None:
            return None
        ids.update(side)
    return ids


def _neighbours(article: ArticlePage) -> tuple[list[int] | None, list[int] | None]:
    """Each way, the live siblings up to and including the nearest one every site shows
    (None: none within ``NEIGHBOUR_WALK``, and there are more)."""
    now = timezone.now()
    siblings = ArticlePage.objects.filter(
        path__startswith=article.path[: -Page.steplen], depth=article.depth, live=True
    ).exclude(id=article.id)
    date, pk = article.publication_date, article.id
    earlier = siblings.filter(
        Q(publication_date__lt=date) | Q(publication_date=date, id__lt=pk)
    ).order_by("-publication_date", "-id")
    later = siblings.filter(
        Q(publication_date__gt=date) | Q(publication_date=date, id__gt=pk)
    ).order_by("publication_date", "id")
    shown_everywhere = (
        Q(expired=False)
        & (Q(expire_at__isnull=True) | Q(expire_at__gt=now))
        & Q(alias_of__isnull=True)
    )
    sides = []
    for ordered in (earlier, later):
        ids = list(ordered.values_list("id", flat=True)[: NEIGHBOUR_WALK + 1])
        visible = set(
            ArticlePage.objects.filter(shown_everywhere, id__in=ids)
            .public()
            .values_list("id", flat=True)
        )
        walked = []
        for page_id in ids[:NEIGHBOUR_WALK]:
            walked.append(page_id)
            if page_id in visible:
                break
        else:
            if len(ids) > NEIGHBOUR_WALK:
                walked = None
        sides.append(walked)
    return sides[0], sides[1]
