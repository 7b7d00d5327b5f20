"""The search index builder and the search client, in headless Chromium on a small static page."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path
from typing import Iterator
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser, Page

from replysite.archive import load_archive
from replysite.outputs.plain_text import markdown_to_text
from replysite.outputs.search import SearchRecord, build_index, record_from_reply
from replysite.outputs.search.index import ordered
from replysite.outputs.search.postings import build_postings
from replysite.local_http import serve
from replysite.outputs.search.textnorm import OVERLAP, grams_of, normalize, part_count, part_size

from browser import chromium
from conftest import ROOT, TODAY

ASSETS = ROOT / "scripts" / "replysite" / "assets" / "search"
SEED_TITLE = "关于进一步优化我区营商环境的几点建议"


def rec(rid: str, title: str, body: str, *, date: str = "2024-03-01", unit: str = "区教育局",
        unit_id: str = "jiaoyu", category: str | None = "B", kind: str = "建议",
        topics: tuple[tuple[str, str], ...] = (("jiaoyu", "教育"),), meta: str = "") -> SearchRecord:
    return SearchRecord(id=rid, url=f"replies/{rid}/", title=title, text=f"{meta or kind + ' ' + unit}\n{body}",
                        unit=unit, unit_id=unit_id, date=date, year=int(date[:4]), category=category,
                        kind=kind, topics=tuple(n for _, n in topics), topic_ids=tuple(i for i, _ in topics))


def seed_record() -> SearchRecord:
    archive = load_archive(ROOT / "replies", today=TODAY)
    return record_from_reply(next(r for r in archive.replies if r.id == "xinjian-2023-jianyi-55"))


def fixture_records() -> list[SearchRecord]:
    filler = "各项工作稳步推进。" * 150  # pushes later sentences into another part
    return [
        seed_record(),
        rec("body-exact", "关于学校食堂的建议", "我们将持续优化营商环境，服务企业发展。"),
        rec("pieces", "关于校车安全的建议", "营商主体反映，商环节偏多，周边环境较差。"),
        rec("title-exact", "关于营商环境的提案", "答复正文没有提到这个词。", kind="提案", date="2022-05-01"),
        rec("far-apart", "关于公园的建议", "营商" + filler + "商环" + filler + "环境"),
        rec("docnum-11", "关于路灯的建议", "文号为示教提复字〔2023〕11号。", date="2023-09-01",
            meta="建议 区教育局 示教提复字〔2023〕11号"),
        rec("docnum-1", "关于绿化的建议", "本件不含文号。", date="2023-08-01", category=None,
            meta="建议 区教育局 示教提复字〔2023〕1号"),
        rec("late-match", "关于图书馆的建议", filler + "延时开放营商环境一并考虑。", date="2021-01-01",
            unit="区文旅局", unit_id="wenlv", category="A", topics=(("wenhua", "文化"),)),
    ]


# ---- records and index files ------------------------------------------------------------------

def test_markdown_to_text_removes_markup() -> None:
    md = ("> 本答复为合成测试数据。\n\n# 标题\n\n尊敬的**程伟川**代表：见[通知](https://x.cn/a_b)。\n\n"
          "- 第一项\n1. 第二项\n\n| 项目 | 数量 |\n|---|---|\n| 企业 | 5 |\n\n!!! note \"说明\"\n    内容 <b>加粗</b> &amp; `代码`\n")
    assert markdown_to_text(md) == ("本答复为合成测试数据。\n标题\n尊敬的程伟川代表：见通知。\n第一项\n第二项\n"
                                    "项目 数量\n企业 5\n说明\n内容 加粗 & 代码")


@pytest.mark.parametrize("md, text", [
    ("甲\u3000\u3000乙\t丙  丁", "甲 乙 丙 丁"),  # ideographic spaces, tabs, double spaces
    ("第一段 \n 第二段", "第一段\n第二段"),  # blanks around a line break
    ("第一段\n\n\n第二段", "第一段\n第二段"),  # blank lines
    ("第一段\n第二段", "第一段\n第二段"),  # nothing to do
])
def test_markdown_to_text_normalises_white_space(md: str, text: str) -> None:
    assert markdown_to_text(md) == text


def test_record_from_seed_reply() -> None:
    r = seed_record()
    assert (r.id, r.url, r.unit, r.unit_id, r.date, r.year, r.category, r.kind) == (
        "xinjian-2023-jianyi-55", "replies/xinjian-2023-jianyi-55/", "区政数局", "xinjian-zhengshuju",
        "2023-07-17", 2023, "A", "建议")
    assert r.meta == ("人大代表建议 建议第55号 程伟川 南昌市新建区政务服务数据管理局 区政数局 新建区政数局 "
                      "新建区政务服务数据管理局 新政数提复字〔2023〕1号 A类 2023年7月17日 营商环境 政务服务 监管执法 "
                      "新建区政数局 83098603")
    assert r.body.startswith("尊敬的程伟川代表：\n您提出的关于“关于进一步优化我区营商环境的几点建议”的建议收悉")
    assert r.topics == ("营商环境", "政务服务", "监管执法") and r.proposers == ("程伟川",)


@pytest.mark.parametrize("batch_chars, merge_ranges", [(8_000_000, 1), (3000, 4), (500, 50)])
def test_postings_match_grams_of_every_part(monkeypatch: pytest.MonkeyPatch, batch_chars: int,
                                             merge_ranges: int) -> None:
    """Also with texts cut in several batches and the keys merged in several ranges."""
    from replysite.outputs.search import postings

    monkeypatch.setattr(postings, "BATCH_CHARS", batch_chars)
    monkeypatch.setattr(postings, "MERGE_RANGES", merge_ranges)
    monkeypatch.setattr(postings, "MIN_RANGE_KEYS", 1)
    texts = [normalize(t) for t in ("营商环境 优化" * 40, "ＡＢ１２ 程伟川\n" + "的" * 2500 + "尾巴", "a")]
    sizes = [part_size(len(t), 100) for t in texts]
    counts = [part_count(len(t), s) for t, s in zip(texts, sizes)]
    p = build_postings(texts, sizes, counts)
    got = {(p.gram(i), int(p.docs[j])): int(p.masks[j])
           for i in range(len(p.codes)) for j in range(p.start[i], p.start[i + 1])}
    want: dict[tuple[str, int], int] = {}
    for d, (t, size, n) in enumerate(zip(texts, sizes, counts)):
        for k in range(n):
            for g in grams_of(t[k * size:(k + 1) * size + OVERLAP]):
                want[(g, d)] = want.get((g, d), 0) | 1 << k
    assert got == want
    assert ("ab", 1) in got and ("尾巴", 1) in got and counts[1] == 8


def test_index_is_deterministic(tmp_path: Path) -> None:
    records = fixture_records()
    a = build_index(records, tmp_path / "a")
    build_index(list(reversed(records)), tmp_path / "b")
    files_a = {p.relative_to(tmp_path / "a"): p.read_bytes() for p in (tmp_path / "a").rglob("*") if p.is_file()}
    files_b = {p.relative_to(tmp_path / "b"): p.read_bytes() for p in (tmp_path / "b").rglob("*") if p.is_file()}
    assert files_a == files_b
    assert (a.replies, a.files) == (8, len(files_a))
    assert a.bytes == sum(map(len, files_a.values()))


def test_one_text_file_per_reply_holds_its_whole_text(tmp_path: Path) -> None:
    records = fixture_records()
    build_index(records, tmp_path)
    files = sorted((tmp_path / "r").rglob("*.bin"))
    assert len(files) == len(records)  # not one per part: creating files is what a large build pays for
    assert max(part_count(len(r.text), part_size(len(r.text), 1000)) for r in records) > 1
    for doc, r in enumerate(ordered(records)):
        got = json.loads(gzip.decompress((tmp_path / "r" / str(doc // 100) / f"{doc}.bin").read_bytes()))
        assert got == {"u": r.url, "t": r.title, "n": r.unit, "d": r.date, "c": r.category or "",
                       "k": r.kind, "x": r.text}


# ---- the client in Chromium -------------------------------------------------------------------

def search_site(root: Path, records: list[SearchRecord]) -> Path:
    build_index(records, root / "search-data")
    shutil.copytree(ASSETS, root / "assets" / "search")
    (root / "search").mkdir()
    (root / "search" / "index.html").write_text(
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>搜索</title>'
        '<link rel="stylesheet" href="../assets/search/search.css"></head><body>'
        '<div id="reply-search" data-index="../search-data/"></div>'
        '<script src="../assets/search/search.js" defer></script></body></html>', encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve(search_site(tmp_path_factory.mktemp("search-site"), fixture_records())) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as b:
        yield b


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    context.close()
    assert errors == []


def open_search(page: Page, site: str, query: str = "") -> None:
    page.goto(f"{site}search/{query}")
    page.wait_for_selector("#reply-search[data-state=done]")


def titles(page: Page) -> list[str]:
    return page.locator(".rs-result .rs-title").all_inner_texts()


def status(page: Page) -> str:
    return page.inner_text(".rs-status")


def test_seed_found_by_phrase_and_by_name(page: Page, site: str) -> None:
    open_search(page, site, "?q=" + quote("程伟川"))
    assert titles(page) == [SEED_TITLE]
    assert page.input_value(".rs-input") == "程伟川"
    assert page.get_attribute(".rs-title", "href") == f"{site}replies/xinjian-2023-jianyi-55/"
    assert page.inner_text(".rs-meta") == "区政数局 · 2023-07-17 · A类 · 建议"
    assert "<mark>程伟川</mark>" in page.inner_html(".rs-excerpt")


def test_exact_phrase_ranks_first_title_above_body(page: Page, site: str) -> None:
    open_search(page, site, "?q=" + quote("营商环境"))
    # titles first, then body matches, then replies with only the pieces; ties: newest first
    assert titles(page) == [SEED_TITLE, "关于营商环境的提案", "关于学校食堂的建议", "关于图书馆的建议",
                            "关于公园的建议", "关于校车安全的建议"]
    assert page.locator(".rs-partial .rs-title").all_inner_texts() == ["关于公园的建议", "关于校车安全的建议"]
    assert status(page) == "找到 6 件相关答复"
    excerpts = page.locator(".rs-excerpt").all_inner_texts()
    assert excerpts[:3] == ["尊敬的程伟川代表： 您提出的关于“关于进一步优化我区营商环境的几点建议”的建议收悉，现答复如下： "
                            "2022年，在区人大的关心指导下，区营商办统筹推进优化营商环境各项工作任务，积极探索尝试市场主体轻微违法行为"
                            "容错纠错机制，规范“双随机一公开”…",
                            "答复正文没有提到这个词。", "我们将持续优化营商环境，服务企业发展。"]
    assert "<mark>营商环境</mark>" in page.locator(".rs-excerpt").nth(3).inner_html()
    assert page.locator(".rs-title mark").first.inner_text() == "营商环境"


def test_doc_number_fragment_is_exact(page: Page, site: str) -> None:
    open_search(page, site, "?q=" + quote("〔2023〕1号"))
    # 〔2023〕11号 holds every bigram of 〔2023〕1号 but not the trigram 〕1号
    assert titles(page) == ["关于绿化的建议", SEED_TITLE]
    open_search(page, site, "?q=" + quote("〔2023〕11号"))
    assert titles(page) == ["关于路灯的建议"]
    open_search(page, site, "?q=83098603")  # the seed's contact telephone number
    assert titles(page) == [SEED_TITLE]


def test_terms_are_anded(page: Page, site: str) -> None:
    open_search(page, site, "?q=" + quote("营商环境 程伟川"))
    assert titles(page) == [SEED_TITLE]
    open_search(page, site, "?q=" + quote("营商环境　一并考虑"))  # ideographic space separates too
    assert titles(page) == ["关于图书馆的建议"]


def test_facets_narrow_and_count(page: Page, site: str) -> None:
    open_search(page, site, "?q=" + quote("营商环境"))
    years = page.locator("select[name=year] option").all_inner_texts()
    assert years == ["全部年度", "2024年（3）", "2023年（1）", "2022年（1）", "2021年（1）"]
    page.select_option("select[name=year]", "2023")
    page.wait_for_selector("#reply-search[data-state=done]")
    assert titles(page) == [SEED_TITLE]
    assert page.url == f"{site}search/?q={quote('营商环境')}&year=2023"
    open_search(page, site, "?kind=" + quote("提案"))  # browsing without a query
    assert titles(page) == ["关于营商环境的提案"] and status(page) == "共 1 件答复"
    open_search(page, site, "?unit=wenlv&category=A")
    assert titles(page) == ["关于图书馆的建议"]
    open_search(page, site, "?category=none")
    assert titles(page) == ["关于绿化的建议"]
    assert page.input_value("select[name=category]") == "none"
    assert page.locator("select[name=category] option").all_inner_texts() == [
        "全部类别", "未分类（1）", "A类（2）", "B类（5）"]


def test_no_results_message(page: Page, site: str) -> None:
    open_search(page, site, "?q=" + quote("不存在的词语"))
    assert status(page) == "没有找到与“不存在的词语”相关的答复"
    assert titles(page) == []


def test_typing_updates_url_and_single_character_works(page: Page, site: str) -> None:
    open_search(page, site)
    assert status(page) == "共 8 件答复"
    page.fill(".rs-input", "灯")
    page.press(".rs-input", "Enter")
    page.wait_for_function("document.querySelector('#reply-search').dataset.state === 'done' "
                           "&& location.search === '?q=%E7%81%AF'")
    assert titles(page) == ["关于路灯的建议"]
    page.go_back()
    page.wait_for_function("document.querySelectorAll('.rs-result').length === 8")
    assert page.input_value(".rs-input") == ""


@pytest.mark.parametrize("chunk", [1 << 22, 7, 1])
def test_varints_are_leb128_in_any_slicing(monkeypatch: pytest.MonkeyPatch, chunk: int) -> None:
    import numpy as np

    from replysite.outputs.search import postings

    monkeypatch.setattr(postings, "VARINT_CHUNK", chunk)
    rng = np.random.default_rng(1)
    for n in (0, 1, 5, 300):
        values = np.concatenate([rng.integers(1, 200, n), rng.integers(1, 1 << 30, n // 3)]).astype(np.int64)
        at = np.sort(rng.choice(len(values) + 1, size=min(10, len(values) + 1), replace=False))
        data, starts = postings.varints(values, at)
        want, offsets = bytearray(), []
        for v in values.tolist():
            offsets.append(len(want))
            while v >= 0x80:
                want.append((v & 0x7F) | 0x80)
                v >>= 7
            want.append(v)
        offsets.append(len(want))
        assert data.tobytes() == bytes(want)
        assert starts.tolist() == [offsets[i] for i in at.tolist()]


def test_refuted_candidates_give_way_to_exact_matches_further_down(browser: Browser, tmp_path: Path) -> None:
    # 14 newer replies hold every piece of 营商环境 in one part but not the phrase: they rank first
    # until their texts refute them; the 3 older exact matches must still come out on top
    decoys = [rec(f"decoy-{i}", f"关于第{i}项工作的建议", "营商主体反映，商环节偏多，周边环境较差。",
                  date=f"2024-05-{i + 1:02d}") for i in range(14)]
    exact = [rec(f"exact-{i}", f"关于第{i}家企业的建议", "我们将持续优化营商环境。",
                 date=f"2020-01-{i + 1:02d}") for i in range(3)]
    with serve(search_site(tmp_path, decoys + exact)) as base:
        context = browser.new_context()
        page = context.new_page()
        open_search(page, base, "?q=" + quote("营商环境"))
        assert titles(page)[:4] == ["关于第2家企业的建议", "关于第1家企业的建议", "关于第0家企业的建议",
                                    "关于第13项工作的建议"]  # newest first within each kind
        assert page.evaluate("window.replySearch.last.exact").count(True) == 3
        assert page.locator(".rs-partial").count() == 7
        assert status(page) == "找到 17 件相关答复，显示前 10 件"
        context.close()
