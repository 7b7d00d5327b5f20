"""Line breaks inside a paragraph between two Chinese characters are no break at all.

Reply bodies are often hard-wrapped (typed so, or taken from a PDF). Markdown keeps such a break
as a newline inside the paragraph, and Chromium draws it as a space (`未发现违法违规行 为`); the
CSS rule that would drop it between East Asian characters is not implemented there. So the break
is removed from the Markdown before it is rendered (the reply page) and before it is read as
plain text (search, with one more case: a break between a Chinese character and a letter or
digit, `办结⏎率96.07%`, which the page keeps as the space CSS asks for).

Only breaks that cannot change the Markdown's structure are removed: both lines non-blank,
outside fenced code and `<pre>`, neither line indented by four spaces or a tab (code), not after
an ATX heading, not in a table row, and never before a line that starts a block (a quote, a list
item, a heading).
"""

from __future__ import annotations

import re

_WIDE = re.compile(r"[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u31c0-\u31ef\u3400-\u4dbf"
                   r"\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff01-\uff60\uffe0-\uffe6\u2018\u2019\u201c\u201d"
                   r"\u2014\u2026\U00020000-\U0003ffff]")
_ALNUM = re.compile(r"[0-9A-Za-z%]")
_FENCE = re.compile(r" {0,3}(```|~~~)")
_BLOCK_START = re.compile(r"(#|>|[-*+][ \t]|\d+[.)]([ \t]|$)|\||=+[ \t]*$|-+[ \t]*$|:)")
_HEADING = re.compile(r" {0,3}#")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" ")) if "\t" not in line[: len(line) - len(line.lstrip())] else 99


def _joins(a: str, b: str, search: bool) -> bool:
    if _WIDE.match(a) and _WIDE.match(b):
        return True
    return search and ((_WIDE.match(a) is not None and _ALNUM.match(b) is not None)
                       or (_ALNUM.match(a) is not None and _WIDE.match(b) is not None))


def join_cjk_lines(markdown: str, *, search: bool = False) -> str:
    """`markdown` with each line break between two CJK characters of a paragraph removed (with
    the next line's indentation); with `search`, also between CJK and a letter or digit."""
    if "\n" not in markdown:
        return markdown
    lines = markdown.split("\n")
    out = [lines[0]]
    protected = False  # inside fenced code or <pre>
    fence = ""
    for prev, line in zip(lines, lines[1:]):
        m = _FENCE.match(prev)
        if m and (not protected or m.group(1) == fence):
            protected, fence = (not protected), m.group(1)
        elif "<pre" in prev.lower() and "</pre>" not in prev.lower():
            protected, fence = True, "</pre>"
        elif protected and fence == "</pre>" and "</pre>" in prev.lower():
            protected, fence = False, ""
        stripped = line.lstrip(" ")
        if (not protected and prev.strip() and stripped and not _FENCE.match(line)
                and _indent(prev) < 4 and _indent(line) < 4 and not _HEADING.match(prev)
                and "|" not in prev and "|" not in line and not _BLOCK_START.match(stripped)
                and _joins(prev[-1], stripped[0], search)):
            out[-1] += stripped
        else:
            out.append(line)
    return "\n".join(out)
