"""One suggestion's whole story (issue 13): the fixture site's cases — a reply with a co-handler's
opinion and a progress report on its promise, a 不满意 followed by a re-reply, a B-category promise
past its date with no progress, a suggestion's original text, a former id — as built pages, state
wording, links both ways, counts, the overdue list, redirects; and the rules across files."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURE_SITE_REPLIES, TODAY, make_replies
from replysite.archive import load_archive, load_replies
from replysite.archive.cases import case_stats
from sitecheck import content_links

ARCHIVE = load_archive(FIXTURE_SITE_REPLIES, today=TODAY)
CASE = {d.id: c for c in ARCHIVE.cases for d in c.documents}


def page(site: Path, *parts: str) -> str:
    return (site.joinpath(*parts) / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(("doc", "documents", "state"), [
    ("fixture-2024-tian-12", ["fixture-2024-tian-12-huiban", "fixture-2024-tian-12", "fixture-2024-tian-12-jinzhan"],
     "已答复，委员基本满意；承诺事项“年底前再开通城乡公交线路 2 条”（期限 2024-12-31），已报告办理进展（2025-01-10）"),
    ("fixture-2022-jianyi-31", ["fixture-2022-jianyi-31", "fixture-2022-jianyi-31-zaici"],
     "代表不满意，已再次答复，再次答复后代表基本满意"),
    ("fixture-2023-jianyi-80", ["fixture-2023-jianyi-80-yuanwen", "fixture-2023-jianyi-80"],
     "已答复，代表满意；承诺事项“2024年6月底前完成城北停车场建设”（期限 2024-06-30），已过期限，尚无办理进展"),
    ("fixture-2023-tian-9", ["fixture-2023-tian-9"], "委员不满意，尚未再次答复"),
    ("xinjian-2023-jianyi-55", ["xinjian-2023-jianyi-55"], "已答复，代表满意"),
    ("fixture-2022-tian-5", ["fixture-2022-tian-5"], "已答复"),
])
def test_case_timeline_and_state(built_fixture_site: Path, doc: str, documents: list[str], state: str) -> None:
    case = CASE[doc]
    assert [d.id for d in case.documents] == documents  # by date
    assert case.state(ARCHIVE.as_of) == state
    html = page(built_fixture_site, "cases", case.id)
    if len(documents) == 1:  # the case's address leads to its one document, which tells its state
        assert f'<meta http-equiv="refresh" content="0; url=../../replies/{doc}/">' in html
        assert state in page(built_fixture_site, "replies", doc)
        return
    assert state in html
    links = [t for t in content_links(built_fixture_site, built_fixture_site / "cases" / case.id / "index.html")
             if t.startswith("replies/")]
    assert links == [f"replies/{d}/" for d in documents], "the timeline links every document, in order"
    for d in documents:  # and every document links back to its case, and to the others
        back = content_links(built_fixture_site, built_fixture_site / "replies" / d / "index.html")
        assert f"cases/{case.id}/" in back
        assert {f"replies/{o}/" for o in documents if o != d} <= set(back)
        assert state in page(built_fixture_site, "replies", d)


def test_the_seed_reply_has_its_case_address_and_state(built_fixture_site: Path) -> None:
    """The seed is a case of one document: cases/<id>/ leads to the reply, whose page says where
    the handling stands; a second document filed later turns the address into the case page."""
    case = CASE["xinjian-2023-jianyi-55"]
    assert "../../replies/xinjian-2023-jianyi-55/" in page(built_fixture_site, "cases", case.id)
    reply = page(built_fixture_site, "replies", "xinjian-2023-jianyi-55")
    assert "办理情况：已答复，代表满意" in reply


def test_a_case_page_of_several_documents(built_fixture_site: Path) -> None:
    case = CASE["fixture-2022-jianyi-31"]
    html = page(built_fixture_site, "cases", case.id)
    assert "关于公开道路改造计划的建议" in html and "建议第31号" in html and "2022-12-15" in html
    assert "共 2 份文件，按日期排列" in html


def test_document_types_read_right_on_their_pages(built_fixture_site: Path) -> None:
    opinion = page(built_fixture_site, "replies", "fixture-2024-tian-12-huiban")
    assert "<dt>会办单位</dt>" in opinion and "<dt>致送（主办）单位</dt>" in opinion and "会办意见全文" in opinion
    assert "<dt>出具日期</dt>" in opinion and "代表/委员满意度" not in opinion
    original = page(built_fixture_site, "replies", "fixture-2023-jianyi-80-yuanwen")
    assert "<dt>提出日期</dt><dd>2023-01-12</dd>" in original and "建议原文全文" in original
    assert '<p class="rs-sign">王芳<br>2023年1月12日</p>' in original  # signed by the deputy
    progress = page(built_fixture_site, "replies", "fixture-2024-tian-12-jinzhan")
    assert "<dt>报告日期</dt>" in progress and "办理进展全文" in progress


def test_counts_cases_and_documents(built_fixture_site: Path) -> None:
    files = len(list(FIXTURE_SITE_REPLIES.rglob("*.md")))
    assert len(ARCHIVE.replies) == files == 11 and len(ARCHIVE.cases) == 7
    cases = json.loads((built_fixture_site / "data" / "cases.json").read_text(encoding="utf-8"))
    assert len(cases) == 7 and sum(c["documents"] for c in cases) == files
    stats = page(built_fixture_site, "stats")
    assert "共有建议和提案 7 件，公开的办理文件 11 份" in stats
    doc_types = dict(re.findall(r'<tr><th scope="row">([^<]+)</th><td>(\d+)</td></tr>', stats))
    assert {k: int(v) for k, v in doc_types.items() if k in ("答复", "再次答复", "会办意见", "建议原文", "办理进展")} == {
        "答复": 7, "再次答复": 1, "会办意见": 1, "建议原文": 1, "办理进展": 1}
    # 不满意 then re-reply: one of the two cases judged 不满意 got a re-reply, 76 days later
    assert "表示不满意的共 2 件，其中 1 件已再次答复，占 50.0%。从答复到再次答复的天数中位数为 76 天。" in stats


def test_overdue_promises_listed_everywhere(built_fixture_site: Path) -> None:
    expected = [c for c in ARCHIVE.cases if c.promise is not None and c.promise.overdue(ARCHIVE.as_of)]
    assert [c.id for c in expected] == [CASE["fixture-2023-jianyi-80"].id]
    assert case_stats(ARCHIVE.cases, ARCHIVE.as_of).overdue == tuple(expected)
    stats = page(built_fixture_site, "stats")
    table = stats[stats.index("<caption>逾期未报告进展的承诺</caption>"):]
    assert "关于建设城北停车场的建议" in table and "2024-06-30" in table
    assert "关于优化城乡公交线路的提案" not in table  # its promise has a progress report
    overdue = json.loads((built_fixture_site / "data" / "overdue.json").read_text(encoding="utf-8"))
    assert [c["id"] for c in overdue] == [c.id for c in expected]
    assert overdue[0]["as_of"] == "2025-01-10" and overdue[0]["promised_by"] == "2024-06-30"
    rows = list(csv.DictReader(io.StringIO((built_fixture_site / "data" / "overdue.csv").read_text(encoding="utf-8-sig"))))
    assert [r["id"] for r in rows] == [c.id for c in expected] and rows[0]["overdue"] == "是"


def test_former_id_redirects_to_the_current_page(built_fixture_site: Path) -> None:
    html = page(built_fixture_site, "replies", "fixture-2023-tian-9-old")
    assert '<meta http-equiv="refresh" content="0; url=../fixture-2023-tian-9/">' in html
    assert '<link rel="canonical" href="https://example.github.io/replysite/replies/fixture-2023-tian-9/">' in html
    assert "<script" not in html


def test_the_redirect_is_followed_in_a_browser(built_fixture_site: Path) -> None:
    from browser import chromium
    from replysite.local_http import serve

    with serve(built_fixture_site.parent) as base, chromium() as browser:
        tab = browser.new_page()
        tab.goto(base + "site/replies/fixture-2023-tian-9-old/")
        tab.wait_for_url("**/replies/fixture-2023-tian-9/")
        assert "关于增设社区便民服务点的提案" in tab.title()


def _folder(tmp_path: Path, edits: dict[str, dict[str, str]]) -> Path:
    """The fixture replies with some front-matter lines replaced: {file stem: {old: new}}."""
    folder = make_replies(tmp_path, sorted(FIXTURE_SITE_REPLIES.rglob("*.md")), registries=FIXTURE_SITE_REPLIES)
    for stem, changes in edits.items():
        path = folder / f"{stem}.md"
        text = path.read_text(encoding="utf-8")
        for old, new in changes.items():
            assert old in text, (stem, old)
            text = text.replace(old, new, 1)
        path.write_text(text, encoding="utf-8")
    return folder


def problems(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edits: dict[str, dict[str, str]]) -> list[str]:
    _folder(tmp_path, edits)
    monkeypatch.chdir(tmp_path)
    archive, found = load_replies(Path("replies"), today=TODAY)
    assert archive is None
    return [p.format() for p in found]


def test_a_re_reply_without_its_reply_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    found = problems(tmp_path, monkeypatch, {"fixture-2022-jianyi-31": {'number: "31"': 'number: "32"'}})
    assert found == ["replies/fixture-2022-jianyi-31-zaici.md:3: doc_type（文件类型）: 这件建议或提案有再次答复，"
                     "但找不到第一次的答复（doc_type: 答复）；请一并录入第一次答复，并核对会议、编号或 case 是否一致"]


def test_documents_of_one_case_must_agree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    found = problems(tmp_path, monkeypatch, {
        "fixture-2024-tian-12-jinzhan": {"title: 关于优化城乡公交线路的提案": "title: 关于优化城乡公交的提案"}})
    assert found == ["replies/fixture-2024-tian-12-jinzhan.md:7: title（标题）: 与同一件的 "
                     "replies/fixture-2024-tian-12-huiban.md 标题不同；同一件建议或提案的各份文件标题应相同，"
                     "请核对标题，或核对会议、编号和 case 是否写错"]


def test_a_former_id_may_not_be_a_current_id(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    found = problems(tmp_path, monkeypatch, {
        "fixture-2023-tian-9": {"former_ids: [fixture-2023-tian-9-old]": "former_ids: [fixture-2022-tian-5]"}})
    assert found == ["replies/fixture-2023-tian-9.md:13: former_ids（曾用编号）: 曾用编号“fixture-2022-tian-5”是 "
                     "replies/fixture-2022-tian-5.md 现在的编号；旧网址只能跳转到一个文件"]


def test_a_former_id_may_not_be_claimed_twice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    found = problems(tmp_path, monkeypatch, {
        "fixture-2022-tian-5": {"topics: [政务服务]": "topics: [政务服务]\nformer_ids: [fixture-2023-tian-9-old]"}})
    assert found == ["replies/fixture-2023-tian-9.md:13: former_ids（曾用编号）: 曾用编号“fixture-2023-tian-9-old”也写在 "
                     "replies/fixture-2022-tian-5.md 中；旧网址只能跳转到一个文件"]


def test_the_case_key_joins_documents_without_a_session(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _folder(tmp_path, {})
    shutil.copy(FIXTURE_SITE_REPLIES / "2022" / "fixture-2022-jianyi-31-zaici.md", folder / "extra.md")
    text = (folder / "extra.md").read_text(encoding="utf-8")
    text = (text.replace("id: fixture-2022-jianyi-31-zaici", "id: fixture-2022-tian-5-zaici")
            .replace("kind: 建议", "kind: 提案").replace('number: "31"', 'number: "5"')
            .replace("session: 新建区第十八届人民代表大会第一次会议\n", "case: tian-5-2022\n")
            .replace("title: 关于公开道路改造计划的建议", "title: 关于推行政务服务“一窗通办”的提案")
            .replace("proposers: [赵强]", "proposers: [九三学社委员小组]"))
    (folder / "extra.md").write_text(text, encoding="utf-8")
    original = (folder / "fixture-2022-tian-5.md").read_text(encoding="utf-8")
    (folder / "fixture-2022-tian-5.md").write_text(original.replace("kind: 提案", "kind: 提案\ncase: tian-5-2022"),
                                                  encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    archive, found = load_replies(Path("replies"), today=TODAY)
    assert found == []
    case = archive.case_of["fixture-2022-tian-5"]
    assert case.id == "tian-5-2022" and [d.id for d in case.documents] == ["fixture-2022-tian-5",
                                                                           "fixture-2022-tian-5-zaici"]


def test_case_exports_have_the_documented_columns(built_fixture_site: Path) -> None:
    from replysite.archive.open_data import CASE_COLUMNS

    keys = [key for key, *_ in CASE_COLUMNS]
    header = (built_fixture_site / "data" / "cases.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.split(",") == keys
    records = json.loads((built_fixture_site / "data" / "cases.json").read_text(encoding="utf-8"))
    assert all(list(r) == keys for r in records)
    documented = page(built_fixture_site, "open-data")
    assert all(f"<code>{k}</code>" in documented for k in keys)
    assert "cases.json" in documented and "overdue.csv" in documented


def test_import_joins_a_re_reply_to_its_case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`replysite import` of a 再次答复 whose first reply is filed: the new file gets its type and
    the keys that join it to the case, and passes the checks."""
    from click.testing import CliRunner

    from conftest import ROOT
    from replysite.commands import main

    letter = Path(__file__).parent / "fixtures" / "import" / "letters" / "18-district-jianyi-zaici-dafu.txt"
    folder = make_replies(tmp_path, registries=ROOT / "replies")
    with (folder / "units.yml").open("a", encoding="utf-8") as units:
        units.write("- id: bailuzhou-chengguan\n  name: 白鹭洲区城市管理局\n  short_names: [区城管局]\n")
    (folder / "2023").mkdir()
    (folder / "2023" / "first.md").write_text(
        "---\nid: bailuzhou-2023-jianyi-0529\nkind: 建议\nsession: 区十八届人大二次会议\nnumber: \"0529\"\n"
        "title: 关于解决滨江花园小区周边占道经营问题的建议\nproposers: [卢建新]\nunit: 白鹭洲区城市管理局\n"
        "category: B\nreply_date: 2023-06-20\ntopics: [城乡建设]\nsatisfaction: 不满意\n---\n\n卢建新代表：\n\n现答复如下。\n",
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["import", str(letter), "--out", "replies", "--topic", "城乡建设"])
    assert result.exit_code == 0, result.output
    assert "已归入同一件建议或提案（与 bailuzhou-2023-jianyi-0529 同属一件）" in result.output
    archive, found = load_replies(Path("replies"), today=TODAY)
    assert found == []
    case = archive.case_of["bailuzhou-2023-jianyi-0529"]
    assert [d.doc_type for d in case.documents] == ["答复", "再次答复"]
    assert case.state(archive.as_of) == "代表不满意，已再次答复"


def test_case_addresses_hold_no_number_the_privacy_scan_would_stop() -> None:
    """A case id is part of every URL of its case; it must never read as a private number (the
    build scans every URL). Its digest is letters, so digits only come from the number itself."""
    from replysite.model import case_id
    from replysite.reading.privacy import scan_output

    ids = [case_id(kind, f"第{n}次会议", number, None, f"doc-{n}")
           for n in range(3000) for kind, number in (("提案", f"2023{n:03d}"), ("建议", str(n)))]
    assert len(set(ids)) == len(ids)
    assert [i for i in ids if scan_output(f"https://example.gov.cn/cases/{i}/")] == []
    assert all(re.fullmatch(r"(jianyi|tian)-\d+-[a-p]{8}", i) for i in ids)
