"""The privacy guard: mobile numbers, resident ID numbers, bank card numbers and personal e-mail
addresses in every spelling staff meet, and no alarm on the numbers a reply is full of."""

from __future__ import annotations

import time

import pytest

from replysite.reading.privacy import (PrivacyHit, _might_hold_email, find_in_fields,
                                       find_private_details, id_checksum_ok, normalise)
from replysite.reading.private_numbers import credit_code_ok, id15_ok, id18_ok, luhn_ok

MOBILE_MESSAGE = ("疑似个人手机号码 138****5678：答复中不得公开代表或群众的个人联系方式，请删除或改为单位办公电话；"
                  "如确属单位公开的电话，经审核后在 privacy_allow 中列出")
ID_MESSAGE = ("疑似居民身份证号码 110105********002X：答复中不得公开代表或群众的身份证号码，请删除；"
              "如经审核确需公开，在 privacy_allow 中列出")
ID15_MESSAGE = ("疑似居民身份证号码 110105******002：答复中不得公开代表或群众的身份证号码，请删除；"
                "如经审核确需公开，在 privacy_allow 中列出")
CARD_MESSAGE = ("疑似个人银行卡号 6222***********0128：答复中不得公开个人银行卡号或账号，请删除；"
                "如确属单位公开的收款账号，经审核后在 privacy_allow 中列出")
EMAIL_MESSAGE = ("疑似个人电子邮箱 zh***@qq.com：答复中不得公开代表或群众的个人联系方式，请删除或改为单位邮箱；"
                 "如确属单位公开的邮箱，经审核后在 privacy_allow 中列出")
VALID_ID = "11010519491231002X"  # the GB 11643 standard's own example
ID15 = "110105491231002"  # the same person's 15-digit number (born 1949-12-31)
CARD = "6222021234567890128"  # UnionPay prefix, 19 digits, Luhn check digit right

# Every way a mobile number reaches a reply: (text, the value reported).
MOBILE_FORMS = [
    ("联系电话：13812345678", "13812345678"),
    ("张三（13812345678）", "13812345678"),
    ("手机 138 1234 5678。", "138 1234 5678"),
    ("手机138-1234-5678", "138-1234-5678"),
    ("手机 1381-234-5678", "1381-234-5678"),  # 4-3-4
    ("手机 138 12345678", "138 12345678"),  # 3-8
    ("手机 1381234 5678", "1381234 5678"),  # 7-4
    ("手机 138.1234.5678", "138.1234.5678"),
    ("手机 138/1234/5678", "138/1234/5678"),
    ("手机 138 - 1234 - 5678", "138 - 1234 - 5678"),
    ("手机 138\u20101234\u20105678", "138\u20101234\u20105678"),  # ‐ hyphen
    ("手机 138\u20111234\u20115678", "138\u20111234\u20115678"),  # ‑ non-breaking hyphen
    ("手机 138\u20121234\u20125678", "138\u20121234\u20125678"),  # ‒ figure dash
    ("手机 138–1234–5678", "138–1234–5678"),  # en dash
    ("手机 138—1234—5678", "138—1234—5678"),  # em dash
    ("手机 138―1234―5678", "138―1234―5678"),  # horizontal bar
    ("手机 138－1234－5678", "138-1234-5678"),  # full-width hyphen-minus
    ("手机 138﹣1234﹣5678", "138﹣1234﹣5678"),  # small hyphen-minus
    ("手机 138−1234−5678", "138−1234−5678"),  # minus sign
    ("手机 138\u30001234\u30005678", "138\u30001234\u30005678"),  # ideographic space
    ("手机 138\u00a01234\u00a05678", "138\u00a01234\u00a05678"),  # no-break space
    ("手机 138\u20021234\u202f5678", "138\u20021234\u202f5678"),  # en space, narrow no-break space
    ("手机 138\t1234\t5678", "138\t1234\t5678"),
    ("手机 138\u200b1234\u200b5678", "13812345678"),  # zero-width space: ignored
    ("手机 1\u200c38\u200d1234\u20605678\ufeff", "13812345678"),  # other zero-width characters
    ("电话 138\n1234\n5678，", "138\n1234\n5678"),  # wrapped over lines
    ("电话 138\n    1234 5678", "138\n    1234 5678"),  # wrapped with indentation
    ("电话 1381234-\n5678", "1381234-\n5678"),
    ("电话８６１３８１２３４５６７８", "8613812345678"),
    ("电话 8613812345678", "8613812345678"),
    ("电话 86 138 1234 5678", "86 138 1234 5678"),
    ("电话+86 13812345678", "+86 13812345678"),
    ("电话+8613812345678", "+8613812345678"),
    ("电话 +86-138-1234-5678", "+86-138-1234-5678"),
    ("电话 ＋86 138 1234 5678", "+86 138 1234 5678"),  # full-width plus
    ("电话 (+86)13812345678", "(+86)13812345678"),
    ("电话（+86）138-1234-5678", "（+86）138-1234-5678"),
    ("电话 0086 13812345678", "0086 13812345678"),
    ("电话 0086-138-1234-5678", "0086-138-1234-5678"),
    ("电话 008613812345678", "008613812345678"),
    ("电话１３８１２３４５６７８", "13812345678"),  # full-width digits
    ("电话１３８ １２３４ ５６７８", "138 1234 5678"),
    ("Tel:13812345678", "13812345678"),
    ("wx13812345678", "13812345678"),  # a WeChat id made of the number is the number
]


