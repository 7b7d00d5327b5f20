"""Pages whose Markdown is nothing but plain headings, paragraphs and quotes, converted without
Python-Markdown.

After the replies' plain paragraphs and the generated pages' HTML have become block placeholders
(`pages/blocks.py`), what MkDocs still hands Python-Markdown for most pages is a title, a few
`##` headings and placeholder paragraphs. Python-Markdown's fixed cost for such a page (about
0.5 ms: every block and tree processor runs, the tree is serialised) was the largest part of the
Markdown pass. `SimpleMarkdown.convert` writes the HTML, table of contents tokens, title and
anchor ids of such a page directly, and returns None for anything else, which Python-Markdown then
converts as usual.

A page qualifies only when every block (lines between blank lines) is one of:

- ATX headings, one per line: `#` to `######`, one space, plain text;
- a plain paragraph: lines no Markdown rule can touch (`plain_paragraphs.is_plain`), or one
  line of such text in `**`;
- a plain quote: lines `> ` followed by plain text (one paragraph in a blockquote), not right
  after another quote.

Ids come from the site's own toc extension instance (its slugify, separator and `unique`), and
only when that extension adds neither anchors nor permalinks. `SimpleMarkdown.for_markdown`
converts a probe document both ways and turns the fast path off if the two differ;
tests/test_markdown_reuse.py compares both ways on random documents and on every generated page.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import markdown
from markdown.extensions import toc as toc_ext

from ...pages.plain_paragraphs import is_plain

_HEADING = re.compile(r"(#{1,6}) ([^#]+)\Z")
_BOLD = re.compile(r"\*\*([^*]+)\*\*\Z")  # a section heading of many letters: **一、基本情况**
_UNSAFE_ID = re.compile(r"[&<>\"'\s]")  # ids the serializer would escape: left to Python-Markdown

PROBE = ("# 标题  Title\u3000甲\n\n正文第一行\n第二行。\n\n## 小节\n\n> 引用一\n> 引用二\n\n## 小节\n\n"
         "### Hello World 2\n#### 四级\n\n##### 五\n\n###### 六\n\n**一、基本情况**\n\nRSHTMLBLOCKprobeN0X\n")


@dataclass
class Converted:
    html: str
    toc_tokens: list[dict]
    title: str | None
    anchor_ids: set[str]


class SimpleMarkdown:
    """Converts simple pages as `md` (the site's configured converter) would."""

    def __init__(self, md: markdown.Markdown) -> None:
        processor = md.treeprocessors["toc"] if "toc" in md.treeprocessors else None
        self.enabled = bool(
            processor is not None and not getattr(processor, "use_anchors", True)
            and getattr(processor, "use_permalinks", True) in (False, None)
            and getattr(processor, "base_level", None) == 0)  # headings keep their level
        if self.enabled:
            self._slugify, self._sep = processor.slugify, processor.sep
            self._top, self._bottom = processor.toc_top, processor.toc_bottom

    @classmethod
    def for_markdown(cls, md: markdown.Markdown) -> "SimpleMarkdown":
        """A converter for `md`'s pages, turned off unless it converts a probe page exactly as `md`."""
        simple = cls(md)
        if simple.enabled:
            md.reset()
            want = md.convert(PROBE)
            tokens = getattr(md, "toc_tokens", None)
            got = simple.convert(PROBE)
            md.reset()
            simple.enabled = got is not None and got.html == want and got.toc_tokens == tokens
        return simple

    def convert(self, text: str) -> Converted | None:
        if not self.enabled:
            return None
        blocks: list[list[str]] = [[]]
        for line in text.split("\n"):
            if line:
                blocks[-1].append(line)
            elif blocks[-1]:
                blocks.append([])
        out: list[str] = []
        first_h1: str | None = None
        for lines in blocks:
            if not lines:
                continue
            if lines[0][0] == "#":
                for line in lines:
                    m = _HEADING.match(line)
                    if m is None or not is_plain([m.group(2)]):
                        return None
                    level, name = len(m.group(1)), m.group(2)
                    if not out and level == 1:
                        first_h1 = name
                    out.append((level, name))  # type: ignore[arg-type]  # filled in below
            elif lines[0][0] == ">":
                rest = [line[2:] for line in lines]
                if not all(line.startswith("> ") for line in lines) or not is_plain(rest):
                    return None
                if out and isinstance(out[-1], str) and out[-1].startswith("<blockquote>"):
                    return None  # Python-Markdown continues the quote before
                out.append("<blockquote>\n<p>" + "\n".join(rest) + "</p>\n</blockquote>")
            elif is_plain(lines):
                out.append("<p>" + "\n".join(lines) + "</p>")
            elif len(lines) == 1 and (bold := _BOLD.match(lines[0])) and is_plain([bold.group(1)]):
                out.append(f"<p><strong>{bold.group(1)}</strong></p>")
            else:
                return None
        used: set[str] = set()
        counters: dict[str, int] = {}
        tokens: list[dict] = []
        for i, item in enumerate(out):
            if isinstance(item, tuple):
                level, name = item
                name = toc_ext.strip_tags(name)
                anchor = toc_ext.unique(self._slugify(html.unescape(name), self._sep), used, counters)
                if _UNSAFE_ID.search(anchor):
                    return None
                out[i] = f'<h{level} id="{anchor}">{item[1]}</h{level}>'
                if self._top <= level <= self._bottom:
                    tokens.append({"level": level, "id": toc_ext.unescape(anchor), "name": name,
                                   "html": item[1], "data-toc-label": ""})
        return Converted("\n".join(out), toc_ext.nest_toc_tokens(tokens),
                         " ".join(first_h1.split()) if first_h1 is not None else None, used)
