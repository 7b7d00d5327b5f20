"""The build's last privacy scan. Private numbers that reach the output by any path (here, replies
built as if every file check had let them through) stop the build: nothing is published and the
report names them, masked. With the scan switched off, the same replies are published, and every
number in every written form is found again in every place the site writes it — the reply's
page, its text in the compressed search data, the JSON export, the feed — which is
what the scan reads. The no-false-alarm corpus is published, office numbers and all."""

from __future__ import annotations

import dataclasses
import gzip
import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import TODAY, make_site
from replysite.archive import build_archive, load_archive
from replysite.commands import main
from replysite.outputs.search import text_dictionary
from replysite.reading.privacy import output_text, scan_output
from test_privacy import EMAIL_FORMS, ID_FORMS, MOBILE_FORMS, NO_FALSE_ALARM

FORMS = ([text for text, _ in MOBILE_FORMS] + list(ID_FORMS)
         + [f"联系邮箱：{spelling}" for spelling in EMAIL_FORMS])


def marker(i: int) -> str:
    return f"样本第{'甲乙丙丁戊己庚辛壬癸'[i % 10]}{'子丑寅卯辰巳午未申酉戌亥'[i // 10 % 12]}件"


def build_with(project: Path, monkeypatch: pytest.MonkeyPatch, texts: list[str], field: str | None = None):
    """Build the fixture site plus one reply per text (in its body, or in one text field),
    past every file check."""
    archive = load_archive(project / "replies", today=TODAY)
    base = archive.replies[0]
    replies = [dataclasses.replace(base, id=f"leak-{i}", reply_date=dt.date(2023, 1, 1),
                                   body=f"{marker(i)}\n\n{text}" if field is None else f"{marker(i)}",
                                   **({field: text} if field else {}))
               for i, text in enumerate(texts)]
    archive = build_archive([*archive.replies, *replies], archive.units, archive.topics)
    monkeypatch.setattr("replysite.engine.plugin.load_archive", lambda *a, **k: archive)
    return CliRunner().invoke(main, ["build", "-f", str(project / "mkdocs.yml"), "-d", str(project / "site")])


@pytest.mark.parametrize(("texts", "field", "found"), [
    (FORMS[:1], None, "疑似个人手机号码"),
    (FORMS[-1:], None, "疑似个人电子邮箱"),
    (["十四届人大二次会议（联系 139 8765 4321）"], "session", "疑似个人手机号码"),
    (["新政数提复字〔2023〕11010519491231002X号"], "doc_number", "疑似居民身份证号码"),
    (["李四 6222021234567890128"], "contact", "疑似个人银行卡号"),
], ids=["body-mobile", "body-email", "session", "doc_number", "contact"])
def test_private_details_that_slip_past_the_checks_stop_the_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, texts: list[str], field: str | None, found: str) -> None:
    project = make_site(tmp_path)
    result = build_with(project, monkeypatch, texts, field)
    assert result.exit_code == 1, result.output
    assert "发布前的最后检查发现疑似个人信息，网站未生成（原有 site/ 保持不变）" in result.output
    assert found in result.output and "***" in result.output
    assert not (project / "site").exists()
    assert [p.name for p in project.iterdir() if p.name.startswith(".")] == []


def test_every_form_is_found_again_in_every_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("replysite.engine.output_scan.OutputScan.__call__", lambda self, text, where: None)
    project = make_site(tmp_path)
    result = build_with(project, monkeypatch, FORMS)
    assert result.exit_code == 0, result.output
    site = project / "site"
    data = site / "search-data"
    dictionary = gzip.decompress((data / "dict.bin").read_bytes())  # the texts are deflated against it
    texts = {p: text_dictionary.decompress(p.read_bytes(), dictionary).decode() if p.parts[-3] == "r"
             else output_text(p.read_bytes()) for p in data.rglob("*.bin")}
    records = {r["id"]: r for r in json.loads((site / "data" / "replies.json").read_text(encoding="utf-8"))}
    feed = (site / "feeds" / "all.atom.xml").read_text(encoding="utf-8")
    missed = []
    for i, form in enumerate(FORMS):
        page = (site / "replies" / f"leak-{i}" / "index.html").read_text(encoding="utf-8")
        search = [t for t in texts.values() if marker(i) in t]
        places = {"page": page, "search-data": search[0] if len(search) == 1 else "",
                  "replies.json": json.dumps(records[f"leak-{i}"], ensure_ascii=False)}
        for place, text in places.items():
            if form.split("：")[-1] not in text and not scan_output(text):
                missed.append((form, place, "not written"))
            elif not scan_output(text):
                missed.append((form, place))
    assert missed == []
    assert scan_output(feed)  # the feed's summaries of the latest replies



def test_office_numbers_are_published(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_site(tmp_path)
    result = build_with(project, monkeypatch, NO_FALSE_ALARM)
    assert result.exit_code == 0, result.output
    page = (project / "site" / "replies" / "leak-1" / "index.html").read_text(encoding="utf-8")
    assert "0791-83098603" in page


def test_fast_scans_find_what_their_patterns_find() -> None:
    """The output scan's shortcuts (an "at" between spaces or brackets looked for at each "at";
    %-escapes by a pattern that starts with its literal) agree with the plain patterns on random
    text made of what they look for."""
    import random
    import re

    from replysite.reading import privacy

    plain_percent = re.compile(r"(?:%[0-9A-Fa-f]{2})+")
    alphabet = list("aAtT xy[](（）【】{}｛｝\n\t\u3000\x1c%0aFg@#.") + ["at", " at ", "%2", "%e5"]
    rng = random.Random(7)
    for _ in range(100_000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 14)))
        assert privacy._word_at(s) == (privacy._WORD_AT.search(s) is not None), s
        assert [m.group() for m in privacy._PERCENT_RE.finditer(s)] == [m.group() for m in plain_percent.finditer(s)], s
    assert privacy._word_at("name (at) qq") and privacy._word_at("x\u3000AT\u3000y") and not privacy._word_at("data-at")
