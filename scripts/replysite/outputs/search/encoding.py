"""Binary layout of the index shards (read by `assets/search/search.js`, `readShard`).

All integers are unsigned LEB128 varints. A shard is

    G, then G × (byte length, UTF-8 gram), then G × block length, then the G blocks

with grams in code point order; a gram is a character, two characters, or a NUL and eight hex
digits (a trigram's hash, see `textnorm.trigram_name`). A body block lists the replies whose
text contains the gram:

    n, encoding (0: n doc-number gaps, 1: a bitmap of all replies), then n part masks (bytes)

where bit k of a mask says that part k of the reply's text contains the gram. A title block:

    n, then n × (doc-number gap, number of positions, position gaps)

Gaps start from -1, so every gap is at least 1.
"""

from __future__ import annotations

import gzip
from typing import Iterable, Sequence

import numpy as np

from .postings import Postings, varints


def varint(value: int, out: bytearray) -> None:
    while value >= 0x80:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)


def gaps(values: Iterable[int], out: bytearray) -> None:
    prev = -1
    for v in values:
        d = v - prev
        prev = v
        while d >= 0x80:
            out.append((d & 0x7F) | 0x80)
            d >>= 7
        out.append(d)


def body_blocks(p: Postings, doc_count: int) -> dict[str, bytes]:
    """The body block of every gram of `p`."""
    gap = np.diff(p.docs, prepend=np.int32(-1))
    heads = p.start[:-1]
    gap[heads] = p.docs[heads] + 1  # every gram's list starts again from -1
    data, offsets = varints(gap, p.start)  # offsets[i]: where gram i's gaps start
    del gap
    data_bytes = data.tobytes()
    del data
    mask_bytes = p.masks.tobytes()
    bitmap_len = (doc_count + 7) >> 3
    blocks: dict[str, bytes] = {}
    for i in range(len(p.codes)):
        a, b = int(p.start[i]), int(p.start[i + 1])
        oa, ob = int(offsets[i]), int(offsets[i + 1])
        n = b - a
        head = bytearray()
        varint(n, head)
        if n > bitmap_len:  # gaps then average under 8, a byte each: the bitmap is smaller
            bits = np.zeros(bitmap_len * 8, dtype=bool)
            bits[p.docs[a:b]] = True
            head.append(1)
            head += np.packbits(bits, bitorder="little").tobytes()
        else:
            head.append(0)
            head += data_bytes[oa:ob]
        blocks[p.gram(i)] = bytes(head) + mask_bytes[a:b]
    return blocks


def title_block(postings: Sequence[tuple[int, tuple[int, ...]]]) -> bytes:
    out = bytearray()
    varint(len(postings), out)
    prev = -1
    for doc, positions in postings:
        varint(doc - prev, out)
        prev = doc
        varint(len(positions), out)
        gaps(positions, out)
    return bytes(out)


def shard(blocks: dict[str, bytes]) -> bytes:
    grams = sorted(blocks)
    out = bytearray()
    varint(len(grams), out)
    for g in grams:
        b = g.encode("utf-8")
        varint(len(b), out)
        out += b
    for g in grams:
        varint(len(blocks[g]), out)
    for g in grams:
        out += blocks[g]
    return bytes(out)


def gz(data: bytes) -> bytes:
    """Deterministic gzip (no timestamp, no file name)."""
    return gzip.compress(data, compresslevel=6, mtime=0)  # 9 is 15 % slower, 0.02 % smaller here
