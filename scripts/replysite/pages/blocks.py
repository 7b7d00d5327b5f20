"""A generated page: its Markdown, plus finished HTML blocks that skip Python-Markdown."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Sequence

BLOCK = "RSHTMLBLOCK{}X"
BLOCK_RE = re.compile(r"<p>RSHTMLBLOCK(\d+)X</p>")


@dataclass(frozen=True)
class GeneratedPage:
    """A page's Markdown, plus finished HTML blocks that stand in it as placeholder paragraphs.

    Python-Markdown parses every raw HTML block with an HTML parser, which made metadata and
    long index lists the most expensive part of a build; HTML kept in `blocks` skips Markdown
    and is put back into the rendered page by `fill_blocks`.
    """

    src_uri: str
    content: str
    blocks: tuple[str, ...] = ()


class Blocks:
    """Collects a page's HTML blocks; calling it returns the placeholder paragraph."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def __call__(self, html: str) -> str:
        if not html:
            return ""
        self.items.append(html)
        return "\n" + BLOCK.format(len(self.items) - 1) + "\n"


def fill_blocks(html: str, blocks: Sequence[str]) -> str:
    return BLOCK_RE.sub(lambda m: blocks[int(m.group(1))], html) if blocks else html


def front_matter(**meta: object) -> str:
    """YAML front-matter for a generated page (JSON is valid YAML, so values are safely quoted)."""
    lines = [f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in meta.items() if v]
    return "---\n" + "\n".join(lines) + "\n---\n\n" if lines else ""
