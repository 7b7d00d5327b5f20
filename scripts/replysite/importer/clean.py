"""Normalising extracted text and dropping page furniture before any field is read."""

from __future__ import annotations

import re

# Full-width digits and Latin letters become ASCII (1:1, so nothing else moves).
_FULLWIDTH = str.maketrans(
    {**{chr(0xFF10 + i): str(i) for i in range(10)},
     **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
     **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)}})

SPACES = " \t\u3000\u00a0\u2002\u2003\u200b\ufeff"

_FURNITURE = [re.compile(p) for p in (
    # breadcrumbs: "当前位置：首页 > 政务公开 > …", "首页 > …", "a > b > c"
    r"^(当前位置|您现在的位置|您当前的位置|你现在的位置|您的位置|位置)\s*[:：]",
    r"^首页\s*[>＞»›/]",
    r"(\S\s*[>＞»›]\s*){2,}\S",
    # print / close / share / font-size controls (short lines only: a sentence may say 扫一扫)
    r"^.{0,20}(打印正文|打印本页|打印此页|打印文章|关闭窗口|关闭本页|收藏本页|加入收藏|分享到|扫一扫).{0,20}$",
    r"^[【\[]\s*(打印|关闭|收藏|字体|字号|大|小)",
    # previous / next links (they name other suggestions' numbers)
    r"^[【\[]?\s*(上一篇|下一篇|上一条|下一条|上篇|下篇)",
    # view counters ("浏览次数：256", "阅读量 1024"), not "阅读量提升"
    r"(浏览次数|浏览量|浏览人次|访问次数|访问量|阅读次数|阅读量|阅读数|点击数|点击量|点击次数)\s*(?:[:：]|\d)",
    # page metadata: publication / update dates, source, index number
    r"^(发布时间|发布日期|发表时间|更新时间|更新日期|修改时间|来源|信息来源|文章来源|作者|"
    r"责任编辑|发布机构|发布者|索引号|主题分类|体裁分类|生成日期|成文日期|有效性|字号|字体)\s*[:：]",
    # site footer
    r"版权所有|ICP备|网站标识码|公网安备|技术支持\s*[:：]|网站地图|Copyright|©",
    r"^(相关链接|相关文章|相关阅读|相关附件)\s*[:：]?$",
)]

_PAGE_NUMBER = [re.compile(p) for p in (
    r"^[-—–－]+\s*\d{1,3}\s*[-—–－]+$",  # "- 2 -", "—3—" (a bare "2" may be a value)
    r"^第\s*\d+\s*页(\s*[/，,]?\s*共\s*\d+\s*页)?$",
    r"^\d+\s*/\s*\d+$",
)]


def normalize_text(text: str) -> str:
    """Unix line ends, form feeds (PDF page breaks) as blank lines, ASCII digits and letters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    return text.translate(_FULLWIDTH)


def is_furniture(line: str) -> bool:
    """Web-page furniture around a copied letter: breadcrumbs, 打印正文, 上一篇/下一篇,
    view counters, publication/update dates, site footer."""
    return any(p.search(line) for p in _FURNITURE)


def is_page_number(line: str) -> bool:
    """PDF page numbers left in the text: "- 2 -", "—3—", "第2页 共5页", "2/5"."""
    return bool(line) and any(p.match(line) for p in _PAGE_NUMBER)


def clean_lines(text: str) -> list[str]:
    """The text as stripped lines; furniture becomes a blank line, page numbers disappear."""
    result: list[str] = []
    for raw in normalize_text(text).split("\n"):
        line = raw.strip(SPACES)
        if is_page_number(line):
            continue
        result.append("" if is_furniture(line) else line)
    return result


def label(name: str) -> str:
    """A regex for a label whose characters may be spaced out (联 系 人, 抄  送)."""
    return r"\s*".join(re.escape(ch) for ch in name)


COLON = r"\s*[:：]\s*"
