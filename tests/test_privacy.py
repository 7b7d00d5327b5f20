"""The privacy guard: mobile numbers, resident ID numbers, personal e-mail addresses."""

from __future__ import annotations

import pytest

from replysite.reading.privacy import PrivacyHit, find_private_details, id_checksum_ok

MOBILE_MESSAGE = ("疑似个人手机号码 138****5678：答复中不得公开代表或群众的个人联系方式；"
                  "如确属单位公开电话，请在 privacy_allow 中列出")
ID_MESSAGE = ("疑似居民身份证号码 110105********002X：答复中不得公开代表或群众的身份证号码；"
              "如经审核确需公开，请在 privacy_allow 中列出")
EMAIL_MESSAGE = ("疑似个人电子邮箱 zh***@qq.com：答复中不得公开代表或群众的个人联系方式；"
                 "如确属单位公开邮箱，请在 privacy_allow 中列出")
VALID_ID = "11010519491231002X"  # the GB 11643 standard's own example


@pytest.mark.parametrize("text, value", [
    ("联系电话：13812345678", "13812345678"),
    ("手机 138 1234 5678。", "138 1234 5678"),
    ("手机138-1234-5678", "138-1234-5678"),
    ("电话+86 13812345678", "+86 13812345678"),
    ("电话 +86-138-1234-5678", "+86-138-1234-5678"),
    ("电话 0086 13812345678", "0086 13812345678"),
    ("电话１３８１２３４５６７８", "13812345678"),  # full-width digits
    ("张三（13812345678）", "13812345678"),
])
def test_mobile_numbers_are_reported_with_masked_message(text: str, value: str) -> None:
    assert find_private_details(text) == [PrivacyHit(1, "mobile", value, MOBILE_MESSAGE)]


@pytest.mark.parametrize("number, masked", [
    ("13012345678", "130****5678"), ("15999990000", "159****0000"), ("19912340000", "199****0000"),
])
def test_every_mobile_prefix_from_13_to_19_is_masked(number: str, masked: str) -> None:
    [hit] = find_private_details(number)
    assert hit.message.startswith(f"疑似个人手机号码 {masked}：")


@pytest.mark.parametrize("text", [
    "联系单位及电话：新建区政数局 83098603",
    "联系电话：0791-83098603",
    "联系电话：（0791）83098603",
    "请拨打政务服务便民热线 12345",
    "编号 12345678901",  # starts with 12: not a mobile
    "订单号 213812345678",  # a mobile-looking slice of a longer run of digits
    "流水号 13812345678901",
    "1381234567",  # ten digits
    "办件量 227680，好评率 99.99%",
    "金额 1.3812345678 亿元",
])
def test_office_lines_and_other_numbers_are_not_reported(text: str) -> None:
    assert find_private_details(text) == []


def test_resident_id_with_valid_checksum_is_reported() -> None:
    assert find_private_details(f"身份证号：{VALID_ID}") == [
        PrivacyHit(1, "id_number", VALID_ID, ID_MESSAGE)]
    assert find_private_details(f"身份证号：{VALID_ID.lower()}")[0].message == ID_MESSAGE


@pytest.mark.parametrize("text", [
    "110105194912310021",  # wrong check character
    "11010519491231002X5",  # part of a longer run
    "A11010519491231002X",
])
def test_id_like_numbers_without_a_valid_checksum_are_not_reported(text: str) -> None:
    assert find_private_details(text) == []


def test_id_checksum() -> None:
    assert id_checksum_ok(VALID_ID)
    assert id_checksum_ok("440524188001010014")
    assert not id_checksum_ok("440524188001010015")
    assert not id_checksum_ok("4405241880010100")


@pytest.mark.parametrize("address", [
    "zhangsan@qq.com", "zhangsan@vip.qq.com", "zhangsan@163.com", "zhangsan@126.com",
    "zhangsan@sina.com", "zhangsan@gmail.com", "zhangsan@hotmail.com", "zhangsan@outlook.com",
    "zhangsan@foxmail.com", "zhangsan@yeah.net", "zhangsan@139.com", "zhangsan@sohu.com",
    "zhangsan@aliyun.com", "zhangsan@QQ.COM",
])
def test_personal_email_addresses_are_reported(address: str) -> None:
    [hit] = find_private_details(f"邮箱：{address}。")
    assert (hit.kind, hit.value) == ("email", address)
    domain = address.split("@")[1]
    assert hit.message == EMAIL_MESSAGE.replace("@qq.com", f"@{domain}")


@pytest.mark.parametrize("address", [
    "xjzsj@xinjian.gov.cn", "office@nc.gov.cn", "service@example.org.cn", "info@xinjian-bank.com",
])
def test_office_email_addresses_are_allowed(address: str) -> None:
    assert find_private_details(f"邮箱：{address}") == []


def test_mobile_number_used_as_mailbox_name_is_reported_once() -> None:
    assert [(h.kind, h.value) for h in find_private_details("13812345678@163.com")] == [
        ("email", "13812345678@163.com")]


def test_lines_are_one_based_and_hits_in_reading_order() -> None:
    text = f"尊敬的张三代表：\n\n电话 zhangsan@qq.com 或 13812345678\n身份证 {VALID_ID}\n"
    assert [(h.line, h.kind) for h in find_private_details(text)] == [
        (3, "email"), (3, "mobile"), (4, "id_number")]


@pytest.mark.parametrize("allow", [
    ["13812345678"], ["138-1234-5678"], ["138 1234 5678"],
])
def test_allowed_mobile_numbers_are_not_reported_in_any_spelling(allow: list[str]) -> None:
    assert find_private_details("热线 138-1234-5678；13812345678", allow) == []


def test_allow_only_covers_the_listed_values() -> None:
    text = f"13812345678 13912345678 ZhangSan@QQ.com {VALID_ID}"
    hits = find_private_details(text, ["13812345678", "zhangsan@qq.com", VALID_ID.lower()])
    assert [h.value for h in hits] == ["13912345678"]


def test_the_cheap_first_scan_never_hides_a_number_the_precise_patterns_find() -> None:
    """`_CANDIDATE` decides whether the precise patterns run at all: every spelling of a mobile
    or ID number they match (separators, +86, full-width digits) must pass it."""
    import itertools

    from replysite.reading.privacy import _CANDIDATE, _FULLWIDTH, ID_RE, MOBILE_RE

    full = str.maketrans("0123456789-+", "０１２３４５６７８９－＋")
    texts = []
    for prefix, sep in itertools.product(("", "+86", "+86 ", "0086-", "电话"), ("", " ", "-")):
        texts.append(f"{prefix}138{sep}1234{sep}5678号")
    texts += ["身份证110101199003074514。", "11010119900307451X", "x1[3-9]"]
    texts += [t.translate(full) for t in texts]
    precise = 0
    for text in texts:
        fixed = text.translate(_FULLWIDTH)
        if MOBILE_RE.search(fixed) or ID_RE.search(fixed):
            precise += 1
            assert _CANDIDATE.search(text), text
    assert precise == len(texts) - 2  # all but the two spellings of "x1[3-9]"
