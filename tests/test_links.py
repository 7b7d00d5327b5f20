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
