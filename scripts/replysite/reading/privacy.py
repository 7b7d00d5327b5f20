"""The privacy guard: private contact details that must not be published.

Rules on publishing replies exclude deputies' and citizens' private contact details. This module
finds, in any text:

- mainland mobile numbers (1[3-9] + 9 digits), also after 86 / +86 / 0086 / (+86);
- 18-digit resident ID numbers (GB 11643 check character, area code, birth date) and the old
  15-digit ones (area code, birth date);
- bank card numbers: 16–19 digits passing the Luhn check, with an issuer prefix (62, 60, 955x,
  4, 51–55, 34/37, 35) or a word such as 卡号, 账号, 开户行 nearby;
- personal e-mail addresses on public-mailbox domains (qq.com, 163.com, gmail.com …), also
  spelled name[at]qq[dot]com, name(at)…, name（at）…, name【at】…, name at …, name＠…, name#….

Numbers are found whatever stands between their digit groups (see `private_numbers`): spaces of
any kind, line breaks, dashes of any kind, dots, slashes; zero-width characters are ignored and
full-width digits read as digits. Office landlines (83098603, 0791-83098603), hotlines (12345,
400-123-4567), postcodes, dates, amounts and serial numbers are not reported, and neither are
office mailboxes (gov.cn or any organisational domain). A reviewed exception is passed in `allow`
(a reply's `privacy_allow` list), matched on the digits of a number or on the address.

Three entry points: `find_private_details` (one text), `find_in_fields` (the fields of one reply
at once) and `scan_output` (a built output file, before it is published).
"""

from __future__ import annotations

import bisect
import gzip
import html
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Sequence
from urllib.parse import unquote

from .private_numbers import id_checksum_ok, number_hits

__all__ = ["PrivacyHit", "find_private_details", "find_in_fields", "scan_output", "output_text",
           "decode_output", "id_checksum_ok", "normalise", "PUBLIC_MAIL_DOMAINS"]

KINDS = {"mobile": "手机号码", "id_number": "居民身份证号码", "bank_card": "银行卡号", "email": "电子邮箱"}

# Full-width digits, letters and the signs used in numbers and addresses read as ASCII (1:1);
# zero-width and other invisible characters are dropped. Neither changes line numbers.
_NORMALISE = str.maketrans(
    {**{chr(0xFF10 + i): str(i) for i in range(10)},
     **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
     **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},
     "\uff0b": "+", "\uff0d": "-", "\uff20": "@", "\uff0e": ".", "\uff0f": "/", "\uff03": "#",
     **{ch: None for ch in "\u00ad\u180e\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff"}})
_NEEDS_NORMALISING = re.compile(
    "[\uff03\uff0b\uff0d-\uff19\uff20-\uff3a\uff41-\uff5a\u00ad\u180e\u200b-\u200d\u2060-\u2064\ufeff]")

PUBLIC_MAIL_DOMAINS = frozenset({
    "qq.com", "vip.qq.com", "foxmail.com", "163.com", "vip.163.com", "126.com", "vip.126.com",
    "yeah.net", "188.com", "sina.com", "sina.cn", "vip.sina.com", "sohu.com", "139.com",
    "189.cn", "wo.cn", "aliyun.com", "tom.com", "21cn.com", "gmail.com", "hotmail.com",
    "outlook.com", "live.com", "msn.com", "yahoo.com", "yahoo.com.cn", "icloud.com", "me.com",
})

_OPEN, _CLOSE = r"[\[(（【{｛]", r"[\])）】}｝]"
_AT = rf"(?:\s*(?:[@#]|{_OPEN}\s*at\s*{_CLOSE})\s*|\s+at\s+)"
_DOT = rf"(?:\s*(?:\.|{_OPEN}\s*dot\s*{_CLOSE})\s*|\s+dot\s+)"
# The local part is taken whole (possessive) and only from its first character (the look-behind):
# on a page of markup, every word is a start, and each must cost one step, not one per letter.
EMAIL_RE = re.compile(rf"([a-z0-9](?<![a-z0-9._%+\-][a-z0-9])[a-z0-9._%+\-]*+){_AT}"
                      rf"([a-z0-9\-]++(?:{_DOT}[a-z0-9\-]++)+)", re.I)
