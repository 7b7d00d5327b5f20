"""Search on the built fixture site, in Debian's Chromium, as a citizen would use it."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import quote

import pytest

from browser import chromium
from conftest import FIXTURE_SITE_REPLIES, make_site
from replysite.local_http import serve

SEED = "关于进一步优化我区营商环境的几点建议"


@pytest.fixture(scope="module")
def page(built_fixture_site: Path):
    with serve(built_fixture_site.parent) as base, chromium() as browser:
        p = browser.new_page(viewport={"width": 390, "height": 900})
        p.base = base + "site/"  # type: ignore[attr-defined]
        yield p


def results(page) -> list[str]:
    page.wait_for_selector("#reply-search[data-state=done]")
    return page.locator(".rs-result a").all_inner_texts()


def status(page) -> str:
    return page.inner_text(".rs-status")


def test_url_query_finds_the_seed_by_phrase(page) -> None:
    page.goto(page.base + "search/?q=" + quote("营商环境"))
    found = results(page)
    assert SEED in found  # newest year first: a 2024 reply comes before the seed (2023)
    assert "营商环境" in page.inner_text(".rs-result mark")
    assert page.input_value(".rs-input") == "营商环境"


def test_header_search_finds_the_deputy_and_puts_the_query_in_the_url(page) -> None:
    page.goto(page.base + "replies/fixture-2022-tian-5/")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.fill(".rs-header-search__input", "程伟川")
    page.press(".rs-header-search__input", "Enter")
    found = results(page)
    assert "q=%E7%A8%8B%E4%BC%9F%E5%B7%9D" in page.url
    assert sorted(found) == sorted([SEED, "关于加强企业安静日制度落实的建议"])
    page.set_viewport_size({"width": 390, "height": 900})


def test_facet_filter_narrows_results_and_is_kept_in_the_url(page) -> None:
    page.goto(page.base + "search/?q=" + quote("程伟川"))
    assert len(results(page)) == 2
    page.select_option("select[name=year]", "2023")
    page.wait_for_function("location.search.includes('year=2023')")
    assert results(page) == [SEED]
    page.goto(page.base + "search/?q=" + quote("程伟川") + "&year=2024")
    assert results(page) == ["关于加强企业安静日制度落实的建议"]


def test_empty_query_browses_by_facet(page) -> None:
    page.goto(page.base + "search/?kind=" + quote("提案"))
    assert sorted(results(page)) == sorted(["关于优化城乡公交线路的提案", "〔会办意见〕关于优化城乡公交线路的提案",
                                            "〔办理进展〕关于优化城乡公交线路的提案",
                                            "关于推行政务服务“一窗通办”的提案", "关于增设社区便民服务点的提案"])


def test_document_type_facet(page) -> None:
    page.goto(page.base + "search/?doc_type=" + quote("再次答复"))
    assert results(page) == ["〔再次答复〕关于公开道路改造计划的建议"]
    options = page.locator("select[name=doc_type] option").all_inner_texts()
    assert "再次答复（1）" in options and "答复（7）" in options
    page.goto(page.base + "search/?q=" + quote("会办意见"))
    assert "〔会办意见〕关于优化城乡公交线路的提案" in results(page)


def test_no_match_says_so(page) -> None:
    page.goto(page.base + "search/?q=" + quote("量子计算机"))
    assert results(page) == []
    assert status(page).startswith("没有找到与“量子计算机”相关的答复")


def test_the_index_is_read_once_from_the_head_of_a_cold_page(page) -> None:
    """meta.json is preloaded by the page's head and that same response is what the client reads
    (a preload the fetch does not match would be a second request); the async client finds its
    index from its own script element."""
    context = page.context.browser.new_context()
    try:
        cold = context.new_page()
        urls: list[str] = []
        cold.on("request", lambda r: urls.append(r.url))
        cold.goto(page.base + "search/?q=" + quote("营商环境"))
        assert SEED in results(cold)
        head = cold.inner_html("head")
        assert 'rel="preload" href="../search-data/meta.json" as="fetch" crossorigin' in head
        assert 'data-index="../search-data/" async' in head
        assert [u for u in urls if u.endswith("/search-data/meta.json")] == [page.base + "search-data/meta.json"]
        assert sum("/search-data/d/" in u for u in urls) >= 1
    finally:
        context.close()


def test_doc_number_fragment(page) -> None:
    page.goto(page.base + "search/?q=" + quote("〔2023〕1号"))
    assert results(page) == [SEED]


WRAPPED = """---
id: fixture-2024-jianyi-9
kind: 建议
number: "9"
title: 关于规范执法检查的建议
proposers: [王芳]
unit: 新建区司法局
reply_date: 2024-05-06
topics: [监管执法]
---

王芳代表：

经核查，未发现违法违规行
为。全年办结
率96.07%，办结率为
96.07%。

- 第一项
- 第二项
"""


@pytest.fixture(scope="module")
def wrapped_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site with one more reply whose body is hard-wrapped (as taken from a PDF)."""
    from click.testing import CliRunner

    from replysite.commands import main

    replies = tmp_path_factory.mktemp("wrapped-replies") / "replies"
    shutil.copytree(FIXTURE_SITE_REPLIES, replies)
    (replies / "2024" / "fixture-2024-jianyi-9.md").write_text(WRAPPED, encoding="utf-8")
    project = make_site(tmp_path_factory.mktemp("wrapped-site"), replies)
    result = CliRunner().invoke(main, ["build", "-f", str(project / "mkdocs.yml"), "-d", str(project / "site")])
    assert result.exit_code == 0, result.output
    return project / "site"


def test_a_line_break_between_chinese_characters_is_no_space_on_the_page(page, wrapped_site: Path) -> None:
    with serve(wrapped_site) as base:
        page.goto(base + "replies/fixture-2024-jianyi-9/")
        text = page.inner_text(".rs-body")
        assert "未发现违法违规行为。全年办结率96.07%，办结率为 96.07%。" in text  # CJK|digit keeps CSS's space
        assert page.locator(".rs-body li").all_inner_texts() == ["第一项", "第二项"]
        # the seed holds the first two on one line; the new reply only across line breaks
        for q, found in (("未发现违法违规行为", ["关于规范执法检查的建议", SEED]),
                         ("全年办结率96.07%", ["关于规范执法检查的建议"]), ("办结率为96.07%", ["关于规范执法检查的建议"])):
            page.goto(base + "search/?q=" + quote(q))
            assert results(page) == found and status(page) == f"共 {len(found)} 件答复包含“{q}”"


@pytest.mark.parametrize("query", ["新政数提复字〔2023〕1号", "新政数提复字[2023]1号", "(2023)1号", "【2023】1号",
                                   "（２０２３）１号", "〈2023〉1号", "第55号", "第055号", "第55号建议"])
def test_doc_numbers_and_reply_numbers_as_typed(page, query: str) -> None:
    page.goto(page.base + "search/?q=" + quote(query))
    assert results(page) == [SEED]
    assert status(page).startswith("共 1 件答复包含“")


@pytest.mark.parametrize("query", ["“营商环境”", "营商环境。", "營商環境", "营商\u3000环境"])
def test_punctuation_traditional_and_spaces(page, query: str) -> None:
    page.goto(page.base + "search/?q=" + quote("营商环境"))
    want = results(page)
    page.goto(page.base + "search/?q=" + quote(query))
    got = results(page)
    if "\u3000" in query:  # two terms, both required
        assert set(want) <= set(got) and status(page).startswith(f"共 {len(got)} 件答复同时包含“营商”“环境”")
    else:
        assert got == want and status(page) == f"共 {len(want)} 件答复包含“营商环境”"
