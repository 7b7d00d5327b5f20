"""Links between generated pages: the fast relative-path helper agrees with posixpath."""

from __future__ import annotations

import itertools
import posixpath

import pytest

from replysite.urls import page_url, relative_url

PAGES = ["index.md", "replies/x.md", "years/2023/index.md", "years/2023/page/2.md", "search/index.md",
         "units/index.md", "all/page/3.md", "proposers/程伟川/index.md"]
FILES = ["search-data", "assets/replysite/search/search.js", "feeds/all.atom.xml"]


@pytest.mark.parametrize("src,to", list(itertools.product(PAGES, PAGES + FILES)))
def test_href_matches_posixpath(src: str, to: str) -> None:
    target = page_url(to) if to.endswith(".md") else to
    expected = posixpath.relpath(target or ".", page_url(src) or ".")
    if to.endswith(".md") and not expected.endswith("/"):
        expected += "/"
    assert relative_url(src, to) == expected


def test_examples() -> None:
    assert relative_url("replies/x.md", "years/2023/index.md") == "../../years/2023/"
    assert relative_url("years/2023/page/2.md", "years/2023/index.md") == "../../"
    assert relative_url("search/index.md", "search-data") == "../search-data"


def test_fast_relative_links_equal_the_general_rule() -> None:
    """`_relative` takes a shortcut when two paths share no first folder; every pair of paths
    built from these segments gives what the general rule gives."""
    import itertools

    from replysite.urls import _relative

    def general(target: str, base: str) -> str:
        t = [p for p in target.split("/") if p and p != "."]
        b = [p for p in base.split("/") if p and p != "."]
        common = 0
        while common < len(t) and common < len(b) and t[common] == b[common]:
            common += 1
        return "/".join([".."] * (len(b) - common) + t[common:]) or "."

    segments = ["", "a", "replies", "units", "x.css", ".hidden", "."]
    paths = {"/".join(c) + end for n in range(4) for c in itertools.product(segments, repeat=n) for end in ("", "/")}
    assert len(paths) > 500
    for target in paths:
        for base in paths:
            assert _relative(target, base) == general(target, base), (target, base)


def test_pages_that_link_alike_link_to_every_reply_and_case_alike() -> None:
    """List entries are made once per `links_alike` value (pages/lists.py `Entries`): any two
    pages sharing it write the same link to every reply and case page, and pages in the replies'
    or cases' own folders share it with no other page."""
    from replysite.urls import case_source, links_alike, reply_source

    segments = ["a", "replies", "cases", "years", "2023", "page", "程伟川", ".x"]
    folders = ["/".join(c) for n in range(4) for c in itertools.product(segments, repeat=n)]
    pages = [f"{f}/index.md" if f else "index.md" for f in folders] + [f"{f}/2.md" for f in folders if f]
    targets = [reply_source("x"), reply_source("y-2"), case_source("c-1"), "replies/index.md", "cases/index.md"]
    by_value: dict[object, list[str]] = {}
    for page in pages:
        by_value.setdefault(links_alike(page), []).append(page)
    assert 1 < len(by_value) < len(pages)
    for value, alike in by_value.items():
        for target in targets:
            assert len({relative_url(page, target) for page in alike}) == 1, (value, alike[:3], target)
    assert isinstance(links_alike("replies/index.md"), str) and isinstance(links_alike("years/2023/index.md"), int)