_DOT_RE = re.compile(_DOT, re.I)


@dataclass(frozen=True)
class PrivacyHit:
    line: int  # 1-based line within the text that was checked
    kind: str  # "mobile" | "id_number" | "bank_card" | "email"
    value: str  # as written in the text (full-width characters read as ASCII)
    message: str  # Chinese, with the value masked: what was found, then what to do
    found: str = field(default="", compare=False)  # the first part: 疑似个人手机号码 138****5678


def normalise(text: str) -> str:
    """Full-width digits and letters as ASCII, invisible characters dropped (lines unchanged)."""
    return text.translate(_NORMALISE) if _NEEDS_NORMALISING.search(text) else text


def is_public_mail_domain(domain: str) -> bool:
    domain = domain.lower()
    return any(domain == d or domain.endswith("." + d) for d in PUBLIC_MAIL_DOMAINS)


def _labels(domain: str) -> list[tuple[str, int]]:
    """The labels of a domain as written (qq[dot]com → qq, com), each with its end offset."""
    labels, start = [], 0
    for sep in _DOT_RE.finditer(domain):
        labels.append((domain[start:sep.start()], sep.start()))
        start = sep.end()
    return labels + [(domain[start:], len(domain))]


Found = tuple[str, str, int, str]  # kind, value as written, offset, key (digits or address)


def _email_hits(text: str) -> list[Found]:
    found = []
    for m in EMAIL_RE.finditer(text):
        labels = _labels(m.group(2))
        # The longest leading part that is a public mailbox's domain: qq.com in "qq.com.Next".
        for n in range(len(labels), 1, -1):
            domain = ".".join(label for label, _ in labels[:n])
            if is_public_mail_domain(domain):
                value = text[m.start():m.start(2) + labels[n - 1][1]]
                found.append(("email", value, m.start(), f"{m.group(1)}@{domain}"))
                break
    return found


# An address needs an @ (＠ is normalised), a # or an "at" between brackets or spaces; these
# look for one with fast substring scans, and run EMAIL_RE only when one is there.
_HASH_AT = re.compile(r"#\s*[A-Za-z0-9]")
_WORD_AT = re.compile(rf"(?i)(?:\s|{_OPEN})at(?:\s|{_CLOSE})")  # what _word_at finds, as a pattern
_AT_LETTERS = re.compile(r"[aA][tT]")
_AT_OPEN, _AT_CLOSE = frozenset("[(（【{｛"), frozenset("])）】}｝")


def _word_at(text: str) -> bool:
    """Whether `_WORD_AT` matches: an "at" (any case) between a space or an opening bracket and a
    space or a closing bracket. Markup holds a few "at"s (data-, format …), and a regular
    expression that starts with a class tries every position: this looks at the "at"s only."""
    n = len(text)
    for m in _AT_LETTERS.finditer(text):
        i, j = m.start(), m.end()
        if i and j < n:
            before, after = text[i - 1], text[j]
            if (before.isspace() or before in _AT_OPEN) and (after.isspace() or after in _AT_CLOSE):
                return True
    return False


def _might_hold_email(text: str) -> bool:
    return ("@" in text or "#" in text and _HASH_AT.search(text) is not None
            or ("t" in text or "T" in text) and _word_at(text))


# A SHA-256 checksum (64 hexadecimal characters standing alone, as an attachment's `sha256`
# is written in reply files, pages and exports) is not a number: one in two hundred holds a
# run of digits that looks like a mobile number.
_SHA256_RE = re.compile(r"(?<![0-9A-Za-z])[0-9a-fA-F]{64}(?![0-9A-Za-z])")


def _outside_checksums(text: str, numbers: list[Found]) -> list[Found]:
    spans = [m.span() for m in _SHA256_RE.finditer(text)]
    return [n for n in numbers if not any(a <= n[2] < b for a, b in spans)] if spans else numbers


