"""How search reads text and queries (textnorm.py) and its JavaScript twin in search.js, case by
case and on random text; line breaks inside paragraphs (archive/line_breaks.py)."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Iterator

import numpy as np
import pytest
from playwright.sync_api import Page

from replysite.archive.line_breaks import join_cjk_lines
from replysite.local_http import serve
from replysite.outputs.search import build_index
from replysite.outputs.search.keys import NormTable, batch_pairs
from replysite.outputs.search.textnorm import (FOLD, doc_keys, fold_patches, key_phases, key_hash, normalize, query_terms,
                                               term_keys)

from browser import chromium
from test_search_index import fixture_records, search_site

# (query as typed, its terms): one case per rule of textnorm's docstring
QUERY_CASES = [
    *[(f"示市监议复字{o}2019{c}12号", ["示市监议复字〔2019〕12号"])
      for o, c in ("[]", "()", "【】", "［］", "（）", "〈〉", "⟨⟩", "﹝﹞", "〔〕")],
    ("营商环境。", ["营商环境"]),
    ("“营商环境”", ["营商环境"]),
    ("「营商环境」", ["营商环境"]),
    ("全面推进“放管服”改革", ["全面推进", "放管服", "改革"]),
    ("《示例市全域旅游工作考核办法》", ["示例市全域旅游工作考核办法"]),
    ("营商环境、养老；托育！", ["营商环境", "养老", "托育"]),
    ("87.11%", ["87.11%"]),
    ("８７．１１％", ["87.11%"]),
    ("ＡＢＣ-12", ["abc-12"]),
    ("第055号", ["第55号"]),
    ("第55号建议", ["第55号建议"]),
    ("營商環境", ["营商环境"]),
    ("乾淨 頭髮 於是 著力 答覆 衞生", ["干净", "头发", "于是", "着力", "答复", "卫生"]),
    ("营商\u3000环境\u00a0养老\u2003托育\t就业", ["营商", "环境", "养老", "托育", "就业"]),
    ("营商\u200b环境", ["营商环境"]),
    ("办结率96.07%，", ["办结率96.07%"]),
    ("1,000 10:30 www.gov.cn 3.14", ["1,000", "10:30", "www.gov.cn", "3.14"]),
    ("一网通办, 接诉即办: 双随机.", ["一网通办", "接诉即办", "双随机"]),
    ("⼀网通办", ["一网通办"]),
    ("营商 营商", ["营商"]),
    ("。，“”", []),
]


@pytest.mark.parametrize("query, terms", QUERY_CASES)
def test_query_terms(query: str, terms: list[str]) -> None:
    assert query_terms(query) == terms


def test_normalisation_keeps_length_and_positions() -> None:
    text = "答覆：营商环境（2019）12号，“办结率”87.11%。𠀀ＡＢ"
    n = normalize(text)
    assert len(n.encode("utf-16-le")) == len(text.encode("utf-16-le"))
    assert n == "答复 营商环境〔2019〕12号  办结率 87.11% 𠀀ab"


def test_fold_table_is_one_to_one_and_closed() -> None:
    assert len(FOLD) > 3000 and FOLD["營"] == "营" and FOLD["覆"] == "复" and FOLD["衞"] == "卫"
    for t, s in FOLD.items():
        assert len(t) == len(s) == 1 and len(t.encode("utf-16-le")) == len(s.encode("utf-16-le"))
        assert s not in FOLD  # folding twice changes nothing


def test_fold_patches_mark_what_the_table_changes() -> None:
    assert fold_patches("答覆𠀀覆盖營商") == [[1, "复"], [4, "复"], [6, "营"]]  # UTF-16 positions
    assert fold_patches("营商环境") == []


@pytest.mark.parametrize("term, keys, exact", [
    ("营", ["营"], True), ("营商", ["营商"], True), ("营商环", ["营商", "商环"], False),
    ("营商环境", ["营商环境"], True), ("营商环境好", ["营商环境", "商环境好"], False),
    ("87.11%", ["87.11%"], True), ("率96.07%", ["率96.07%"], True), ("3号", ["3号"], True),
    ("〔2019〕12号", ["〔2019〕12号"], True), ("第55号", ["第55号"], True),
    ("办结率96.07%", ["办结", "结率", "率96.07%"], False),
    ("示市监议复字〔2019〕12号", ["示市监议", "监议复字", "字〔2019〕12号"], False),
    ("0791830986031", ["079183098603", "791830986031"], False),
    ("营商营商营商", ["营商营商"], False),  # one key, but it does not cover the term
])
def test_term_keys(term: str, keys: list[str], exact: bool) -> None:
    assert term_keys(term) == (keys, exact)


def random_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    alphabet = "营商环境办结率号第〔〕()（）.,:%-0123456789abAB 。，、\n“”〇𠀀覆營"
    return ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 80))) for _ in range(n)]


def test_numpy_keys_are_doc_keys() -> None:
    texts = random_texts(400, 1) + ["办结率96.07%，示市监议复字[2019]12号 第55号建议 1,000 www.gov.cn", "", "a",
                                    "营商环境营商环境，营商环境优化营商环境", "覆營商环境覆營商环境覆營商环境"]
    keys, docs, masks = batch_pairs(texts, NormTable())
    got = set(zip(keys.tolist(), docs.tolist()))
    assert len(got) == len(keys)
    want = {((h[0] << 32) | h[1], i) for i, t in enumerate(texts) for h in map(key_hash, doc_keys(normalize(t)))}
    assert got == want
    # each Chinese 4-gram's phases: where it stands in its text, modulo 8; 0 for other keys
    phases = {}
    for i, t in enumerate(texts):
        for g, m in key_phases(normalize(t)).items():
            h = key_hash(g)
            phases[(h[0] << 32 | h[1], i)] = m
    assert sum(1 for m in phases.values() if m & (m - 1)) >= 4  # some stand at several phases
    assert dict(zip(zip(keys.tolist(), docs.tolist()), masks.tolist())) == \
        {pair: phases.get(pair, 0) for pair in got}


def test_every_substring_finds_its_keys_and_exact_keys_prove_it() -> None:
    texts = [normalize(t) for t in random_texts(200, 2)]
    keys = [doc_keys(t) for t in texts]
    rng = random.Random(3)
    for _ in range(3000):
        t = rng.choice([t for t in texts if t.strip()])
        token = rng.choice([x for x in t.split(" ") if x])
        i = rng.randrange(len(token))
        term = token[i:rng.randrange(i + 1, len(token) + 1)]
        ks, exact = term_keys(term)
        holders = [d for d, k in enumerate(keys) if all(x in k for x in ks)]
        truth = [d for d, x in enumerate(texts) if term in x]
        assert set(truth) <= set(holders), term
        if exact:
            assert holders == truth, term


# ---- line breaks inside a paragraph ----------------------------------------------------------

@pytest.mark.parametrize("md, page, search", [
    ("未发现违法违规行\n为。", "未发现违法违规行为。", "未发现违法违规行为。"),
    ("全年办结\n率96.07%。", "全年办结率96.07%。", "全年办结率96.07%。"),
    ("办结率为\n96.07%。", "办结率为\n96.07%。", "办结率为96.07%。"),
    ("第一行，\n  第二行", "第一行，第二行", "第一行，第二行"),  # CJK punctuation, next line's indent
    ("提出的\n“一窗通办”", "提出的“一窗通办”", "提出的“一窗通办”"),
    ("硬换行  \n下一行", "硬换行  \n下一行", "硬换行  \n下一行"),  # hard break: two spaces
    ("硬换行\\\n下一行", "硬换行\\\n下一行", "硬换行\\\n下一行"),
    ("段落\n\n下一段", "段落\n\n下一段", "段落\n\n下一段"),
    ("# 标题\n正文", "# 标题\n正文", "# 标题\n正文"),
    ("正文\n# 标题", "正文\n# 标题", "正文\n# 标题"),
    ("正文\n- 列表", "正文\n- 列表", "正文\n- 列表"),
    ("正文\n1. 列表", "正文\n1. 列表", "正文\n1. 列表"),
    ("- 列表项\n续行", "- 列表项续行", "- 列表项续行"),
    ("引文\n> 引用", "引文\n> 引用", "引文\n> 引用"),
    ("甲 | 乙\n丙 | 丁", "甲 | 乙\n丙 | 丁", "甲 | 乙\n丙 | 丁"),
    ("```\n代码\n代码\n```\n正文\n正文", "```\n代码\n代码\n```\n正文正文", "```\n代码\n代码\n```\n正文正文"),
    ("<pre>\n代码\n代码\n</pre>\n正文\n正文", "<pre>\n代码\n代码\n</pre>\n正文正文", "<pre>\n代码\n代码\n</pre>\n正文正文"),
    ("    代码\n    代码", "    代码\n    代码", "    代码\n    代码"),
    ("标题\n===", "标题\n===", "标题\n==="),
    ("English\nwords", "English\nwords", "English\nwords"),
])
def test_join_cjk_lines(md: str, page: str, search: str) -> None:
    assert join_cjk_lines(md) == page
    assert join_cjk_lines(md, search=True) == search


# ---- the JavaScript twin ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def rules_page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Page]:
    with serve(search_site(tmp_path_factory.mktemp("rules-site"), fixture_records())) as base, chromium() as b:
        page = b.new_page()
        page.goto(f"{base}search/")
        page.wait_for_selector("#reply-search[data-state=done]")
        yield page


def js(page: Page, fn: str, values: list) -> list:
    # the fold table is loaded as a query needing it would load it
    return page.evaluate(f"""async (values) => {{
        const r = window.replySearch.textRules;
        await r.loadFold();
        return values.map(v => r.{fn}(v));
    }}""", values)


def test_js_query_terms_are_python_s(rules_page: Page) -> None:
    queries = [q for q, _ in QUERY_CASES] + random_texts(300, 4)
    assert js(rules_page, "queryTerms", queries) == [query_terms(q) for q in queries]


def test_js_normalises_every_character_as_python(rules_page: Page) -> None:
    # every BMP character that Python 3.11 and Chromium's ICU agree exists (Unicode 14), plus
    # every character of the fold table, each between two letters so the context rule is seen
    chars = [chr(c) for c in range(0x20, 0x10000) if not 0xD800 <= c < 0xE000]
    chars += [c for c in FOLD if ord(c) > 0xFFFF]
    texts = ["a" + "".join(chars[i:i + 500]) + "a" for i in range(0, len(chars), 500)]
    got = js(rules_page, "normTextFolded", texts)
    want = [normalize(t) for t in texts]
    differ = {t[i] for g, w, t in zip(got, want, texts) for i in range(len(w)) if g[i] != w[i]}
    # Unicode 15–16 additions that Python 3.11 does not know (V8 has a newer ICU)
    assert all(not __import__("unicodedata").name(c, "") for c in differ), sorted(differ)[:20]


def narrowing_keys(term: str) -> list[str]:
    """The 4-grams of a term's Chinese runs that `term_keys` leaves out, which search.js also
    looks up to narrow a term's candidates (every reply holding the term holds them)."""
    keys, exact = term_keys(term)
    if exact:
        return []
    out: list[str] = []
    for run in re.findall(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0010ffff]+", term):
        out += [g for g in (run[i:i + 4] for i in range(len(run) - 3)) if g not in keys and g not in out]
    return out


