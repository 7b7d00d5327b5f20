"""The allowlist every generated page's rendered Markdown passes before it reaches a reader.

A reply body is staff's Markdown, and Markdown passes raw HTML and `attr_list` attributes
through. Whatever `check` rejects or misses, the HTML that Python-Markdown makes of a generated
page goes through nh3 (the Ammonia sanitizer, with html5ever: a browser's HTML parser, so
comments, raw-text elements and entities are read as a browser reads them) and keeps only the
elements and attributes a letter needs, with `http`, `https`, `mailto` and relative URLs. The
finished HTML blocks this project writes itself (metadata, lists, breadcrumbs) are put in after
this step (`blocks.fill_blocks`); they are escaped where they are written.
"""

from __future__ import annotations

import html
import re

import nh3

TAGS = frozenset({
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code",
    "ul", "ol", "li", "dl", "dt", "dd", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
    "a", "strong", "b", "em", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup", "abbr",
    "span", "div",
})
ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "ol": {"start"},
    "th": {"style", "colspan", "rowspan", "scope"},
    "td": {"style", "colspan", "rowspan"},
    **{f"h{n}": {"id"} for n in range(1, 7)},
}
# Admonitions (Python-Markdown's admonition extension) keep their look.
CLASSES = {"div": {"admonition", "note", "tip", "info", "warning", "danger", "important", "caution"},
           "p": {"admonition-title"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
# Heading anchors as the toc extension writes them; never one of Material's own `__…` ids.
_ANCHOR = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_-]{0,99}")
_TAG = re.compile(r"<[^>]*>")


def safe_anchor(value: str) -> str:
    """An element id as the toc extension writes it, or "" (never one of the theme's `__…`)."""
    return value if _ANCHOR.fullmatch(value) and not value.startswith("__") else ""


def _attribute(tag: str, name: str, value: str) -> str | None:
    if name == "id":
        return safe_anchor(value) or None
    return value


_CLEANER = nh3.Cleaner(tags=set(TAGS), attributes={k: set(v) for k, v in ATTRIBUTES.items()},
                       allowed_classes={k: set(v) for k, v in CLASSES.items()},
                       attribute_filter=_attribute, url_schemes=set(URL_SCHEMES), link_rel=None,
                       filter_style_properties={"text-align"}, strip_comments=True,
                       clean_content_tags={"script", "style", "noscript", "template", "textarea", "title",
                                           "xmp", "noembed", "noframes", "iframe", "object", "svg", "math"})


def sanitize_html(fragment: str) -> str:
    """The fragment with everything outside the allowlist removed."""
    return _CLEANER.clean(fragment)


def toc_title(title: str) -> str:
    """A table-of-contents entry as safe HTML text (themes print it as HTML)."""
    return html.escape(html.unescape(_TAG.sub("", title)), quote=True)
