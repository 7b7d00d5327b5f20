from __future__ import annotations

import datetime as dt
from pathlib import Path

import feedparser
import pytest

from publishing_fixtures import (BUSINESS, ENFORCE, SECRET, SITE_URL, SUMMARY, UNUSED_TOPIC,
                                 UNUSED_UNIT, YINGSHANG, ZHENGSHU, by_id, make_replies)
from replysite.archive import newest_first
from replysite.model import disclosure_notice
from replysite.outputs.feeds import summary_for, write_feeds
from replysite.outputs.plain_text import one_line
from replysite.urls import feed_path

BASE = SITE_URL.rstrip("/")


def parse(path: Path) -> feedparser.FeedParserDict:
    feed = feedparser.parse(path.read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


@pytest.fixture()
def site(tmp_path: Path) -> Path:
    write_feeds(make_replies(), SITE_URL, tmp_path, units=[ZHENGSHU, UNUSED_UNIT],
                topics=[UNUSED_TOPIC])
    return tmp_path


def test_written_files(tmp_path: Path) -> None:
    paths = write_feeds(make_replies(), SITE_URL, tmp_path, units=[UNUSED_UNIT],
                        topics=[UNUSED_TOPIC])
    assert [p.relative_to(tmp_path).as_posix() for p in paths] == [
        "feeds/all.atom.xml",
        "feeds/topics/jianguan-zhifa.atom.xml",
        "feeds/topics/jiaotong-chuxing.atom.xml",
        "feeds/topics/yingshang-huanjing.atom.xml",
        "feeds/topics/zhengwu-fuwu.atom.xml",
        "feeds/units/xinjian-jiaotong.atom.xml",
        "feeds/units/xinjian-sifaju.atom.xml",
        "feeds/units/xinjian-yingshangban.atom.xml",
        "feeds/units/xinjian-zhengshuju.atom.xml",
    ]


def test_all_feed_latest_first(site: Path) -> None:
    feed = parse(site / "feeds/all.atom.xml")
    assert feed.feed.title == "建议提案答复公开：最新答复"
    assert feed.feed.id == f"{BASE}/feeds/all.atom.xml"
    assert feed.feed.updated == "2024-06-30T00:00:00+08:00"
    assert feed.feed.language == "zh-CN"
    links = {link.rel: link.href for link in feed.feed.links}
    assert links == {"alternate": f"{BASE}/", "self": f"{BASE}/feeds/all.atom.xml"}
    # Same day (2024-06-30): ordered by id.
    assert [e.id for e in feed.entries] == [f"{BASE}/replies/{i}/" for i in (
        "xinjian-2024-jianyi-3", "xinjian-2024-tian-7", "xinjian-2024-jianyi-1",
        "xinjian-2023-tian-12", "xinjian-2023-jianyi-55", "xinjian-2022-jianyi-9")]


def test_entry_fields(site: Path) -> None:
    entry = parse(site / "feeds/all.atom.xml").entries[4]
    assert entry.id == f"{BASE}/replies/xinjian-2023-jianyi-55/"
    assert entry.link == f"{BASE}/replies/xinjian-2023-jianyi-55/"
    assert entry.title == "《关于进一步优化我区营商环境的几点建议》（区政数局）"
    assert entry.updated == "2023-07-17T00:00:00+08:00"
    assert entry.published == "2023-07-17T00:00:00+08:00"
    assert entry.author == "南昌市新建区政务服务数据管理局"
    assert [t.term for t in entry.tags] == ["yingshang-huanjing", "zhengwu-fuwu", "jianguan-zhifa"]
    assert [t.label for t in entry.tags] == ["营商环境", "政务服务", "监管执法"]
    # ~200 characters of plain text, Markdown removed, cut with an ellipsis.
    assert entry.summary.startswith("尊敬的程伟川代表： 一是持续开展“周末亲清行”")
    assert entry.summary.endswith("……")
    assert len(entry.summary) == 202


def test_unit_feed_holds_only_its_replies(site: Path) -> None:
    feed = parse(site / feed_path("unit", YINGSHANG.id))
    assert feed.feed.title == "南昌市新建区优化营商环境工作领导小组办公室：最新答复"
    assert {link.rel: link.href for link in feed.feed.links}["alternate"] == \
        f"{BASE}/units/xinjian-yingshangban/"
    assert [e.id.split("/")[-2] for e in feed.entries] == ["xinjian-2024-jianyi-1",
                                                           "xinjian-2023-tian-12"]
    assert feed.feed.updated == "2024-02-29T00:00:00+08:00"


def test_topic_feed(site: Path) -> None:
    feed = parse(site / feed_path("topic", ENFORCE.id))
    assert feed.feed.title == "主题“监管执法”：最新答复"
    assert [e.id.split("/")[-2] for e in feed.entries] == [
        "xinjian-2024-jianyi-3", "xinjian-2024-tian-7", "xinjian-2023-jianyi-55"]


def test_registry_entries_without_replies_get_empty_valid_feeds(site: Path) -> None:
    for rel in (feed_path("unit", UNUSED_UNIT.id), feed_path("topic", UNUSED_TOPIC.id)):
        feed = parse(site / rel)
        assert feed.entries == []
        # No build timestamp: an empty feed carries the archive's latest reply date.
        assert feed.feed.updated == "2024-06-30T00:00:00+08:00"


def test_limit(tmp_path: Path) -> None:
    write_feeds(make_replies(), SITE_URL, tmp_path, limit=2)
    assert len(parse(tmp_path / "feeds/all.atom.xml").entries) == 2
    assert len(parse(tmp_path / feed_path("topic", BUSINESS.id)).entries) == 2


def test_summary_disclosure(site: Path) -> None:
    entries = {e.id.split("/")[-2]: e for e in parse(site / "feeds/all.atom.xml").entries}
    assert entries["xinjian-2024-jianyi-3"].summary == (
        "本答复摘要公开（理由：涉及正在进行的采购事项），以下为摘要。 " + SUMMARY)
    assert entries["xinjian-2024-tian-7"].summary == "本答复不予公开（理由：涉及国家秘密），仅公开目录信息。"
    for path in site.rglob("*.xml"):
        assert SECRET not in path.read_text(encoding="utf-8"), path


def test_deterministic_and_order_independent(tmp_path: Path) -> None:
    replies = make_replies()
    write_feeds(replies, SITE_URL, tmp_path / "a")
    write_feeds(list(reversed(replies)), SITE_URL, tmp_path / "b")
    files_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.xml"))
    assert files_a == sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*.xml"))
    for rel in files_a:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes()


def test_without_site_url_links_are_root_relative(tmp_path: Path) -> None:
    write_feeds(make_replies(), "", tmp_path)
    feed = parse(tmp_path / "feeds/all.atom.xml")
    assert feed.entries[0].id == "/replies/xinjian-2024-jianyi-3/"


def test_empty_archive(tmp_path: Path) -> None:
    assert write_feeds([], SITE_URL, tmp_path) == [tmp_path / "feeds/all.atom.xml"]
    feed = parse(tmp_path / "feeds/all.atom.xml")
    assert feed.entries == [] and feed.feed.updated == "1970-01-01T00:00:00+08:00"


def test_feed_path() -> None:
    assert feed_path("all") == "feeds/all.atom.xml"
    assert feed_path("unit", "xinjian-sifaju") == "feeds/units/xinjian-sifaju.atom.xml"
    assert feed_path("topic", "zhengwu-fuwu") == "feeds/topics/zhengwu-fuwu.atom.xml"
    with pytest.raises(ValueError) as exc:
        feed_path("year", "2023")
    assert str(exc.value) == "未知的订阅类型：year（应为 all、unit 或 topic）"
    with pytest.raises(ValueError) as exc:
        feed_path("unit")
    assert str(exc.value) == "unit 订阅需要编号"


def test_text_helpers() -> None:
    replies = by_id(make_replies())
    assert one_line("尊敬的**代表**：\n\n- 一是 `A&B`\n- 二是 [链接](x)") == "尊敬的代表： 一是 A&B 二是 链接"
    assert disclosure_notice(replies["xinjian-2023-jianyi-55"]) is None
    assert summary_for(replies["xinjian-2022-jianyi-9"]) == "尊敬的代表： 现答复如下。"
    assert [r.id for r in newest_first(make_replies())][:2] == ["xinjian-2024-jianyi-3",
                                                                "xinjian-2024-tian-7"]
    assert replies["xinjian-2024-jianyi-1"].reply_date == dt.date(2024, 2, 29)
