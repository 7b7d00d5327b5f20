"""Plain paragraphs of a reply body as finished HTML, without Python-Markdown.

A reply is mostly paragraphs of plain Chinese text, and converting reply bodies was the largest
single cost of a build (about 2.5 ms a reply). A paragraph that no Markdown rule can touch comes
out of Python-Markdown as exactly `<p>text</p>`; `lift_plain_paragraphs` turns each run of such
paragraphs into one finished HTML block (`pages.Blocks`), and Python-Markdown still converts
everything else around the placeholders, so lists, quotes, tables, headings and links keep their
usual meaning. Only used when the site's Markdown extensions are all in `SAFE_EXTENSIONS`
(none of them touches such a paragraph); tests convert every synthetic body and a set of edge
cases both ways and compare the HTML.
"""

from __future__ import annotations

import re
from itertools import groupby
from typing import Callable, Iterable

# Extensions (short and full names) that leave a plain paragraph alone; MkDocs always adds toc,
# tables and fenced_code.
SAFE_EXTENSIONS = frozenset(
    name for short in ("toc", "tables", "fenced_code", "admonition", "attr_list", "def_list", "md_in_html")
    for name in (short, f"markdown.extensions.{short}"))

# A character with a meaning somewhere in Markdown or in the HTML output, or one that Python-Markdown
# or the sanitizer rewrites (tabs, carriage returns, the control characters Python-Markdown uses
# for its own placeholders, U+00A0 which the sanitizer writes as &nbsp;): lifted paragraphs are put
# in after the page is sanitized, and must come out exactly as the sanitized ones do.
_SPECIAL = re.compile(r"[\\`*_\[\]!<>&{}|~\x00-\x09\x0b-\x1f\x7f-\xa0]")
# What a line may not start with: block syntax (headings, quotes, lists, rules, setext underlines,
# definitions, ordered lists) or white space (indented code, lazy continuation; str.lstrip in
# Python-Markdown also drops an ideographic space).
_BAD_START = re.compile(r"[#>*+\-=:]|\d+\.|\s")
_DEFINITION = re.compile(r" {0,3}:")  # a following block starting so makes the paragraph a term
# A whole body with any of these is left to Python-Markdown: raw HTML and fenced code can span
# blank lines and hold what looks like plain paragraphs.
_WHOLE_BODY = ("<", "```", "~~~", "\t", "\r")


def applies(extensions: Iterable[object]) -> bool:
    """Whether plain paragraphs may skip Python-Markdown with these extensions."""
    return all(isinstance(e, str) and e in SAFE_EXTENSIONS for e in extensions)


def is_plain(lines: list[str]) -> bool:
    """Whether these lines, as a paragraph, come out of Python-Markdown as they are."""
    return all(line and not _BAD_START.match(line) and not line[-1].isspace() and not _SPECIAL.search(line)
               for line in lines)


def lift_plain_paragraphs(markdown: str, block: Callable[[str], str]) -> str:
    """`markdown` with each run of plain paragraphs replaced by `block(html)` (a placeholder
    paragraph standing for the finished HTML)."""
    if any(s in markdown for s in _WHOLE_BODY):
        return markdown
    lines = markdown.split("\n")
    # blocks: [first, last] line numbers of each stretch of non-blank lines
    spans: list[list[int]] = []
    for i, line in enumerate(lines):
        if line.strip(" "):
            if spans and spans[-1][1] == i - 1:
                spans[-1][1] = i
            else:
                spans.append([i, i])
    plain = [is_plain(lines[a:b + 1]) for a, b in spans]
    for k in range(len(spans) - 1):
        if plain[k] and _DEFINITION.match(lines[spans[k + 1][0]]):
            plain[k] = False
    out: list[str] = []
    at = 0  # next line of `lines` to copy
    for lifted, group in groupby(zip(spans, plain), key=lambda item: item[1]):
        if not lifted:
            continue
        run = [span for span, _ in group]
        html = "\n".join("<p>" + "\n".join(lines[a:b + 1]) + "</p>" for a, b in run)
        out.extend(lines[at:run[0][0]])
        out.append(block(html).strip("\n"))
        at = run[-1][1] + 1
    if at == 0:
        return markdown
    out.extend(lines[at:])
    return "\n".join(out)
