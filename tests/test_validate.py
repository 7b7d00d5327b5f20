"""One fixture file per fault, each with its exact message (path:line: field: what, expected)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from replysite.archive import load_archive, load_replies
from replysite.problems import ValidationFailed

from conftest import FIXTURE_SITE_REPLIES, FIXTURES, TODAY, make_replies

FAULTS = FIXTURES / "faults"
MOBILE_ADVICE = ("答复中不得公开代表或群众的个人联系方式，请删除或改为单位办公电话；"
                 "如确属单位公开的电话，经审核后在 privacy_allow 中列出")
ID_ADVICE = "答复中不得公开代表或群众的身份证号码，请删除；如经审核确需公开，在 privacy_allow 中列出"
EMAIL_ADVICE = ("答复中不得公开代表或群众的个人联系方式，请删除或改为单位邮箱；"
                "如确属单位公开的邮箱，经审核后在 privacy_allow 中列出")

ALIAS = "答复文件和名录不使用锚点和别名，请直接写出内容；如值以 * 开头请给值加引号"
DEEP = "嵌套层数过多（超过 20 层）：只能使用“字段: 值”和 [甲, 乙] 这样的列表；请检查是否多写了方括号、花括号或短横线"
CONTROL = "网页、订阅源和搜索索引无法容纳；请删除（常见于从其他软件复制粘贴的文字）"
LINE_BREAK = "不能换行：此字段只能是一行文字（YAML 的 | 或 > 块、双引号中的 \\n 都会产生换行）；请写在一行内"

EXPECTED = {
    "no_front_matter": "1: 缺少前置元数据：文件第一行必须是 ---，随后是 YAML 格式的字段，再以 --- 结束",
    "unclosed_front_matter": "1: 前置元数据没有结束：找不到第二个 --- 行",
    "yaml_syntax": "6: YAML 语法错误：此处不能出现“字段: 值”，可能是缩进不对，或值里有未加引号的冒号",
    "missing_required": "1: title（标题）: 必填字段缺失。建议或提案的标题，例如 关于进一步优化我区营商环境的几点建议；"
                        "同一件的各份文件标题相同。",
    "unknown_key": "3: titel: 未知字段，您是不是要写 title",
    "duplicate_key": "6: title（标题）: 字段重复出现（第一次在第 3 行）；每个字段只能写一次",
    "list_as_text": "6: proposers（代表/委员）: 应为列表，例如 [张伟]（多项用逗号分隔），而不是单独的文字",
    "yaml_boolean": "11: satisfaction（代表/委员满意度）: “no”不是可用的值；应为 满意、基本满意、不满意 之一"
                    "（YAML 会把 yes/no/on/off 当成真假值，请直接写中文选项）",
    "number_in_names": "6: proposers（代表/委员）: 列表中的“123”是数字，而这里应填名称",
    "impossible_date": "9: reply_date（答复日期）: 日期“2023-02-30”不存在，请核对年月日",
    "date_format": "9: reply_date（答复日期）: 日期“2023年5月6日”格式不对，应为 YYYY-MM-DD，例如 2023-07-17",
    "future_date": "9: reply_date（答复日期）: 日期 2099-01-01 晚于今天（2026-11-27），请核对",
    "assigned_after_reply": "3: assigned_date（交办日期）: 交办日期 2023-06-01 晚于答复日期 2023-05-06",
    "unknown_unit": "7: unit（主办单位）: “区政数据局”不在单位名录（replies/units.yml）中；您是不是要写："
                    "区政数局、新建区政数局、新建区政务服务数据管理局。新单位请先加入名录",
    "unknown_topic": "10: topics（主题）: “营商坏境”不在主题名录（replies/topics.yml）中；您是不是要写："
                     "营商环境、优化营商环境。新主题请先加入名录",
    "bad_id": "2: id（编号）: “Fault_Case”不合规：编号只能用小写英文字母、数字和连字符（-），"
              "例如 xinjian-2023-jianyi-55",
    "bad_category": "8: category（办理类别）: “A类”不是可用的值；应为 A、B、C、D 之一，您是不是要写“A”",
    "number_with_label": "4: number（建议号/提案号）: “第12号”只需写编号本身（例如 55），页面会自动显示为“第55号”",
    "empty_body": "11: 正文: 为空：前置元数据结束的 --- 之后应写答复正文",
    "disclosure_without_note": "11: disclosure_note（不全文公开的理由）: 公开方式为“摘要公开”时必须说明理由",
    "withheld_with_body": "14: 正文: 公开方式为“不予公开”，正文必须留空（页面只显示元数据和理由）",
    "gbk_encoding": "3: 文件不是 UTF-8 编码，看起来是 GBK/GB18030 编码（Windows 记事本、Word 另存为文本时常见）；"
                    "请用编辑器另存为“UTF-8”编码后重试",
    "script_tag": "19: 正文: 含有不允许的 HTML 标签 <script>，可能在读者浏览器中执行代码；请删除",
    "event_attribute": "19: 正文: HTML 标签 <img> 含有事件属性 onerror=，可能执行脚本；请删除",
    "javascript_link": "19: 正文: 链接使用了 javascript: 地址，可能执行脚本；只允许 http/https 链接",
    "encoded_javascript_link": "19: 正文: 链接使用了 javascript: 地址，可能执行脚本；只允许 http/https 链接",
    "comment_trick": "19: 正文: HTML 注释的写法不规范（含有 --!> 或嵌套的 <!--），浏览器会另行解读其后的内容；请删除这段注释",
    "raw_text_element": "19: 正文: 含有不允许的 HTML 标签 <noscript>，可能在读者浏览器中执行代码；请删除",
    "attr_list_event": "20: 正文: 属性列表 {: …} 含有事件属性 onclick=，可能执行脚本；请删除",
    "attr_list_javascript": "20: 正文: 属性列表 {: …} 的 href 使用了 javascript: 地址；只允许 http/https 链接",
    "mobile_number": f"19: 正文: 疑似个人手机号码 138****5678：{MOBILE_ADVICE}",
    "mobile_with_dots": f"19: 正文: 疑似个人手机号码 138****5678：{MOBILE_ADVICE}",
    "mobile_wrapped": f"19: 正文: 疑似个人手机号码 138****5678：{MOBILE_ADVICE}",
    "mobile_zero_width": f"19: 正文: 疑似个人手机号码 138****5678：{MOBILE_ADVICE}",
    "mobile_in_session": f"4: session（会议）: 疑似个人手机号码 139****5678：{MOBILE_ADVICE}",
    "mobile_in_doc_number": f"9: doc_number（文号）: 疑似个人手机号码 139****5678：{MOBILE_ADVICE}",
    "id_number": f"19: 正文: 疑似居民身份证号码 110105********002X：{ID_ADVICE}",
    "id_number_spaced": f"19: 正文: 疑似居民身份证号码 110105********002X：{ID_ADVICE}",
    "id_number_15": f"19: 正文: 疑似居民身份证号码 110105******002：{ID_ADVICE}",
    "bank_card": "19: 正文: 疑似个人银行卡号 6222***********0128：答复中不得公开个人银行卡号或账号，请删除；"
                 "如确属单位公开的收款账号，经审核后在 privacy_allow 中列出",
    "personal_email": f"3: contact（联系单位及电话）: 疑似个人电子邮箱 zh***@qq.com：{EMAIL_ADVICE}",
    "email_at_spelling": f"4: contact（联系单位及电话）: 疑似个人电子邮箱 zh***@qq.com：{EMAIL_ADVICE}",
    # Document types (issue 13): keys that depend on the type.
    "original_with_reply_date": "9: reply_date（答复日期）: 建议原文不写这个字段（只有答复、再次答复、会办意见、办理进展才有）",
    "original_without_submitted_date": "1: submitted_date（提出日期）: 建议原文的必填字段缺失。"
                                       "建议或提案提出的日期，格式 YYYY-MM-DD；建议原文必填。",
    "opinion_without_to_unit": "1: to_unit（致送单位）: 会办意见的必填字段缺失。会办意见写给的主办单位，取自单位名录。",
    "promise_not_b": "11: promised（承诺事项）: 只有 B 类答复（所提问题正在解决或列入计划逐步解决）才写承诺事项；"
                     "请核对办理类别，或删除此字段",
    "promise_without_text": "11: promised_by（承诺完成日期）: 写了承诺完成日期，请同时在 promised 中写明承诺事项",
    "unknown_doc_type": "4: doc_type（文件类型）: “复函”不是可用的值；应为 答复、再次答复、会办意见、建议原文、办理进展 之一，"
                        "您是不是要写“答复”",
    # Reading never raises: YAML oddities, characters, empty files (issue 11).
    "yaml_alias": "12: *cc 会被 YAML 当作别名（重复前面 &cc 处的内容）；" + ALIAS,
    "yaml_alias_bomb": "12: *a 会被 YAML 当作别名（重复前面 &a 处的内容）；" + ALIAS,
    "yaml_self_alias": "11: *cc 会被 YAML 当作别名（重复前面 &cc 处的内容）；" + ALIAS,
    "yaml_anchor": "5: 值前的 &x 会被 YAML 当作锚点而丢掉；答复文件和名录不使用锚点和别名，如值以 & 开头请给值加引号",
    "yaml_tag": "11: 值前的 !!python/object/apply:os.system 会被 YAML 当作类型标记而丢掉；如值以 ! 开头请给值加引号",
    "yaml_deep_nesting": "11: " + DEEP,
    "yaml_deep_list": "12: " + DEEP,
    "yaml_key_not_text": "11: 字段名必须是文字",
    "front_matter_list": "2: 前置元数据必须是“字段: 值”的形式",
    "empty_file": "1: 文件为空：答复文件应以 --- 开头的前置元数据开始，随后是正文",
    "control_character": "17: 正文: 含有不可见的控制字符 U+001B，" + CONTROL,
    "control_escape": "5: title（标题）: 含有不可见的控制字符 U+0001，" + CONTROL,
    "noncharacter": "17: 正文: 含有不可见的控制字符 U+FFFE，" + CONTROL,
    "bidi_control": "5: title（标题）: 含有双向文本控制字符 U+202E，会让文字的显示顺序与实际内容不同；"
                    "请删除（常见于从网页或其他软件复制的文字）",
    "line_break_in_title": "5: title（标题）: " + LINE_BREAK,
    "line_break_escape": "11: contact（联系单位及电话）: " + LINE_BREAK,
    "long_title": "5: title（标题）: 过长（1100 字），最多 1000 字；请检查是否把正文写进了此字段",
}


def test_every_fault_fixture_has_an_expected_message() -> None:
    assert sorted(p.stem for p in FAULTS.glob("*.md")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fault_reports_exactly_one_problem(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = make_replies(tmp_path, [FAULTS / f"{name}.md"])
    monkeypatch.chdir(tmp_path)
    archive, problems = load_replies(Path("replies"), today=TODAY)
    assert archive is None
    assert [p.format() for p in problems] == [f"replies/{name}.md:{EXPECTED[name]}"]
    assert folder.is_dir()


def test_all_problems_of_all_files_in_one_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_replies(tmp_path, sorted(FAULTS.glob("*.md")))
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ValidationFailed) as caught:  # raised once, after reading every file
        load_archive(Path("replies"), today=TODAY)
    assert len(caught.value.problems) == len(EXPECTED)
    report = str(caught.value).splitlines()
    assert len(report) == len(EXPECTED) + 1
    assert report[-1] == f"共发现 {len(EXPECTED)} 个问题，涉及 {len(EXPECTED)} 个文件；请修改后重试，网站未生成。"


def test_duplicate_ids_name_both_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = make_replies(tmp_path, [FIXTURE_SITE_REPLIES / "2023" / "xinjian-2023-jianyi-55.md"])
    (folder / "copy").mkdir()
    shutil.copy(folder / "xinjian-2023-jianyi-55.md", folder / "copy" / "again.md")
    monkeypatch.chdir(tmp_path)
    _, problems = load_replies(Path("replies"), today=TODAY)
    assert [p.format() for p in problems] == [
        "replies/xinjian-2023-jianyi-55.md:2: id（编号）: 编号“xinjian-2023-jianyi-55”与 "
        "replies/copy/again.md:2 重复；每个答复的编号必须唯一"]


def test_fixture_replies_are_valid_and_typed() -> None:
    archive, problems = load_replies(FIXTURE_SITE_REPLIES, today=TODAY)
    assert problems == []
    seed = next(r for r in archive.replies if r.id == "xinjian-2023-jianyi-55")
    assert seed.unit.id == "xinjian-zhengshuju"
    assert seed.number == "55" and seed.category == "A" and seed.satisfaction == "满意"
    assert seed.reply_date.isoformat() == "2023-07-17"
    assert [t.id for t in seed.topics] == ["yingshang-huanjing", "zhengwu-fuwu", "jianguan-zhifa"]
    # An alias (新建区政数局) lands on the same unit as the full name.
    alias = next(r for r in archive.replies if r.id == "fixture-2022-tian-5")
    assert alias.unit == seed.unit


def test_yaml_never_coerces_numbers(tmp_path: Path) -> None:
    text = (FAULTS / "bad_id.md").read_text(encoding="utf-8").replace("Fault_Case", "zeros").replace(
        'number: "12"', "number: 0055")
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "zeros.md").write_text(text, encoding="utf-8")
    folder = make_replies(tmp_path, [tmp_path / "src" / "zeros.md"])
    archive, problems = load_replies(folder, today=TODAY)
    assert problems == []
    assert archive.replies[0].number == "0055"


def test_parallel_check_reports_the_same_as_serial(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import replysite.reading.load as load

    make_replies(tmp_path, sorted(FAULTS.glob("*.md")) + sorted(FIXTURE_SITE_REPLIES.rglob("*.md")),
                 registries=FIXTURE_SITE_REPLIES)
    monkeypatch.chdir(tmp_path)
    _, serial = load_replies(Path("replies"), today=TODAY)
    monkeypatch.setattr(load, "CHECK_IN_PARALLEL_FROM", 2)
    monkeypatch.setattr(load, "CHUNK_SIZE", 3)
    _, parallel = load_replies(Path("replies"), today=TODAY)
    assert len(serial) == len(EXPECTED) and parallel == serial


def test_file_cache_rereads_only_changed_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from replysite.reading import FileCache

    folder = make_replies(tmp_path, sorted(FIXTURE_SITE_REPLIES.rglob("*.md")), registries=FIXTURE_SITE_REPLIES)
    monkeypatch.chdir(tmp_path)
    cache = FileCache()
    first, problems = load_replies(Path("replies"), today=TODAY, cache=cache)
    assert problems == [] and first.total == len(list(FIXTURE_SITE_REPLIES.rglob("*.md"))) == 11
    again, _ = load_replies(Path("replies"), today=TODAY, cache=cache)
    assert again.replies == first.replies
    reply = folder / "fixture-2024-tian-12.md"
    reply.write_text(reply.read_text(encoding="utf-8").replace("一是优化线路", "一是继续优化线路"), encoding="utf-8")
    os.utime(reply, ns=(reply.stat().st_atime_ns, reply.stat().st_mtime_ns + 10**9))
    edited, _ = load_replies(Path("replies"), today=TODAY, cache=cache)
    body = next(r.body for r in edited.replies if r.id == "fixture-2024-tian-12")
    assert "一是继续优化线路" in body
    reply.write_text("---\nid: x\n---\n", encoding="utf-8")
    broken, problems = load_replies(Path("replies"), today=TODAY, cache=cache)
    assert broken is None and problems[0].path == "replies/fixture-2024-tian-12.md"


REGISTRY_ADVICE = "名录中的名称和 id 会在网站上公开，不得含有个人联系方式或证件号码，请删除"


def test_registry_names_with_private_details_are_reported_at_their_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = make_replies(tmp_path, [FIXTURE_SITE_REPLIES / "2023" / "xinjian-2023-jianyi-55.md"],
                          registries=FIXTURE_SITE_REPLIES)
    units = (folder / "units.yml").read_text(encoding="utf-8")
    units = units.replace("  aliases: [新建区司法局]", "  aliases: [新建区司法局, 值班 138.1234.5678]")
    (folder / "units.yml").write_text(units, encoding="utf-8")
    line = units.split("\n").index("  aliases: [新建区司法局, 值班 138.1234.5678]") + 1
    topics = (folder / "topics.yml").read_text(encoding="utf-8")
    topics = topics.replace("- id: jianguan-zhifa\n", "- id: jianguan-zhifa # 联系人 zhangwei[at]qq.com\n")
    topics = topics.replace("  aliases: [双随机一公开, 包容审慎监管]",
                            "  aliases: [双随机一公开, 包容审慎监管, 联系人 zhangwei（at）qq.com]")
    (folder / "topics.yml").write_text(topics, encoding="utf-8")
    topic_line = topics.split("\n").index("  aliases: [双随机一公开, 包容审慎监管, 联系人 zhangwei（at）qq.com]") + 1
    monkeypatch.chdir(tmp_path)
    _, problems = load_replies(Path("replies"), today=TODAY)
    assert [p.format() for p in problems] == [
        f"replies/units.yml:{line}: 单位 xinjian-sifaju 的 aliases 中疑似个人手机号码 138****5678：{REGISTRY_ADVICE}",
        f"replies/topics.yml:{topic_line}: 主题 jianguan-zhifa 的 aliases 中疑似个人电子邮箱 zh***@qq.com："
        f"{REGISTRY_ADVICE}",
    ]  # (a comment in the registry is not published, and not checked)


def _with_front_matter(tmp_path: Path, fixture: str, extra: str) -> Path:
    text = (FAULTS / f"{fixture}.md").read_text(encoding="utf-8").replace("\n---\n", f"\n{extra}\n---\n", 1)
    (tmp_path / "src").mkdir(exist_ok=True)
    (tmp_path / "src" / f"{fixture}.md").write_text(text, encoding="utf-8")
    return tmp_path / "src" / f"{fixture}.md"


@pytest.mark.parametrize("allow", ['["138-1234-5678"]', "[13812345678]", '["+86 138 1234 5678"]'])
def test_privacy_allow_accepts_a_reviewed_office_number(
        allow: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A unit's public service mobile, listed after review, passes wherever and however written."""
    source = _with_front_matter(tmp_path, "mobile_with_dots", f"privacy_allow: {allow}\n"
                                "contact: 区政数局 83098603，服务手机 138 1234 5678")
    make_replies(tmp_path, [source])
    monkeypatch.chdir(tmp_path)
    archive, problems = load_replies(Path("replies"), today=TODAY)
    assert problems == [] and archive.replies[0].privacy_allow == (
        tuple(allow.strip("[]").replace('"', "").split(", ")))


