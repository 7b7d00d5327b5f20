"""The search page: a mount point for the search client and its index folder."""

from __future__ import annotations

from ..urls import SEARCH_DATA_DIR, SEARCH_PAGE, asset_path, relative_url
from .blocks import Blocks, GeneratedPage


HELP = ("<details class=\"rs-help\"><summary>搜索说明</summary><ul>"
        "<li>多个词用空格分开，结果须包含全部词语；句号、逗号、顿号、引号、书名号等标点也当作分隔，"
        "可以直接粘贴带标点的文字。</li>"
        "<li>文号的括号不分写法：〔2019〕、[2019]、(2019)、【2019】、（2019）都能找到同一件答复；"
        "全角和半角字母数字（８７．１１％ 与 87.11%）、繁体和简体（營商環境 与 营商环境）视为相同；"
        "“第55号”“第055号”都能找到第 55 号建议或提案。</li>"
        "<li>显示的件数是包含查询词的答复数；标有“约”的是估计数：查询词较长时，要逐件核对原文，"
        "已核对的答复才会列出，点“更多”继续核对。</li>"
        "<li>主题筛选的件数在点开“主题”时统计。</li></ul></details>")


def search_page() -> GeneratedPage:
    """The page body holds the mount point; the client's style and script and a preload of the
    index's meta.json go into the page's head (`search_client`, read by the engine's template), so
    the index is read while the rest of the page is still loading."""
    uri = SEARCH_PAGE
    html = Blocks()
    index = relative_url(uri, SEARCH_DATA_DIR) + "/"
    body = ("# 搜索答复\n"
            + html(f'<div id="reply-search" data-index="{index}"></div>\n'
                   "<noscript>搜索需要浏览器启用 JavaScript；也可以从首页按年度、单位、主题浏览全部答复。</noscript>\n"
                   f"{HELP}"))
    client = {"style": asset_path("search/search.css"), "script": asset_path("search/search.js"),
              "index": SEARCH_DATA_DIR + "/", "meta": SEARCH_DATA_DIR + "/meta.json"}
    return GeneratedPage(uri, body, tuple(html.items), meta={"title": "搜索", "search_client": client})