@pytest.mark.parametrize("text, value", MOBILE_FORMS)
def test_mobile_number_in_every_form_is_reported_masked(text: str, value: str) -> None:
    assert find_private_details(text) == [PrivacyHit(1, "mobile", value, MOBILE_MESSAGE)]


@pytest.mark.parametrize("number, masked", [
    ("13012345678", "130****5678"), ("15999990000", "159****0000"), ("19912340000", "199****0000"),
])
def test_every_mobile_prefix_from_13_to_19_is_masked(number: str, masked: str) -> None:
    [hit] = find_private_details(number)
    assert hit.message.startswith(f"疑似个人手机号码 {masked}：")
    assert hit.found == f"疑似个人手机号码 {masked}"


ID_FORMS = [
    f"身份证号：{VALID_ID}",
    f"身份证号：{VALID_ID.lower()}",
    "身份证号：110105 19491231 002X",
    "身份证号：110105 1949 1231 002X",
    "身份证号：110105-19491231-002x",
    "身份证号：１１０１０５１９４９１２３１００２Ｘ",
    "身份证号：１１０１０５　１９４９１２３１　００２ｘ",
    "身份证号：110105\u200b19491231002X",
    "身份证号：110105\n19491231002X",
]


@pytest.mark.parametrize("text", ID_FORMS)
def test_18_digit_id_number_in_every_form_is_reported(text: str) -> None:
    [hit] = find_private_details(text)
    assert (hit.kind, hit.message) == ("id_number", ID_MESSAGE)


@pytest.mark.parametrize("text", [
    f"旧身份证号 {ID15}", "旧身份证号 110105 491231 002", "旧身份证号 １１０１０５４９１２３１００２",
])
def test_15_digit_id_number_is_reported(text: str) -> None:
    assert find_private_details(text) == [PrivacyHit(1, "id_number", text[6:].translate(
        str.maketrans("０１２３４５６７８９", "0123456789")), ID15_MESSAGE)]


@pytest.mark.parametrize("text, value", [
    (f"账户 {CARD}", CARD),
    ("卡号 6222 0212 3456 7890 128", "6222 0212 3456 7890 128"),
    ("6222-0212-3456-7890-128", "6222-0212-3456-7890-128"),
    ("６２２２０２１２３４５６７８９０１２８", CARD),
])
def test_bank_card_number_is_reported(text: str, value: str) -> None:
    assert find_private_details(text) == [PrivacyHit(1, "bank_card", value, CARD_MESSAGE)]


@pytest.mark.parametrize("number", [
    "4111111111111111",  # Visa
    "4111 1111 1111 1111",
    "5454545454545454",  # Mastercard
    "3530111333300000",  # JCB
    "622202123456789012",  # 18-digit UnionPay
    "9558812345678901237",  # a 9558 domestic card
    "6200001234567890128",
])
def test_card_numbers_with_an_issuer_prefix_need_no_context(number: str) -> None:
    assert [h.kind for h in find_private_details(f"号码 {number}")] == ["bank_card"]


def test_a_card_number_without_issuer_prefix_needs_a_word_nearby() -> None:
    number = "812345678901234562"  # passes Luhn, starts with 8
    assert find_private_details(f"编号 {number}") == []
    for text in (f"开户行新建区农商银行，账号 {number}", f"{number}（开户行：新建区农商银行）",
                 f"银行卡：{number}", f"Card No. {number}"):
        assert [h.kind for h in find_private_details(text)] == ["bank_card"], text


