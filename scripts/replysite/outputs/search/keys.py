"""Every (key, reply) pair of a batch of texts, with numpy: `textnorm.doc_keys` on whole arrays,
and for each Chinese 4-gram and run key where it stands in the reply (`textnorm.key_phases`).

A key is known by its 64-bit hash `h1 << 32 | h2` (`textnorm.key_hash`); the texts of a batch are
joined by spaces and hashed position by position, so a batch of a few thousand replies takes
about a second.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from .textnorm import H1, H2, MAX_WEAK, P1, P2, folded_chars, norm_char

SPACE = 32


class NormTable:
    """`textnorm.norm_char` as a code point lookup table, filled for the characters met."""

    def __init__(self) -> None:
        self.table = np.arange(0x110000, dtype=np.uint32)
        self.known = np.zeros(0x110000, dtype=bool)

    def lookup(self, cps: np.ndarray) -> np.ndarray:
        seen = np.zeros(0x110000, dtype=bool)
        seen[cps] = True
        for c in np.flatnonzero(seen & ~self.known).tolist():
            self.table[c] = ord(norm_char(chr(c)))
        self.known |= seen
        return self.table[cps]


def normalized_codes(texts: Sequence[str], table: NormTable) -> np.ndarray:
    """Code points of the texts joined by spaces, normalised (`textnorm.normalize`)."""
    raw = np.frombuffer(" ".join(texts).encode("utf-32-le"), dtype="<u4")
    cp = table.lookup(raw) if len(raw) else raw.astype(np.uint32)
    soft = (cp == 44) | (cp == 46) | (cp == 58)
    if soft.any():
        alnum = ((cp >= 48) & (cp <= 57)) | ((cp >= 97) & (cp <= 122))
        keep = np.zeros(len(cp), dtype=bool)
        keep[1:-1] = alnum[:-2] & alnum[2:]
        cp = cp.copy()
        cp[soft & ~keep] = SPACE
    return cp


# The hash works on uint32 arrays, whose products wrap around modulo 2^32 as the hash needs.

def _step(h: np.ndarray, c: np.ndarray, prime: int) -> np.ndarray:
    return (h ^ c) * np.uint32(prime)


def _fmix(h: np.ndarray) -> np.ndarray:
    h = h ^ (h >> np.uint32(16))
    h *= np.uint32(0x85EBCA6B)
    h ^= h >> np.uint32(13)
    h *= np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def _sorted_unique(a: np.ndarray) -> np.ndarray:
    # np.unique (numpy 2.4) hashes first and is several times slower on these arrays
    a.sort()
    keep = np.ones(len(a), dtype=bool)
    np.not_equal(a[1:], a[:-1], out=keep[1:])
    return a[keep]


def _hash(h1: np.ndarray, h2: np.ndarray) -> np.ndarray:
    """The 64-bit key `h1 << 32 | h2` of two uint32 states (`textnorm.key_hash`)."""
    key = _fmix(h1).astype(np.uint64) << np.uint64(32)
    key |= _fmix(h2)
    return key


LOW52 = np.uint64((1 << 52) - 1)


def _unique_per_doc(h1: np.ndarray, h2: np.ndarray, doc: np.ndarray, phase: np.ndarray
                    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The distinct (key, doc) pairs, sorted by doc, and from `phase` (each occurrence's position
    modulo 8) the phases of each pair as a byte: bit p set when the key stands at a position
    ≡ p (mod 8). Pairs are told apart by the doc and 52 bits of the key's 64: two keys of one
    reply that agree on those 52 bits (about one reply in 10^10) would keep only one of them."""
    code = (doc.astype(np.uint64) << np.uint64(52)) | (((h1.astype(np.uint64) << np.uint64(32)) | h2) & LOW52)
    order = np.argsort(code)
    code = code[order]
    first = np.ones(len(code), dtype=bool)
    np.not_equal(code[1:], code[:-1], out=first[1:])
    bits = np.left_shift(np.uint8(1), phase[order].astype(np.uint8))
    masks = np.bitwise_or.reduceat(bits, np.flatnonzero(first)) if len(bits) else bits
    order = order[first]
    return _hash(h1[order], h2[order]), doc[order], masks