def _find(text: str) -> list[Found]:
    """Every private detail in normalised text, by offset; a number inside an address is the
    address's (13812345678@qq.com is reported once), a run of digits inside a SHA-256 checksum
    is not a number. The address search runs only where the cheap test finds what every address
    needs (on built pages too: a page of replies holds no @, no # before a letter and no "at"
    word, and EMAIL_RE tries every word of markup)."""
    numbers = list(number_hits(text))
    if numbers:
        numbers = _outside_checksums(text, numbers)
    if not _might_hold_email(text):
        return numbers
    emails = _email_hits(text)
    if emails and numbers:
        spans = [(start, start + len(value)) for _, value, start, _ in emails]
        numbers = [n for n in numbers if not any(a <= n[2] < b for a, b in spans)]
    return sorted(emails + numbers, key=lambda hit: hit[2])


# --- what staff read ---------------------------------------------------------------------------

def mask(kind: str, key: str) -> str:
    if kind == "email":
        local, _, domain = key.partition("@")
        return f"{local[:2] if len(local) > 2 else local[:1]}***@{domain}"
    if kind == "mobile":
        return f"{key[-11:-8]}****{key[-4:]}"
    if kind == "id_number":
        return f"{key[:6]}{'*' * (len(key) - 9 if len(key) == 15 else 8)}{key[-3 if len(key) == 15 else -4:]}"
    return f"{key[:4]}{'*' * (len(key) - 8)}{key[-4:]}"


def found_text(kind: str, key: str) -> str:
    return f"疑似{'' if kind == 'id_number' else '个人'}{KINDS[kind]} {mask(kind, key)}"


ADVICE = {
    "mobile": "答复中不得公开代表或群众的个人联系方式，请删除或改为单位办公电话；"
              "如确属单位公开的电话，经审核后在 privacy_allow 中列出",
    "id_number": "答复中不得公开代表或群众的身份证号码，请删除；如经审核确需公开，在 privacy_allow 中列出",
    "bank_card": "答复中不得公开个人银行卡号或账号，请删除；如确属单位公开的收款账号，经审核后在 privacy_allow 中列出",
    "email": "答复中不得公开代表或群众的个人联系方式，请删除或改为单位邮箱；"
             "如确属单位公开的邮箱，经审核后在 privacy_allow 中列出",
}


def message_for(kind: str, key: str) -> str:
    return f"{found_text(kind, key)}：{ADVICE[kind]}"


# --- reviewed exceptions -----------------------------------------------------------------------

def allowed_keys(allow: Iterable[str]) -> frozenset[str]:
    """The `privacy_allow` entries as the keys hits are compared on: an address in lower case;
    a number as its digits (and a mobile number also without its 86 / 0086 prefix)."""
    keys: set[str] = set()
    for item in allow:
        text = normalise(str(item)).strip()
        keys.add(text.lower())
        for m in EMAIL_RE.finditer(text):
            keys.add(f"{m.group(1)}@{'.'.join(_DOT_RE.split(m.group(2)))}".lower())
        digits = re.sub(r"[^0-9Xx]", "", text).upper()
        if len(digits) >= 11:
            keys.update({digits, digits[-11:]})
    return frozenset(keys)


def _is_allowed(kind: str, key: str, allowed: frozenset[str]) -> bool:
    if kind == "email":
        return key.lower() in allowed
    return key in allowed or (kind == "mobile" and key[-11:] in allowed)


def _hits(text: str, found: list[Found], allow: Iterable[str]) -> list[PrivacyHit]:
    allowed = allowed_keys(allow) if found else frozenset()
    return [PrivacyHit(text.count("\n", 0, start) + 1, kind, value, message_for(kind, key),
                       found_text(kind, key))
            for kind, value, start, key in found if not _is_allowed(kind, key, allowed)]


# --- the entry points --------------------------------------------------------------------------

def find_private_details(text: str, allow: Iterable[str] = ()) -> list[PrivacyHit]:
    """Every private detail in `text`, in reading order, minus the allowed ones.

    A text with no run of three digits and no @, # or t (nothing that could spell an address)
    costs a few fast scans: a few microseconds for a page of text.
    """
    text = normalise(text)
    return _hits(text, _find(text), allow)


