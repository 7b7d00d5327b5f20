"""`replysite import`: extraction from letters, the written reply file, the CLI command."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from docx import Document

from replysite.importer import extract, read_document
from replysite.importer.documents import DocumentError
from replysite.authoring.reply_file import render_reply, scalar
from replysite.schema import FIELDS

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "import"
# A copy of ../shared/samples/xinjian-2023-reply-55.txt, kept exactly as released.
SAMPLE = Path(__file__).resolve().parent / "fixtures" / "samples" / "xinjian-2023-reply-55.txt"
SEED = ROOT / "replies" / "2023" / "xinjian-2023-jianyi-55.md"
LETTER_KEYS = ("kind", "session", "number", "title", "proposers", "unit", "co_units",
               "doc_number", "category", "assigned_date", "reply_date", "satisfaction", "cc",
               "contact", "postcode")


def split_file(text: str) -> tuple[dict, str]:
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body.strip("\n")


def read_fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


EXPECTED = {
    # 文号 with [] and the category on the same line; number in full-width digits; session in
    # the heading; X、Y二位代表; title inside 《》 split over lines; contact in brackets.
    "square-brackets-same-line.txt": dict(
        kind="建议", session="区十八届人大二次会议", number="72",
        title="关于加快农村公路提档升级的建议", proposers=["张三", "李四"],
        unit="南昌市新建区交通运输局", doc_number="新交提复字[2020]11号", category="A",
        reply_date=dt.date(2020, 6, 12), contact="王五 0791-83761234"),
    # 文号 with （）; 第2024xxx号; 政协某某县第九届委员会第三次会议; names then 委员; date in
    # Chinese numerals; contact on two lines; category alone at the end.
    "parentheses-chinese-date.txt": dict(
        kind="提案", session="政协某某县第九届委员会第三次会议", number="2024087",
        title="关于加强高标准农田建设管护的提案", proposers=["王明", "赵丽", "孙强"],
        unit="某某县农业农村局", doc_number="县农提复（2024）第7号", category="B",
        reply_date=dt.date(2024, 7, 10), contact="周敏 0791-6123456"),
    # a copied web page: breadcrumbs, publication date, view counter, 打印正文, 上一篇/下一篇
    # naming other numbers; site banner above the letter; (36号); X代表 without colon;
    # 办复类别:B类; ISO date; 抄送 over two lines; 邮编; (√) form.
    "webpage-copy.txt": dict(
        kind="建议", number="36", title="关于加强老旧小区消防安全管理的建议",
        proposers=["刘洋"], unit="南昌市新建区应急管理局", doc_number="新应急提复字〔2023〕5号",
        category="B", reply_date=dt.date(2023, 6, 12), satisfaction="基本满意",
        cc=["区人大常委会选举任免联络办公室", "区政府督查室"], contact="区应急管理局 83761111",
        postcode="330100"),
    # title from the heading 关于…第N号建议的答复; 建议人: label; session in the body;
    # signature abbreviating the header's full name; contact on one line; 分类 at the end.
    "labelled-heading-title.txt": dict(
        kind="建议", session="新建区第十八届人民代表大会第二次会议", number="15",
        title="关于推进社区嵌入式养老服务的建议", proposers=["陈静", "黄磊"],
        unit="南昌市新建区民政局", category="A", reply_date=dt.date(2023, 5, 20),
        satisfaction="基本满意", contact="何平 83762222"),
    # ASCII punctuation throughout; 类别:A类; a 委员小组; unit from the signature only; a bare
    # number under its label in the feedback form; ☑ boxes before their labels.
    "ascii-punctuation-group.txt": dict(
        kind="提案", number="108", title="关于加强历史文化街区保护利用的提案",
        proposers=["区政协文化界别委员小组"], unit="新建区文化广电新闻出版旅游局", category="A",
        reply_date=dt.date(2023, 8, 3), satisfaction="满意"),
    # title inside 《》 in the heading; nothing else stated, nothing invented.
    "quoted-heading-minimal.md": dict(
        kind="建议", title="关于增设城西公交线路的建议", proposers=["周红"]),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_letters_give_exactly_the_stated_fields(name: str) -> None:
    result = extract(read_fixture(name))
    expected = {key: EXPECTED[name].get(key) for key in LETTER_KEYS}
    assert {key: result.fields[key] for key in LETTER_KEYS} == expected
    assert result.missing == [key for key in LETTER_KEYS if expected[key] is None]
    assert list(result.fields) == [spec.name for spec in FIELDS]


def test_title_rebuilt_from_heading_is_noted() -> None:
    assert extract(read_fixture("labelled-heading-title.txt")).notes == [
        "标题根据答复标题“关于推进社区嵌入式养老服务第15号建议的答复”整理为"
        "“关于推进社区嵌入式养老服务的建议”，请核对"]


def test_body_joins_wrapped_lines_drops_page_numbers_keeps_headings() -> None:
    assert extract(read_fixture("square-brackets-same-line.txt")).body == (
        "张三、李四二位代表：\n\n"
        "你们在区十八届人大二次会议上提出的《关于加快农村公路提档升级的建议》收悉。现答复如下：\n\n"
        "一、基本情况\n\n"
        "我区现有农村公路1260公里，其中通组公路312公里，部分路段路面较窄，错车困难。\n\n"
        "二、下一步工作\n\n"
        "今年计划完成提档升级45公里，资金已列入年度预算。\n\n"
        "特此答复。")


def test_body_of_a_web_page_copy_has_a_paragraph_per_line_and_no_furniture() -> None:
    assert extract(read_fixture("webpage-copy.txt")).body == (
        "刘洋代表\n\n"
        "您提出的关于加强老旧小区消防安全管理的建议收悉。现答复如下：\n\n"
        "今年以来，我局联合各街道对全区86个老旧小区开展消防安全排查，整改隐患214处。\n\n"
        "下一步，我们将推动老旧小区改造同步配建消防设施。")


def test_sample_letter_fields_ignore_the_stray_block_from_another_document() -> None:
    result = extract(SAMPLE.read_text(encoding="utf-8"))
    assert result.fields["doc_number"] == "新政数提复字〔2023〕1号"
    assert result.fields["number"] == "55"
    assert result.missing == ["session", "co_units", "assigned_date"]
    assert result.notes == []


@pytest.mark.parametrize("salutation, proposers", [
    ("尊敬的程伟川代表：", ["程伟川"]),
    ("王五代表", ["王五"]),
    ("张三、李四两位代表:", ["张三", "李四"]),
    ("李四、王五、赵六委员：", ["李四", "王五", "赵六"]),
    ("区政协农业界委员小组：", ["区政协农业界委员小组"]),
    ("尊敬的民盟新建区支部：", ["民盟新建区支部"]),
])
def test_salutation_forms(salutation: str, proposers: list[str]) -> None:
    letter = f"{salutation}\n\n您提出的建议收悉，现答复如下：\n\n已办理。\n"
    assert extract(letter).fields["proposers"] == proposers


def test_salutation_to_all_deputies_names_nobody() -> None:
    result = extract("尊敬的各位代表：\n\n你们提出的建议收悉。\n")
    assert result.fields["proposers"] is None
    assert "proposers" in result.missing


def test_salutation_with_deng_is_noted() -> None:
    result = extract("张三等代表：\n\n你们提出的建议收悉。\n")
    assert result.fields["proposers"] == ["张三"]
    assert result.notes == ["称呼“张三等代表：”中有“等”，其他提出人未列出，请补充"]


@pytest.mark.parametrize("line, category", [
    ("分类：A类", "A"), ("类别:A类", "A"), ("办复类别:B类", "B"), ("办理类别：C", "C"),
    ("（D类）", "D"), ("B类 同意公开", "B"), ("新农字〔2020〕11号 C类", "C"), ("Ａ类", "A"),
])
def test_category_forms(line: str, category: str) -> None:
    assert extract(f"{line}\n\n王五代表：\n\n您的建议收悉。\n").fields["category"] == category


@pytest.mark.parametrize("header, number", [
    ("关于第55号建议的答复", "55"),
    ("关于区人大建议（72号）的答复", "72"),
    ("关于第2024087号提案的答复", "2024087"),
    ("建议号：88号", "88"),
    ("提案编号\n\n108", "108"),
])
def test_number_forms(header: str, number: str) -> None:
    role = "委员" if "提案" in header else "代表"
    assert extract(f"{header}\n\n王五{role}：\n\n您的来信收悉。\n").fields["number"] == number


@pytest.mark.parametrize("heading, session", [
    ("关于区十八届人大二次会议第1号建议的答复", "区十八届人大二次会议"),
    ("关于县九届政协一次会议第2号提案的答复", "县九届政协一次会议"),
    ("关于政协某某县第九届委员会第三次会议第3号提案的答复", "政协某某县第九届委员会第三次会议"),
    ("关于新建区第十八届人民代表大会第二次会议第4号建议的答复",
     "新建区第十八届人民代表大会第二次会议"),
])
def test_session_forms(heading: str, session: str) -> None:
    role = "委员" if "提案" in heading else "代表"
    assert extract(f"{heading}\n\n王五{role}：\n\n您的来信收悉。\n").fields["session"] == session


@pytest.mark.parametrize("date_text, date", [
    ("2023年7月17日", dt.date(2023, 7, 17)),
    ("二〇二三年七月十七日", dt.date(2023, 7, 17)),
    ("二〇二三年十二月三十一日", dt.date(2023, 12, 31)),
    ("2023-06-12", dt.date(2023, 6, 12)),
])
def test_reply_date_forms(date_text: str, date: dt.date) -> None:
    letter = f"王五代表：\n\n您的建议收悉。\n\n新建区民政局\n{date_text}\n"
    assert extract(letter).fields["reply_date"] == date


def test_publication_date_and_blank_form_date_are_not_reply_dates() -> None:
    letter = ("发布时间：2023-08-01\n更新日期：2023年8月2日\n\n王五代表：\n\n您的建议收悉。\n\n"
              "建议人签名\n\n2023年 月 日\n")
    result = extract(letter)
    assert result.fields["reply_date"] is None
    assert "reply_date" in result.missing


@pytest.mark.parametrize("lines, contact", [
    ("联系单位及电话：新建区政数局 83098603", "新建区政数局 83098603"),
    ("联系人：李四 联系电话：83098603", "李四 83098603"),
    ("联 系 人：李四\n\n联系电话：0791-83098603", "李四 0791-83098603"),
    ("（联系人：李四，电话：0791-83098603）", "李四 0791-83098603"),
    ("联系单位：区民政局\n联系电话：83762222", "区民政局 83762222"),
])
def test_contact_forms(lines: str, contact: str) -> None:
    letter = f"王五代表：\n\n您的建议收悉。\n\n新建区民政局\n2023年5月20日\n\n{lines}\n"
    assert extract(letter).fields["contact"] == contact


@pytest.mark.parametrize("form, satisfaction", [
    ('满意\t<input checked="" type="checkbox"/>\t基本满意\t<input type="checkbox"/>\t不满意\t'
     '<input type="checkbox"/>', "满意"),
    ('满意\t<input type="checkbox"/>\t基本满意\t<input type="checkbox"/>\t不满意\t'
     '<input checked="checked" type="checkbox"/>', "不满意"),
    ("□满意 ☑基本满意 □不满意", "基本满意"),
    ("满意（ ）基本满意（ ）不满意（√）", "不满意"),
    ("代表意见：满意", "满意"),
    ("满意□ 基本满意□ 不满意□", None),  # nothing ticked: never guessed
    ("☑满意 ☑基本满意 □不满意", None),  # two ticked
])
def test_satisfaction_forms(form: str, satisfaction: str | None) -> None:
    letter = f"王五代表：\n\n您的建议收悉。\n\n2023年5月20日\n\n人大代表建议办理情况征询意见表\n{form}\n"
    assert extract(letter).fields["satisfaction"] == satisfaction


def test_cc_split_on_any_separator_and_continued() -> None:
    letter = "王五代表：\n\n您的建议收悉。\n\n2023年5月20日\n抄送：区人大选联委、\n区政府督查室；区民政局。\n"
    assert extract(letter).fields["cc"] == ["区人大选联委", "区政府督查室", "区民政局"]


def test_furniture_is_never_metadata() -> None:
    letter = ("当前位置：首页 > 建议提案 > 人大建议\n上一篇：关于第54号建议的答复（A类）\n"
              "下一篇：关于第56号建议的答复\n浏览次数：99\n打印正文\n\n王五代表：\n\n您的建议收悉。\n")
    result = extract(letter)
    assert (result.fields["number"], result.fields["category"]) == (None, None)
    assert result.body == "王五代表：\n\n您的建议收悉。"


def test_docx_letter(tmp_path: Path) -> None:
    document = Document()
    for text in ("某某县交通运输局关于县九届政协一次会议第23号提案的答复", "",
                 "尊敬的吴昊委员：", "您提出的提案收悉，现答复如下：",
                 "我局已在城区新增停车泊位 300 个。", "某某县交通运输局", "2022年3月15日"):
        document.add_paragraph(text)
    table = document.add_table(rows=2, cols=6)
    for cell, text in zip(table.rows[0].cells, ("提案题目", "关于规范城区停车管理的提案")):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ("满意", "□", "基本满意", "☑", "不满意", "□")):
        cell.text = text
    path = tmp_path / "letter.docx"
    document.save(str(path))
    result = extract(read_document(path))
    assert {k: v for k, v in result.fields.items() if v} == dict(
        kind="提案", session="县九届政协一次会议", number="23", title="关于规范城区停车管理的提案",
        proposers=["吴昊"], unit="某某县交通运输局", reply_date=dt.date(2022, 3, 15),
        satisfaction="基本满意")
    assert result.body == "尊敬的吴昊委员：\n\n您提出的提案收悉，现答复如下：\n\n我局已在城区新增停车泊位300个。"


def test_gbk_text_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes("尊敬的程伟川代表：\n\n您的建议收悉。\n".encode("gbk"))
    assert read_document(path) == "尊敬的程伟川代表：\n\n您的建议收悉。\n"


def test_unsupported_document_type(tmp_path: Path) -> None:
    path = tmp_path / "letter.wps"
    path.write_bytes(b"\xd0\xcf")
    with pytest.raises(DocumentError, match="^不支持的文件类型“.wps”：请先另存为 PDF、网页（.html）、.docx、.txt 或 .md$"):
        read_document(path)


@pytest.mark.parametrize("value, written", [
    ("55", '"55"'), ("330100", '"330100"'), ("yes", '"yes"'), ("a: b", '"a: b"'),
    ("关于进一步优化我区营商环境的几点建议", "关于进一步优化我区营商环境的几点建议"),
    ("新建区政数局 83098603", "新建区政数局 83098603"), (dt.date(2023, 7, 17), "2023-07-17"),
])
def test_scalars_are_quoted_only_where_yaml_would_change_them(value: object, written: str) -> None:
    assert scalar(value) == written


def test_list_items_with_commas_are_quoted() -> None:
    text = render_reply({"cc": ["甲, 乙", "丙"], "kind": "建议"}, "")
    assert "cc: [\"甲, 乙\", 丙]" in text
    assert yaml.safe_load(text.split("---\n")[1])["cc"] == ["甲, 乙", "丙"]


def test_heading_split_over_lines_boxes_before_labels_and_trailing_notes() -> None:
    letter = ("南昌市新建区住房和城乡建设局\n新建提复字〔2023〕8号          签发人：李明\n"
              "关于区十八届人大二次会议\n第101号建议的答复\n尊敬的黄河代表：\n"
              "　　您提出的《关于加快推进老旧小区改造的建议》已收悉，现答复如下：\n"
              "　　一、工作进展\n　　2023年我区计划改造老旧小区 42 个。\n"
              "南昌市新建区住房和城乡建设局\n2023年6月30日\n（此件公开发布）\n"
              '<input checked="checked" type="checkbox"/>满意 <input type="checkbox"/>基本满意 '
              '<input type="checkbox"/>不满意\n')
    result = extract(letter)
    assert (result.fields["session"], result.fields["number"], result.fields["satisfaction"]) == (
        "区十八届人大二次会议", "101", "满意")
    assert result.body == ("尊敬的黄河代表：\n\n您提出的《关于加快推进老旧小区改造的建议》已收悉，"
                           "现答复如下：\n\n一、工作进展\n\n2023年我区计划改造老旧小区42个。")


def test_joint_signature_takes_the_first_unit_and_says_so() -> None:
    result = extract("民革新建区支部：\n\n贵支部提出的提案收悉。\n\n"
                     "新建区发展和改革委员会  新建区工业和信息化局\n2023年7月1日\n")
    assert result.fields["unit"] == "新建区发展和改革委员会"
    assert result.fields["co_units"] is None
    assert result.notes == ["落款有多个单位（新建区发展和改革委员会、新建区工业和信息化局），"
                            "已取第一个作为主办单位，其余如为协办单位请填入 co_units"]


def test_spaced_out_signature_and_co_units_label() -> None:
    result = extract("王五代表：\n\n您的建议收悉。\n\n新 建 区 民 政 局\n2023年7月1日\n"
                     "协办单位：区财政局、区卫健委\n")
    assert (result.fields["unit"], result.fields["co_units"]) == ("新建区民政局", ["区财政局", "区卫健委"])


def test_site_banner_is_not_the_unit() -> None:
    result = extract("新建区人民政府\n首页 > 政务公开\n关于第9号建议的答复\n\n王五代表：\n\n"
                     "您的建议收悉。\n\n新建区民政局\n2023年7月1日\n")
    assert result.fields["unit"] == "新建区民政局"


@pytest.mark.parametrize("line, dropped", [
    ("当前位置：首页 > 政务公开 > 建议提案", True),
    ("首页>政务公开>建议提案", True),
    ("【打印本页】【关闭窗口】", True),
    ("打印正文", True),
    ("【上一篇】关于第54号建议的答复", True),
    ("下一篇：关于第56号建议的答复", True),
    ("浏览次数：256", True),
    ("发布时间：2023-08-01 10:20 来源：区应急管理局", True),
    ("版权所有：新建区人民政府 技术支持：某公司", True),
    ("群众扫一扫即可在手机上办理各类业务，极大方便了群众办事，受到广泛好评。", False),
    ("全区图书馆阅读量提升20%。", False),
    ("为企业提供技术支持。", False),
])
def test_page_furniture_lines(line: str, dropped: bool) -> None:
    from replysite.importer.clean import is_furniture
    assert is_furniture(line) is dropped
