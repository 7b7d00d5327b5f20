from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from browser import chromium
from publishing_fixtures import UNUSED_UNIT, build_material_site, make_replies
from replysite.local_http import serve
from replysite.model import Reply
from replysite.archive.stats import (Count, add_months, answered_within_three_months, compute_stats,
                                     percent)
from replysite.pages.stats_page import render_stats_markdown


def counts(items: tuple[Count, ...]) -> dict[str, int]:
    return {c.key: c.count for c in items}


def test_counts_equal_an_independent_count() -> None:
    replies = make_replies()
    stats = compute_stats(replies)
    assert stats.total == 6
    years: Counter[str] = Counter()
    units: Counter[str] = Counter()
    topics: Counter[str] = Counter()
    for r in replies:
        years[str(r.reply_date.year)] += 1
        units[r.unit.id] += 1
        for t in r.topics:
            topics[t.id] += 1
    assert counts(stats.by_year) == dict(years) == {"2022": 1, "2023": 2, "2024": 3}
    assert counts(stats.by_unit) == dict(units)
    assert counts(stats.by_topic) == dict(topics)
    assert counts(stats.by_kind) == {"建议": 4, "提案": 2}
    assert counts(stats.by_category) == {"A": 2, "B": 1, "C": 1, "D": 1, "未标注": 1}
    assert counts(stats.by_disclosure) == {"全文公开": 4, "摘要公开": 1, "不予公开": 1}
    assert counts(stats.by_satisfaction) == {"满意": 2, "基本满意": 1, "不满意": 1, "未反馈": 2}
    assert sum(counts(stats.by_satisfaction).values()) == stats.total


def test_order_and_links() -> None:
    stats = compute_stats(make_replies())
    assert [c.key for c in stats.by_year] == ["2022", "2023", "2024"]
    # Most replies first, ties by name.
    assert [(c.label, c.count) for c in stats.by_unit] == [
        ("南昌市新建区政务服务数据管理局", 3), ("南昌市新建区优化营商环境工作领导小组办公室", 2),
        ("南昌市新建区司法局", 1)]
    assert [(c.label, c.count) for c in stats.by_topic] == [
        ("营商环境", 4), ("政务服务", 3), ("监管执法", 3)]
    assert stats.by_year[0].href == "years/2022/"
    assert stats.by_unit[0].href == "units/xinjian-zhengshuju/"
    assert stats.by_topic[0].href == "topics/yingshang-huanjing/"
    assert [c.href for c in stats.by_category] == ["categories/a/", "categories/b/",
                                                   "categories/c/", "categories/d/", None]
    assert [c.label for c in stats.by_kind] == ["人大代表建议", "政协委员提案"]


def test_empty_categories_are_listed_without_a_link() -> None:
    stats = compute_stats(make_replies()[:1])
    assert [(c.key, c.count, c.href) for c in stats.by_category] == [
        ("A", 1, "categories/a/"), ("B", 0, None), ("C", 0, None), ("D", 0, None)]
    assert table_rows(render_stats_markdown(stats), "按办理类别的答复件数")[1] == ("B类", "0", "0.0%")


def test_rates() -> None:
    stats = compute_stats(make_replies())
    assert stats.satisfaction_rate("满意") == pytest.approx(2 / 6)
    assert stats.satisfaction_rate("未反馈") == pytest.approx(2 / 6)
    assert percent(2, 6) == "33.3%" and percent(1, 0) == "—"
    # Assigned 04-17 → answered 07-17 (the last day), 05-31 → 09-01 (a day late),
    # 11-30 → 02-29 (08-31 and 02-29 are the clamped month ends).
    assert stats.with_assigned_date == 3
    assert stats.within_three_months == 2
    assert stats.within_three_months_rate == pytest.approx(2 / 3)


@pytest.mark.parametrize(("start", "months", "end"), [
    ("2023-04-17", 3, "2023-07-17"), ("2023-11-30", 3, "2024-02-29"),
    ("2022-11-30", 3, "2023-02-28"), ("2023-10-31", 3, "2024-01-31"), ("2023-12-31", 2, "2024-02-29"),
])
def test_add_months(start: str, months: int, end: str) -> None:
    assert add_months(dt.date.fromisoformat(start), months) == dt.date.fromisoformat(end)


def test_within_three_months_needs_an_assigned_date() -> None:
    replies = {r.id: r for r in make_replies()}
    assert answered_within_three_months(replies["xinjian-2022-jianyi-9"]) is None
    assert answered_within_three_months(replies["xinjian-2023-tian-12"]) is False
    assert answered_within_three_months(replies["xinjian-2024-jianyi-1"]) is True


