"""Writing values into generated pages: the one HTML escaper, the one Markdown escaper, links.

Every value from a reply file or a registry reaches a page through one of these.
"""

from __future__ import annotations

import html
import posixpath
import re

from ..urls import relative_url

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|!])")


def escape_markdown(text: str) -> str:
    """Text that Markdown shows literally (titles, names in generated Markdown)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def escape_html(text: str) -> str:
    """Text for HTML element content or a quoted attribute value."""
    return html.escape(text, quote=True)


def markdown_link(from_source: str, to_source: str, text: str) -> str:
    """A Markdown link between two pages' source paths, as MkDocs resolves it."""
    target = posixpath.relpath(to_source, posixpath.dirname(from_source) or ".")
    return f"[{escape_markdown(text)}]({target})"


def html_link(from_source: str, to: str, text: str) -> str:
    """An HTML link with escaped text (raw HTML is cheaper for Markdown than md_in_html)."""
    return f'<a href="{escape_html(relative_url(from_source, to))}">{escape_html(text)}</a>'