def find_in_fields(fields: Sequence[tuple[str, str]], allow: Iterable[str] = ()
                   ) -> list[tuple[str, PrivacyHit]]:
    """The private details of several (name, text) pairs — a reply's front-matter — found in one
    pass over the texts joined by NUL (which never joins digits or an address); each hit with
    the name of its field and its line within that field's text."""
    texts = [text for _, text in fields]
    joined = "\x00".join(texts)
    if _NEEDS_NORMALISING.search(joined):
        texts = [normalise(text) for text in texts]
        joined = "\x00".join(texts)
    found = _find(joined)
    if not found:
        return []
    starts, offset = [], 0
    for text in texts:
        starts.append(offset)
        offset += len(text) + 1
    result = []
    for kind, value, start, key in found:
        i = bisect.bisect_right(starts, start) - 1
        local = start - starts[i]
        for hit in _hits(texts[i], [(kind, value, local, key)], allow):
            result.append((fields[i][0], hit))
    return result


_ENTITY_RE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")
_JSON_ESCAPE_RE = re.compile(r"\\(?:u[0-9a-fA-F]{4}|[nrtbf/\\\"])")
_PERCENT_RE = re.compile(r"%[0-9A-Fa-f]{2}(?:%[0-9A-Fa-f]{2})*")  # a literal first: fast to scan for
_BREAKS = str.maketrans({"\n": " ", "\r": " ", "\u2028": " ", "\u2029": " ", "\x85": " "})


@lru_cache(maxsize=4096)
def _unescaped(reference: str) -> str:
    return html.unescape(reference).translate(_BREAKS)


def _unescape_entity(m: re.Match) -> str:
    """A character reference as read (a page repeats the same few thousands of times)."""
    return _unescaped(m.group())


def _json_unescape(m: re.Match) -> str:
    s = m.group()
    if s[1] == "u":
        return chr(int(s[2:], 16))
    return {"n": " ", "r": " ", "t": " ", "b": " ", "f": " "}.get(s[1], s[1])


def decode_output(text: str) -> str:
    """What a reader of a built file sees: HTML/XML character references (twice, for the
    escaped HTML inside feeds), JSON \\u escapes and %-escapes decoded; a line break that was
    escaped becomes a space, so lines stay the lines of `text`."""
    for _ in range(2):
        if "&" not in text:
            break
        text = _ENTITY_RE.sub(_unescape_entity, text)
    if "\\" in text:
        text = _JSON_ESCAPE_RE.sub(_json_unescape, text)
    if "%" in text:
        text = _PERCENT_RE.sub(lambda m: unquote(m.group()).translate(_BREAKS), text)
    return text


def output_text(data: bytes) -> str:
    """The text of a built file's bytes: gunzipped when gzip-compressed (the search data's
    `.bin` shards, `sitemap.xml.gz`), read as UTF-8 (an undecodable byte becomes U+FFFD)."""
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError):  # not gzip after all: read as it is
            pass
    return data.decode("utf-8", errors="replace")


def scan_output(text: str, allow: Iterable[str] = ()) -> list[PrivacyHit]:
    """The last check before the site is published: every private detail in one built file.

    Contract:
    - `text` is the whole text of one output file — an HTML page, a feed, the sitemap, a JSON
      or CSV export, a search-data shard — or a URL; `output_text` turns a file's bytes into
      it (gzip included). Markup need not be stripped: tags, attribute names, quotes and JSON
      punctuation never join digit groups or form an address, so every attribute value (href,
      src, content, title …) and script text is checked where it stands, and the HTML, CSS and
      JavaScript of Material's pages raise no hit.
    - Character references (&nbsp; &#49;), JSON \\u escapes and %-escapes are decoded first
      (`decode_output`), so a number spelled through them is found.
    - The rules are `find_private_details`' rules; `allow` holds the reviewed exceptions for the
      file (for a reply's page its `privacy_allow`, for files built from every reply the union
      of them all).
    - Returns the hits in reading order, each with its 1-based line in `text`; an empty list
      means the file may be published. It never raises on any text.
    """
    text = normalise(decode_output(text))
    return _hits(text, _find(text), allow)