def table_rows(page: str, caption: str) -> list[tuple[str, str, str]]:
    table = re.search(rf"<caption>{caption}</caption>(.*?)</table>", page, re.S)
    assert table, caption
    return re.findall(r'<tr><th scope="row">(.*?)</th><td>(\d+)</td><td>(.*?)</td></tr>',
                      table.group(1))


def test_render_tables_hold_the_numbers() -> None:
    page = render_stats_markdown(compute_stats(make_replies()))
    assert page.startswith("<p>本站共发布答复 6 件，其中人大代表建议 4 件、政协委员提案 2 件。")
    assert table_rows(page, "按年度的答复件数") == [
        ('<a href="../years/2022/">2022年</a>', "1", "16.7%"),
        ('<a href="../years/2023/">2023年</a>', "2", "33.3%"),
        ('<a href="../years/2024/">2024年</a>', "3", "50.0%")]
    assert table_rows(page, "代表/委员满意度") == [
        ("满意", "2", "33.3%"), ("基本满意", "1", "16.7%"), ("不满意", "1", "16.7%"),
        ("未反馈", "2", "33.3%")]
    assert table_rows(page, "按办理类别的答复件数")[0] == (
        '<a href="../categories/a/">A类</a>', "2", "33.3%")
    assert table_rows(page, "按主办单位的答复件数")[0] == (
        '<a href="../units/xinjian-zhengshuju/">南昌市新建区政务服务数据管理局</a>', "3", "50.0%")
    assert table_rows(page, "按主题的答复件数")[0] == (
        '<a href="../topics/yingshang-huanjing/">营商环境</a>', "4", "66.7%")
    assert table_rows(page, "按公开方式的答复件数") == [
        ("全文公开", "4", "66.7%"), ("摘要公开", "1", "16.7%"), ("不予公开", "1", "16.7%")]
    assert "记录了交办日期的答复共 3 件，其中 2 件在交办后三个月内（含）答复，占 66.7%。" in page
    # Bars are scaled to the largest value of their chart.
    assert page.count('aria-label="按年度图表，具体数字见下表"') == 1
    assert "width:66.7%" in page and "width:33.3%" in page


def test_render_no_javascript_no_external_resources() -> None:
    page = render_stats_markdown(compute_stats(make_replies()), link_prefix="/archive/")
    assert "<script" not in page and "http" not in page and "src=" not in page
    assert '<a href="/archive/years/2022/">' in page


def test_render_limits_long_charts() -> None:
    base = make_replies()[0]
    units = [UNUSED_UNIT.__class__(f"unit-{i:02d}", f"第{i:02d}单位") for i in range(20)]
    replies = [Reply(**{**base.__dict__, "id": f"r-{i}", "unit": u}) for i, u in enumerate(units)]
    page = render_stats_markdown(compute_stats(replies))
    assert "图中列出件数最多的 15 项，全部 20 项见下表。" in page
    assert len(table_rows(page, "按主办单位的答复件数")) == 20


def test_render_empty() -> None:
    assert render_stats_markdown(compute_stats([])) == "目前还没有发布答复，暂无统计数据。\n"


@pytest.fixture(scope="module")
def stats_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    body = render_stats_markdown(compute_stats(make_replies()))
    return build_material_site(tmp_path_factory.mktemp("stats"), {
        "index.md": "# 首页\n\n[统计](stats.md)\n", "stats.md": "# 统计\n\n" + body})


def test_stats_page_accessible_and_fits_a_phone(stats_site: Path) -> None:
    with serve(stats_site) as base, chromium() as browser:
        page = browser.new_page(viewport={"width": 360, "height": 800})
        page.goto(base + "stats/")
        assert page.locator("article table").count() == 7
        page.evaluate(AXE_SCRIPT)
        # The page content; the theme's own chrome (search dialog, footer) is checked by
        # the whole-site accessibility test.
        result = page.evaluate("axe.run(document.querySelector('.md-content'),"
                               " {resultTypes: ['violations']})")
        bad = [(v["id"], v["impact"], len(v["nodes"])) for v in result["violations"]
               if v["impact"] in ("serious", "critical")]
        assert bad == []
        # axe did look at the text: the contrast rule ran and passed.
        assert "color-contrast" in [r["id"] for r in result["passes"]]
        # The charts shrink with the screen: nothing is wider than a phone.
        assert page.evaluate("document.documentElement.scrollWidth") == 360
        overflow = page.evaluate(
            "Array.from(document.querySelectorAll('figure.replysite-chart'))"
            ".filter(f => f.scrollWidth > f.clientWidth + 1 || f.clientWidth < 250).length")
        assert overflow == 0

