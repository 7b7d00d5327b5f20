"""The privacy guard: private contact details that must not be published in a reply.

Rules on publishing replies exclude deputies' and citizens' private contact details. This module
finds mainland mobile numbers, 18-digit resident ID numbers with a valid GB 11643 checksum and
personal e-mail addresses (public-mailbox domains). Office landlines (83098603, 0791-83098603,
12345) and office mailboxes (gov.cn or any organisational domain) are not reported. A reviewed
exception is passed in `allow` (the reply's `privacy_allow` list).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

# Full-width digits and letters count as their ASCII forms (1:1, so offsets do not move).
_FULLWIDTH = str.maketrans(
    {**{chr(0xFF10 + i): str(i) for i in range(10)},
     **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
     **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},
     "\uff0b": "+", "\uff0d": "-", "\uff20": "@", "\uff0e": "."})

# 1[3-9]x + 8 digits, grouped 3-4-4 by optional spaces/dashes, optional +86/0086 prefix;
# never a slice of a longer run of digits.
MOBILE_RE = re.compile(r"(?<![\d.])(?:(?:\+|00)86[ \t-]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?![\d])")
ID_RE = re.compile(r"(?<![0-9A-Za-z])[1-9]\d{16}[0-9Xx](?![0-9A-Za-z])")
EMAIL_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._%+-]*@((?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,})")

PUBLIC_MAIL_DOMAINS = frozenset({
    "qq.com", "vip.qq.com", "foxmail.com", "163.com", "vip.163.com", "126.com", "vip.126.com",
    "yeah.net", "188.com", "sina.com", "sina.cn", "vip.sina.com", "sohu.com", "139.com",
    "189.cn", "wo.cn", "aliyun.com", "tom.com", "21cn.com", "gmail.com", "hotmail.com",
    "outlook.com", "live.com", "msn.com", "yahoo.com", "yahoo.com.cn", "icloud.com", "me.com",
})

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK_CODES = "10X98765432"


@dataclass(frozen=True)
class PrivacyHit:
    line: int  # 1-based line within the text that was checked
    kind: str  # "mobile" | "id_number" | "email"
    value: str  # as written in the text
    message: str  # Chinese, with the value masked


def id_checksum_ok(number: str) -> bool:
    """GB 11643-1999: the 18th character is the ISO 7064 MOD 11-2 check of the first 17."""
    if len(number) != 18 or not number[:17].isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(number[:17], ID_WEIGHTS))
    return ID_CHECK_CODES[total % 11] == number[17].upper()


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def mask_mobile(value: str) -> str:
    digits = _digits(value)[-11:]
    return f"{digits[:3]}****{digits[-4:]}"


def mask_id(value: str) -> str:
    return f"{value[:6]}{'*' * 8}{value[-4:].upper()}"


def mask_email(value: str) -> str:
    local, _, domain = value.partition("@")
    shown = local[:2] if len(local) > 2 else local[:1]
    return f"{shown}***@{domain}"


def is_public_mail_domain(domain: str) -> bool:
    domain = domain.lower()
    return any(domain == d or domain.endswith("." + d) for d in PUBLIC_MAIL_DOMAINS)


def _allowed(kind: str, value: str, allow: set[str]) -> bool:
    if kind == "email":
        return value.lower() in allow
    if kind == "id_number":
        return value.upper() in allow
    digits = _digits(value)[-11:]
    return value in allow or digits in allow


def _normalise_allow(allow: Iterable[str]) -> set[str]:
    result: set[str] = set()
    for item in allow:
        text = str(item).strip().translate(_FULLWIDTH)
        result.update({text, text.lower(), text.upper()})
        if re.fullmatch(r"[\d\s+-]+", text):
            result.add(_digits(text)[-11:])
    return result


Hit = tuple[str, str, int]  # kind, value as written, offset in the text


def mobile_hits(text: str) -> list[Hit]:
    """Mainland mobile numbers: 13812345678, 138 1234 5678, 138-1234-5678, +86 138…."""
    return [("mobile", m.group(0), m.start()) for m in MOBILE_RE.finditer(text)]


def id_number_hits(text: str) -> list[Hit]:
    """18-digit resident ID numbers whose GB 11643 check character is right."""
    return [("id_number", m.group(0), m.start()) for m in ID_RE.finditer(text)
            if id_checksum_ok(m.group(0))]


def email_hits(text: str) -> list[Hit]:
    """E-mail addresses on public-mailbox domains (qq.com, 163.com, gmail.com, …)."""
    return [("email", m.group(0), m.start()) for m in EMAIL_RE.finditer(text)
            if is_public_mail_domain(m.group(1))]


def message_for(kind: str, value: str) -> str:
    if kind == "mobile":
        return (f"疑似个人手机号码 {mask_mobile(value)}：答复中不得公开代表或群众的个人联系方式；"
                "如确属单位公开电话，请在 privacy_allow 中列出")
    if kind == "id_number":
        return (f"疑似居民身份证号码 {mask_id(value)}：答复中不得公开代表或群众的身份证号码；"
                "如经审核确需公开，请在 privacy_allow 中列出")
    return (f"疑似个人电子邮箱 {mask_email(value)}：答复中不得公开代表或群众的个人联系方式；"
            "如确属单位公开邮箱，请在 privacy_allow 中列出")


# Every mobile or ID number holds three digits, at most one separator, then four more: one
# cheap scan before the precise patterns (a single run of character classes: five times
# faster on a long body than an alternation). ASCII and full-width digits are the ones Chinese
# text uses; `_NEEDS_WIDTH_FIX` below turns full-width ones into ASCII for the precise patterns.
_CANDIDATE = re.compile("[0-9\uff10-\uff19]{3}[ \t\\-\uff0d]?[0-9\uff10-\uff19]{4}")
_NEEDS_WIDTH_FIX = re.compile("[\uff0b\uff0d\uff0e\uff10-\uff19\uff20-\uff3a\uff41-\uff5a]")


def find_private_details(text: str, allow: Iterable[str] = ()) -> list[PrivacyHit]:
    """Every private contact detail in `text`, in reading order, minus the allowed values.

    The patterns run over the whole text at once (this runs on every reply of the archive on
    every check); a hit's line is found from its offset.
    """
    # The common case, decided in one scan: no run of digits long enough for a phone or ID
    # number (`\d` also matches full-width digits) and no @ sign.
    if "@" not in text and "\uff20" not in text and not _CANDIDATE.search(text):
        return []
    if _NEEDS_WIDTH_FIX.search(text):
        text = text.translate(_FULLWIDTH)
    found = id_number_hits(text) + email_hits(text)
    if found or MOBILE_RE.search(text):
        # A mobile number inside an e-mail address (13812345678@qq.com) is reported once.
        emails = " ".join(v for k, v, _ in found if k == "email")
        found += [hit for hit in mobile_hits(text) if hit[1] not in emails]
    if not found:
        return []
    allowed = _normalise_allow(allow)
    hits = []
    for kind, value, start in sorted(found, key=lambda hit: hit[2]):
        if not _allowed(kind, value, allowed):
            line = text.count("\n", 0, start) + 1
            hits.append(PrivacyHit(line, kind, value, message_for(kind, value)))
    return hits
