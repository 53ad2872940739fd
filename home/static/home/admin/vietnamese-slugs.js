/*
 * The admin's slug fields follow the site's slug rule, cms/vietnamese.py slugify_vi:
 * "Hiệu quả Lãnh đạo trong Đảng" -> "hieu-qua-lanh-dao-trong-dang".
 *
 * Wagtail's SlugInput widget is driven by the `w-slug` Stimulus controller (its
 * CleanController). While the title is typed, the title's `w-sync` controller calls the
 * slug's `urlify`; when the slug field is left, it calls `slugify`. Both transliterate
 * without Vietnamese (đ -> "dj", "ệ" dropped), so this file registers `w-slug` again with a
 * subclass of Wagtail's own controller whose two methods use slugify_vi. Everything else
 * (the title sync stopping once the slug is edited by hand, formatters, trimming) is
 * Wagtail's. Slugs are ASCII whatever WAGTAIL_ALLOW_UNICODE_SLUGS says, as on the server
 * (home/models/base.py). Stimulus replaces a registered identifier; this runs before the
 * page's controllers connect (the application starts when the document is ready).
 */
(() => {
  'use strict';

  const SLUG_MAX_LENGTH = 80;

  /*
   * slugify_vi in JavaScript; tests/frontend/test_admin_editor_browser.py checks that both
   * give the same slugs. đ/Đ have no Unicode decomposition, so they are mapped first.
   */
  const slugifyVi = (text, maxLength = SLUG_MAX_LENGTH) => {
    const slug = text
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
    if (slug.length <= maxLength) return slug;
    // Cut at the last hyphen within maxLength + 1 characters: a whole word is never split.
    const cut = slug.slice(0, maxLength + 1);
    const boundary = cut.lastIndexOf('-');
    return (boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, maxLength)).replace(
      /^-+|-+$/g,
      '',
    );
  };

  const application = window.wagtail && window.wagtail.app;
  const original =
    application && application.router.modulesByIdentifier.get('w-slug');
  if (!original) return;

  class VietnameseSlugController extends original.controllerConstructor {
    slugify(event, { ignoreUpdate = false, runFormat = !ignoreUpdate } = {}) {
      return this.applySlug('slugify', event, { ignoreUpdate, runFormat });
    }

    urlify(event, { ignoreUpdate = false, runFormat = !ignoreUpdate } = {}) {
      return this.applySlug('urlify', event, { ignoreUpdate, runFormat });
    }

    applySlug(action, event, { ignoreUpdate, runFormat }) {
      const { value = this.element.value } = (event && event.detail) || {};
      const source = this.prepareValue(value, { runFormat });
      if (!source) return '';
      const slug = slugifyVi(source);
      if (!ignoreUpdate) this.applyUpdate(action, slug, value);
      return slug;
    }
  }

  application.register('w-slug', VietnameseSlugController);
})();
