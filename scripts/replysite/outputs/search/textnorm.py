"""Text normalisation, grams, gram hashing and part boundaries, shared with the client.

Every rule here has a twin in `assets/search/search.js` (functions `normChar`, `gramHash`);
change both together. Normalisation maps one character to one character (same UTF-16 length),
so positions in normalised text are positions in the original text and excerpts can be cut
and highlighted from the original.
"""

from __future__ import annotations

import unicodedata

# Any substring of up to OVERLAP + 1 characters lies inside at least one part.
OVERLAP = 64
MAX_PARTS = 8


def _utf16_len(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


def norm_char(c: str) -> str:
    """NFKC and lower case, when either keeps a single character; any white space becomes " "."""
    n = unicodedata.normalize("NFKC", c)
    if len(n) != 1:
        n = c
    low = n.lower()
    if len(low) == 1:
        n = low
    if n.isspace():
        n = " "
    return n if _utf16_len(n) == _utf16_len(c) else c


class _Table(dict):
    """A lazily filled `str.translate` table over `norm_char`."""

    def __missing__(self, code: int) -> str:
        value = norm_char(chr(code))
        self[code] = value
        return value


_TABLE = _Table()


def normalize(text: str) -> str:
    return text.translate(_TABLE)


def gram_hash(gram: str) -> int:
    """FNV-1a (32 bit) over the code points of a gram."""
    h = 0x811C9DC5
    for ch in gram:
        h = ((h ^ ord(ch)) * 0x01000193) & 0xFFFFFFFF
    return h


def part_size(length: int, target: int) -> int:
    """Characters per part for a text of `length`: `target`, grown so there are at most MAX_PARTS."""
    return max(target, -(-length // MAX_PARTS))


def part_count(length: int, size: int) -> int:
    """Part k covers [k*size, (k+1)*size + OVERLAP)."""
    return max(1, -(-(length - OVERLAP) // size))


def is_weak(ch: str) -> bool:
    """Characters outside the CJK ideographs (digits, Latin letters, punctuation): bigrams of them
    select poorly (few distinct ones), so grams with one of them are also indexed as trigrams."""
    cp = ord(ch)
    return not (0x3400 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF or cp >= 0x20000)


def trigram_name(trigram: str) -> str:
    """Trigrams are stored under their hash (a NUL and 8 hex digits): colliding ones just merge."""
    return f"\0{gram_hash(trigram):08x}"


def shard_key(name: str) -> int:
    return int(name[1:], 16) if name.startswith("\0") else gram_hash(name)


def grams_of(segment: str) -> set[str]:
    """Unigrams, bigrams and weak trigrams of a segment, without any that contain white space
    (the reference for `postings.build_postings`, which computes the same with numpy)."""
    grams = set(segment)
    grams.update(map(str.__add__, segment[:-1], segment[1:]))
    grams.update(trigram_name(segment[i:i + 3]) for i in range(len(segment) - 2)
                 if any(map(is_weak, segment[i:i + 3])) and " " not in segment[i:i + 3])
    if " " in grams:
        grams = {g for g in grams if " " not in g}
    return grams
