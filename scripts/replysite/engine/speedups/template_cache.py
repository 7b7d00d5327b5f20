"""Parts of Material's templates computed once per build instead of once per page.

`NavCache`: Material draws the whole navigation into every page. On a page that is not itself in the
navigation (every reply and every generated index page) nothing in it is active, so its HTML
depends only on where each link points from that page. The cache key is exactly those
relative links, computed with the function Material's `url` filter uses, so a cached copy is
byte-for-byte what the template would have produced.

`KeptBlocks`: Material's `styles`, `config` and `scripts` blocks (asset links, the JSON
configuration of its script) depend only on the page's `base_url`: our main.html renders each
once per `base_url` and keeps it.

`Translations`: Material's `lang.t(key)` renders a macro that builds the language's whole table
(and English's, as fallback) on every call, a dozen calls per page; here each text is looked up
once, from the same macros.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from markupsafe import Markup
from mkdocs.utils import normalize_url

MATERIAL_NAV = Path(__import__("material").__file__).parent / "templates" / "partials" / "nav.html"


class KeptBlocks:
    """Called as `replysite_kept(block, base_url)` (the kept HTML or None) and
    `replysite_keep(block, base_url, html)` from main.html."""

    enabled = True  # tests turn it off to compare against Material's own rendering

    def __init__(self) -> None:
        self.blocks: dict[tuple[str, str], str] = {}
        self.hits = 0

    def kept(self, block: str, base_url: str) -> str | None:
        html = self.blocks.get((block, base_url)) if self.enabled else None
        if html is not None:
            self.hits += 1
        return html

    def keep(self, block: str, base_url: str, html: str) -> str:
        if self.enabled:
            self.blocks[(block, base_url)] = html
        return html


class Translations:
    """Called as `replysite_translate(key)` from our `partials/language.html`."""

    def __init__(self, env: jinja2.Environment, language: str) -> None:
        self.language = language
        self.lang = env.get_template(f"partials/languages/{language}.html").module
        self.fallback = env.get_template("partials/languages/en.html").module
        self.cache: dict[str, str] = {}

    def __call__(self, key: str) -> str:
        text = self.cache.get(key)
        if text is None:
            if key == "language" and self.language == "zh":
                text = "zh-CN"  # Simplified Chinese, for <html lang> and screen readers
            else:
                text = str(self.lang.t(key)) or str(self.fallback.t(key)) or key
            self.cache[key] = text
        return text


class NavCache:
    """Called as `replysite_nav()` from the speed-ups' `partials/nav.html`, in place of Material's partial."""

    enabled = True  # tests turn it off to compare against Material's own rendering

    def __init__(self, env: jinja2.Environment, nav, homepage_url: str, logo: str | None) -> None:
        # Material's partial, compiled under its own name-less template: our override shadows
        # the name `partials/nav.html`.
        self.template = env.from_string(MATERIAL_NAV.read_text(encoding="utf-8"))
        self.in_nav = {id(p) for p in nav.pages}
        self.targets = sorted(set(_urls(nav.items)) | {homepage_url} | ({logo} if logo else set()))
        self.cache: dict[tuple[str, ...], Markup] = {}
        self.hits = 0

    @jinja2.pass_context
    def __call__(self, context: jinja2.runtime.Context) -> Markup:
        page = context.get("page")
        if not self.enabled or page is None or id(page) in self.in_nav or page.parent is not None:
            return Markup(self.template.render(context.get_all()))
        base = context.get("base_url", "")
        key = tuple(normalize_url(t, page=page, base=base) for t in self.targets)
        html = self.cache.get(key)
        if html is None:
            html = self.cache[key] = Markup(self.template.render(context.get_all()))
        else:
            self.hits += 1
        return html


def _urls(items) -> list[str]:
    """Every URL in the navigation: pages, links and, recursively, sections' children."""
    urls = []
    for item in items:
        if getattr(item, "url", None) is not None:
            urls.append(item.url)
        urls += _urls(getattr(item, "children", None) or ())
    return urls