EMAIL_FORMS = [
    "zhangsan@qq.com", "zhangsan＠qq.com", "zhangsan @ qq.com", "zhangsan[at]qq.com",
    "zhangsan [at] qq.com", "zhangsan(at)qq.com", "zhangsan（at）qq.com", "zhangsan【at】qq.com",
    "zhangsan{at}qq.com", "zhangsan at qq.com", "zhangsan AT qq.com", "zhangsan#qq.com",
    "zhangsan＃qq.com", "zhangsan[at]qq[dot]com", "zhangsan(at)qq(dot)com", "zhangsan at qq dot com",
    "zhangsan@qq．com", "ｚｈａｎｇｓａｎ＠ｑｑ．ｃｏｍ", "zhang\u200bsan@qq.com",
]


@pytest.mark.parametrize("spelling", EMAIL_FORMS)
def test_personal_email_in_every_spelling_is_reported(spelling: str) -> None:
    [hit] = find_private_details(f"邮箱：{spelling}，欢迎来信。")
    assert (hit.kind, hit.message) == ("email", EMAIL_MESSAGE)


@pytest.mark.parametrize("address", [
    "zhangsan@qq.com", "zhangsan@vip.qq.com", "zhangsan@163.com", "zhangsan@126.com",
    "zhangsan@sina.com", "zhangsan@gmail.com", "zhangsan@hotmail.com", "zhangsan@outlook.com",
    "zhangsan@foxmail.com", "zhangsan@yeah.net", "zhangsan@139.com", "zhangsan@sohu.com",
    "zhangsan@aliyun.com", "zhangsan@QQ.COM",
])
def test_every_public_mail_domain_is_reported(address: str) -> None:
    [hit] = find_private_details(f"邮箱：{address}。")
    assert (hit.kind, hit.value) == ("email", address)
    domain = address.split("@")[1]
    assert hit.message == EMAIL_MESSAGE.replace("@qq.com", f"@{domain}")


def test_an_address_ends_where_the_public_domain_ends() -> None:
    [hit] = find_private_details("邮箱 zhangsan@qq.com.下一句")
    assert hit.value == "zhangsan@qq.com"


@pytest.mark.parametrize("address", [
    "xjzsj@xinjian.gov.cn", "office@nc.gov.cn", "service@example.org.cn", "info@xinjian-bank.com",
    "xjzsj[at]xinjian.gov.cn",
])
def test_office_email_addresses_are_allowed(address: str) -> None:
    assert find_private_details(f"邮箱：{address}") == []


NO_FALSE_ALARM = [
    "联系单位及电话：新建区政数局 83098603",
    "联系电话：0791-83098603",
    "联系电话：（0791）83098603",
    "联系电话：(0791)83098603",
    "联系电话：0791 8309 8603",
    "联系电话：010-12345678 转 8001",
    "请拨打政务服务便民热线 12345、消费者投诉热线 12315",
    "客服电话 400-123-4567，银行客服 95588",
    "邮政编码 330100，电话 0791-83098603",
    "邮编：330100 0791-83098603",
    "总投资 1,234,567.89 元",
    "金额 13,812,345,678 元",
    "资金 11451.84万元，惠及 102230户",
    "办件量 227680，好评率 99.99%，增长 13.8%",
    "金额 1.3812345678 亿元",
    "比例 0.13812345678",
    "合计 13812345678.50 元",
    "2023年7月17日",
    "2023-07-17、2023/07/17、2023.07.17、20230717",
    "2019 2020 2021 2022 2023",
    "2019—2023年",
    "新政数提复字〔2023〕1号",
    "赣府办字〔2023〕138号",
    "统一社会信用代码 91360100MA35XXXXXX",
    "统一社会信用代码 91360122MA38L7XY3K",
    "统一社会信用代码 911101080828461726",  # all digits, GB 32100 check right
    "社会组织代码 513601005000000368",  # all digits, passes Luhn too, starts like a Mastercard
    "项目代码 20230512000123456789",
    "流水号 2023051200012345",
    "编号 12345678901",  # starts with 12: not a mobile
    "订单号 213812345678",  # a mobile-looking slice of a longer run of digits
    "流水号 13812345678901",
    "1381234567",  # ten digits
    "110105194912310021",  # an ID number with a wrong check character
    "11010519491231002X5",  # part of a longer run
    "A11010519491231002X",
    "110105191313010016",  # check character right, no such birth date
    "910105491231002",  # 15 digits, no such area code
    "110105491331002",  # 15 digits, no such birth date
    "4111111111111112",  # Luhn wrong
    "IP 192.168.100.200",
    "版本 1.2.3.4",
    '<svg viewBox="0 0 24 24"><path d="M12 2C6.47 2 2 6.47 2 12s4.47 10 10 10 10-4.47 10-10S17.53 2 12 2"/>',
    "坐标 138 12 345 678",
    "138 1234 567",  # ten digits in groups
    "13 812 345 678",  # a group of two never joins
    "1 3812 3456 78",
    "表中数字 1234\n\n5678 138",
    "## 一、基本情况",
    "look at this: #1",
]


