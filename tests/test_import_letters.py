"""Every fixture letter (tests/fixtures/import/letters/, invented letters reproducing real
layouts) read from each input format staff have — the text, a PDF with a text layer, a saved
web page of a government column, a Word file — gives exactly the fields it states: each stated
field right, nothing read that it does not state."""

from __future__ import annotations

from pathlib import Path

import pytest

from letter_formats import FORMATS, KEYS, LETTERS, compare, expected_fields, write_as
from replysite.importer import extract, load_document

NAMES = sorted(p.stem for p in LETTERS.glob("*.txt"))


def test_at_least_twenty_layouts() -> None:
    assert len(NAMES) >= 20
    readme = (LETTERS / "README.md").read_text(encoding="utf-8")
    assert all(f"| {name} |" in readme for name in NAMES)  # where each layout was seen


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", NAMES)
def test_every_field_in_every_format(name: str, fmt: str, tmp_path: Path) -> None:
    source = LETTERS / f"{name}.txt"
    document = load_document(write_as(source, fmt, tmp_path))
    assert not document.ocr
    fields = extract(document.text).fields
    expected = expected_fields(source)
    assert {k: fields[k] or None for k in KEYS} == {k: expected.get(k) for k in KEYS}
    assert {k: state for k, (state, _, _) in compare(expected, fields).items() if state} == \
        dict.fromkeys(expected, "right")


@pytest.mark.parametrize("name, note", [
    ("25-kind-conflict-heading-vs-salutation",
     "类型无法确定：答复标题为“建议”，称呼为“提案”。类型、建议号/提案号和会议均未填写，请核对原件后填写"),
    ("02-prov-huiban-jianyi-web",
     "这是协办（会办）单位的意见（写给主办单位省发改委），不是给代表委员的答复；是否作为答复公开，请确认"),
    ("18-district-jianyi-zaici-dafu",
     "这是再次（补充）答复：与第一次答复是两件文书，导入不会覆盖第一次答复；编号已加区分，请核对"),
    ("17-district-jianyi-feedback-form",
     "征询意见表中有多项意见（满意、基本满意），未填写满意度，请按代表或委员的总体意见填写"),
    ("35-county-three-named-deng-impossible-date", "落款日期“2023年6月31日”不是有效日期，未填写答复日期，请核对原件"),
    ("07-autonomous-county-bracket-docno", "称呼“杨正富等3名代表：”中有“等”，其他提出人未列出，请补充"),
    ("24-joint-signature-co-units-body", None),
])
def test_what_the_letter_leaves_open_is_reported(name: str, note: str | None) -> None:
    notes = extract((LETTERS / f"{name}.txt").read_text(encoding="utf-8")).notes
    assert (note in notes) if note else notes == []


def test_short_names_the_letter_uses() -> None:
    result = extract((LETTERS / "17-district-jianyi-feedback-form.txt").read_text(encoding="utf-8"))
    assert result.short_names == ["区教体局"]


def test_gbk_web_page(tmp_path: Path) -> None:
    from letter_formats import web_page
    page = web_page((LETTERS / "05-countycity-tian-metadata-footer.txt").read_text(encoding="utf-8"))
    path = tmp_path / "page.htm"
    path.write_bytes(page.replace('charset="utf-8"', 'charset="gb2312"').encode("gb18030"))
    fields = extract(load_document(path).text).fields
    assert (fields["number"], fields["unit"], fields["postcode"]) == ("117", "栖凤市住房和城乡建设局", None)
