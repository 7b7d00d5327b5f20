"""`attachments` (原件): one fault fixture per rule with its exact file:line message, a link that
leaves the replies folder, and a real build that publishes the original, links it from the
reply page with its type, size and SHA-256, and lists it in the open data."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import make_replies, make_site
from replysite.archive import load_replies
from replysite.commands import main
from replysite.reading.privacy import find_private_details

FAULTS = Path(__file__).parent / "fixtures" / "faults" / "attachments"
ORIGINAL = FAULTS / "original.pdf"
SHA = hashlib.sha256(ORIGINAL.read_bytes()).hexdigest()
TODAY = dt.date(2026, 1, 1)
FIELD = "attachments（原件）"

EXPECTED = {
    "not_a_list": "应为列表，每项写成 {path: 文件名, sha256: 校验值}，例如 [{path: 某某.原件.pdf, sha256: 9f86…}]",
    "missing_sha": "应为列表，每项写成 {path: 文件名, sha256: 校验值}，例如 [{path: 某某.原件.pdf, sha256: 9f86…}]",
    "outside_folder": "原件路径“../original.pdf”必须是相对于本答复文件所在文件夹的路径（不以 / 开头，不含 ..），"
                      "原件须放在答复文件夹内",
    "absolute_path": "原件路径“/etc/original.pdf”必须是相对于本答复文件所在文件夹的路径（不以 / 开头，不含 ..），"
                     "原件须放在答复文件夹内",
    "missing_file": "找不到原件“gone.pdf”（应在 {folder}/ 中）",
    "web_page_type": "原件“original.html”的类型不能发布：只能是 .pdf、.docx、.txt 文件（网页和 Markdown 原件请以 .txt 结尾保存）",
    "not_a_checksum": "原件“original.pdf”的 sha256“12345”不是 SHA-256 校验值（64 位小写十六进制数字和字母）",
    "checksum_mismatch": f"原件“original.pdf”的 SHA-256 校验值与文件不符（文件为 {SHA}）："
                         "原件被改动或替换过，或校验值写错了；请核对原件后改正",
    "duplicate_name": "原件文件名“original.pdf”重复：同一答复的原件须用不同的文件名",
}


def test_every_fault_has_a_fixture() -> None:
    assert sorted(p.stem for p in FAULTS.glob("*.md")) == sorted([*EXPECTED, "valid"])


def place(tmp_path: Path, case: str) -> Path:
    folder = make_replies(tmp_path)
    (folder / "2023").mkdir()
    shutil.copy(FAULTS / f"{case}.md", folder / "2023" / f"{case}.md")
    shutil.copy(ORIGINAL, folder / "2023" / "original.pdf")
    shutil.copy(ORIGINAL, folder / "original.pdf")  # where ../original.pdf would lead
    return folder


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_fault_reports_exactly_one_problem(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    place(tmp_path, case)
    monkeypatch.chdir(tmp_path)
    archive, problems = load_replies(Path("replies"), today=TODAY)
    assert archive is None
    message = EXPECTED[case].replace("{folder}", "replies/2023")
    assert [p.format() for p in problems] == [f"replies/2023/{case}.md:10: {FIELD}: {message}"]


def test_valid_attachment(tmp_path: Path) -> None:
    folder = place(tmp_path, "valid")
    archive, problems = load_replies(folder, today=TODAY)
    assert problems == []
    (attachment,) = archive.replies[0].attachments
    assert (attachment.name, attachment.sha256, attachment.size) == ("original.pdf", SHA, ORIGINAL.stat().st_size)


def test_a_link_out_of_the_replies_folder_is_refused(tmp_path: Path) -> None:
    folder = place(tmp_path, "valid")
    outside = tmp_path / "secret.pdf"
    shutil.copy(ORIGINAL, outside)
    (folder / "2023" / "original.pdf").unlink()
    (folder / "2023" / "original.pdf").symlink_to(outside)
    _, problems = load_replies(folder, today=TODAY)
    assert [p.message for p in problems] == [
        "原件“original.pdf”是指向答复文件夹以外的链接；请把原件文件本身放进答复文件夹"]


def test_checksums_are_never_private_numbers() -> None:
    digests = [hashlib.sha256(str(i).encode()).hexdigest() for i in range(3000)]
    assert [d for d in digests if find_private_details(f"sha256: {d}")] == []
    assert find_private_details("a13812345678b")  # a number among letters still is one


def test_build_publishes_the_original_and_links_it(tmp_path: Path) -> None:
    project = make_site(tmp_path)
    reply = project / "replies" / "2023" / "xinjian-2023-jianyi-55.md"
    shutil.copy(ORIGINAL, reply.with_name("xinjian-2023-jianyi-55.原件.pdf"))
    text = reply.read_text(encoding="utf-8").replace(
        "\n---\n", f"\nattachments: [{{path: xinjian-2023-jianyi-55.原件.pdf, sha256: {SHA}}}]\n---\n", 1)
    reply.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "-f", str(project / "mkdocs.yml"), "-d", str(project / "site")])
    assert result.exit_code == 0, result.output
    site = project / "site"
    published = site / "originals" / "xinjian-2023-jianyi-55" / "xinjian-2023-jianyi-55.原件.pdf"
    assert published.read_bytes() == ORIGINAL.read_bytes()
    page = (site / "replies" / "xinjian-2023-jianyi-55" / "index.html").read_text(encoding="utf-8")
    size = ORIGINAL.stat().st_size
    assert (f'<dt>原件</dt><dd><a href="../../originals/xinjian-2023-jianyi-55/xinjian-2023-jianyi-55.原件.pdf">'
            f"原件（PDF，{size} 字节）</a><br><span class=\"rs-sha256\">SHA-256：<code>{SHA}</code></span></dd>") in page
    records = json.loads((site / "data" / "replies.json").read_text(encoding="utf-8"))
    record = next(r for r in records if r["id"] == "xinjian-2023-jianyi-55")
    (listed,) = record["attachments"]
    assert listed["url"].endswith("/originals/xinjian-2023-jianyi-55/xinjian-2023-jianyi-55.原件.pdf")
    assert (listed["sha256"], listed["size"]) == (SHA, size)
    rows = list(csv.DictReader(io.StringIO((site / "data" / "replies.csv").read_text(encoding="utf-8-sig"))))
    row = next(r for r in rows if r["id"] == "xinjian-2023-jianyi-55")
    assert row["attachments"] == f"sha256:{SHA} {listed['url']}"
    assert all(r["attachments"] == "" for r in rows if r["id"] != "xinjian-2023-jianyi-55")


def test_a_text_original_with_a_private_number_stops_the_build(tmp_path: Path) -> None:
    project = make_site(tmp_path)
    reply = project / "replies" / "2023" / "xinjian-2023-jianyi-55.md"
    original = reply.with_name("xinjian-2023-jianyi-55.原件.txt")
    original.write_text("程伟川代表：\n如有疑问请联系 13812345678。\n", encoding="utf-8")
    digest = hashlib.sha256(original.read_bytes()).hexdigest()
    text = reply.read_text(encoding="utf-8").replace(
        "\n---\n", f"\nattachments: [{{path: {original.name}, sha256: {digest}}}]\n---\n", 1)
    reply.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "-f", str(project / "mkdocs.yml"), "-d", str(project / "site")])
    assert result.exit_code == 1
    assert "originals/xinjian-2023-jianyi-55/xinjian-2023-jianyi-55.原件.txt:2: 疑似个人手机号码 138****5678" in result.output
    assert not (project / "site").exists()
