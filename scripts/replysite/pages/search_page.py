"""The search page: a mount point for the search client and its index folder."""

from __future__ import annotations

from ..urls import SEARCH_DATA_DIR, SEARCH_PAGE, asset_path, relative_url
from .blocks import Blocks, GeneratedPage


def search_page() -> GeneratedPage:
    uri = SEARCH_PAGE
    html = Blocks()
    body = ("# 搜索答复\n"
            + html(f'<div id="reply-search" data-index="{relative_url(uri, SEARCH_DATA_DIR)}/"></div>\n'
                   "<noscript>搜索需要浏览器启用 JavaScript；也可以从首页按年度、单位、主题浏览全部答复。</noscript>\n"
                   f'<link rel="stylesheet" href="{relative_url(uri, asset_path("search/search.css"))}">\n'
                   f'<script src="{relative_url(uri, asset_path("search/search.js"))}" defer></script>'))
    return GeneratedPage(uri, body, tuple(html.items), meta={"title": "搜索"})
