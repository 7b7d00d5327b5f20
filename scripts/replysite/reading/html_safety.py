"""Finding raw HTML in a reply body that could run script in a visitor's browser.

The body is Markdown, and Markdown passes raw HTML through; rather than silently strip it,
the build refuses such a file and tells staff where the dangerous part is.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

DANGEROUS_TAGS = frozenset({"script", "iframe", "object", "embed", "applet", "frame", "frameset",
                            "base", "meta", "link", "style", "form", "svg", "math"})
URL_ATTRS = frozenset({"href", "src", "action", "formaction", "xlink:href", "data", "poster",
                       "background"})
BAD_SCHEME = re.compile(r"^\s*(javascript|vbscript|data)\s*:", re.IGNORECASE)
# Markdown inline links/images `[x](javascript:...)` and reference definitions `[x]: javascript:...`
MD_LINK = re.compile(r"\]\(\s*<?\s*(javascript|vbscript|data)\s*:|^\s{0,3}\[[^\]]+\]:\s*<?\s*"
                     r"(javascript|vbscript|data)\s*:", re.IGNORECASE | re.MULTILINE)


class _Finder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        if tag in DANGEROUS_TAGS:
            self.found.append((line, f"含有不允许的 HTML 标签 <{tag}>，可能在读者浏览器中执行代码；请删除"))
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append((line, f"HTML 标签 <{tag}> 含有事件属性 {name}=，可能执行脚本；请删除"))
            elif name in URL_ATTRS and value and BAD_SCHEME.match(value):
                self.found.append((line, f"HTML 标签 <{tag}> 的 {name} 使用了 "
                                         f"{BAD_SCHEME.match(value).group(1).lower()}: 地址；只允许 http/https 链接"))

    handle_startendtag = handle_starttag


def find_unsafe_html(body: str) -> list[tuple[int, str]]:
    """(line within body, Chinese message) for each dangerous construct."""
    finder = _Finder()
    if "<" in body:
        finder.feed(body)
        finder.close()
    found = list(finder.found)
    if ":" not in body:
        return sorted(found)  # every scheme needs an ASCII colon (Chinese text uses "："): no link scan
    lower = body.lower()
    if "script" not in lower and "data" not in lower:
        return sorted(found)  # no scheme that could run script: skip the link scan
    for m in MD_LINK.finditer(body):
        scheme = (m.group(1) or m.group(2)).lower()
        found.append((body.count("\n", 0, m.start()) + 1,
                      f"链接使用了 {scheme}: 地址，可能执行脚本；只允许 http/https 链接"))
    return sorted(found)
