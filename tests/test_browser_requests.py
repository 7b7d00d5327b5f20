"""No page makes a request that fails: Debian's Chromium opens the home page, a reply, an index,
the search page (with a query, so the search data is fetched) and the statistics, every response
is recorded, and none has a status of 400 or more, and no request fails without one.

Material's script took the site's Atom links (`<link rel="alternate">`) for another language's
site and requested `feeds/sitemap.xml` beside them on every page: a 404 in every visitor's
console. The links are `rel="alternate feed"` now (engine/templates/main.html), which feed
readers still find (tests/test_site_quality.py) and Material's script no longer takes."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from browser import chromium
from replysite.local_http import serve

PAGES = {
    "home": "",
    "reply": "replies/xinjian-2023-jianyi-55/",
    "index": "units/xinjian-zhengshuju/",  # an index with a feed of its own
    "search": "search/?q=" + quote("营商环境"),
    "statistics": "stats/",
}


def test_no_page_makes_a_request_that_fails(built_fixture_site: Path) -> None:
    responses: dict[str, list[tuple[int, str]]] = {}
    failed: list[str] = []
    with serve(built_fixture_site.parent) as base, chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        seen: list[tuple[int, str]] = []
        page.on("response", lambda response: seen.append((response.status, response.url)))
        page.on("requestfailed", lambda request: failed.append(f"{request.url} {request.failure}"))
        for name, path in PAGES.items():
            seen.clear()
            page.goto(f"{base}site/{path}")
            page.wait_for_load_state("networkidle")
            if name == "search":
                page.wait_for_selector("#reply-search[data-state=done]")
            responses[name] = list(seen)
    bad = {name: [(status, url) for status, url in got if status >= 400] for name, got in responses.items()}
    assert bad == {name: [] for name in PAGES}
    assert failed == []
    # Every page was really loaded with what it needs (so an empty record cannot pass).
    for name, path in PAGES.items():
        urls = [url for _, url in responses[name]]
        assert urls[0] == f"{base}site/{path}", name
        assert any("/assets/javascripts/bundle." in url for url in urls), name
        assert not any(url.endswith("/sitemap.xml") for url in urls), name
    assert any("/search-data/" in url for _, url in responses["search"])
