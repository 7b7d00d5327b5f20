"""Body postings with numpy: for every gram, the replies containing it and a mask of their parts.

A gram is coded as an integer: a unigram as its code point, a bigram as
2**42 | first << 21 | second, a weak trigram (see `textnorm.is_weak`) as 2**43 | its hash. Work is done on whole arrays (tens of millions of grams for
10,000 replies), which keeps indexing within seconds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Sequence

import numpy as np

from .textnorm import OVERLAP, norm_char

BIGRAM = np.uint64(1 << 42)
TRIGRAM = np.uint64(1 << 43)  # | the trigram's 32-bit gram_hash
SPACE = 32
MERGE_RANGES = 8
MIN_RANGE_KEYS = 1_000_000  # smaller indexes are merged in one piece
BATCH_CHARS = 2_000_000  # larger batches only add temporaries (8M: +400 MB peak, 40 % slower)


@dataclass(frozen=True)
class Postings:
    """Grams in increasing code order; the postings of gram i are [start[i], start[i+1])."""

    codes: np.ndarray  # uint64, one per gram
    start: np.ndarray  # int64, len(codes) + 1
    docs: np.ndarray  # int32, doc numbers, increasing within a gram
    masks: np.ndarray  # uint8, part masks

    def gram(self, i: int) -> str:
        c = int(self.codes[i])
        if c & (1 << 43):
            return f"\0{c & 0xFFFFFFFF:08x}"
        if c & (1 << 42):
            return chr((c >> 21) & 0x1FFFFF) + chr(c & 0x1FFFFF)
        return chr(c)


def _batches(texts: Sequence[str]) -> Iterator[tuple[int, int]]:
    first, chars = 0, 0
    for i, t in enumerate(texts):
        chars += len(t) + 1
        if chars >= BATCH_CHARS:
            yield first, i + 1
            first, chars = i + 1, 0
    if first < len(texts):
        yield first, len(texts)


def _sorted_unique(a: np.ndarray) -> np.ndarray:
    # np.unique is far slower than sorting in place here (numpy 2.4, uint64)
    a.sort()
    return a[np.concatenate(([True], a[1:] != a[:-1]))] if len(a) else a


class _NormTable:
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


def _keys(texts: Sequence[str], first: int, sizes: np.ndarray, nparts: np.ndarray,
          doc_bits: int, table: _NormTable) -> np.ndarray:
    """Sorted unique (gram, doc, part) keys of texts[first:first+len(texts)] (normalised here)."""
    lens = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    raw = np.frombuffer(" ".join(texts).encode("utf-32-le"), dtype="<u4")
    m = len(raw)
    if m == 0:
        return np.zeros(0, dtype=np.uint64)
    cp = table.lookup(raw).astype(np.uint64)
    local = np.repeat(np.arange(len(texts), dtype=np.int32), lens + 1)[:m]
    pos = np.arange(m, dtype=np.int32) - (np.cumsum(lens + 1) - (lens + 1)).astype(np.int32)[local]
    size = sizes.astype(np.int32)[local]
    kp = np.minimum(pos // size, nparts.astype(np.int32)[local] - 1)
    doc = (local + first).astype(np.uint64)
    out = []
    space = cp == SPACE
    both = ~space[:-1] & ~space[1:]
    weak = ~(((cp >= 0x3400) & (cp <= 0x9FFF)) | ((cp >= 0xF900) & (cp <= 0xFAFF)) | (cp >= 0x20000))
    three = both[:-1] & ~space[2:] & (weak[:-2] | weak[1:-1] | weak[2:])
    h = np.full(max(m - 2, 0), 0x811C9DC5, dtype=np.uint64)
    for shift in range(3):
        h = ((h ^ cp[shift:m - 2 + shift]) * np.uint64(0x01000193)) & np.uint64(0xFFFFFFFF)
    zero = np.zeros(min(m, 2), dtype=np.uint64)
    for glen, sel, code in (
        (1, ~space, cp),
        (2, np.append(both, False), np.append((cp[:-1] << np.uint64(21)) | cp[1:] | BIGRAM, zero[:1])),
        (3, np.concatenate((three, zero.astype(bool))), np.concatenate((h | TRIGRAM, zero))),
    ):
        key = (code[sel] << np.uint64(doc_bits)) | doc[sel]
        k = kp[sel]
        out.append((key << np.uint64(3)) | k.astype(np.uint64))
        # the same gram also lies in the overlap at the end of the previous part
        prev = (k >= 1) & (pos[sel] + glen <= k * size[sel] + OVERLAP)
        out.append((key[prev] << np.uint64(3)) | (k[prev] - 1).astype(np.uint64))
    return _sorted_unique(np.concatenate(out))


def build_postings(texts: Sequence[str], sizes: Sequence[int], nparts: Sequence[int]) -> Postings:
    """Postings of `texts` (doc number = index), each cut in parts of `sizes` chars."""
    n = len(texts)
    doc_bits = max(1, (n - 1).bit_length())
    if 44 + doc_bits + 3 > 64:
        raise ValueError("too many replies for one index")
    size_arr = np.asarray(sizes, dtype=np.int64)
    part_arr = np.asarray(nparts, dtype=np.int64)
    table = _NormTable()
    chunks = [_keys(texts[a:b], a, size_arr[a:b], part_arr[a:b], doc_bits, table)
              for a, b in _batches(texts)]
    # Merging all keys at once held the keys, their sort and the (gram, doc) pairs together
    # (~900 MB for 10,000 replies). The chunks are sorted, so the key space is cut into ranges
    # at gram boundaries and merged one range at a time.
    gram_mask = ~np.uint64((1 << (doc_bits + 3)) - 1)
    total = sum(len(c) for c in chunks)
    ranges = max(1, min(MERGE_RANGES, total // MIN_RANGE_KEYS))
    sample = np.sort(np.concatenate([c[::1000] for c in chunks])) if total else np.zeros(0, np.uint64)
    cuts = sorted({int(sample[len(sample) * i // ranges] & gram_mask) for i in range(1, ranges)})
    bounds = [0, *cuts, None]
    codes, starts, docs, masks = [], [], [], []
    offset = 0
    for lo, hi in zip(bounds, bounds[1:]):
        pieces = [c[np.searchsorted(c, np.uint64(lo)):len(c) if hi is None else np.searchsorted(c, np.uint64(hi))]
                  for c in chunks]
        keys = np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.uint64)
        del pieces
        keys.sort()
        # the part number is the low 3 bits: the low byte, then masked (no uint64 temporary)
        bits = np.left_shift(np.uint8(1), keys.astype(np.uint8) & np.uint8(7))
        np.right_shift(keys, np.uint64(3), out=keys)  # (gram, doc)
        heads = _heads(keys)
        masks.append(np.bitwise_or.reduceat(bits, heads) if len(heads) else np.zeros(0, dtype=np.uint8))
        del bits
        gd = keys[heads]
        del keys, heads
        docs.append((gd & np.uint64((1 << doc_bits) - 1)).astype(np.int32))
        np.right_shift(gd, np.uint64(doc_bits), out=gd)  # gram codes
        gstart = _heads(gd)
        codes.append(gd[gstart])
        starts.append(gstart + offset)
        offset += len(gd)
        del gd
    del chunks
    return Postings(codes=np.concatenate(codes), start=np.append(np.concatenate(starts), offset).astype(np.int64),
                    docs=np.concatenate(docs), masks=np.concatenate(masks).astype(np.uint8))


def _heads(a: np.ndarray) -> np.ndarray:
    """Indices where a new run of equal values starts in `a`."""
    if not len(a):
        return np.zeros(0, dtype=np.int64)
    new = np.empty(len(a), dtype=bool)
    new[0] = True
    np.not_equal(a[1:], a[:-1], out=new[1:])
    return np.flatnonzero(new)


VARINT_CHUNK = 1 << 22


def varints(values: np.ndarray, at: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """LEB128 bytes of every value, and where the bytes of value i start for each i in `at`
    (increasing; len(values) allowed, for the end). Done in slices of VARINT_CHUNK values: on
    the 27 million gaps of 10,000 replies, whole-array temporaries cost 500 MB."""
    n = len(values)
    nbytes = np.ones(n, dtype=np.uint8)
    for lo in range(0, n, VARINT_CHUNK):
        v = values[lo:lo + VARINT_CHUNK].astype(np.uint64)
        part = nbytes[lo:lo + VARINT_CHUNK]
        for shift in (7, 14, 21, 28, 35):
            part += v >= np.uint64(1 << shift)
    out = np.zeros(int(nbytes.sum(dtype=np.int64)), dtype=np.uint8)
    wanted = np.zeros(len(at), dtype=np.int64)
    base = 0
    for lo in range(0, n + 1, VARINT_CHUNK):
        hi = min(lo + VARINT_CHUNK, n)
        nb = nbytes[lo:hi]
        starts = base + np.concatenate(([0], np.cumsum(nb, dtype=np.int64)))  # hi - lo + 1 values
        sel_at = (at >= lo) & (at <= hi)
        wanted[sel_at] = starts[at[sel_at] - lo]
        v = values[lo:hi].astype(np.uint64)
        for j in range(int(nb.max(initial=0))):
            sel = nb > j
            byte = ((v[sel] >> np.uint64(7 * j)) & np.uint64(0x7F)).astype(np.uint8)
            byte |= np.where(nb[sel] - 1 > j, 0x80, 0).astype(np.uint8)
            out[starts[:-1][sel] + j] = byte
        base = int(starts[-1])
        if hi == n:
            break
    return out, wanted
