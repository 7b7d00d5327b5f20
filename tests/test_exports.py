from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from publishing_fixtures import SECRET, SITE_URL, SUMMARY, make_replies
from replysite.archive.open_data import columns
from replysite.outputs.exports import write_exports
from replysite.pages.open_data_page import render_open_data_markdown
from replysite.model import Topic, Unit
from replysite.schema import FIELDS

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "replies/2023/xinjian-2023-jianyi-55.md"
BOM = b"\xef\xbb\xbf"


def registries() -> tuple[list[Unit], list[Topic]]:
    units = yaml.safe_load((ROOT / "replies/units.yml").read_text(encoding="utf-8"))
    topics = yaml.safe_load((ROOT / "replies/topics.yml").read_text(encoding="utf-8"))
    return ([Unit(u["id"], u["name"], tuple(u.get("short_names", ())), tuple(u.get("aliases", ())))
             for u in units],
            [Topic(t["id"], t["name"], tuple(t.get("aliases", ()))) for t in topics])


def seed_front_matter() -> dict:
    text = SEED.read_text(encoding="utf-8")
    head = re.match(r"^---\n(.*?)\n---\n", text, re.S)
    assert head
    return yaml.load(head.group(1), Loader=yaml.BaseLoader)


@pytest.fixture()
def out(tmp_path: Path) -> dict:
    units, topics = registries()
    return write_exports(make_replies(), SITE_URL, tmp_path, units=units, topics=topics)


def test_result(out: dict, tmp_path: Path) -> None:
    assert out == {"json": tmp_path / "data/replies.json", "csv": tmp_path / "data/replies.csv",
                   "schema": tmp_path / "data/reply.schema.json", "count": 6}


def test_json_one_record_per_reply_sorted(out: dict) -> None:
    records = json.loads(out["json"].read_text(encoding="utf-8"))
    assert len(records) == len(make_replies()) == out["count"]
    assert [r["id"] for r in records] == sorted(r.id for r in make_replies())
    for rec in records:
        assert list(rec) == [*columns(), "body"]
    # Every front-matter field except the editorial privacy_allow list.
    assert {f.name for f in FIELDS} - set(columns()) == {"privacy_allow"}
    # Chinese is written as is, not as \\u escapes.
    assert "南昌市新建区政务服务数据管理局" in out["json"].read_text(encoding="utf-8")


def test_json_record_values(out: dict) -> None:
    rec = {r["id"]: r for r in json.loads(out["json"].read_text(encoding="utf-8"))}
    seed = rec["xinjian-2023-jianyi-55"]
    assert {k: seed[k] for k in ("kind", "number", "unit", "unit_id", "co_units", "co_unit_ids",
                                 "topics", "topic_ids", "reply_date", "assigned_date", "category",
                                 "satisfaction", "disclosure", "disclosure_note", "url", "year",
                                 "days_to_reply", "proposers", "postcode", "source_url")} == {
        "kind": "建议", "number": "55",
        "unit": "南昌市新建区政务服务数据管理局", "unit_id": "xinjian-zhengshuju",
        "co_units": ["南昌市新建区司法局"], "co_unit_ids": ["xinjian-sifaju"],
        "topics": ["营商环境", "政务服务", "监管执法"],
        "topic_ids": ["yingshang-huanjing", "zhengwu-fuwu", "jianguan-zhifa"],
        "reply_date": "2023-07-17", "assigned_date": "2023-04-17", "category": "A",
        "satisfaction": "满意", "disclosure": "全文公开", "disclosure_note": None,
        "url": "https://replies.example.gov.cn/archive/replies/xinjian-2023-jianyi-55/",
        "year": 2023, "days_to_reply": 91, "proposers": ["程伟川"], "postcode": "330100",
        "source_url": None,
    }
    assert seed["body"].startswith("尊敬的程伟川代表：")


def test_disclosure_modes(out: dict) -> None:
    rec = {r["id"]: r for r in json.loads(out["json"].read_text(encoding="utf-8"))}
    assert rec["xinjian-2024-jianyi-3"]["disclosure"] == "摘要公开"
    assert rec["xinjian-2024-jianyi-3"]["body"] == SUMMARY
    assert rec["xinjian-2024-tian-7"]["disclosure"] == "不予公开"
    assert rec["xinjian-2024-tian-7"]["disclosure_note"] == "涉及国家秘密"
    assert rec["xinjian-2024-tian-7"]["body"] is None
    for path in (out["json"], out["csv"]):
        assert SECRET not in path.read_text(encoding="utf-8-sig")


def test_csv(out: dict) -> None:
    raw = out["csv"].read_bytes()
    assert raw.startswith(BOM) and not raw.startswith(BOM * 2)
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == 6
    assert list(rows[0]) == columns()
    assert "body" not in rows[0]
    row = {r["id"]: r for r in rows}["xinjian-2023-jianyi-55"]
    assert row["topics"] == "营商环境；政务服务；监管执法"
    assert row["cc"] == "区人大常委会选举任免联络办公室；区政府督查室"
    assert row["source_url"] == "" and row["year"] == "2023" and row["reply_date"] == "2023-07-17"
    assert raw.count(b"\r\n") == 7


def test_relative_urls_without_site_url(tmp_path: Path) -> None:
    write_exports(make_replies(), "", tmp_path)
    rec = json.loads((tmp_path / "data/replies.json").read_text(encoding="utf-8"))[0]
    assert rec["url"] == "replies/xinjian-2022-jianyi-9/"


def test_deterministic(tmp_path: Path) -> None:
    replies = make_replies()
    write_exports(replies, SITE_URL, tmp_path / "a")
    write_exports(list(reversed(replies)), SITE_URL, tmp_path / "b")
    for name in ("replies.json", "replies.csv", "reply.schema.json"):
        assert (tmp_path / "a/data" / name).read_bytes() == (tmp_path / "b/data" / name).read_bytes()


def test_schema_validates_seed_front_matter(out: dict) -> None:
    schema = json.loads(out["schema"].read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    front = seed_front_matter()
    assert list(validator.iter_errors(front)) == []
    # Short names and aliases from the registry are accepted too…
    assert list(validator.iter_errors({**front, "unit": "区政数局"})) == []
    # …an unknown unit, a bad date or a stray key are not.
    bad = {**front, "unit": "区不存在局", "reply_date": "2023-7-17", "colour": "红"}
    messages = sorted(e.message for e in validator.iter_errors(bad))
    assert len(messages) == 3
    assert messages[0] == "'2023-7-17' does not match '^\\\\d{4}-\\\\d{2}-\\\\d{2}$'"
    assert messages[1].startswith("'区不存在局' is not one of [")
    assert messages[2] == "Additional properties are not allowed ('colour' was unexpected)"


def test_open_data_page_describes_every_column() -> None:
    page = render_open_data_markdown()
    for col in [*columns(), "body"]:
        assert f"<dt><code>{col}</code>（" in page, col
    assert '<a href="../data/replies.json">replies.json</a>' in page
    assert '<a href="../data/replies.csv">replies.csv</a>' in page
    assert '<a href="../data/reply.schema.json">reply.schema.json</a>' in page
    assert "取值：满意、基本满意、不满意。" in page
    assert "<dt><code>disclosure</code>（公开方式）</dt><dd>类型：string。公开方式：全文公开" in page
    assert '<a href="/data/replies.json">' in render_open_data_markdown("/")
