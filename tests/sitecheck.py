"""Reading a built site: which reply pages exist and which replies each index lists."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin

REPLY_LINK = re.compile(r"^replies/([a-z0-9-]+)/$")
CASE_LINK = re.compile(r"^cases/([a-z0-9-]+)/$")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.in_article = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "article":
            self.in_article += 1
        if tag == "a" and self.in_article:
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.in_article -= 1


def page_url(site: Path, html_file: Path) -> str:
    rel = html_file.relative_to(site).as_posix()
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel


def content_links(site: Path, html_file: Path) -> list[str]:
    """Site-relative targets of the links in the page's article (not the navigation)."""
    parser = _Links()
    parser.feed(html_file.read_text(encoding="utf-8"))
    base = "http://site/" + page_url(site, html_file)
    out = []
    for href in parser.hrefs:
        full = urljoin(base, href)
        if full.startswith("http://site/"):
            out.append(unquote(full[len("http://site/"):].split("#")[0]))
    return out


def index_pages(site: Path, index_dir: str) -> list[Path]:
    folder = site / index_dir
    return [folder / "index.html"] + sorted(
        (folder / "page").glob("*/index.html"), key=lambda p: int(p.parent.name)) \
        if (folder / "page").is_dir() else [folder / "index.html"]


def listed_cases(site: Path, index_dir: str) -> list[str]:
    """Case ids linked from an index and its pagination pages (a case of several documents
    links its case page), in order, with repeats."""
    return [m.group(1) for page in index_pages(site, index_dir) for target in content_links(site, page)
            if (m := CASE_LINK.match(target))]


def listed_replies(site: Path, index_dir: str) -> list[str]:
    """Reply ids linked from an index and all its pagination pages, in order, with repeats."""
    folder = site / index_dir
    pages = [folder / "index.html"] + sorted(
        (folder / "page").glob("*/index.html"), key=lambda p: int(p.parent.name)) \
        if (folder / "page").is_dir() else [folder / "index.html"]
    ids = []
    for page in pages:
        for target in content_links(site, page):
            m = REPLY_LINK.match(target)
            if m:
                ids.append(m.group(1))
    return ids


def shown_count(html_file: Path) -> int:
    m = re.search(r'<strong class="rs-count"[^>]*>(\d+)</strong>', html_file.read_text(encoding="utf-8"))
    assert m, f"no count on {html_file}"
    return int(m.group(1))
