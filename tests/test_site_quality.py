"""The published fixture site as a whole: links, accessibility, 404, sitemap, feeds, exports."""

from __future__ import annotations

import csv
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import feedparser
import pytest
from axe_playwright_python.base import AXE_SCRIPT

from browser import chromium
from conftest import FIXTURE_SITE_REPLIES
from replysite.local_http import serve

SITE_PATH = "/replysite/"  # the path of site_url in mkdocs.yml


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        for name, value in attrs:
            if value and ((tag in ("a", "link") and name == "href") or (tag in ("script", "img") and name == "src")):
                self.refs.append(value)


def resolve(site: Path, page: Path, ref: str) -> Path | None:
    """The file a link points to inside the built site, or None for a link to elsewhere."""
    url = urlsplit(urljoin("http://site" + SITE_PATH + page.relative_to(site).as_posix(), ref))
    if (url.scheme, url.netloc) not in (("http", "site"), ("https", "example.github.io")):
        return None
    path = unquote(url.path)
    assert path.startswith(SITE_PATH), (page, ref)
    target = site / path[len(SITE_PATH):]
    return target / "index.html" if path.endswith("/") else target


def test_no_broken_internal_link(built_fixture_site: Path) -> None:
    broken, checked = [], 0
    for page in sorted(built_fixture_site.rglob("*.html")):
        parser = _Refs()
        parser.feed(page.read_text(encoding="utf-8"))
        for ref in parser.refs:
            if ref.startswith(("#", "mailto:", "javascript:")):
                continue
            target = resolve(built_fixture_site, page, ref)
            if target is None:
                continue
            checked += 1
            if not target.is_file():
                broken.append(f"{page.relative_to(built_fixture_site)} → {ref}")
    assert broken == []
    assert checked > 1000


AXE_PAGES = ["", "years/", "units/xinjian-zhengshuju/", "replies/xinjian-2023-jianyi-55/",
             "replies/fixture-2022-jianyi-31/", "stats/", "search/", "search/?q=营商环境", "open-data/"]


@pytest.mark.parametrize("width", [1280, 390])
def test_axe_finds_no_serious_or_critical_violation(built_fixture_site: Path, width: int) -> None:
    found = {}
    with serve(built_fixture_site.parent) as base, chromium() as browser:
        page = browser.new_page(viewport={"width": width, "height": 900})
        for path in AXE_PAGES:
            page.goto(f"{base}site/{path}")
            page.wait_for_load_state("networkidle")
            page.evaluate(AXE_SCRIPT)
            result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
            bad = [(v["id"], len(v["nodes"])) for v in result["violations"]
                   if v["impact"] in ("serious", "critical")]
            assert result["passes"] or result["violations"] or result["incomplete"]
            if bad:
                found[path] = bad
    assert found == {}


def test_404_page_is_chinese(built_fixture_site: Path) -> None:
    html = (built_fixture_site / "404.html").read_text(encoding="utf-8")
    assert "<h1>404 - 找不到页面</h1>" in html and "返回首页" in html


def test_sitemap_lists_every_reply_with_its_date_and_no_build_date(built_fixture_site: Path) -> None:
    xml = (built_fixture_site / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>https://example\.github\.io/replysite/replies/([a-z0-9-]+)/</loc>\s*"
                      r"<lastmod>(\d{4}-\d{2}-\d{2})</lastmod>", xml)
    assert dict(locs)["xinjian-2023-jianyi-55"] == "2023-07-17"
    assert len(locs) == len(list(FIXTURE_SITE_REPLIES.rglob("*.md")))
    cases = re.findall(r"<loc>https://example\.github\.io/replysite/cases/([a-z0-9-]+)/</loc>\s*"
                       r"<lastmod>(\d{4}-\d{2}-\d{2})</lastmod>", xml)
    assert len(cases) == 3  # a case page (of several documents): its latest document's date
    assert xml.count("<lastmod>") == len(locs) + len(cases)
    assert "fixture-2023-tian-9-old" not in xml  # a former id's redirect is not a page


def test_canonical_links(built_fixture_site: Path) -> None:
    html = (built_fixture_site / "replies" / "xinjian-2023-jianyi-55" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://example.github.io/replysite/replies/xinjian-2023-jianyi-55/">' in html


class _HeadLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "link":
            self.links.append({name: value or "" for name, value in attrs})


def atom_feeds(html: str) -> list[str]:
    """Feeds as Atom autodiscovery finds them: a <link> whose rel keywords include `alternate`
    (a space-separated, case-insensitive list) with type application/atom+xml."""
    parser = _HeadLinks()
    parser.feed(html)
    return [link["href"] for link in parser.links if "alternate" in link.get("rel", "").lower().split()
            and link.get("type") == "application/atom+xml" and link.get("title")]


def test_feeds_are_linked_and_parse(built_fixture_site: Path) -> None:
    unit = (built_fixture_site / "units" / "xinjian-zhengshuju" / "index.html").read_text(encoding="utf-8")
    assert atom_feeds(unit) == ["../../feeds/units/xinjian-zhengshuju.atom.xml", "../../feeds/all.atom.xml"]
    topic = (built_fixture_site / "topics" / "yingshang-huanjing" / "index.html").read_text(encoding="utf-8")
    assert "../../feeds/topics/yingshang-huanjing.atom.xml" in atom_feeds(topic)
    for page in built_fixture_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html:
            continue  # a former id's redirect page: no theme, no feed
        feeds = [resolve(built_fixture_site, page, href) for href in atom_feeds(html)]
        assert feeds[-1:] == [built_fixture_site / "feeds" / "all.atom.xml"], page
        assert all(feed.is_file() for feed in feeds), page
        # Material's script takes <link rel="alternate"> (exactly) for another language's site and
        # requests its sitemap.xml: feeds/sitemap.xml, which does not exist (tests/test_browser_requests.py).
        parser = _HeadLinks()
        parser.feed(html)
        assert not [link for link in parser.links if link.get("rel", "").strip().lower() == "alternate"], page
    feeds = sorted((built_fixture_site / "feeds").rglob("*.atom.xml"))
    assert feeds
    for feed in feeds:
        parsed = feedparser.parse(feed.read_bytes())
        assert not parsed.bozo, (feed, parsed.get("bozo_exception"))
    everything = feedparser.parse((built_fixture_site / "feeds" / "all.atom.xml").read_bytes())
    assert len(everything.entries) == len(list(FIXTURE_SITE_REPLIES.rglob("*.md")))  # every document
    assert everything.entries[0].link == "https://example.github.io/replysite/replies/fixture-2024-tian-12-jinzhan/"
    overdue = feedparser.parse((built_fixture_site / "feeds" / "overdue.atom.xml").read_bytes())
    assert [e.title for e in overdue.entries] == ["《关于建设城北停车场的建议》（区交通运输局）"]


def test_open_data_counts_match_the_files(built_fixture_site: Path) -> None:
    files = len(list(FIXTURE_SITE_REPLIES.rglob("*.md")))
    records = json.loads((built_fixture_site / "data" / "replies.json").read_text(encoding="utf-8"))
    assert len(records) == files
    raw = (built_fixture_site / "data" / "replies.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert len(rows) == files
    withheld = next(r for r in records if r["id"] == "fixture-2022-jianyi-31")
    assert withheld["disclosure"] == "不予公开" and withheld.get("body") is None
