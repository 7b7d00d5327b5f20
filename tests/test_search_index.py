"""The search index builder and the search client, in headless Chromium on a small static page."""

from __future__ import annotations

import gzip
import json
import os
import shutil
from pathlib import Path
from typing import Callable, Iterator
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser, Page

from replysite.archive import load_archive
from replysite.outputs.plain_text import markdown_to_text
from replysite.archive.line_breaks import join_cjk_lines
from replysite.outputs.search import SearchRecord, build_index, record_from_reply
from replysite.outputs.search import encoding as enc
from replysite.outputs.search import text_dictionary
from replysite import forking
from replysite.outputs.search.index import ordered
from replysite.outputs.search.dictionary import _sort_pairs_slowly as _original_slow_path
from replysite.outputs.search.keys import FoldTable, batch_fold_patches
from replysite.local_http import serve
from replysite.outputs.search.textnorm import fold_patches, key_hash, normalize, query_terms

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


def body(md: str) -> str:
    """A body as the index reads it (line breaks joined, Markdown removed)."""
    return markdown_to_text(join_cjk_lines(md, search=True))


def fixture_records() -> list[SearchRecord]:
    filler = "各项工作稳步推进。" * 150
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
        rec("wrapped", "关于执法检查的建议", body("经核查，未发现违法违规行\n为。全年办结\n率96.07%，群众满意。"),
            date="2020-05-01", unit="区市监局", unit_id="shijian"),
        rec("numbers", "关于统计口径的建议", "满意率为87.11%，较上年提高187.11个百分点；答覆如下。",
            date="2020-04-01", unit="区市监局", unit_id="shijian",
            meta="建议 区市监局 示市监议复字〔2019〕12号 建议第55号 第55号建议"),
        rec("numbers-near", "关于统计方法的建议", "满意率为87.1%，另有87.111项。", date="2020-03-01",
            unit="区市监局", unit_id="shijian", meta="建议 区市监局 示市监议复字〔2019〕120号 建议第155号"),
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
    assert r.meta == ("人大代表建议 建议第55号 第55号建议 答复 程伟川 南昌市新建区政务服务数据管理局 区政数局 新建区政数局 "
                      "新建区政务服务数据管理局 新政数提复字〔2023〕1号 A类 2023年7月17日 营商环境 政务服务 监管执法 "
                      "新建区政数局 83098603")
    assert r.body.startswith("尊敬的程伟川代表：\n您提出的关于“关于进一步优化我区营商环境的几点建议”的建议收悉")
    assert r.topics == ("营商环境", "政务服务", "监管执法") and r.proposers == ("程伟川",)


def test_index_is_deterministic(tmp_path: Path) -> None:
    records = fixture_records()
    a = build_index(records, tmp_path / "a")
    build_index(list(reversed(records)), tmp_path / "b")
    files_a = {p.relative_to(tmp_path / "a"): p.read_bytes() for p in (tmp_path / "a").rglob("*") if p.is_file()}
    files_b = {p.relative_to(tmp_path / "b"): p.read_bytes() for p in (tmp_path / "b").rglob("*") if p.is_file()}
    assert files_a == files_b
    assert (a.replies, a.files) == (len(records), len(files_a))
    assert a.bytes == sum(map(len, files_a.values()))


def test_index_built_by_several_processes_is_the_same(tmp_path: Path) -> None:
    """A large archive's index is built by two forked processes (parts of the replies, then
    halves of the buckets); the files are the same bytes as one process writes, and a worker that
    fails fails the build with its traceback."""
    records = fixture_records() * 3
    records = [SearchRecord(**{**r.__dict__, "id": f"{r.id}-{i}", "url": f"replies/{r.id}-{i}/"})
               for i, r in enumerate(records)]
    one = build_index(records, tmp_path / "one", workers=1)
    two = build_index(records, tmp_path / "two", workers=2)
    files = {p.relative_to(tmp_path / "one"): p.read_bytes() for p in (tmp_path / "one").rglob("*") if p.is_file()}
    assert files == {p.relative_to(tmp_path / "two"): p.read_bytes()
                     for p in (tmp_path / "two").rglob("*") if p.is_file()}
    assert (one.keys, one.files, one.bytes, one.list_files) == (two.keys, two.files, two.bytes, two.list_files)
    assert one.files == len(files) and len({p.parts[0] for p in files}) > 3

    parent = os.getpid()

    def broken(r: SearchRecord) -> str:  # fails in the workers (the parent samples texts too)
        if r.id.startswith("far-apart") and os.getpid() != parent:  # replies in both workers' parts
            raise ValueError("无法读取这件答复")
        return r.text
    with pytest.raises(forking.ChildFailed, match="无法读取这件答复"):
        build_index(records, tmp_path / "broken", workers=2, text_of=broken)


