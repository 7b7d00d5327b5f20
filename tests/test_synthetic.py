"""The synthetic reply generator (`replysite generate`): format, determinism, safety, validity."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from replysite.archive import load_replies
from replysite.reading.registry import load_topics, load_units
from replysite.schema import CATEGORIES, DISCLOSURES, FIELDS, FIELDS_BY_NAME, ID_RE, KINDS, SATISFACTIONS
from replysite.commands.generate import generate_command
from replysite.synthetic import GenerateError, generate
from replysite.synthetic.text import SYNTHETIC_NOTICE

from conftest import TODAY

REQUIRED = {f.name for f in FIELDS if f.required}
MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
LONG_DIGITS = re.compile(r"\d{12,}")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")


def split(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    head, body = text[4:].split("\n---\n", 1)
    return yaml.safe_load(head), body


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synthetic") / "replies"
    generate(400, out, seed=5)
    return out


@pytest.fixture(scope="module")
def documents(corpus: Path) -> list[tuple[Path, dict, str]]:
    return [(path, *split(path)) for path in sorted(corpus.rglob("*.md"))]


@pytest.fixture(scope="module")
def parsed(documents: list[tuple[Path, dict, str]]) -> list[tuple[Path, dict, str]]:
    """The reply letters (doc_type 答复): the other documents of their cases are checked below."""
    return [d for d in documents if d[1].get("doc_type", "答复") == "答复"]


def test_some_suggestions_have_two_to_four_documents_of_every_type(corpus: Path, documents) -> None:
    from replysite.archive import load_archive

    assert len(documents) == 400
    types = Counter(data.get("doc_type", "答复") for _, data, _ in documents)
    assert set(types) == {"答复", "再次答复", "会办意见", "建议原文", "办理进展"}
    assert 0.6 < types["答复"] / len(documents) < 0.9
    archive = load_archive(corpus, today=TODAY)  # every document passes every check, cases included
    sizes = Counter(len(c.documents) for c in archive.cases)
    assert sizes[1] > sizes[2] > 0 and sizes[3] > 0 and max(sizes) <= 4 + 1
    assert any(c.promise is not None and c.promise.progress for c in archive.cases)
    assert any(c.promise is not None and c.promise.overdue(archive.as_of) for c in archive.cases)
    assert all(d.date <= dt.date(2026, 6, 30) for d in archive.replies)


def test_same_seed_gives_identical_bytes_and_another_seed_does_not(tmp_path: Path) -> None:
    generate(60, tmp_path / "a", seed=7)
    generate(60, tmp_path / "b", seed=7)
    generate(60, tmp_path / "c", seed=8)
    first = files(tmp_path / "a")
    assert len(first) == 62
    assert first == files(tmp_path / "b")
    assert first != files(tmp_path / "c")


def test_a_larger_archive_starts_with_the_replies_of_a_smaller_one(tmp_path: Path) -> None:
    generate(20, tmp_path / "small", seed=4)
    generate(70, tmp_path / "large", seed=4)
    small, large = files(tmp_path / "small"), files(tmp_path / "large")
    assert len(small) == 22 and len(large) == 72
    assert {name: large.get(name) for name in small} == small


def test_same_seed_gives_identical_bytes_in_another_process(tmp_path: Path) -> None:
    generate(40, tmp_path / "here", seed=9)
    code = ("from pathlib import Path; from replysite.synthetic import generate; "
            f"generate(40, Path({str(tmp_path / 'there')!r}), seed=9)")
    subprocess.run([sys.executable, "-c", code], check=True, env={**os.environ, "PYTHONHASHSEED": "123"})
    assert files(tmp_path / "here") == files(tmp_path / "there")


def test_fields_are_spread_like_a_real_archive(parsed: list[tuple[Path, dict, str]]) -> None:
    def count(key: str, default: str = "") -> Counter:
        return Counter(data.get(key, default) for _, data, _ in parsed)

    categories = count("category")
    assert min(categories["A"], categories["B"]) > categories["C"] > categories["D"] > 0
    satisfaction = count("satisfaction")
    assert satisfaction["满意"] > 0.6 * len(parsed) and satisfaction["基本满意"] > 0 and satisfaction[""] > 0
    disclosure = count("disclosure", "全文公开")
    assert disclosure["全文公开"] > 0.85 * len(parsed) and disclosure["摘要公开"] > 0 and disclosure["不予公开"] > 0
    assert len(count("unit")) > 40 and count("session")[""] > 0
    proposers = [data["proposers"] for _, data, _ in parsed]
    assert any(len(p) > 1 for p in proposers)
    assert any(p[0].endswith(("委员小组", "委员会", "代表团")) for p in proposers)
    assert all(2 <= len(name) <= 4 for p in proposers for name in p
               if not name.endswith(("委员小组", "委员会", "代表团")))


def test_writes_count_replies_by_year_and_the_two_registries(
        corpus: Path, parsed: list[tuple[Path, dict, str]], documents) -> None:
    assert len(documents) == 400
    assert sorted(p.name for p in corpus.iterdir() if p.is_file()) == ["topics.yml", "units.yml"]
    years = {int(p.parent.name) for p, _, _ in parsed}
    assert min(years) == 2015 and max(years) == 2025 and len(years) == 11
    for path, data, _ in documents:
        assert path.parent.name == str((data.get("reply_date") or data["submitted_date"]).year)
        assert path.stem == data["id"]


def test_front_matter_uses_only_schema_keys_with_valid_values(
        corpus: Path, parsed: list[tuple[Path, dict, str]]) -> None:
    units, unit_problems = load_units(corpus, "replies")
    topics, topic_problems = load_topics(corpus, "replies")
    assert unit_problems == [] and topic_problems == []
    assert len(units.items) >= 40 and len(topics.items) >= 25
    ids: set[str] = set()
    numbers: set[tuple[int, str, str]] = set()
    for path, data, body in parsed:
        assert set(data) <= set(FIELDS_BY_NAME), path
        assert REQUIRED <= set(data), path
        assert ID_RE.match(data["id"]) and data["id"].startswith("synthetic-")
        assert data["id"] not in ids
        ids.add(data["id"])
        year = data["reply_date"].year
        key = (year, data["kind"], data["number"])
        assert key not in numbers
        numbers.add(key)
        assert data["kind"] in KINDS
        assert isinstance(data["number"], str) and data["number"].isdigit()
        assert data["title"].startswith("关于") and data["title"][-2:] in ("建议", "提案")
        assert data["title"].endswith(data["kind"]) or data["title"].endswith("几点建议")
        assert all(isinstance(p, str) and 2 <= len(p) for p in data["proposers"])
        assert units.resolve(data["unit"]) is not None
        assert all(units.resolve(u) is not None for u in data.get("co_units", []))
        assert 2 <= len(data["topics"]) <= 4
        assert all(topics.resolve(t) is not None for t in data["topics"])
        assert data.get("category", "A") in CATEGORIES
        assert data.get("satisfaction", "满意") in SATISFACTIONS
        assert isinstance(data["reply_date"], dt.date) and data["reply_date"] <= TODAY
        if "assigned_date" in data:
            assert 25 <= (data["reply_date"] - data["assigned_date"]).days <= 125
        disclosure = data.get("disclosure", "全文公开")
        assert disclosure in DISCLOSURES
        assert ("disclosure_note" in data) == (disclosure != "全文公开")
        if disclosure == "不予公开":
            assert body.strip() == ""
        else:
            assert body.startswith("\n" + SYNTHETIC_NOTICE + "\n")


def test_letters_look_like_replies_with_realistic_lengths(parsed: list[tuple[Path, dict, str]]) -> None:
    lengths = []
    kinds = set()
    for _, data, body in parsed:
        kinds.add(data["kind"])
        if data.get("disclosure", "全文公开") == "全文公开":
            role = "代表" if data["kind"] == "建议" else "委员"
            salutation = body.split("\n\n")[1]
            assert salutation in (f"尊敬的{data['proposers'][0]}{role}：",
                                  f"尊敬的{data['proposers'][0]}：",  # a collective proposer
                                  f"尊敬的{data['proposers'][0]}、{data['proposers'][-1]}{role}：",
                                  f"尊敬的{data['proposers'][0]}等{len(data['proposers'])}位{role}：")
            assert f"《{data['title']}》收悉" in body
            assert "一是" in body or "（一）" in body
            assert re.search(r"感谢(您|你们)对.+工作的关心和支持。", body)
            lengths.append(len(body))
    assert kinds == set(KINDS)
    mean = sum(lengths) / len(lengths)
    assert 3000 <= mean <= 3800, mean
    assert min(lengths) < 1600 and max(lengths) > 6500


def test_no_mobile_numbers_id_numbers_or_emails(corpus: Path) -> None:
    for path in sorted(corpus.rglob("*")):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            assert not MOBILE.search(text), path
            assert not LONG_DIGITS.search(text), path
            assert not EMAIL.search(text), path


def test_generated_corpus_validates_with_zero_problems(tmp_path: Path) -> None:
    out = tmp_path / "replies"
    generate(50, out, seed=11)
    archive, problems = load_replies(out, today=TODAY)
    assert [p.format() for p in problems] == []
    assert archive is not None and archive.total == 50


def test_refuses_a_non_empty_folder_unless_forced(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("x", encoding="utf-8")
    with pytest.raises(GenerateError) as caught:
        generate(5, tmp_path)
    assert str(caught.value) == (f"输出文件夹 {tmp_path} 不是空的；为避免覆盖已有文件，请换一个空文件夹，"
                                 "或加上 --force 允许写入。")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.txt"]
    generate(5, tmp_path, force=True)
    assert (tmp_path / "keep.txt").read_text(encoding="utf-8") == "x"
    assert len(list(tmp_path.rglob("*.md"))) == 5


def test_refuses_a_folder_inside_replies_but_accepts_replies_itself(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "replies").mkdir()
    with pytest.raises(GenerateError) as caught:
        generate(5, Path("replies/synthetic"))
    assert str(caught.value) == (f"拒绝写入 replies/synthetic：它位于答复库 {tmp_path.resolve() / 'replies'} "
                                 "之内，合成数据不能混入真实答复；请换一个不在 replies/ 下的文件夹。")
    assert not (tmp_path / "replies" / "synthetic").exists()
    generate(5, Path("replies"))
    assert len(list((tmp_path / "replies").rglob("*.md"))) == 5


def test_command_line_writes_and_reports(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(generate_command, ["--count", "12", "--out", str(out), "--seed", "3"])
    assert result.exit_code == 0, result.output
    assert re.fullmatch(rf"已在 {re.escape(str(out))} 生成 12 份合成答复（种子 3），年份 \d{{4}}–\d{{4}}，"
                        r"单位 42 个，主题 26 个，正文平均 \d+ 字。\n", result.stdout)
    assert re.fullmatch(r"用时 \d+\.\d 秒。\n", result.stderr)
    assert len(list(out.rglob("*.md"))) == 12
    again = CliRunner().invoke(generate_command, ["--count", "12", "--out", str(out)])
    assert again.exit_code == 1
    assert again.stderr == (f"错误：输出文件夹 {out} 不是空的；为避免覆盖已有文件，请换一个空文件夹，"
                            "或加上 --force 允许写入。\n")
    forced = CliRunner().invoke(generate_command, ["--count", "12", "--out", str(out), "--force"])
    assert forced.exit_code == 0, forced.output


def test_command_requires_count_and_out() -> None:
    result = CliRunner().invoke(generate_command, ["--count", "3"])
    assert result.exit_code == 2
    assert "Missing option '--out'" in result.output
    assert generate_command.name == "generate"
    for param in generate_command.params:
        assert param.help and re.search(r"[\u4e00-\u9fff]", param.help), param.name