def test_narrowing_keys_are_in_every_reply_holding_the_term() -> None:
    rng = random.Random(8)
    chinese = ["".join(rng.choice("营商环境办结率石桥镇等地建成 。2") for _ in range(rng.randrange(0, 40)))
               for _ in range(200)]
    texts = [normalize(t) for t in random_texts(100, 8) + chinese + ["石桥镇等地建成托育机构示范点11个"]]
    keys = [doc_keys(t) for t in texts]
    tried = 0
    for _ in range(3000):
        t = rng.choice([t for t in texts if t.strip()])
        token = rng.choice([x for x in t.split(" ") if x])
        i = rng.randrange(len(token))
        term = token[i:rng.randrange(i + 1, len(token) + 1)]
        extra = narrowing_keys(term)
        tried += bool(extra)
        for d, x in enumerate(texts):
            if term in x:
                assert set(extra) <= keys[d], term
    assert tried > 100  # terms with a 4-gram that term_keys leaves out
    assert narrowing_keys("石桥镇等地建成托育") == ["桥镇等地", "等地建成"]  # term_keys: 0, 2, 4 and the last four


def test_js_keys_and_hashes_are_python_s(rules_page: Page) -> None:
    rng = random.Random(5)
    terms = [t for t in (query_terms(x) for x in random_texts(200, 6)) for t in t]
    terms += ["营商环境好", "0791830986031", "示市监议复字〔2019〕12号"]
    got = js(rules_page, "termKeys", terms)
    assert [(g["keys"], g["exact"]) for g in got] == [term_keys(t) for t in terms]
    terms += ["石桥镇等地建成托育机构示范点11个", "在和平社区设立农业社会化服务服务站点"]
    assert js(rules_page, "narrowingKeys", terms) == [narrowing_keys(t) for t in terms]
    keys = sorted({k for t in terms for k in term_keys(t)[0]} | {"\x01jiaoyu", "𠀀营"})
    rng.shuffle(keys)
    assert [tuple(h) for h in js(rules_page, "keyHash", keys)] == [key_hash(k) for k in keys]
