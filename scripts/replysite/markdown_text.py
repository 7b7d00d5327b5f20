"""Small helpers for writing generated Markdown: escaping and relative links between pages."""

from __future__ import annotations

import posixpath
import re

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|!])")


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