def batch_pairs(texts: Sequence[str], table: NormTable) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Unique (key hash, i) pairs of texts[i] (in no particular order), the key hashes as uint64,
    and each pair's phases (`textnorm.key_phases`; 0 for characters and pairs)."""
    if len(texts) >= 1 << 12:
        raise ValueError("at most 4,095 texts in a batch")
    cp32 = normalized_codes(texts, table)
    m = len(cp32)
    if m == 0:
        return np.zeros(0, np.uint64), np.zeros(0, np.int32), np.zeros(0, np.uint8)
    lens = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    doc = np.repeat(np.arange(len(texts), dtype=np.int32), lens + 1)[:m]
    cp = cp32.astype(np.uint64)
    space = cp32 == SPACE
    cjk = ((cp32 >= 0x3400) & (cp32 <= 0x9FFF)) | ((cp32 >= 0xF900) & (cp32 <= 0xFAFF)) | (cp32 >= 0x20000)
    weak = ~space & ~cjk
    keys: list[np.ndarray] = []
    docs: list[np.ndarray] = []
    d64 = doc.astype(np.uint64)
    starts = np.cumsum(lens + 1) - (lens + 1)  # where each text starts in the joined codes
    # characters and pairs: told apart exactly by their code points, hashed once per reply
    one = _sorted_unique((d64[~space] << np.uint64(21)) | cp[~space])
    c1 = (one & np.uint64(0x1FFFFF)).astype(np.uint32)
    keys.append(_hash(_step(np.uint32(H1), c1, P1), _step(np.uint32(H2), c1, P2)))
    docs.append((one >> np.uint64(21)).astype(np.int32))
    pair = ~space[:-1] & ~space[1:]
    two = _sorted_unique((d64[:-1][pair] << np.uint64(42)) | (cp[:-1][pair] << np.uint64(21)) | cp[1:][pair])
    a = ((two >> np.uint64(21)) & np.uint64(0x1FFFFF)).astype(np.uint32)
    b = (two & np.uint64(0x1FFFFF)).astype(np.uint32)
    keys.append(_hash(_step(_step(np.uint32(H1), a, P1), b, P1), _step(_step(np.uint32(H2), a, P2), b, P2)))
    docs.append((two >> np.uint64(42)).astype(np.int32))
    del one, two, a, b, c1

    def prefix(at: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        c = cp32[at]
        h1, h2 = _step(np.uint32(H1), c, P1), _step(np.uint32(H2), c, P2)
        for j in range(1, k):
            c = cp32[at + j]
            h1 = _step(h1, c, P1)
            h2 = _step(h2, c, P2)
        return h1, h2

    masks = [np.zeros(len(k), np.uint8) for k in keys]
    # CJK 4-grams, with their phases
    if m >= 4:
        four = np.flatnonzero(cjk[:-3] & cjk[1:-2] & cjk[2:-1] & cjk[3:])
        h1, h2 = prefix(four, 4)
        k, d, m4 = _unique_per_doc(h1, h2, doc[four], (four - starts[doc[four]]) & 7)
        keys.append(k)
        docs.append(d)
        masks.append(m4)
    # weak runs: substrings, with the CJK character before and/or after the run, with their phases
    idx = np.flatnonzero(~space[:-1] & weak[1:])
    h1, h2 = prefix(idx, 2)
    lead = cjk[idx].astype(np.int64)
    w1, w2, wd, wp = [], [], [], []
    for k in range(3, MAX_WEAK + 3):
        last = idx + k - 1
        ok = last < m
        ok[ok] &= weak[last[ok] - 1]  # the middle is weak characters
        idx, h1, h2, lead, last = idx[ok], h1[ok], h2[ok], lead[ok], last[ok]
        if not len(idx):
            break
        c = cp32[last]
        h1 = _step(h1, c, P1)
        h2 = _step(h2, c, P2)
        end = ~space[last] & (k - lead - cjk[last] <= MAX_WEAK)
        w1.append(h1[end])
        w2.append(h2[end])
        wd.append(doc[idx[end]])
        wp.append(idx[end])
    if w1:
        wd_all = np.concatenate(wd)
        k, d, mw = _unique_per_doc(np.concatenate(w1), np.concatenate(w2), wd_all,
                                   (np.concatenate(wp) - starts[wd_all]) & 7)
        keys.append(k)
        docs.append(d)
        masks.append(mw)
    return np.concatenate(keys), np.concatenate(docs), np.concatenate(masks)


class FoldTable:
    """Which code points step 4 of the normalisation changes (`textnorm.folded_chars`)."""

    def __init__(self) -> None:
        self.folded = np.zeros(0x110000, dtype=bool)
        self.folded[[ord(c) for c in folded_chars()]] = True


def batch_fold_patches(texts: Sequence[str], table: FoldTable) -> list[list[list]]:
    """`textnorm.fold_patches` of every text, computed on the whole batch at once."""
    out: list[list[list]] = [[] for _ in texts]
    raw = np.frombuffer("".join(texts).encode("utf-32-le"), dtype="<u4")
    where = np.flatnonzero(table.folded[raw])
    if not len(where):
        return out
    lens = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    starts = np.cumsum(lens) - lens
    doc = np.searchsorted(starts, where, side="right") - 1
    # positions in UTF-16: each astral character before a position in its text counts twice
    astral = np.concatenate(([0], np.cumsum(raw > 0xFFFF)))
    at = where - starts[doc] + astral[where] - astral[starts[doc]]
    chars = {c: norm_char(chr(c)) for c in np.unique(raw[where]).tolist()}
    for d, a, c in zip(doc.tolist(), at.tolist(), raw[where].tolist()):
        out[d].append([a, chars[c]])
    return out
