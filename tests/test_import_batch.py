"""`replysite import` as staff use it: files and folders into a replies folder, derived ids,
proposed topics and units, originals kept as attachments, one summary, idempotent, isolated
failures."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from replysite.commands.import_letters import import_command
from replysite.archive import load_replies

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "fixtures" / "samples" / "xinjian-2023-reply-55.txt"
SEED = ROOT / "replies" / "2023" / "xinjian-2023-jianyi-55.md"
LETTERS = ROOT / "tests" / "fixtures" / "import" / "letters"
TODAY = __import__("datetime").date(2026, 1, 1)


@pytest.fixture()
def replies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An archive folder with the project's registries, as the working directory."""
    folder = tmp_path / "replies"
    folder.mkdir()
    for name in ("units.yml", "topics.yml"):
        shutil.copy(ROOT / "replies" / name, folder / name)
    monkeypatch.chdir(tmp_path)
    return folder


def invoke(*args: str):
    return CliRunner().invoke(import_command, [str(a) for a in args])


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_seed_round_trip_with_its_original(replies: Path) -> None:
    result = invoke(SAMPLE, "--id", "xinjian-2023-jianyi-55", "--topic", "营商环境", "--topic", "政务服务",
                    "--topic", "监管执法")
    target = Path("replies/2023/xinjian-2023-jianyi-55.md")
    original = Path("replies/2023/xinjian-2023-jianyi-55.原件.txt")
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"已写入 {target}（原件已附上：{original.name}）← {SAMPLE.as_posix()}\n"
        "  读到：类型、建议号/提案号、标题、代表/委员、主办单位、文号、办理类别、答复日期、代表/委员满意度、"
        "抄送、联系单位及电话、邮政编码\n"
        "  原文中未找到（选填）：会议、协办单位、交办日期\n\n"
        "共 1 个文件：写入 1 件，已导入过而跳过 0 件，失败 0 件。必填字段待填写 0 处，隐私检查发现 0 处。\n"
        "下一步：核对每个文件（“请确认”“提示”各项），补全待填写的字段，然后运行 replysite check。\n")
    mine, seed = front_matter(target), front_matter(SEED)
    assert mine.pop("attachments") == [{"path": original.name, "sha256": sha(SAMPLE)}]
    assert mine == seed
    assert target.read_text(encoding="utf-8").split("---\n", 2)[2] == SEED.read_text(encoding="utf-8").split("---\n", 2)[2]
    assert original.read_bytes() == SAMPLE.read_bytes()
    archive, problems = load_replies(replies, today=TODAY)
    assert problems == []
    assert archive.replies[0].attachments[0].sha256 == sha(SAMPLE)


