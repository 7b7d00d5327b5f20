"""Byte layouts of the index files (read by `assets/search/search.js`). Integers are unsigned
LEB128 varints unless said otherwise; every `.bin` file is gzip-compressed but the text files.

A list (the replies holding a key, as doc numbers in index order) is one of

    0, n, n × gap            doc-number gaps, the first from -1
    1, first, n, n bytes     a bitmap: bit j of byte i is doc 8 × (first + i) + j

whichever is shorter; a dense list is a bitmap of at most one bit per reply.

A dictionary shard `d/<s>.bin` holds the keys whose `h1 % shards == s`:

    G, then G entries in increasing order of the key hash:
        h2 as 4 bytes and h1 >> 16 as 2 bytes (little-endian), df,
        where: 0 → the list follows (length, bytes); f > 0 → in `l/<s % buckets>/<f-1>.bin`
        (offset, length)

A phase file `m/<bucket>/<n>.bin` holds the phases (`textnorm.key_phases`) of the Chinese 4-grams
and run keys whose lists are in `l/<bucket>/<n>.bin`:

    n, then n × (offset of the list in the list file, df), then for each of these lists in
    turn df bytes, the key's phases in each reply of its list, in list order

A text file `r/<doc // 100>/<doc>.bin` is JSON: u (URL), t (title), n (unit), d (date), c (category),
k (kind), x (the text) and f (where the traditional → simplified table changes a character of
`t + "\n" + x`: [UTF-16 position, character], absent when nowhere), as raw deflate against the
preset dictionary `dict.bin` (UTF-8 clauses, one per line; `text_dictionary.py`).

`t2s.bin` (the traditional → simplified table): n, n × code point gap, n × zigzag(simplified −
traditional).
"""

from __future__ import annotations

import gzip

import numpy as np


def varint(value: int, out: bytearray) -> None:
    while value >= 0x80:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)


def gz(data: bytes) -> bytes:
    """Deterministic gzip (no timestamp, no file name)."""
    return gzip.compress(data, compresslevel=6, mtime=0)


def varint_sizes(values: np.ndarray) -> np.ndarray:
    n = np.ones(len(values), dtype=np.int64)
    v = values.astype(np.uint64)
    for shift in (7, 14, 21, 28, 35):
        n += v >= np.uint64(1 << shift)
    return n


def varint_bytes(values: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """LEB128 of every value, concatenated (`sizes` from `varint_sizes`)."""
    starts = np.concatenate(([0], np.cumsum(sizes)))
    out = np.zeros(int(starts[-1]), dtype=np.uint8)
    v = values.astype(np.uint64)
    for j in range(int(sizes.max(initial=0))):
        sel = sizes > j
        byte = ((v[sel] >> np.uint64(7 * j)) & np.uint64(0x7F)).astype(np.uint8)
        byte |= np.where(sizes[sel] - 1 > j, 0x80, 0).astype(np.uint8)
        out[starts[:-1][sel] + j] = byte
    return out


def bitmap_list(docs: np.ndarray) -> bytes:
    first = int(docs[0]) >> 3
    nbytes = (int(docs[-1]) >> 3) - first + 1
    bits = np.zeros(nbytes * 8, dtype=bool)
    bits[docs - first * 8] = True
    head = bytearray([1])
    varint(first, head)
    varint(nbytes, head)
    return bytes(head) + np.packbits(bits, bitorder="little").tobytes()


def phase_file(lists: list[tuple[int, int, bytes]]) -> bytes:
    """The phase file of a list file's 4-grams and run keys: (offset of the list, df, phases) of each."""
    head = bytearray()
    varint(len(lists), head)
    for at, df, _ in lists:
        varint(at, head)
        varint(df, head)
    return bytes(head) + b"".join(m for _, _, m in lists)


def read_phase_file(data: bytes) -> dict[int, bytes]:
    """offset of a list in the list file -> its phases (the reverse of `phase_file`)."""
    n, at = read_varint(data, 0)
    heads = []
    for _ in range(n):
        offset, at = read_varint(data, at)
        df, at = read_varint(data, at)
        heads.append((offset, df))
    out = {}
    for offset, df in heads:
        out[offset] = data[at:at + df]
        at += df
    return out


def read_varint(data: bytes, at: int) -> tuple[int, int]:
    """The varint at `at` and where the next value starts."""
    x = shift = 0
    while True:
        b = data[at]
        at += 1
        x |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            return x, at


def read_list(data: bytes, at: int = 0) -> list[int]:
    """The doc numbers of a list (the reference decoder, as search.js reads it)."""
    def v() -> int:
        nonlocal at
        x, at = read_varint(data, at)
        return x
    kind = data[at]
    at += 1
    if kind == 0:
        n, d, out = v(), -1, []
        for _ in range(n):
            d += v()
            out.append(d)
        return out
    first, nbytes = v(), v()
    return [8 * (first + i) + j for i in range(nbytes) for j in range(8) if data[at + i] >> j & 1]


def fold_table(fold: dict[str, str]) -> bytes:
    items = sorted(fold.items(), key=lambda kv: ord(kv[0]))
    out = bytearray()
    varint(len(items), out)
    prev = 0
    for t, _ in items:
        varint(ord(t) - prev, out)
        prev = ord(t)
    for t, s in items:
        d = ord(s) - ord(t)
        varint(d * 2 if d >= 0 else -d * 2 - 1, out)
    return bytes(out)


def read_shard(data: bytes) -> dict[tuple[int, int], tuple[int, int, int, int | bytes]]:
    """A dictionary shard as {(h2, h1 >> 16): (df, file, offset, length or the inline list)}
    (the reference decoder, as search.js reads it)."""
    at = 0

    def v() -> int:
        nonlocal at
        x, at = read_varint(data, at)
        return x
    out = {}
    for _ in range(v()):
        h2, hi = int.from_bytes(data[at:at + 4], "little"), int.from_bytes(data[at + 4:at + 6], "little")
        at += 6
        df, where = v(), v()
        if where == 0:
            n = v()
            out[(h2, hi)] = (df, 0, 0, data[at:at + n])
            at += n
        else:
            out[(h2, hi)] = (df, where, v(), v())
    return out
