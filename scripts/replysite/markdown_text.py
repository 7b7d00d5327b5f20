"""Small helpers for writing generated Markdown: escaping and relative links between pages."""

from __future__ import annotations

import posixpath
import re

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|!])")
# a folder path without empty, "." or ".." parts, ending with "/" when not empty
_PLAIN = re.compile(r"^(?:[^/.][^/]*/)*$|^(?:[^/.][^/]*/)*[^/.][^/]*$")


def esc(text: str) -> str:
    """Escape text so Markdown shows it literally (titles, names)."""
    return _SPECIAL.sub(r"\\\1", text)


def attr(text: str) -> str:
    """Escape text for an HTML attribute value."""
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


def rel(from_uri: str, to_uri: str) -> str:
    """Link from one source page (`years/2023/index.md`) to another, as MkDocs resolves it."""
    return posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")


def link(from_uri: str, to_uri: str, text: str) -> str:
    return f"[{esc(text)}]({rel(from_uri, to_uri)})"


def url_dir(src_uri: str) -> str:
    """The folder a page is served from with directory URLs: `a/b.md` → `a/b/`, `a/index.md` → `a/`."""
    stem = src_uri[:-3]
    return stem[: -len("index")] if stem.endswith("index") else stem + "/"


def _relative(target: str, base: str) -> str:
    """posixpath.relpath for site-relative folders (no `..`, no leading `/`), without its
    abspath calls: generating the pages of a large archive makes hundreds of thousands of links."""
    if (target and base.endswith("/") and target.partition("/")[0] != base.partition("/")[0]
            and _PLAIN.match(target) and _PLAIN.match(base)):
        return "../" * base.count("/") + target.rstrip("/")  # the common case: nothing shared
    t = [p for p in target.split("/") if p and p != "."]
    b = [p for p in base.split("/") if p and p != "."]
    common = 0
    while common < len(t) and common < len(b) and t[common] == b[common]:
        common += 1
    parts = [".."] * (len(b) - common) + t[common:]
    return "/".join(parts) or "."


def href(from_src: str, to: str) -> str:
    """A raw-HTML href from a page to another page (`….md`) or to any file of the built site."""
    target = url_dir(to) if to.endswith(".md") else to
    out = _relative(target, url_dir(from_src))
    return out + "/" if to.endswith(".md") and not out.endswith("/") else out


def a(from_src: str, to: str, text: str) -> str:
    """An HTML link with escaped text (used where raw HTML is cheaper for Markdown than md_in_html)."""
    return f'<a href="{attr(href(from_src, to))}">{attr(text)}</a>'