def test_privacy_allow_covers_only_what_it_lists(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = _with_front_matter(tmp_path, "mobile_with_dots", 'privacy_allow: ["13912345678"]')
    make_replies(tmp_path, [source])
    monkeypatch.chdir(tmp_path)
    _, problems = load_replies(Path("replies"), today=TODAY)
    moved = EXPECTED["mobile_with_dots"].replace("19:", "20:", 1)  # one more line of front-matter
    assert [p.format() for p in problems] == [f"replies/mobile_with_dots.md:{moved}"]


def test_every_field_is_checked_even_when_it_is_otherwise_wrong(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The fields are found from the schema: a list, a mapping, a value that fails its own rule."""
    source = _with_front_matter(tmp_path, "mobile_number", "cc: [区政府督查室, 李娜 13912345678]\n"
                                "source_url: https://www.example.gov.cn/u/13712345678/1.html")
    text = source.read_text(encoding="utf-8").replace("如有疑问请联系张伟代表，电话 13812345678。", "")
    source.write_text(text.replace("number: \"12\"", "number: {值班: 13612345678}"), encoding="utf-8")
    make_replies(tmp_path, [source])
    monkeypatch.chdir(tmp_path)
    _, problems = load_replies(Path("replies"), today=TODAY)
    assert [(p.line, p.field, p.message.split("：")[0]) for p in problems] == [
        (4, "number", "应为一段文字，而不是字段组"),
        (4, "number", "疑似个人手机号码 136****5678"),
        (11, "cc", "疑似个人手机号码 139****5678"),
        (12, "source_url", "疑似个人手机号码 137****5678"),
    ]

def test_a_quoted_value_cannot_break_or_drive_a_report_line() -> None:
    from replysite.problems import Problem

    problem = Problem("replies/a.md", 3, "ti\ntle", "未知字段“\x1b[2J\u202e甲”")
    assert problem.format() == "replies/a.md:3: ti\\u000atle: 未知字段“\\u001b[2J\\u202e甲”"
