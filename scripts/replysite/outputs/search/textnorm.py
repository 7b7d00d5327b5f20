"""How text and queries are read for search: normalisation, terms, index keys and their hashes.

Every rule here has a twin in `assets/search/search.js` (`normChar`, `normText`, `queryTerms`,
`termKeys`, `keyHash`); change both together (tests run both on the same cases).

Normalisation maps one character to one character of the same UTF-16 length, so positions in
normalised text are positions in the original (excerpts are cut and marked from the original):

1. any space (an explicit list, the same in Python and JavaScript) → " ";
2. NFKC when it gives one character (full-width ＡＢ１２％（）→ AB12%(), Kangxi radicals from PDFs);
3. lower case;
4. traditional → simplified (`t2s.txt`, generated from OpenCC by `scripts/make_t2s_table.py`);
5. every bracket → 〔 or 〕: the brackets of a 文号 are one family, whatever was typed;
6. punctuation that separates (。、；？！ quotes, 《》, dashes, ellipses) → " ", and "," "." ":"
   unless both neighbours are ASCII letters or digits (1,000  87.11  10:30  www.gov.cn).

Zero-width characters are removed (from record texts before they are stored, from queries).
The terms of a query are what lies between spaces; every term must be found (AND).

Index keys (`doc_keys`) never span a space. CJK text gives characters, bigrams and 4-grams; a run
of other characters (digits, letters, 〔〕, % …; "weak" characters) gives every substring of up
to `MAX_WEAK` characters, each also with the CJK character before the run (its prefixes), after
it (its suffixes), or both (the whole run). A query term (`term_keys`) that comes down to one such
key is found exactly by its list (`营商`, `营商环境`, `87.11%`, `〔2019〕12号`, `第55号`); longer
terms use several keys, which find a superset that the client verifies in the texts.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Iterator

MAX_WEAK = 12  # weak characters in one key
SPACES = frozenset("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff"
                   + "".join(chr(c) for c in range(0x2000, 0x200B)))
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
OPENING = "([{【〔［（〈⟨〖〘﹝⦅❨❪⟦"
CLOSING = ")]}】〕］）〉⟩〗〙﹞⦆❩❫⟧"
BRACKETS = {**{c: "〔" for c in OPENING}, **{c: "〕" for c in CLOSING}}
SEPARATORS = frozenset("。、；;？?！!\"'“”‘’「」『』〝〞〟«»‹›„‟‚‛《》…⋯—―‖|")
SOFT = frozenset(",.:")  # separators unless between two ASCII letters or digits
NUMBER = re.compile(r"第0*(\d+)号")


def _fold_table() -> dict[str, str]:
    text = (Path(__file__).with_name("t2s.txt")).read_text(encoding="utf-8")
    return dict(line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))


FOLD = _fold_table()


def _utf16_len(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


@lru_cache(maxsize=None)
def norm_char(c: str, fold: bool = True) -> str:
    """One character as search reads it (rules 1–6 above, without the context of rule 6)."""
    if c in SPACES:
        return " "
    n = unicodedata.normalize("NFKC", c)
    if len(n) != 1:
        n = c
    low = n.lower()
    if len(low) == 1:
        n = low
    if fold:
        n = FOLD.get(n, n)
    n = BRACKETS.get(n, n)
    if n in SEPARATORS or n.isspace():
        n = " "
    return n if _utf16_len(n) == _utf16_len(c) else c


class _Table(dict):
    def __missing__(self, code: int) -> str:
        value = norm_char(chr(code))
        self[code] = value
        return value


_TABLE = _Table()
_SOFT = re.compile(r"[,.:]")


def _ascii_alnum(c: str) -> bool:
    return c.isascii() and c.isalnum()


def normalize(text: str) -> str:
    """The searchable form of `text`, as long as `text` (same UTF-16 length)."""
    n = text.translate(_TABLE)
    if "," in n or "." in n or ":" in n:
        n = _SOFT.sub(lambda m: m.group() if 0 < m.start() < len(n) - 1 and _ascii_alnum(n[m.start() - 1])
                      and _ascii_alnum(n[m.start() + 1]) else " ", n)
    return n


@lru_cache(maxsize=1)
def folded_chars() -> tuple[str, ...]:
    """The characters that step 4 changes (a traditional character, or one NFKC makes one)."""
    return tuple(c for c in map(chr, range(0x110000))
                 if (c in FOLD or unicodedata.decomposition(c)) and norm_char(c) != norm_char(c, False))


@lru_cache(maxsize=1)
def _folded_chars() -> re.Pattern:
    return re.compile("[" + "".join(re.escape(c) for c in folded_chars()) + "]")


def fold_patches(text: str) -> list[list]:
    """[UTF-16 position, normalised character] wherever step 4 changes a character of `text`:
    the client normalises a text without the table and applies these."""
    out: list[list] = []
    astral = bool(text) and max(text) > "\uffff"
    for m in _folded_chars().finditer(text):
        at = m.start()
        out.append([len(text[:at].encode("utf-16-le")) // 2 if astral else at, norm_char(m.group())])
    return out


_ZERO_WIDTH_RE = re.compile("[" + "".join(map(chr, ZERO_WIDTH)) + "]")


def strip_invisible(text: str) -> str:
    # a pattern, not str.translate: translate looks up every character of a Chinese text in the
    # table (about 0.1 ms per reply), the pattern only scans for the few it removes
    return _ZERO_WIDTH_RE.sub("", text)


def query_terms(query: str) -> list[str]:
    """The terms of a query, normalised; 第055号 is read as 第55号."""
    q = NUMBER.sub(r"第\1号", normalize(strip_invisible(query)))
    return list(dict.fromkeys(t for t in q.split(" ") if t))


def is_cjk(c: str) -> bool:
    cp = ord(c)
    return 0x3400 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF or cp >= 0x20000


_RUNS = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0010ffff]+|[^\u3400-\u9fff\uf900-\ufaff\U00020000-\U0010ffff]+")


def _cjk_keys(s: str) -> list[str]:
    n = len(s)
    if n <= 2:
        return [s]
    if n == 3:
        return [s[:2], s[1:]]
    starts = list(range(0, n - 3, 2))
    if starts[-1] != n - 4:
        starts.append(n - 4)
    return [s[i:i + 4] for i in starts]


def term_keys(term: str) -> tuple[list[str], bool]:
    """The keys whose lists hold every reply containing `term` (a normalised term without
    spaces), and whether one key proves it (then the list is exactly those replies)."""
    runs = _RUNS.findall(term)
    keys: list[str] = []
    for r, s in enumerate(runs):
        before = runs[r - 1][-1] if r > 0 else ""
        after = runs[r + 1][0] if r + 1 < len(runs) else ""
        if is_cjk(s[0]):
            if len(s) > 1 or len(runs) == 1:
                keys += _cjk_keys(s)
        elif len(s) <= MAX_WEAK:
            keys.append(before + s + after)
        else:
            starts = list(range(0, len(s) - MAX_WEAK, MAX_WEAK)) + [len(s) - MAX_WEAK]
            for i in starts:
                keys.append((before if i == 0 else "") + s[i:i + MAX_WEAK]
                            + (after if i == len(s) - MAX_WEAK else ""))
    return list(dict.fromkeys(keys)), len(keys) == 1


def _keys_at(text: str) -> Iterator[tuple[int, str, bool]]:
    """(position, key, whether it has phases) of every key occurrence in a normalised text: each
    character, each pair, each Chinese 4-gram and each run of weak characters (digits, letters,
    brackets…) up to MAX_WEAK with the Chinese character before and/or after it."""
    at = 0
    for token in text.split(" "):
        cjk = [is_cjk(c) for c in token]
        n = len(token)
        for i in range(n):
            yield at + i, token[i], False
            if i + 1 < n:
                yield at + i, token[i:i + 2], False
            if i + 3 < n and all(cjk[i:i + 4]):
                yield at + i, token[i:i + 4], True
            for k in range(3, MAX_WEAK + 3):
                j = i + k - 1  # last character
                if j >= n or cjk[j - 1]:
                    break  # the middle must be weak characters
                if k - cjk[i] - cjk[j] <= MAX_WEAK:
                    yield at + i, token[i:j + 1], True
        at += n + 1


def doc_keys(text: str) -> set[str]:
    """Every key of a normalised text (the reference for the numpy builder in `keys.py`)."""
    return {key for _, key, _ in _keys_at(text)}


def key_phases(text: str) -> dict[str, int]:
    """For every Chinese 4-gram and every run key of a normalised text, where it starts modulo 8,
    as a byte (bit p: at a position ≡ p (mod 8), in code points). A phrase at position s holds its
    key at offset o at s + o, so a reply in which no s fits every key of the phrase cannot contain
    it: the search page drops such candidates of a long phrase without reading their texts."""
    out: dict[str, int] = {}
    for at, key, phased in _keys_at(text):
        if phased:
            out[key] = out.get(key, 0) | 1 << (at & 7)
    return out


# ---- hashes: a key is known by 64 bits, (h1, h2); the dictionary shard is h1 % shards ----------

H1, P1 = 0x811C9DC5, 0x01000193  # FNV-1a
H2, P2 = 0x050C5D1F, 0x5BD1E995
M32 = 0xFFFFFFFF


def fmix32(h: int) -> int:
    """MurmurHash3's finaliser: every bit of the result depends on every bit of `h`."""
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & M32
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & M32
    return h ^ (h >> 16)


def key_hash(key: str) -> tuple[int, int]:
    h1, h2 = H1, H2
    for ch in key:
        h1 = ((h1 ^ ord(ch)) * P1) & M32
        h2 = ((h2 ^ ord(ch)) * P2) & M32
    return fmix32(h1), fmix32(h2)


TOPIC_PREFIX = "\x01"  # key of a topic's list: TOPIC_PREFIX + topic id (never in normalised text)
