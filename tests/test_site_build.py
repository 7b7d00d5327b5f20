"""A real `replysite build` (strict MkDocs) of the fixture site: nothing lost, counts right."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from replysite.urls import name_slug
from replysite.commands import main
from replysite.archive import load_archive

from conftest import FIXTURE_SITE_REPLIES, make_site
from sitecheck import content_links, listed_cases, listed_replies, shown_count

ARCHIVE = load_archive(FIXTURE_SITE_REPLIES)
IDS = sorted(r.id for r in ARCHIVE.replies)


def test_every_reply_file_becomes_exactly_one_page(built_fixture_site: Path) -> None:
    files = sorted(FIXTURE_SITE_REPLIES.rglob("*.md"))
    pages = sorted(p.parent.name for p in (built_fixture_site / "replies").glob("*/index.html")
                   if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8"))  # not a former id's redirect
    assert len(files) == len(pages) == 11
    assert pages == IDS
    cases = sorted(p.parent.name for p in (built_fixture_site / "cases").glob("*/index.html"))
    assert cases == sorted(c.id for c in ARCHIVE.cases) and len(cases) == 7  # an address for every case
    pages = [c for c in cases if 'http-equiv="refresh"' not in
             (built_fixture_site / "cases" / c / "index.html").read_text(encoding="utf-8")]
    assert sorted(pages) == sorted(c.id for c in ARCHIVE.cases if len(c.documents) > 1) and len(pages) == 3


def memberships(reply) -> list[str]:
    dirs = [f"years/{reply.year}", f"units/{reply.unit.id}", "all"]
    dirs += [f"units/{u.id}" for u in reply.co_units]
    dirs += [f"topics/{t.id}" for t in reply.topics]
    dirs += [f"proposers/{name_slug(p)}" for p in reply.proposers]
    if reply.category:
        dirs.append(f"categories/{reply.category.lower()}")
    if reply.session:
        dirs.append(f"sessions/{name_slug(reply.session)}")
    return dirs


def reachable(site: Path, index: str, reply) -> bool:
    """Listed in the index itself, or through its case's entry and the case page."""
    if reply.id in listed_replies(site, index):
        return True
    case = ARCHIVE.case_of[reply.id].id
    return (case in listed_cases(site, index)
            and f"replies/{reply.id}/" in content_links(site, site / "cases" / case / "index.html"))


@pytest.mark.parametrize("reply_id", IDS)
def test_reply_is_reachable_from_every_index_it_belongs_to_and_its_case_listed_once(
        built_fixture_site: Path, reply_id: str) -> None:
    reply = next(r for r in ARCHIVE.replies if r.id == reply_id)
    case = ARCHIVE.case_of[reply_id]
    for index in memberships(reply):
        assert reachable(built_fixture_site, index, reply), index
        shown = [r for r in listed_replies(built_fixture_site, index) if ARCHIVE.case_of[r].id == case.id]
        assert len(shown) == 1, (index, shown)  # one entry per case, by its newest document there


def test_indexes_list_only_their_members_and_show_true_counts(built_fixture_site: Path) -> None:
    expected: dict[str, set[str]] = {}
    for r in ARCHIVE.replies:
        for index in memberships(r):
            expected.setdefault(index, set()).add(r.id)
    for index, ids in expected.items():
        listed = listed_replies(built_fixture_site, index)
        assert set(listed) <= ids, index
        cases = {ARCHIVE.case_of[i].id for i in ids}
        assert shown_count(built_fixture_site / index / "index.html") == len(cases) == len(listed), index
        page = (built_fixture_site / index / "index.html").read_text(encoding="utf-8")
        if len(ids) != len(cases):
            assert f"（{len(ids)} 份文件）" in page, index  # the documents are counted too


def test_home_page_totals_latest_and_ways_in(built_fixture_site: Path) -> None:
    home = built_fixture_site / "index.html"
    html = home.read_text(encoding="utf-8")
    assert shown_count(home) == 7
    assert "人大代表建议 4 件，政协委员提案 3 件），公开文件 11 份" in html
    links = content_links(built_fixture_site, home)
    for way in ("years/", "units/", "topics/", "categories/", "proposers/", "sessions/", "search/", "all/"):
        assert way in links
    # latest first
    latest = [t for t in links if t.startswith("replies/")]
    assert latest[0] == "replies/fixture-2024-tian-12-jinzhan/"  # the newest document, of its case
    assert '<html lang="zh-CN"' in html


def test_overview_pages_count_every_group(built_fixture_site: Path) -> None:
    units = (built_fixture_site / "units" / "index.html").read_text(encoding="utf-8")
    # 新建区政数局 (alias) and 南昌市新建区政务服务数据管理局 (full name) are one unit: 3 replies led,
    # 1 co-handled, 1 co-handler's opinion (of the co-handled case): 4 cases.
    row = re.search(r"南昌市新建区政务服务数据管理局</a></td>\s*<td>[^<]*</td>\s*<td[^>]*>(\d+)</td>", units)
    assert row and row.group(1) == "4"
    years = (built_fixture_site / "years" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r">(\d{4})年</a>", years) == ["2025", "2024", "2023", "2022"]