def test_fold_patches_of_a_batch_are_those_of_each_text() -> None:
    texts = ["答覆𠀀覆盖營商", "营商环境", "", "𠀀𠀀覆", "覆覆覆", "ａｂ１２覆", "\n營\n", "🙂覆"]
    assert batch_fold_patches(texts, FoldTable()) == [fold_patches(t) for t in texts]


def test_records_without_text_take_it_from_text_of(tmp_path: Path) -> None:
    records = fixture_records()
    build_index(records, tmp_path / "a")
    texts = {r.id: r.text for r in records}
    light = [SearchRecord(**{**r.__dict__, "text": ""}) for r in records]
    build_index(light, tmp_path / "b", text_of=lambda r: texts[r.id])
    for p in (tmp_path / "a").rglob("*.bin"):
        assert p.read_bytes() == (tmp_path / "b" / p.relative_to(tmp_path / "a")).read_bytes()


def test_one_text_file_per_reply_holds_its_whole_text(tmp_path: Path) -> None:
    records = fixture_records()
    build_index(records, tmp_path)
    files = sorted((tmp_path / "r").rglob("*.bin"))
    assert len(files) == len(records)
    dictionary = gzip.decompress((tmp_path / "dict.bin").read_bytes())
    for doc, r in enumerate(ordered(records)):
        got = json.loads(text_dictionary.decompress(
            (tmp_path / "r" / str(doc // 100) / f"{doc}.bin").read_bytes(), dictionary))
        want = {"u": r.url, "t": r.title, "n": r.unit, "d": r.date, "c": r.category or "", "k": r.kind, "x": r.text}
        if "覆" in r.text:
            want["f"] = [[len(r.title) + 1 + r.text.index("覆"), "复"]]
        assert got == want


def test_doc_order_is_year_unit_kind_category_then_newest() -> None:
    docs = ordered(fixture_records())
    keys = [(-r.year, r.unit_id, r.kind != "建议", r.category or "", r.date) for r in docs]
    assert [k[:4] for k in keys] == sorted(k[:4] for k in keys)
    for a, b in zip(keys, keys[1:]):
        if a[:4] == b[:4]:
            assert a[4] >= b[4]


def lookup(out: Path, key: str) -> list[int] | None:
    """The doc numbers of a key's list, read from the files as search.js reads them."""
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    h1, h2 = key_hash(key)
    shard = h1 & (meta["shards"] - 1)
    entry = enc.read_shard(gzip.decompress((out / "d" / f"{shard}.bin").read_bytes())).get((h2, h1 >> 16))
    if entry is None:
        return None
    df, where, offset, length = entry
    if where == 0:
        data = length
    else:
        data = gzip.decompress((out / "l" / str(shard % meta["buckets"]) / f"{where - 1}.bin").read_bytes())
        data = data[offset:offset + length]
    docs = enc.read_list(data)
    assert len(docs) == df
    return docs


def phases_of(out: Path, key: str) -> bytes | None:
    """A 4-gram's phases in its list's order, read from `m/` as search.js reads them (None for a
    list kept in its dictionary entry, which has none)."""
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    h1, h2 = key_hash(key)
    shard = h1 & (meta["shards"] - 1)
    df, where, offset, _ = enc.read_shard(gzip.decompress((out / "d" / f"{shard}.bin").read_bytes()))[(h2, h1 >> 16)]
    if where == 0:
        return None
    phases = enc.read_phase_file(gzip.decompress(
        (out / "m" / str(shard % meta["buckets"]) / f"{where - 1}.bin").read_bytes()))[offset]
    assert len(phases) == df
    return phases


@pytest.mark.parametrize("inline, pack", [(40, 2048), (0, 8), (10_000, 10_000)])
def test_every_key_finds_exactly_its_replies(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                              inline: int, pack: int) -> None:
    """Inline, packed and own-file lists, gaps and bitmaps, in many shards and few."""
    from replysite.outputs.search import dictionary, index

    monkeypatch.setattr(dictionary, "INLINE", inline)
    monkeypatch.setattr(dictionary, "PACK_BYTES", pack)
    monkeypatch.setattr(index, "BATCH_CHARS", 3000)
    records = fixture_records() + [rec(f"dense-{i}", f"关于第{i}项的建议", "营商环境" if i % 3 else "养老")
                                   for i in range(300)]
    build_index(records, tmp_path)
    docs = [normalize(f"{r.title}\n{r.text}") for r in ordered(records)]
    from replysite.outputs.search.textnorm import doc_keys, key_phases
    keys = sorted({k for d in docs[:20] + docs[-5:] for k in doc_keys(d)})
    for key in keys[::7] + ["营商", "营", "营商环境", "养老", "87.11%", "〔2019〕12号", "第55号"]:
        assert lookup(tmp_path, key) == [i for i, d in enumerate(docs) if key in doc_keys(d)], key
    assert lookup(tmp_path, "量子计算") is None
    # every 4-gram kept in a list file has its phases: where it stands in each reply, modulo 8
    grams = sorted({g for d in docs for g in key_phases(d)})
    checked = 0
    for g in grams[::5] + ["营商环境"]:
        got = phases_of(tmp_path, g)
        if got is not None:
            checked += 1
            assert list(got) == [key_phases(docs[i])[g] for i in lookup(tmp_path, g)], g
    assert checked == (len(grams[::5]) + 1 if inline == 0 else 0) if inline in (0, 10_000) else checked >= 1
    assert lookup(tmp_path, "\x01wenhua") == [i for i, r in enumerate(ordered(records)) if "wenhua" in r.topic_ids]



@pytest.mark.parametrize("doc_bits, collide", [(3, False), (17, False), (24, False), (24, True), (30, True)])
def test_pairs_are_sorted_by_key_then_doc(monkeypatch: pytest.MonkeyPatch, doc_bits: int, collide: bool) -> None:
    """The packed sort of a bucket's pairs gives what a sort of (key, doc) gives; two keys that
    agree on the bits it keeps send the bucket to the slow path, with the same result."""
    import numpy as np

    from replysite.outputs.search import dictionary

    rng = np.random.default_rng(doc_bits)
    bucket = np.uint64(37) << np.uint64(32)
    distinct = rng.integers(0, 2 ** 63, 500, dtype=np.uint64) << np.uint64(1)
    distinct = (distinct & ~(np.uint64(dictionary.BUCKETS - 1) << np.uint64(32))) | bucket
    if collide:  # a key that differs from another only in its lowest bit
        distinct[1] = distinct[0] ^ np.uint64(1)
    keys = distinct[rng.integers(0, len(distinct), 4000)]
    keys[:2] = distinct[:2]
    docs = rng.integers(0, 2 ** doc_bits, len(keys), dtype=np.uint32)
    docs[0] = 2 ** doc_bits - 1
    pairs = sorted(set(zip(keys.tolist(), docs.tolist())))
    keys = np.array([k for k, _ in pairs], dtype=np.uint64)
    docs = np.array([d for _, d in pairs], dtype=np.uint32)
    masks = rng.integers(0, 256, len(keys), dtype=np.uint8)
    shuffle = rng.permutation(len(keys))
    slow = []
    monkeypatch.setattr(dictionary, "_sort_pairs_slowly",
                        lambda k, d, m: slow.append(1) or _original_slow_path(k, d, m))
    got_keys, got_docs, got_masks, new_key = dictionary._sort_pairs(keys[shuffle], docs[shuffle], masks[shuffle])
    assert bool(slow) == collide
    assert got_docs.tolist() == [d for _, d in pairs]
    assert got_masks.tolist() == masks.tolist()  # each pair keeps its phases
    assert got_keys.tolist() == sorted({k for k, _ in pairs})
    assert np.repeat(got_keys, np.diff(np.append(np.flatnonzero(new_key), len(pairs)))).tolist() == \
        [k for k, _ in pairs]


def test_lists_are_gaps_or_bitmaps_whichever_is_shorter() -> None:
    import numpy as np

    sparse, dense = np.array([3, 700, 70000]), np.arange(16, 4000, 2)
    assert enc.read_list(enc.bitmap_list(dense)) == dense.tolist()
    gaps = np.diff(sparse, prepend=-1)
    data = bytes([0, 3]) + enc.varint_bytes(gaps, enc.varint_sizes(gaps)).tobytes()
    assert enc.read_list(data) == sparse.tolist()
    assert len(enc.bitmap_list(dense)) < len(dense)  # one bit per reply of the span


@pytest.mark.parametrize("values", [[0], [1, 127, 128, 300, 16383, 16384, 1 << 21, (1 << 35) + 5], []])
def test_varint_bytes_are_leb128(values: list[int]) -> None:
    import numpy as np

    a = np.array(values, dtype=np.int64)
    want = bytearray()
    for v in values:
        enc.varint(v, want)
    assert enc.varint_bytes(a, enc.varint_sizes(a)).tobytes() == bytes(want)


def test_fold_table_round_trip() -> None:
    from replysite.outputs.search.textnorm import FOLD

    data = enc.fold_table(FOLD)
    at, values = 0, []
    while at < len(data):
        x, at = enc.read_varint(data, at)
        values.append(x)
    n = values[0]
    cps = list(__import__("itertools").accumulate(values[1:n + 1]))
    diffs = [v // 2 if v % 2 == 0 else -(v + 1) // 2 for v in values[n + 1:]]
    assert {chr(c): chr(c + d) for c, d in zip(cps, diffs)} == FOLD


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


def search_for(page: Page, site: str, q: str) -> list[str]:
    open_search(page, site, "?q=" + quote(q))
    return titles(page)


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
    assert status(page) == "共 1 件答复包含“程伟川”"


def test_only_replies_holding_the_phrase_are_shown_newest_year_first(page: Page, site: str) -> None:
    open_search(page, site, "?q=" + quote("营商环境"))
    # 营商环境 is one key: its list is exactly the replies holding it (not "pieces", "far-apart")
    assert titles(page) == ["关于学校食堂的建议", SEED_TITLE, "关于营商环境的提案", "关于图书馆的建议"]
    assert status(page) == "共 4 件答复包含“营商环境”"
    excerpts = page.locator(".rs-excerpt").all_inner_texts()
    assert excerpts[0] == "我们将持续优化营商环境，服务企业发展。"
    assert excerpts[2] == "答复正文没有提到这个词。"  # the title holds it
    assert "<mark>营商环境</mark>" in page.locator(".rs-excerpt").nth(3).inner_html()
    assert page.locator(".rs-title mark").first.inner_text() == "营商环境"


def truth(records: list[SearchRecord], query: str) -> list[str]:
    """Titles of the replies holding every term of the query, in index order."""
    terms = query_terms(query)
    return [r.title for r in ordered(records) if all(t in normalize(f"{r.title}\n{r.text}") for t in terms)]


# one case per rule: what a citizen types, and a reply it must find (the result must be exactly
# the replies holding the normalised terms, counted exactly)
RULES = {
    "brackets": [(f"示市监议复字{o}2019{c}12号", "关于统计口径的建议")
                 for o, c in ("[]", "()", "【】", "［］", "（）", "〈〉", "⟨⟩", "〔〕")],
    "punctuation": [("营商环境。", SEED_TITLE), ("营商环境，", SEED_TITLE), ("营商环境；一并考虑", "关于图书馆的建议")],
    "quotes": [("“营商环境”", SEED_TITLE), ("「营商环境」", SEED_TITLE), ("'营商环境'", SEED_TITLE),
               ('"营商环境"', SEED_TITLE), ("《营商环境》", SEED_TITLE)],
    "number": [("第55号", "关于统计口径的建议"), ("第055号", "关于统计口径的建议"), ("第55号建议", SEED_TITLE)],
    "traditional": [("營商環境", SEED_TITLE), ("答覆", "关于统计口径的建议"), ("答复如下", "关于统计口径的建议")],
    "width": [("８７．１１％", "关于统计口径的建议"), ("〔２０１９〕１２号", "关于统计口径的建议")],
    "spaces": [("营商环境\u3000一并考虑", "关于图书馆的建议"), ("营商环境\u00a0一并考虑", "关于图书馆的建议"),
               ("营商环境\t 一并考虑", "关于图书馆的建议"), ("营商\u200b环境", SEED_TITLE)],
    "line breaks": [("违法违规行为", "关于执法检查的建议"), ("办结率96.07%", "关于执法检查的建议")],
}


@pytest.mark.parametrize("query, title", [case for cases in RULES.values() for case in cases],
                         ids=[f"{rule}-{i}" for rule, cases in RULES.items() for i in range(len(cases))])
def test_queries_as_citizens_type_them(page: Page, site: str, query: str, title: str) -> None:
    want = truth(fixture_records(), query)
    assert title in want
    assert search_for(page, site, query) == want
    terms = query_terms(query)
    assert status(page) == f"共 {len(want)} 件答复{'同时' if len(terms) > 1 else ''}包含" + "".join(f"“{t}”" for t in terms)


def test_a_number_counts_only_replies_holding_it(page: Page, site: str) -> None:
    # 187.11 and 87.111 hold 87.11; 87.1% does not hold 87.11%
    assert search_for(page, site, "87.11") == ["关于统计口径的建议", "关于统计方法的建议"]
    assert search_for(page, site, "87.11%") == ["关于统计口径的建议"]
    assert status(page) == "共 1 件答复包含“87.11%”"
    assert search_for(page, site, "〔2019〕12号") == ["关于统计口径的建议"]  # not 〔2019〕120号


def test_doc_number_fragment_is_exact(page: Page, site: str) -> None:
    assert search_for(page, site, "〔2023〕1号") == ["关于绿化的建议", SEED_TITLE]  # not 〔2023〕11号
    assert search_for(page, site, "〔2023〕11号") == ["关于路灯的建议"]
    assert search_for(page, site, "83098603") == [SEED_TITLE]  # the seed's contact telephone number


def test_terms_are_anded(page: Page, site: str) -> None:
    assert search_for(page, site, "营商环境 程伟川") == [SEED_TITLE]
    assert status(page) == "共 1 件答复同时包含“营商环境”“程伟川”"


def test_facets_narrow_and_count(page: Page, site: str) -> None:
    open_search(page, site, "?q=" + quote("营商环境"))
    years = page.locator("select[name=year] option").all_inner_texts()
    assert years == ["全部年度", "2024年（1）", "2023年（1）", "2022年（1）", "2021年（1）"]
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
        "全部类别", "未分类（1）", "A类（2）", "B类（8）"]


def test_topic_counts_are_loaded_when_the_topic_filter_is_used(page: Page, site: str) -> None:
    open_search(page, site, "?q=" + quote("营商环境"))
    # topics without counts until someone turns to the filter: counting them needs every topic's list
    assert page.locator("select[name=topic] option").all_inner_texts() == [
        "全部主题", "监管执法", "教育", "文化", "营商环境", "政务服务"]
    page.focus("select[name=topic]")
    page.wait_for_function("document.querySelector('select[name=topic]').options[1].text.includes('（')")
    page.wait_for_selector("#reply-search[data-state=done]")
    assert page.locator("select[name=topic] option").all_inner_texts() == [
        "全部主题", "教育（2）", "监管执法（1）", "文化（1）", "营商环境（1）", "政务服务（1）"]
    open_search(page, site, "?q=" + quote("营商环境") + "&topic=wenhua")
    assert titles(page) == ["关于图书馆的建议"]


def test_no_results_message(page: Page, site: str) -> None:
    open_search(page, site, "?q=" + quote("不存在的词语"))
    assert status(page) == "没有找到与“不存在的词语”相关的答复"
    assert titles(page) == []


def test_typing_updates_url_and_single_character_works(page: Page, site: str) -> None:
    open_search(page, site)
    assert status(page) == f"共 {len(fixture_records())} 件答复，显示前 10 件"
    page.fill(".rs-input", "灯")
    page.press(".rs-input", "Enter")
    page.wait_for_function("document.querySelector('#reply-search').dataset.state === 'done' "
                           "&& location.search === '?q=%E7%81%AF'")
    assert titles(page) == ["关于路灯的建议"]
    page.go_back()
    page.wait_for_function("document.querySelectorAll('.rs-result').length === 10")
    assert page.input_value(".rs-input") == ""


def test_candidates_are_verified_and_counts_estimated_with_their_label(browser: Browser, tmp_path: Path) -> None:
    # 营商环境好 is two keys (营商环境, 商环境好): replies holding both but not the phrase are
    # candidates that the client must refute. 60 true and 60 decoys, alternating in doc order.
    records = []
    for i in range(60):
        records.append(rec(f"true-{i}", f"关于第{i}项真的建议", "营商环境好。", date=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
                           unit_id=f"u{i:03d}a", unit=f"单位{i}"))
        records.append(rec(f"decoy-{i}", f"关于第{i}项假的建议", "营商环境差，商环境好。", date=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
                           unit_id=f"u{i:03d}b", unit=f"单位{i}乙"))
    with serve(search_site(tmp_path, records)) as base:
        context = browser.new_context()
        page = context.new_page()
        open_search(page, base, "?q=" + quote("营商环境好"))
        assert [t.endswith("真的建议") for t in titles(page)] == [True] * 10  # top 10 all hold it
        last = page.evaluate("window.replySearch.last")
        checked = last["checked"]
        assert not last["exact"] and 10 < checked < 30 and last["estimate"] == round(10 + (120 - checked) * 10 / checked)
        assert status(page) == (f"约 {last['estimate']} 件答复包含“营商环境好”（按已核对的 {checked} 件估计，"
                                "其中 10 件包含；候选共 120 件），显示前 10 件")
        assert page.locator("select[name=year] option").all_inner_texts() == [
            "全部年度", f"2024年（约 {round(120 * 10 / checked)}）"]
        for _ in range(5):  # paging reaches every reply holding it
            page.click(".rs-more")
            page.wait_for_selector("#reply-search[data-state=done]")
        assert len(titles(page)) == 60 and all(t.endswith("真的建议") for t in titles(page))
        assert status(page) == "共 60 件答复包含“营商环境好”"
        assert page.locator("select[name=year] option").all_inner_texts() == ["全部年度", "2024年（60）"]
        assert page.is_hidden(".rs-more")
        context.close()


def _phrase_site(phrase: str, decoy: Callable[[int], str]) -> list[SearchRecord]:
    records = [rec(f"true-{i}", f"关于第{i}项真的建议", f"今年{phrase}。", date=f"2024-03-{1 + i % 28:02d}")
               for i in range(30)]
    return records + [rec(f"decoy-{i}", f"关于第{i}项假的建议", decoy(i), date=f"2024-04-{1 + i % 28:02d}")
                      for i in range(120)]


@pytest.mark.parametrize("phrase, decoy", [
    # the two halves apart by 1 to 8 characters: only a gap of 5 (4 filler characters) keeps the
    # phrase's phases (示范点建 at 8 + 4 from 河道清淤 instead of 4)
    ("河道清淤示范点建成", lambda i: "河道清淤示范点，" + "某" * (i % 8) + "示范点建成。"),
    # the phrase with another number, and 点2个 further on: only 2 filler characters put it 8 on
    ("建成清淤示范点2个", lambda i: "建成清淤示范点3个，" + "某" * (i % 8) + "示范点2个。"),
])
def test_a_long_phrase_drops_candidates_by_phases(monkeypatch: pytest.MonkeyPatch, browser: Browser, tmp_path: Path,
                                                   phrase: str, decoy: Callable[[int], str]) -> None:
    """A reply holding every key of a phrase, but not in one piece, is refuted by the phases of
    the keys (where each stands, modulo 8) without its text being read; one whose pieces happen
    to stand 8 apart passes that test and is refuted by its text."""
    from replysite.outputs.search import dictionary

    monkeypatch.setattr(dictionary, "INLINE", 0)  # the lists in list files, as in a large archive
    with serve(search_site(tmp_path, _phrase_site(phrase, decoy))) as base:
        context = browser.new_context()
        page = context.new_page()
        asked: list[str] = []
        page.on("request", lambda r: asked.append(r.url))
        open_search(page, base, "?q=" + quote(phrase))
        last = page.evaluate("window.replySearch.last")
        # 30 true and the 15 decoys with the unlucky filler are left of 150 candidates; all 45
        # are checked in the first round (the decoys come first), so the count is exact
        assert last["exact"] and last["total"] == 30 and last["checked"] == 45
        assert status(page) == f"共 30 件答复包含“{phrase}”，显示前 10 件"
        assert all(t.endswith("真的建议") for t in titles(page)) and len(titles(page)) == 10
        assert any("/search-data/m/" in u for u in asked)
        assert sum("/search-data/r/" in u for u in asked) == 45
        for _ in range(2):
            page.click(".rs-more")
            page.wait_for_selector("#reply-search[data-state=done]")
        assert sorted(titles(page)) == sorted(f"关于第{i}项真的建议" for i in range(30))
        # a phrase of one key reads no phases; nor one whose lists leave few candidates
        asked.clear()
        open_search(page, base, "?q=" + quote(phrase[:4]))
        assert page.evaluate("window.replySearch.last")["total"] == 150
        open_search(page, base, "?q=" + quote("第1项真的建议"))
        assert titles(page) == ["关于第1项真的建议"]
        assert not any("/search-data/m/" in u for u in asked)
        context.close()
