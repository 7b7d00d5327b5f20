"""What staff should take out of a reply body: HTML or Markdown that would run script.

This is the staff-facing side only. Whatever passes here, the built page is safe because the
rendered body goes through an allowlist sanitizer (`pages/sanitize.py`, a browser-grade HTML
parser). Here a body is refused, with the line and a Chinese message, when it plainly tries to
run script, so that staff fix the file instead of publishing a letter with silently missing
parts. The rules read HTML the way a browser does where it matters: entities and tabs inside a
URL scheme, comments closed by `--!>`, and elements whose content a browser does not parse as
HTML (`noscript`, `xmp`, `textarea`, …) are refused outright.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

DANGEROUS_TAGS = frozenset({
    "script", "iframe", "object", "embed", "applet", "frame", "frameset", "base", "meta", "link",
    "style", "form", "svg", "math", "template", "noscript", "noembed", "noframes", "xmp", "textarea",
    "title", "plaintext", "listing", "portal", "input", "button", "select", "option", "isindex",
})
URL_ATTRS = frozenset({"href", "src", "action", "formaction", "xlink:href", "data", "poster",
                       "background", "srcset", "ping", "cite", "longdesc", "lowsrc", "dynsrc"})
# What browsers drop from a URL before reading its scheme: ASCII tab and line breaks anywhere,
# control characters and spaces at the start.
_URL_NOISE = re.compile(r"[\t\n\r]")
_LEADING = re.compile(r"^[\x00-\x20]+")
_BAD_SCHEME = re.compile(r"(javascript|vbscript|data|livescript|mocha)\s*:", re.IGNORECASE)
# Markdown link destinations: inline `](…)`, autolinks `<…:…>` and reference definitions.
_MD_DESTINATION = re.compile(r"\]\(\s*<?([^)>\n]*)|<([A-Za-z][^>\s]*:[^>\s]*)>"
                             r"|^\s{0,3}\[[^\]]+\]:\s*<?(\S+)", re.MULTILINE)
# attr_list: `{: … }`, `{#id …}`, `{.class …}` and the key=value pairs inside.
_ATTR_LIST = re.compile(r"\{:?\s*([#.][^}\n]*|[A-Za-z][^}\n]*=[^}\n]*)\}")
_ATTR_PAIR = re.compile(r"([A-Za-z_:][-\w:.]*)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s}]+)")
_BAD_COMMENT = re.compile(r"<!--(?:(?!-->).)*?(--!>|<!--)", re.S)
_ENTITY_IN_TAG = re.compile(r"<[A-Za-z][^>]*&#", re.S)


def bad_scheme(url: str) -> str | None:
    """The script-running scheme a browser would read in this URL ("javascript"), or None."""
    text = _LEADING.sub("", _URL_NOISE.sub("", html.unescape(url)))
    m = _BAD_SCHEME.match(text)
    return m.group(1).lower() if m else None


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
            elif name in URL_ATTRS and value and (scheme := bad_scheme(value)):
                self.found.append((line, f"HTML 标签 <{tag}> 的 {name} 使用了 {scheme}: 地址；只允许 http/https 链接"))

    handle_startendtag = handle_starttag


def _line(body: str, offset: int) -> int:
    return body.count("\n", 0, offset) + 1


def find_unsafe_html(body: str) -> list[tuple[int, str]]:
    """(line within body, Chinese message) for each dangerous construct."""
    found: list[tuple[int, str]] = []
    if "<" in body:
        finder = _Finder()
        finder.feed(body)
        finder.close()
        found += finder.found
        for m in _BAD_COMMENT.finditer(body):
            found.append((_line(body, m.start()), "HTML 注释的写法不规范（含有 --!> 或嵌套的 <!--），"
                                                  "浏览器会另行解读其后的内容；请删除这段注释"))
    if ":" in body or "&" in body:
        for m in _MD_DESTINATION.finditer(body):
            scheme = bad_scheme(next(g for g in m.groups() if g is not None))
            if scheme:
                found.append((_line(body, m.start()),
                              f"链接使用了 {scheme}: 地址，可能执行脚本；只允许 http/https 链接"))
    if "{" in body:
        for m in _ATTR_LIST.finditer(body):
            for name, value in _ATTR_PAIR.findall(m.group(1)):
                value = value.strip("\"'")
                if name.lower().startswith("on"):
                    found.append((_line(body, m.start()), f"属性列表 {{: …}} 含有事件属性 {name}=，"
                                                          "可能执行脚本；请删除"))
                elif (scheme := bad_scheme(value)):
                    found.append((_line(body, m.start()), f"属性列表 {{: …}} 的 {name} 使用了 {scheme}: 地址；"
                                                          "只允许 http/https 链接"))
    return sorted(set(found))