def test_reply_page_shows_every_field(built_fixture_site: Path) -> None:
    html = (built_fixture_site / "replies" / "xinjian-2023-jianyi-55" / "index.html").read_text(encoding="utf-8")
    for text in ("关于进一步优化我区营商环境的几点建议", "建议第55号", "程伟川", "南昌市新建区政务服务数据管理局",
                 "区政数局、新建区政数局", "新政数提复字〔2023〕1号", "A类", "2023-07-17", "营商环境", "满意",
                 "区人大常委会选举任免联络办公室，区政府督查室", "新建区政数局 83098603", "330100",
                 "一是持续开展“周末亲清行”常态化联系帮扶活动", 'aria-label="位置"'):
        assert text in html, text
    links = content_links(built_fixture_site, built_fixture_site / "replies" / "xinjian-2023-jianyi-55" / "index.html")
    for target in ("years/2023/", "units/xinjian-zhengshuju/", "topics/yingshang-huanjing/",
                   "categories/a/", f"proposers/{name_slug('程伟川')}/"):
        assert target in links
    assert "闽人常发" not in html  # extraction noise from another document is not part of the letter
    assert "type=\"checkbox\"/>" not in html and "征询意见表" not in html  # the satisfaction form became a field, not HTML inputs


def test_disclosure_modes(built_fixture_site: Path) -> None:
    summary = (built_fixture_site / "replies" / "fixture-2024-jianyi-7" / "index.html").read_text(encoding="utf-8")
    assert "本答复摘要公开" in summary and "答复涉及正在办理的执法案件" in summary and "答复摘要" in summary
    assert '<div class="rs-body">' in summary  # the summary is shown as the letter's body
    withheld = (built_fixture_site / "replies" / "fixture-2022-jianyi-31" / "index.html").read_text(encoding="utf-8")
    assert "本答复不予公开" in withheld and "涉及尚未批准的规划" in withheld
    assert "答复全文" not in withheld and "rs-body" not in withheld


def test_replies_are_not_in_the_navigation(built_fixture_site: Path) -> None:
    html = (built_fixture_site / "about" / "index.html").read_text(encoding="utf-8")
    nav = html[html.index('<nav class="md-nav md-nav--primary"'):html.index("</nav>", html.index('md-nav--primary'))]
    assert "replies/" not in nav


def test_nothing_loaded_from_outside(built_fixture_site: Path) -> None:
    for page in built_fixture_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for m in re.finditer(r'<(?:script|link|img|iframe)\b[^>]*(?:src|href)="(https?:)?//([^"/]+)', html):
            assert 'rel="canonical"' in m.group(0) or "alternate" in m.group(0), (page, m.group(0))
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_failed_build_leaves_previous_site_intact(site_project: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(main, ["build"])
    assert ok.exit_code == 0, ok.output
    before = sorted(p.relative_to(site_project / "site") for p in (site_project / "site").rglob("*"))
    bad = site_project / "replies" / "2024" / "broken.md"
    bad.write_text("---\nid: broken\n---\n", encoding="utf-8")
    failed = runner.invoke(main, ["build"])
    assert failed.exit_code == 1
    assert "replies/2024/broken.md:1: kind（类型）: 必填字段缺失" in failed.output
    assert "网站未生成" in failed.output
    after = sorted(p.relative_to(site_project / "site") for p in (site_project / "site").rglob("*"))
    assert after == before
    assert not list(site_project.glob(".site-*"))


def test_pagination_keeps_every_reply_reachable(tmp_path: Path) -> None:
    from replysite.pages.lists import PAGE_SIZE
    from replysite.synthetic import generate

    generate(120, tmp_path / "corpus", seed=3)
    (tmp_path / "project").mkdir()
    project = make_site(tmp_path / "project", replies=tmp_path / "corpus")
    result = CliRunner().invoke(main, ["build", "-f", str(project / "mkdocs.yml"), "-d", str(project / "site")])
    assert result.exit_code == 0, result.output
    site = project / "site"
    archive = load_archive(tmp_path / "corpus")
    listed = listed_replies(site, "all")
    cases = len(archive.cases)
    assert 50 < cases < 120 and len(listed) == len(set(listed)) == cases  # one entry per case
    pages = -(-cases // PAGE_SIZE)
    assert (site / "all" / "page" / str(pages) / "index.html").is_file()
    assert not (site / "all" / "page" / str(pages + 1)).exists()
    assert shown_count(site / "all" / "page" / str(pages) / "index.html") == cases
    reached = set(listed)
    for case in listed_cases(site, "all"):
        reached |= {t.split("/")[1] for t in content_links(site, site / "cases" / case / "index.html")
                    if t.startswith("replies/")}
    assert sorted(reached) == sorted(r.id for r in archive.replies) and len(reached) == 120
    assert PAGE_SIZE == 50
