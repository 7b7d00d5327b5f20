"""Links between generated pages: the fast relative-path helper agrees with posixpath."""

from __future__ import annotations

import itertools
import posixpath

import pytest

from replysite.markdown_text import href, url_dir

PAGES = ["index.md", "replies/x.md", "years/2023/index.md", "years/2023/page/2.md", "search/index.md",
         "units/index.md", "all/page/3.md", "proposers/程伟川/index.md"]
FILES = ["search-data", "assets/replysite/search/search.js", "feeds/all.atom.xml"]


@pytest.mark.parametrize("src,to", list(itertools.product(PAGES, PAGES + FILES)))
def test_href_matches_posixpath(src: str, to: str) -> None:
    target = url_dir(to) if to.endswith(".md") else to
    expected = posixpath.relpath(target or ".", url_dir(src) or ".")
    if to.endswith(".md") and not expected.endswith("/"):
        expected += "/"
    assert href(src, to) == expected


def test_examples() -> None:
    assert href("replies/x.md", "years/2023/index.md") == "../../years/2023/"
    assert href("years/2023/page/2.md", "years/2023/index.md") == "../../"
    assert href("search/index.md", "search-data") == "../search-data"
