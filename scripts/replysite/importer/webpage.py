"""A saved web page of a government column (建议提案办理) as the lines a reader sees.

The page is parsed with lxml (libxml2's HTML parser, as browsers recover broken markup);
scripts, styles, hidden elements (a CMS's repeated title and article id), and navigation,
breadcrumbs, sharing, related-article and footer blocks are dropped; every block element,
`<br>` and table row becomes a line of its own and table cells are separated by tabs, so that
a metadata table (`发文字号<TAB>…`) or a portal's field table stays one labelled line. Lines are
never joined here: what is furniture and where the letter starts and ends is decided by the
same line rules as for any text (`clean.py`, `extract.py`).

No main-content extractor is used: they drop the heading and the metadata tables that hold the
number and the 文号, or collapse an old table-layout page into one line (see the research notes
in docs/staff-guide.md's import section).
"""

from __future__ import annotations

import re

from .errors import DocumentError

_BLOCKS = frozenset(("p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tbody",
                     "thead", "tfoot", "section", "article", "header", "footer", "nav", "aside", "dd",
                     "dt", "dl", "center", "form", "blockquote", "pre", "address", "main", "figure",
                     "figcaption", "caption", "hr", "title"))
_DROP_TAGS = frozenset(("script", "style", "noscript", "template", "iframe", "object", "embed", "head",
                        "select", "button", "input", "textarea", "svg", "canvas", "nav", "aside"))
# class/id words of blocks that are never the letter
_FURNITURE_WORDS = frozenset((
    "footer", "foot", "copyright", "bottom", "nav", "navbar", "menu", "breadcrumb", "crumb", "crumbs",
    "location", "position", "weizhi", "dqwz", "share", "bdshare", "related", "xgwz", "xgxx", "links",
    "friendlink", "yqlj", "prevnext", "prev-next", "pagination", "sidebar", "toolbar", "topbar",
    "top-bar", "search", "login"))
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-]+)", re.IGNORECASE)
_SPACE = re.compile(r"[ \t\r\n\f\v]+")


def decode_page(raw: bytes) -> str:
    """The page's text: the charset its <meta> declares (GB2312/GBK read as GB18030, their
    superset), else UTF-8, else GB18030."""
    declared = _CHARSET.search(raw[:4096])
    names = []
    if declared:
        name = declared.group(1).decode("ascii", "replace").lower()
        names.append("gb18030" if name.replace("-", "") in ("gb2312", "gbk", "gb18030", "cp936") else name)
    names += ["utf-8-sig", "gb18030"]
    for name in names:
        try:
            return raw.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    raise DocumentError("无法识别网页的编码（不是 UTF-8，也不是 GBK/GB18030）")


def _words(element) -> set[str]:
    values = f"{element.get('class', '')} {element.get('id', '')}".lower()
    words = set(re.split(r"[\s]+", values)) - {""}
    return words | {w for word in words for w in re.split(r"[-_]", word)}


def _is_hidden(element) -> bool:
    return bool(_HIDDEN_STYLE.search(element.get("style", ""))) or element.get("hidden") is not None \
        or element.get("aria-hidden") == "true"


def _prune(root) -> None:
    """Remove what is never the letter; a block that holds most of the page's text stays (a
    page whose letter sits inside a wrapper named like furniture)."""
    total = len(root.text_content() or "") or 1
    for element in list(root.iter()):
        if not isinstance(element.tag, str) or element.getparent() is None:
            continue
        tag = element.tag.lower()
        drop = tag in _DROP_TAGS or _is_hidden(element)
        if not drop and tag != "body" and _words(element) & _FURNITURE_WORDS:
            drop = len(element.text_content() or "") < 0.4 * total
        if drop:
            element.drop_tree()


def _lines(root) -> list[str]:
    out: list[str] = []

    def text(value: str | None) -> None:
        if value:
            out.append(_SPACE.sub(" ", value))

    def walk(element) -> None:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if tag in _BLOCKS or tag == "tr":
            out.append("\n\n")
        elif tag in ("td", "th"):
            out.append("\t")
        elif tag == "br":
            out.append("\n\n")
        if tag:
            text(element.text)
            for child in element:
                walk(child)
        if tag in _BLOCKS or tag == "tr":
            out.append("\n\n")
        if element.getparent() is not None:
            text(element.tail)

    walk(root)
    lines = []
    for line in "".join(out).split("\n"):
        line = line.replace("\xa0", " ").strip(" \t")
        line = re.sub(r"\t[ \t]*", "\t", line)
        lines.append(line)
    return lines


def page_text(raw: bytes) -> str:
    """The lines of a saved web page, blocks separated by blank lines."""
    from lxml import etree, html

    text = decode_page(raw)
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)  # lxml refuses an encoding declaration in a str
    try:
        root = html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise DocumentError("无法读取网页：文件中没有可读的内容") from exc
    body = root.find("body")
    _prune(body if body is not None else root)
    lines = _lines(body if body is not None else root)
    joined = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", joined).strip() + "\n"