def copy_letters(folder: Path, names: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(LETTERS / f"{name}.txt", folder / f"{name}.txt")
    return folder


def test_folder_import_derives_ids_proposes_topics_and_units(replies: Path, tmp_path: Path) -> None:
    backlog = copy_letters(tmp_path / "backlog" / "2022", ["16-county-weiyuan-xiaozu"])
    copy_letters(tmp_path / "backlog" / "2023", ["17-district-jianyi-feedback-form"])
    (tmp_path / "backlog" / "说明.xlsx").write_bytes(b"not a letter")  # other files in a folder are left alone
    result = invoke(tmp_path / "backlog")
    assert result.exit_code == 0, result.output
    first = Path("replies/2022/linfeng-nyncj-2022-tian-35.md")
    second = Path("replies/2023/songchuan-jytyj-2023-jianyi-0063.md")
    assert f"已写入 {first}（原件已附上：linfeng-nyncj-2022-tian-35.原件.txt）" in result.output
    assert "  建议的主题（请确认）：农业农村\n" in result.output
    assert "  提示：征询意见表中有多项意见（满意、基本满意），未填写满意度，请按代表或委员的总体意见填写\n" in result.output
    assert ("建议加入单位名录（replies/units.yml）的单位：\n"
            "  linfeng-nyncj：临沣县农业农村局\n"
            "  songchuan-jytyj：松川区教育体育局，简称 区教体局\n"
            "核对无误后，加上 --accept-units 重新运行同一命令即可把这些单位加入名录（已导入的文件不会重复导入）。\n"
            ) in result.output
    text = first.read_text(encoding="utf-8")
    assert "topics: [农业农村]  # 根据标题和正文建议的主题，请确认\n" in text
    assert front_matter(second)["id"] == "songchuan-jytyj-2023-jianyi-0063"
    # units are not in the registry yet: one problem per file until accepted
    _, problems = load_replies(replies, today=TODAY)
    assert sorted(p.field for p in problems) == ["unit", "unit"]
    units_before = (replies / "units.yml").read_text(encoding="utf-8")
    again = invoke("--accept-units", tmp_path / "backlog")
    assert again.exit_code == 0, again.output
    assert again.output.count("：已导入过（replies/") == 2
    assert "已加入单位名录（replies/units.yml）的单位：\n" in again.output
    units_after = (replies / "units.yml").read_text(encoding="utf-8")
    assert units_after.startswith(units_before.rstrip("\n") + "\n")
    assert units_after.endswith(
        "# 以下单位由 replysite import --accept-units 加入，请核对全称和简称\n"
        "- id: linfeng-nyncj\n  name: 临沣县农业农村局\n"
        "- id: songchuan-jytyj\n  name: 松川区教育体育局\n  short_names: [区教体局]\n")
    archive, problems = load_replies(replies, today=TODAY)
    assert problems == []
    assert archive.total == 2


def test_same_import_twice_adds_nothing(replies: Path, tmp_path: Path) -> None:
    backlog = copy_letters(tmp_path / "backlog", ["20-city-letter-prefix-number-category-in-title",
                                                  "28-town-chinese-numeral-date"])
    shutil.copy(backlog / "28-town-chinese-numeral-date.txt", backlog / "copy-of-28.txt")
    first = invoke("--accept-units", backlog)
    assert first.exit_code == 0, first.output
    assert "跳过 " in first.output  # the identical copy within the batch
    files = sorted(p.as_posix() for p in replies.rglob("*") if p.is_file())
    second = invoke(backlog)
    assert second.exit_code == 0
    assert "共 3 个文件：写入 0 件，已导入过而跳过 3 件，失败 0 件。" in second.output
    assert sorted(p.as_posix() for p in replies.rglob("*") if p.is_file()) == files


def test_a_failing_file_stops_nothing_and_leaves_nothing(replies: Path, tmp_path: Path) -> None:
    backlog = copy_letters(tmp_path / "backlog", ["10-national-agency-spaced-number"])
    (backlog / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj garbage")
    (backlog / "broken.docx").write_bytes(b"PK\x03\x04 not a zip")
    result = invoke(backlog)
    assert result.exit_code == 1
    assert re.search(r"失败 .*broken\.pdf：无法读取 PDF 文件（文件可能已损坏）", result.output)
    assert re.search(r"失败 .*broken\.docx：无法读取 Word 文件", result.output)
    assert "错误：2 个文件未能导入（见上文“失败”各行）\n" in result.stderr
    written = sorted(p.name for p in replies.rglob("*") if p.is_file() and p.suffix != ".yml")
    assert written == ["gjljlyglj-2018-jianyi-6750.md", "gjljlyglj-2018-jianyi-6750.原件.txt"]


def test_existing_reply_is_never_overwritten(replies: Path, tmp_path: Path) -> None:
    target = replies / "2023" / "xinjian-2023-jianyi-55.md"
    target.parent.mkdir()
    target.write_text("staff edits", encoding="utf-8")
    result = invoke(SAMPLE, "--id", "xinjian-2023-jianyi-55")
    assert result.exit_code == 1
    assert "replies/2023/xinjian-2023-jianyi-55.md 已存在，导入不会覆盖已有文件" in result.output
    assert target.read_text(encoding="utf-8") == "staff edits"
    assert sorted(p.name for p in target.parent.iterdir()) == ["xinjian-2023-jianyi-55.md"]


def test_same_id_twice_gets_a_suffix_and_a_note(replies: Path, tmp_path: Path) -> None:
    backlog = tmp_path / "backlog"
    backlog.mkdir()
    text = (LETTERS / "18-district-jianyi-zaici-dafu.txt").read_text(encoding="utf-8")
    (backlog / "a.txt").write_text(text, encoding="utf-8")
    (backlog / "b.txt").write_text(text.replace("再次答复", "答复").replace("41号", "18号"), encoding="utf-8")
    result = invoke(backlog)
    assert "提示：编号 bailuzhou-csglj-2023-jianyi-0529 已被另一件答复使用，本件编号为 " \
           "bailuzhou-csglj-2023-jianyi-0529-2，请核对是否重复" in result.output
    assert sorted(p.name for p in (replies / "2023").glob("*.md")) == [
        "bailuzhou-csglj-2023-jianyi-0529-2.md", "bailuzhou-csglj-2023-jianyi-0529.md"]


def test_private_details_keep_the_original_unpublished(replies: Path, tmp_path: Path) -> None:
    letter = tmp_path / "mobile.txt"
    letter.write_text("关于区十八届人大二次会议第8号建议的答复\n\n王五代表：\n\n您的建议收悉。如有疑问请联系 13812345678。\n\n"
                      "南昌市新建区政务服务数据管理局\n2023年5月20日\n", encoding="utf-8")
    result = invoke(letter, "--topic", "政务服务")
    target = Path("replies/2023/xinjian-zhengshuju-2023-jianyi-8.md")
    assert f"已写入 {target}（原件已保存但未公开：xinjian-zhengshuju-2023-jianyi-8.原件.txt）" in result.output
    assert ("  提示：原件中有1处疑似个人信息（疑似个人手机号码 138****5678），原件已保存为 "
            "xinjian-zhengshuju-2023-jianyi-8.原件.txt 但未列入 attachments，不会在网站上发布；"
            "如需公开原件，请另存一份遮盖个人信息的原件，列入 attachments 并填写其 sha256\n") in result.output
    line = target.read_text(encoding="utf-8").splitlines().index("您的建议收悉。如有疑问请联系13812345678。") + 1
    assert f"  隐私检查：{target}:{line}: 疑似个人手机号码 138****5678：" in result.output
    assert "attachments" not in front_matter(target)
    assert (replies / "2023" / "xinjian-zhengshuju-2023-jianyi-8.原件.txt").exists()
    # the kept copy still counts as imported
    assert "已导入过" in invoke(letter).output


def test_json_is_a_review_that_writes_nothing(replies: Path, tmp_path: Path) -> None:
    result = invoke("--json", LETTERS / "15-portal-structured-header-web.txt", SAMPLE)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["summary"] == {"files": 2, "planned": 2, "skipped": 0, "failed": 0}
    first = data["files"][0]
    assert first["status"] == "planned"
    assert first["reply_file"] == "replies/2024/qinglan-zfhcxjsj-2024-tian-2024087.md"
    assert first["fields"]["proposers"] == ["陈静怡", "李国华", "王建平"]
    assert first["fields"]["co_units"] == ["青岚市财政局", "青岚市市场监督管理局"]
    assert first["fields"]["reply_date"] == "2024-08-26"
    assert first["fields"]["attachments"][0]["path"] == "qinglan-zfhcxjsj-2024-tian-2024087.原件.txt"
    assert first["required_missing"] == []
    assert first["topics_proposed"] is True
    assert [u["id"] for u in data["units_to_add"]] == ["qinglan-zfhcxjsj", "qinglan-czj", "qinglan-scjdglj"]
    assert sorted(p.name for p in replies.iterdir()) == ["topics.yml", "units.yml"]


def test_options_that_do_not_fit(replies: Path, tmp_path: Path) -> None:
    folder = invoke(LETTERS, "--id", "a-1")
    assert folder.exit_code == 2
    assert "--id 只能用于单个文件；导入多个文件时编号自动生成" in folder.stderr
    bad = invoke(SAMPLE, "--id", "Xinjian_55")
    assert "“Xinjian_55”不是有效的编号：只能用小写英文字母、数字和连字符" in bad.stderr
    both = invoke(SAMPLE, "--json", "--accept-units")
    assert "--json 只检查不写入，不能与 --accept-units 一起使用" in both.stderr
    other = tmp_path / "letter.wps"
    other.write_bytes(b"x")
    result = invoke(other, SAMPLE)
    assert result.exit_code == 1
    assert (f"失败 {other.as_posix()}：不支持的文件类型“.wps”：可导入 PDF、网页（.html/.htm）、Word（.docx）、"
            "文本（.txt）和 Markdown（.md）\n") in result.output
    assert "已写入 replies/2023/" in result.output


def test_a_saved_page_with_a_private_address_in_its_footer_is_not_published(replies: Path, tmp_path: Path) -> None:
    import sys
    sys.path.insert(0, str(ROOT / "tests"))
    from letter_formats import web_page

    page = web_page((LETTERS / "10-national-agency-spaced-number.txt").read_text(encoding="utf-8"))
    path = tmp_path / "page.html"
    path.write_text(page.replace("网站标识码", "网站维护：webmaster2023@163.com 网站标识码"), encoding="utf-8")
    result = invoke(path)
    assert result.exit_code == 0, result.output
    assert "（原件已保存但未公开：gjljlyglj-2018-jianyi-6750.原件.html.txt）" in result.output
    assert "原件中有1处疑似个人信息（疑似个人电子邮箱 we***@163.com）" in result.output
    reply = replies / "2018" / "gjljlyglj-2018-jianyi-6750.md"
    assert "attachments" not in front_matter(reply)
    assert "webmaster" not in reply.read_text(encoding="utf-8")  # the footer is not the letter
