"""A generated page: its Markdown, the finished HTML that skips Python-Markdown, its metadata."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from typing import Callable, Mapping, Sequence

from .sanitize import sanitize_html

# Placeholders are paragraphs whose text carries a random nonce, drawn once per process (forked
# workers share it): no reply text can guess one, and none ever reaches the built site.
NONCE = secrets.token_hex(8)
BLOCK = "RSHTMLBLOCK" + NONCE + "N{}X"
BLOCK_RE = re.compile(r"<p>RSHTMLBLOCK" + NONCE + r"N(\d+)X</p>")


@dataclass(frozen=True)
class GeneratedPage:
    """A page's Markdown, plus finished HTML: `blocks` stand in the Markdown as placeholder
    paragraphs, `tail` follows the rendered Markdown.

    Python-Markdown parses every raw HTML block with an HTML parser, which made metadata and
    long index lists the most expensive part of a build; HTML kept in `blocks` skips Markdown
    and is put back into the rendered page by `fill_blocks`. Blocks and tail are HTML this
    project writes (every value escaped where it is written), so they are put in after the
    rendered Markdown has been sanitized. `meta` (title, description, feed …) is given to the
    theme as the page's metadata, never written into the Markdown.
    """

    src_uri: str
    content: str
    blocks: tuple[str, ...] = ()
    tail: str = ""
    meta: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class LaterPage:
    """A page generated only when it is converted (`make()`), so that a build never holds
    every page's Markdown and HTML blocks at once; its metadata is known from the start."""

    src_uri: str
    meta: Mapping[str, object]
    make: Callable[[], GeneratedPage]


class Blocks:
    """Collects a page's HTML blocks; calling it returns the placeholder paragraph."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def __call__(self, html: str) -> str:
        if not html:
            return ""
        self.items.append(html)
        return "\n" + BLOCK.format(len(self.items) - 1) + "\n"


class LostPlaceholder(Exception):
    """A placeholder did not come out of Python-Markdown as a paragraph of its own."""


def fill_blocks(html: str, blocks: Sequence[str]) -> str:
    if not blocks:
        return html
    filled = BLOCK_RE.sub(lambda m: blocks[int(m.group(1))], html)
    if NONCE in filled:
        raise LostPlaceholder("生成的页面中有未能替换的占位符（程序错误，请报告）")
    return filled


def finish_html(page: GeneratedPage, html: str) -> str:
    """The page's Markdown as rendered, sanitized, with its finished HTML put in."""
    return fill_blocks(sanitize_html(html), page.blocks) + page.tail
