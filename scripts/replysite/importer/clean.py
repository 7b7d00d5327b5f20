"""Normalising extracted text and marking page furniture before any field is read."""

from __future__ import annotations

import re
import unicodedata

# Full-width digits and Latin letters become ASCII (1:1, so nothing else moves).
_FULLWIDTH = str.maketrans(
    {**{chr(0xFF10 + i): str(i) for i in range(10)},
     **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
     **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},
     "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u200b": "", "\ufeff": ""})
# Kangxi radicals and compatibility ideographs some Word→PDF printers write for common
# characters (⽂ U+2F42 for 文): NFKC for these characters only — NFKC of the whole text would
# turn ：，（） into ASCII.
_RADICALS = re.compile("[\u2e80-\u2fdf\uf900-\ufaff]")

SPACES = " \t\u3000\u00a0\u2002\u2003\u200b\ufeff"

# A line of page furniture: where the letter on a saved or copied web page ends, fields are no
# longer read (the site's footer names its own owner, address and postcode).
FURNITURE = "\x00"

_FURNITURE = [re.compile(p) for p in (
    # breadcrumbs: "当前位置：首页 > 政务公开 > …", "首页 > …", "a > b > c"
    r"^(当前位置|您现在的位置|您当前的位置|你现在的位置|您的位置|你的位置|位置|所在位置)\s*[:：]",
    r"^(?:网站)?首页\s*[>＞»›/|｜]",
    r"(\S\s*[>＞»›]\s*){2,}\S",
    # a navigation bar: "首页 | 机构概况 | 政务公开 | …"
    r"^(?:[^|｜\s]{1,8}\s*[|｜]\s*){3,}[^|｜\s]{1,8}$",
    # print / close / share / font-size controls (short lines only: a sentence may say 扫一扫)
    r"^.{0,20}(打印正文|打印本页|打印此页|打印文章|打印页面|关闭窗口|关闭本页|收藏本页|加入收藏|分享到|"
    r"扫一扫|返回顶部|返回列表).{0,20}$",
    r"^[【\[]\s*(打印|关闭|收藏|字体|字号|大|小|返回)",
    # previous / next links (they name other suggestions' numbers); related articles
    r"^[【\[]?\s*(上一篇|下一篇|上一条|下一条|上篇|下篇|上一页|下一页)",
    r"^(相关链接|相关文章|相关阅读|相关附件|相关信息|相关新闻|友情链接|热点推荐|推荐阅读)\s*[:：]?",
    # view counters ("浏览次数：256", "阅读量 1024"), not "阅读量提升"
    r"(浏览次数|浏览量|浏览人次|访问次数|访问量|阅读次数|阅读量|阅读数|点击数|点击量|点击次数|点击率)\s*(?:[:：]|\d)",
    # page metadata: publication / update dates, source, index number
    r"^(发布时间|发布日期|发表时间|发表日期|更新时间|更新日期|修改时间|来源|信息来源|文章来源|作者|"
    r"责任编辑|编辑|发布机构|发布者|索\s*引\s*号|主题分类|体裁分类|组配分类|服务对象分类|生成日期|"
    r"成文日期|有\s*效\s*性|字号|字体|时间)\s*[:：]",
    # site footer
    r"版权所有|ICP备|ICP证|网站标识码|网站识别码|公网安备|技术支持\s*[:：]|网站地图|Copyright|©|"
    r"建议使用.{0,20}浏览器|分辨率",
    r"^(?:网站)?(?:主办|承办|主管|维护)(?:单位)?\s*[:：].*(?:地址|邮编|电话|承办|维护|标识码|备案)",
    r"^(?:联系)?地址\s*[:：].*(?:邮编|邮政编码|电话)",
)]

_PAGE_NUMBER = [re.compile(p) for p in (
    r"^[-—–－]+\s*\d{1,3}\s*[-—–－]+$",  # "- 2 -", "—3—" (a bare "2" may be a value)
    r"^第\s*\d+\s*页(\s*[/，,]?\s*共\s*\d+\s*页)?$",
    r"^共\s*\d+\s*页\s*第\s*\d+\s*页$",
    r"^\d+\s*/\s*\d+$",
)]

_CJK = r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]"
_CJK_GAP = re.compile(rf"(?<={_CJK})[ \t]+(?=[0-9A-Za-z])|(?<=[0-9A-Za-z])[ \t]+(?={_CJK})")


def normalize_text(text: str) -> str:
    """Unix line ends, form feeds (PDF page breaks) as blank lines, ASCII digits and letters,
    radicals as the characters they stand for."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    text = _RADICALS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    return text.translate(_FULLWIDTH)


def is_furniture(line: str) -> bool:
    """Web-page furniture around a copied letter: breadcrumbs, navigation, 打印正文,
    上一篇/下一篇, related articles, view counters, publication dates, site footer."""
    return any(p.search(line) for p in _FURNITURE)


def is_page_number(line: str) -> bool:
    """PDF page numbers left in the text: "- 2 -", "—3—", "第2页 共5页", "2/5"."""
    return bool(line) and any(p.match(line) for p in _PAGE_NUMBER)


def clean_lines(text: str) -> list[str]:
    """The text as stripped lines; furniture becomes FURNITURE, page numbers disappear."""
    result: list[str] = []
    for raw in normalize_text(text).split("\n"):
        line = raw.strip(SPACES)
        if is_page_number(line):
            continue
        result.append(FURNITURE if is_furniture(line) else line)
    return result


def compact(text: str) -> str:
    """Without the spaces extraction puts between Chinese and digits or Latin letters
    (`〔2021〕3 号`, `第 58 号`, `2021 年 7 月 15 日`, `A 类`), for reading numbers and dates."""
    return _CJK_GAP.sub("", text)


def label(name: str) -> str:
    """A regex for a label whose characters may be spaced out (联 系 人, 抄  送, 案　由)."""
    return r"\s*".join(re.escape(ch) for ch in name)


COLON = r"\s*[:：]\s*"