@pytest.mark.parametrize("text", NO_FALSE_ALARM)
def test_no_false_alarm(text: str) -> None:
    assert find_private_details(text) == []


def test_mobile_number_used_as_mailbox_name_is_reported_once() -> None:
    assert [(h.kind, h.value) for h in find_private_details("13812345678@163.com")] == [
        ("email", "13812345678@163.com")]


def test_two_numbers_side_by_side_are_two_hits() -> None:
    hits = find_private_details("电话 0791-83098603 13812345678 13912345678")
    assert [h.value for h in hits] == ["13812345678", "13912345678"]
    hits = find_private_details("138 1234 5678 139 1234 5678")
    assert [h.value for h in hits] == ["138 1234 5678", "139 1234 5678"]


def test_lines_are_one_based_and_hits_in_reading_order() -> None:
    text = (f"尊敬的张三代表：\n\n电话 zhangsan@qq.com 或 138\n1234 5678\n身份证 {VALID_ID}\n"
            f"账户 {CARD}")
    assert [(h.line, h.kind) for h in find_private_details(text)] == [
        (3, "email"), (3, "mobile"), (5, "id_number"), (6, "bank_card")]


def test_fields_are_checked_together_and_named() -> None:
    fields = [("title", "关于停车的建议"), ("session", "第二次会议 138 1234"), ("number", "5678"),
              ("proposers", "张伟"), ("proposers", "李娜 139-1234-5678"),
              ("contact", "区政数局 83098603\n张伟 zhangwei@qq.com")]
    assert [(name, h.line, h.kind, h.value) for name, h in find_in_fields(fields)] == [
        ("proposers", 1, "mobile", "139-1234-5678"), ("contact", 2, "email", "zhangwei@qq.com")]


@pytest.mark.parametrize("allow", [
    ["13812345678"], ["138-1234-5678"], ["138 1234 5678"], ["+86 138 1234 5678"], ["１３８１２３４５６７８"],
])
def test_allowed_mobile_numbers_are_not_reported_in_any_spelling(allow: list[str]) -> None:
    assert find_private_details("热线 138-1234-5678；13812345678；+86 138.1234.5678", allow) == []


def test_allow_only_covers_the_listed_values() -> None:
    text = f"13812345678 13912345678 ZhangSan@QQ.com lisi[at]qq.com {VALID_ID} {CARD}"
    allow = ["13812345678", "zhangsan@qq.com", "LiSi@qq.com", VALID_ID.lower(), "6222 0212 3456 7890 128"]
    assert [h.value for h in find_private_details(text, allow)] == ["13912345678"]


def test_the_cheap_email_test_never_hides_an_address() -> None:
    for spelling in EMAIL_FORMS:
        assert _might_hold_email(normalise(f"邮箱：{spelling}。")), spelling
    assert not _might_hold_email("尊敬的代表：2023年共办理 138 件，满意率 99.5%。## 一、")


# Long runs of what the patterns look for (digits, separators, at-spellings): each must be read
# in one pass. How long they take is measured by benchmarks/privacy_bench.py (recorded in
# BENCHMARKS.md), not asserted here; the test checks what they are found to hold.
ADVERSARIAL = [
    ("1 ", 50_000, 0), ("123 ", 30_000, 0), ("1234-", 30_000, 0), ("1", 200_000, 0), ("a", 200_000, 0),
    ("a.", 100_000, 0), ("a at ", 40_000, 0), ("x[at]", 40_000, 0), ("138 1234 ", 10_000, 0), ("9\n", 100_000, 0),
    ("a@b.", 50_000, 0), ("12345678901 ", 10_000, 0),
]


@pytest.mark.parametrize("piece, times, hits", ADVERSARIAL, ids=lambda value: repr(value)[:12])
def test_long_adversarial_texts_hold_no_private_details(piece: str, times: int, hits: int) -> None:
    assert len(find_private_details(piece * times + "@")) == hits


def test_checksums() -> None:
    assert id_checksum_ok(VALID_ID) and id18_ok(VALID_ID)
    assert id_checksum_ok("440524188001010014")
    assert not id_checksum_ok("440524188001010015")
    assert not id_checksum_ok("4405241880010100")
    assert id15_ok(ID15) and not id15_ok("110105490231002")  # no 31 February
    assert luhn_ok(CARD) and not luhn_ok("6222021234567890127")
    assert credit_code_ok("91350100M000100Y43") and not credit_code_ok("91350100M000100Y44")
