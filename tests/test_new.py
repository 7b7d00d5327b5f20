"""`replysite new` and `replysite schema`: the template, its registry choices, new → fill → check,
and the editor JSON Schema against real front-matter."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner, Result

from conftest import ROOT, make_replies
from replysite.authoring.new_file import MAX_LISTED
from replysite.commands.new import new_command
from replysite.authoring.editor_schema import editor_schema
from replysite.commands.schema import schema_command
from replysite.archive import load_replies
from replysite.schema import FIELDS, FIELDS_BY_NAME, json_schema

SEED = ROOT / "replies" / "2023" / "xinjian-2023-jianyi-55.md"
NEW_ID = "xinjian-2023-jianyi-56"
# What a member of staff types into the blanks of a new file.
FILLED = {
    "number": '"56"',
    "title": "关于加快推进政务服务“一网通办”的建议",
    "proposers": "[张伟, 李娜]",
    "unit": "区政数局",
    "topics": "[政务服务]",
}
BODY = "\n尊敬的张伟代表、李娜代表：\n\n您提出的建议收悉，现答复如下：……\n"


@pytest.fixture
def replies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return make_replies(tmp_path)


def run_new(*args: str) -> Result:
    return CliRunner().invoke(new_command, ["--replies", "replies", *args])


def new_file() -> Path:
    return Path("replies") / str(dt.date.today().year) / f"{NEW_ID}.md"


def front_matter(text: str) -> str:
    return text.split("---\n")[1]


def line_of(text: str, start: str) -> int:
    return next(i for i, line in enumerate(text.split("\n"), 1) if line.startswith(start))


def fill(text: str) -> str:
    """Replace every `# 待填写` blank as staff would, and write a body."""
    lines = []
    for line in text.split("\n"):
        if line.endswith("# 待填写"):
            name = line.split(":", 1)[0]
            line = f"{name}: {FILLED[name]}"
        lines.append(line)
    return "\n".join(lines) + BODY


def as_editor_reads(block: str) -> dict:
    """Front-matter as a YAML 1.2 editor sees it: scalars are strings, except that a blank
    (an empty plain scalar, not `""`) is null."""
    node = yaml.compose(block, Loader=yaml.BaseLoader)

    def value(n: yaml.Node) -> object:
        if isinstance(n, yaml.SequenceNode):
            return [value(item) for item in n.value]
        return None if n.value == "" and n.style is None else n.value

    return {k.value: value(v) for k, v in node.value}


def schema_errors(schema: dict, data: dict) -> list[tuple[str, str]]:
    validator = jsonschema.Draft7Validator(schema)
    return sorted((".".join(map(str, e.path)), e.validator) for e in validator.iter_errors(data))


# --- the template ----------------------------------------------------------------------------

def test_new_writes_every_field_in_schema_order(replies: Path) -> None:
    result = run_new("--id", NEW_ID, "--kind", "建议")
    assert result.exit_code == 0, result.output
    text = new_file().read_text(encoding="utf-8")
    keys = re.findall(r"^([a-z_]+):", text, flags=re.M)
    assert keys == [f.name for f in FIELDS if f.allowed("答复")]  # the keys of its document type
    assert text.split("\n")[:2] == ["---", "# yaml-language-server: $schema=../reply.schema.json"]
    assert f"id: {NEW_ID}\n" in text
    assert "kind: 建议\n" in text
    assert f"reply_date: {dt.date.today().isoformat()}\n" in text
    assert "disclosure: 全文公开\n" in text
    assert text.endswith("---\n")


def test_each_field_has_a_chinese_comment_from_its_help(replies: Path) -> None:
    run_new("--id", NEW_ID)
    lines = new_file().read_text(encoding="utf-8").split("\n")
    for spec in (f for f in FIELDS if f.allowed("答复")):
        at = next(i for i, line in enumerate(lines) if line.startswith(f"{spec.name}:"))
        comment = at - 1
        while lines[comment - 1].startswith("#"):
            comment -= 1  # back to the first comment line of this field
        need = "必填" if spec.is_required("答复") else "选填"
        assert lines[comment] == f"# {spec.label}（{need}）：{spec.help}"


def test_choices_and_registry_names_are_offered(replies: Path) -> None:
    run_new("--id", NEW_ID)
    text = new_file().read_text(encoding="utf-8")
    assert "#   可选值：A、B、C、D\n#     A：A类（所提问题已经解决或基本解决）\n" in text
    assert "#   可选值：满意、基本满意、不满意\n" in text
    assert "#   可选值：全文公开、摘要公开、不予公开\n" in text
    assert ("#   可选单位：南昌市新建区政务服务数据管理局（区政数局）、"
            "南昌市新建区优化营商环境工作领导小组办公室（区营商办）、\n"
            "#             南昌市新建区司法局（区司法局）\n"
            "#   也可写名录（replies/units.yml）中的简称或别名；新单位请先加入名录。\n") in text
    assert "#   可选主题：营商环境、政务服务、监管执法、教育、" in text
    assert "kind:  # 待填写\n" in text  # no --kind: left for staff


def test_long_registry_is_cut_to_the_first_names(replies: Path) -> None:
    units = "".join(f"- id: unit-{i:02d}\n  name: 测试单位{i:02d}\n" for i in range(1, 36))
    (replies / "units.yml").write_text(units, encoding="utf-8")
    run_new("--id", NEW_ID)
    text = new_file().read_text(encoding="utf-8")
    assert f"测试单位{MAX_LISTED:02d}" in text
    assert f"测试单位{MAX_LISTED + 1:02d}" not in text
    assert "#   ……共 35 个单位，以上为前 30 个；完整名录见 replies/units.yml\n" in text


def test_missing_registry_is_reported_and_the_file_still_written(replies: Path) -> None:
    (replies / "topics.yml").unlink()
    result = run_new("--id", NEW_ID)
    assert result.exit_code == 0
    assert result.output.startswith(
        "注意：replies/topics.yml: 找不到名录文件 replies/topics.yml\n"
        "名录有问题，字段说明中的单位或主题可能不全；请先修正名录。\n"
        f"已创建 {new_file().as_posix()}\n")
    text = new_file().read_text(encoding="utf-8")
    assert ("#   主题名录为空或无法读取，请先在 replies/topics.yml 中登记主题。\n"
            "#   写法示例：topics: [营商环境]\ntopics: []  # 待填写\n") in text


def test_template_does_not_depend_on_the_working_folder(replies: Path, tmp_path: Path) -> None:
    run_new("--id", NEW_ID)
    relative = new_file().read_text(encoding="utf-8")
    result = CliRunner().invoke(new_command, ["--replies", str(replies.resolve()), "--id", "other-1",
                                              "--out", str(tmp_path / "elsewhere" / "x.md")])
    assert result.exit_code == 0, result.output
    absolute = (tmp_path / "elsewhere" / "x.md").read_text(encoding="utf-8")
    assert absolute.replace("other-1", NEW_ID).replace(
        "$schema=../replies/reply.schema.json", "$schema=../reply.schema.json") == relative


def test_new_prints_the_path_and_what_to_fill(replies: Path) -> None:
    result = run_new("--id", NEW_ID, "--kind", "提案")
    assert result.output == (
        f"已创建 {new_file().as_posix()}\n"
        "接下来：\n"
        "  1. 填写必填字段：number（建议号/提案号）、title（标题）、proposers（代表/委员）、"
        "unit（主办单位）、topics（主题）；\n"
        "     答复日期已填今天，请改为答复函上的日期；选填字段有则填写，没有就留空。\n"
        "  2. 在文件末尾第二个 --- 之后写答复正文。\n"
        "  3. 运行 replysite check --replies replies 检查。\n"
        "编辑器字段说明：replies/reply.schema.json（用法见 docs/staff-guide.md）\n")


def test_out_option_and_schema_reference(replies: Path) -> None:
    result = run_new("--id", NEW_ID, "--out", "replies/drafts/2024/a.md")
    assert result.exit_code == 0, result.output
    text = Path("replies/drafts/2024/a.md").read_text(encoding="utf-8")
    assert "# yaml-language-server: $schema=../../reply.schema.json\n" in text


# --- refusals --------------------------------------------------------------------------------

def test_refuses_to_overwrite(replies: Path) -> None:
    assert run_new("--id", NEW_ID).exit_code == 0
    before = new_file().read_text(encoding="utf-8")
    result = run_new("--id", NEW_ID, "--kind", "建议")
    assert result.exit_code == 1
    assert result.output == (f"错误：{new_file().as_posix()} 已存在，new 不会覆盖已有文件；"
                             "请换一个编号，或用 --out 指定其他文件\n")
    assert new_file().read_text(encoding="utf-8") == before


def test_refuses_an_id_already_used(replies: Path) -> None:
    (replies / "2023").mkdir()
    (replies / "2023" / SEED.name).write_bytes(SEED.read_bytes())
    result = run_new("--id", "xinjian-2023-jianyi-55")
    assert result.exit_code == 1
    assert result.output == ("错误：编号 xinjian-2023-jianyi-55 已被 replies/2023/xinjian-2023-jianyi-55.md "
                             "使用；每个答复的编号必须唯一\n")


@pytest.mark.parametrize("bad", ["Xinjian-55", "xinjian_55", "xinjian--55", "-55"])
def test_rejects_an_invalid_id(replies: Path, bad: str) -> None:
    result = run_new("--id", bad)
    assert result.exit_code == 1
    assert result.output == (f"错误：--id “{bad}”不是有效的编号：只能用小写英文字母、数字和连字符，"
                             "例如 xinjian-2023-jianyi-56\n")
    assert not Path("replies", str(dt.date.today().year)).exists()


# --- new → check → fill → check ----------------------------------------------------------------

def test_blank_file_fails_check_on_each_required_blank(replies: Path) -> None:
    run_new("--id", NEW_ID, "--kind", "建议")
    text = new_file().read_text(encoding="utf-8")
    archive, problems = load_replies(replies)
    assert archive is None
    shown = new_file().as_posix()
    expected = [f"{shown}:{line_of(text, name + ':')}: {name}（{FIELDS_BY_NAME[name].label}）: "
                f"必填字段为空。{FIELDS_BY_NAME[name].help}" for name in FILLED]
    expected.append(f"{shown}:{text.count(chr(10))}: 正文: 为空：前置元数据结束的 --- 之后应写答复正文")
    assert sorted(p.format() for p in problems) == sorted(expected)


def test_new_then_fill_passes_check(replies: Path) -> None:
    run_new("--id", NEW_ID, "--kind", "建议")
    path = new_file()
    path.write_text(fill(path.read_text(encoding="utf-8")), encoding="utf-8")
    archive, problems = load_replies(replies)
    assert [p.format() for p in problems] == []
    assert archive is not None
    (reply,) = archive.replies
    assert (reply.id, reply.kind, reply.number, reply.proposers) == (NEW_ID, "建议", "56", ("张伟", "李娜"))
    assert reply.unit.name == "南昌市新建区政务服务数据管理局"
    assert [t.name for t in reply.topics] == ["政务服务"]
    assert (reply.reply_date, reply.disclosure, reply.session, reply.co_units) == (
        dt.date.today(), "全文公开", None, ())


# --- the editor schema -----------------------------------------------------------------------

def run_schema(*args: str) -> Result:
    return CliRunner().invoke(schema_command, ["--replies", "replies", *args])


def written_schema() -> dict:
    return json.loads(Path("replies/reply.schema.json").read_text(encoding="utf-8"))


def test_schema_command_writes_then_leaves_an_up_to_date_file(replies: Path) -> None:
    first = run_schema()
    assert (first.exit_code, first.output) == (0, "已写入 replies/reply.schema.json\n")
    second = run_schema()
    assert (second.exit_code, second.output) == (0, "replies/reply.schema.json 已是最新，未改动\n")
    other = run_schema("--out", "elsewhere/s.json")
    assert other.output == "已写入 elsewhere/s.json\n"
    assert json.loads(Path("elsewhere/s.json").read_text(encoding="utf-8")) == written_schema()


def test_schema_is_valid_draft_07_with_registry_names(replies: Path) -> None:
    run_schema()
    schema = written_schema()
    jsonschema.Draft7Validator.check_schema(schema)
    units = schema["properties"]["unit"]["enum"]
    assert "南昌市新建区政务服务数据管理局" in units and "区政数局" in units  # every spelling
    assert schema["properties"]["co_units"]["items"]["enum"] == units  # a list item is never blank
    assert "便民服务" in schema["properties"]["topics"]["items"]["enum"]


def test_editor_schema_differs_from_the_published_one_only_for_blanks() -> None:
    published, editor = json_schema(["甲"], ["乙"]), editor_schema(["甲"], ["乙"])
    assert editor["$schema"] == "http://json-schema.org/draft-07/schema#"
    for spec in FIELDS:
        a, b = published["properties"][spec.name], editor["properties"][spec.name]
        if spec.required:
            assert a == b
        else:
            assert b["type"] == [a["type"], "null"]
            assert b.get("enum") == ([*a["enum"], None] if "enum" in a else None)


def test_schema_validates_the_seed_front_matter(replies: Path) -> None:
    run_schema()
    seed = yaml.load(front_matter(SEED.read_text(encoding="utf-8")), Loader=yaml.BaseLoader)
    assert schema_errors(written_schema(), seed) == []


@pytest.mark.parametrize("change, error", [
    ({"category": "E"}, ("category", "enum")),
    ({"category": "A类"}, ("category", "enum")),
    ({"unit": "区政数据局"}, ("unit", "enum")),
    ({"topics": ["营商坏境"]}, ("topics.0", "enum")),
    ({"reply_date": "2023年7月17日"}, ("reply_date", "pattern")),
    ({"id": "Xinjian_55"}, ("id", "pattern")),
    ({"postcode": "33010"}, ("postcode", "pattern")),
    ({"proposers": []}, ("proposers", "minItems")),
    ({"titel": "x"}, ("", "additionalProperties")),
])
def test_schema_rejects_a_bad_front_matter(replies: Path, change: dict, error: tuple[str, str]) -> None:
    run_schema()
    seed = yaml.load(front_matter(SEED.read_text(encoding="utf-8")), Loader=yaml.BaseLoader)
    assert schema_errors(written_schema(), {**seed, **change}) == [error]


def test_new_writes_the_schema_and_editor_agrees_with_check(replies: Path) -> None:
    run_new("--id", NEW_ID, "--kind", "建议")
    schema = written_schema()
    text = new_file().read_text(encoding="utf-8")
    blank = schema_errors(schema, as_editor_reads(front_matter(text)))
    assert blank == sorted([
        ("number", "minLength"), ("proposers", "minItems"), ("title", "type"),
        ("topics", "minItems"), ("unit", "enum"), ("unit", "type")])
    assert schema_errors(schema, as_editor_reads(front_matter(fill(text)))) == []


# --- a document of an existing case ------------------------------------------------------------

@pytest.fixture
def fixture_replies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from conftest import FIXTURE_SITE_REPLIES

    monkeypatch.chdir(tmp_path)
    return make_replies(tmp_path, sorted(FIXTURE_SITE_REPLIES.rglob("*.md")), registries=FIXTURE_SITE_REPLIES)


@pytest.mark.parametrize(("doc_type", "case", "shared"), [
    ("再次答复", "fixture-2023-tian-9", {"kind": "提案", "session": "政协新建区第十届委员会第二次会议",
                                       "number": '"9"', "title": "关于增设社区便民服务点的提案",
                                       "proposers": "[刘洋]", "unit": "南昌市新建区政务服务数据管理局"}),
    ("会办意见", "fixture-2023-jianyi-80", {"to_unit": "南昌市新建区交通运输局", "number": '"80"'}),
    ("办理进展", "xinjian-2023-jianyi-55", {"number": '"55"', "title": "关于进一步优化我区营商环境的几点建议"}),
])
def test_new_document_of_a_case_copies_what_the_case_shares(fixture_replies: Path, doc_type: str, case: str,
                                                            shared: dict) -> None:
    from replysite.archive import load_archive

    result = run_new("--id", NEW_ID, "--doc-type", doc_type, "--case", case)
    assert result.exit_code == 0, result.output
    text = new_file().read_text(encoding="utf-8")
    assert f"doc_type: {doc_type}\n" in text
    for key, value in shared.items():
        assert f"\n{key}: {value}\n" in text, key
    if doc_type == "会办意见":  # the co-handler writes it: staff fill in which one
        text = text.replace("unit:  # 待填写", "unit: 区政数局")
    text = text.replace(f"reply_date: {dt.date.today().isoformat()}", "reply_date: 2025-02-01")
    new_file().write_text(text + "\n此件为测试文件。\n", encoding="utf-8")
    archive = load_archive(Path("replies"), today=dt.date(2026, 11, 27))
    assert archive.case_of[NEW_ID] is archive.case_of[case], "the new document joins the case"


def test_new_original_text_has_a_submitted_date_and_no_reply_keys(fixture_replies: Path) -> None:
    result = run_new("--id", NEW_ID, "--doc-type", "建议原文", "--case", "fixture-2022-jianyi-31")
    assert result.exit_code == 0, result.output
    text = new_file().read_text(encoding="utf-8")
    assert f"submitted_date: {dt.date.today().isoformat()}\n" in text
    for key in ("reply_date", "category", "satisfaction", "promised", "to_unit"):
        assert f"\n{key}:" not in text, key


def test_new_case_that_does_not_exist(fixture_replies: Path) -> None:
    result = run_new("--id", NEW_ID, "--doc-type", "再次答复", "--case", "no-such-reply")
    assert result.exit_code == 1
    assert result.output == "错误：--case：找不到编号为“no-such-reply”的文件或案件；请写同一件建议或提案中已有文件的编号\n"
