"""The dictionary and list files of one bucket of keys (`index.py` writes them).

A bucket is every (key, doc) pair whose key hash has `h1 % BUCKETS` equal to the bucket's
number; the dictionary shard of a key is `h1 % shards` with `shards` a multiple of BUCKETS, so
every shard lies in one bucket and a bucket is written on its own. Byte layouts: `encoding.py`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import numpy as np

from . import encoding as enc

BUCKETS = 64
INLINE = 40  # lists up to this many bytes live in the dictionary entry
PACK_BYTES = 2048  # shorter lists share a file of about this size; longer ones have their own
SHARD_BYTES = 2048  # target size of a dictionary shard
MAX_SHARDS = 65536  # shard numbers fit in 16 bits


def _scatter_varints(out: np.ndarray, at: np.ndarray, values: np.ndarray, sizes: np.ndarray) -> None:
    """Write the LEB128 of values[i] (sizes[i] bytes) at out[at[i]:]."""
    v = values.astype(np.uint64)
    for j in range(int(sizes.max(initial=0))):
        sel = sizes > j
        byte = ((v[sel] >> np.uint64(7 * j)) & np.uint64(0x7F)).astype(np.uint8)
        byte |= np.where(sizes[sel] - 1 > j, 0x80, 0).astype(np.uint8)
        out[at[sel] + j] = byte


def _segments(lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For segments of these lengths laid end to end: each byte's segment, and its offset in it."""
    total = int(lengths.sum())
    which = np.repeat(np.arange(len(lengths)), lengths)
    starts = np.cumsum(lengths) - lengths
    return which, np.arange(total, dtype=np.int64) - starts[which]


KEY_BITS = 64 - (BUCKETS - 1).bit_length()  # the bits of a key that vary within a bucket


def _sort_pairs(keys: np.ndarray, docs: np.ndarray, masks: np.ndarray
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The pairs by key, then by doc: (the distinct keys in order, each pair's doc as int64, its
    phases, where each key's pairs start as a boolean mask).

    Fast path: within a bucket the key's bucket bits are all the same, so the other bits, cut
    short by as many as the doc numbers and the phase byte need, the doc and the phases fit one
    uint64; numpy sorts those with SIMD, many times faster than an argsort of the keys. The cut is
    exact unless two keys of the bucket agree on the bits kept (at 100,000 replies, about 11,000
    keys a bucket and 39 bits kept: about once in 10,000 buckets): the number of distinct keys
    says so, and such a bucket takes the slow path."""
    n = len(keys)
    new_key = np.ones(n, dtype=bool)
    if n:
        doc_bits = max(1, int(docs.max()).bit_length())
        low_bits = doc_bits + 8
        low = np.uint64(0xFFFFFFFF)
        # the key without bits 32.. of the bucket number (the same for every key here)
        varying = ((keys >> np.uint64(64 - KEY_BITS + 32)) << np.uint64(32)) | (keys & low)
        cut = max(0, low_bits - (64 - KEY_BITS))
        packed = ((varying >> np.uint64(cut)) << np.uint64(low_bits)) | (docs.astype(np.uint64) << np.uint64(8))
        packed |= masks
        del varying
        packed.sort()
        group = packed >> np.uint64(low_bits)
        np.not_equal(group[1:], group[:-1], out=new_key[1:])
        del group
        distinct = np.sort(keys)
        first = np.ones(n, dtype=bool)
        np.not_equal(distinct[1:], distinct[:-1], out=first[1:])
        if int(first.sum()) == int(new_key.sum()):
            return (distinct[first], ((packed >> np.uint64(8)) & np.uint64((1 << doc_bits) - 1)).astype(np.int64),
                    (packed & np.uint64(0xFF)).astype(np.uint8), new_key)
        del packed, distinct, first
    return _sort_pairs_slowly(keys, docs, masks)


def _sort_pairs_slowly(keys: np.ndarray, docs: np.ndarray, masks: np.ndarray
                       ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """`_sort_pairs` for any keys: a sort by key, then doc."""
    order = np.lexsort((docs, keys))
    keys = keys[order]
    new_key = np.ones(len(keys), dtype=bool)
    np.not_equal(keys[1:], keys[:-1], out=new_key[1:])
    return keys[new_key], docs[order].astype(np.int64), masks[order], new_key


class Bucket:
    """The dictionary entries and list files of one bucket of keys.

    Most keys have a short list of doc-number gaps stored in their dictionary entry; those
    entries are assembled with array operations. The others (bitmaps, and lists in list files,
    whose file numbers follow key order) are assembled one by one."""

    def __init__(self, spills: list[Path], bucket: int) -> None:
        """`spills`: the folders of the parts' spill files, each holding this bucket's keys
        (`<bucket>.k`, uint64), docs (`<bucket>.d`, uint32) and phases (`<bucket>.m`, a byte),
        pair by pair in any order; each file is removed once read."""
        paths = [[spill / f"{bucket}.{x}" for x in "kdm"] for spill in spills]
        keys, docs, masks = (np.concatenate([np.zeros(0, t)] + [np.fromfile(f[i], dtype=t) for f in paths])
                             for i, t in enumerate((np.uint64, np.uint32, np.uint8)))
        for files in paths:
            for f in files:
                f.unlink()
        self.keys, docs, masks, new_key = _sort_pairs(keys, docs, masks)
        del keys
        n = len(docs)
        heads = np.flatnonzero(new_key)
        ends = np.append(heads[1:], n)
        gaps = np.diff(docs, prepend=-1)
        gaps[heads] = docs[heads] + 1
        sizes = enc.varint_sizes(gaps)
        data = enc.varint_bytes(gaps, sizes)
        offset = np.concatenate(([0], np.cumsum(sizes)))
        count = len(self.keys)
        df = ends - heads
        gap_len = offset[ends] - offset[heads]
        span = (docs[ends - 1] >> 3) - (docs[heads] >> 3) + 1
        df_size = enc.varint_sizes(df)
        gap_body = 1 + df_size + gap_len  # 0, n, n × gap
        simple = ~(span + 4 < gap_len) & (gap_body <= INLINE) & (gap_body < 0x80)  # length in one byte

        # every entry: 6 key bytes, df, then where the list is
        lengths = np.zeros(count, dtype=np.int64)
        # simple entries: ..., 0 (here), length (one byte: at most INLINE), 0, df, gaps
        s_idx = np.flatnonzero(simple)
        s_len = 6 + 2 * df_size[s_idx] + 3 + gap_len[s_idx]
        lengths[s_idx] = s_len
        simple_buf = np.zeros(int(s_len.sum()), dtype=np.uint8)
        at = np.cumsum(s_len) - s_len
        s_keys = self.keys[s_idx]
        low, high = s_keys & np.uint64(0xFFFFFFFF), (s_keys >> np.uint64(48)) & np.uint64(0xFFFF)
        for j in range(4):
            simple_buf[at + j] = ((low >> np.uint64(8 * j)) & np.uint64(0xFF)).astype(np.uint8)
        for j in range(2):
            simple_buf[at + 4 + j] = ((high >> np.uint64(8 * j)) & np.uint64(0xFF)).astype(np.uint8)
        s_df, s_dfsize = df[s_idx], df_size[s_idx]
        _scatter_varints(simple_buf, at + 6, s_df, s_dfsize)
        simple_buf[at + 7 + s_dfsize] = gap_body[s_idx].astype(np.uint8)  # at + 6 + size stays 0
        _scatter_varints(simple_buf, at + 9 + s_dfsize, s_df, s_dfsize)  # at + 8 + size stays 0
        which, within = _segments(gap_len[s_idx])
        simple_buf[(at + 9 + 2 * s_dfsize)[which] + within] = data[offset[heads[s_idx]][which] + within]

        # the other entries, in key order (list file numbers follow it)
        data_bytes = data.tobytes()
        self.files: list[bytes] = []
        # list file -> the phases of its 4-grams' and run keys' lists: [(offset in the file, df, phases), ...]
        phases: dict[int, list[tuple[int, int, bytes]]] = {}
        other: list[bytes] = []
        pack, pack_file = bytearray(), -1
        o_idx = np.flatnonzero(~simple)
        for i, key, d, g, sp, start, off in zip(
                o_idx.tolist(), self.keys[o_idx].tolist(), df[o_idx].tolist(), gap_len[o_idx].tolist(),
                span[o_idx].tolist(), heads[o_idx].tolist(), offset[heads[o_idx]].tolist()):
            if sp + 4 < g:
                body = enc.bitmap_list(docs[start:start + d])
            else:
                head = bytearray([0])
                enc.varint(d, head)
                body = bytes(head) + data_bytes[off:off + g]
            entry = bytearray((key & 0xFFFFFFFF).to_bytes(4, "little") + ((key >> 48) & 0xFFFF).to_bytes(2, "little"))
            enc.varint(d, entry)
            if len(body) <= INLINE:
                entry.append(0)
                enc.varint(len(body), entry)
                entry += body
            elif len(body) >= PACK_BYTES:
                enc.varint(len(self.files) + 1, entry)
                entry.append(0)
                enc.varint(len(body), entry)
                if masks[start]:
                    phases[len(self.files)] = [(0, d, masks[start:start + d].tobytes())]
                self.files.append(body)
            else:
                if pack_file >= 0 and len(pack) + len(body) > PACK_BYTES:
                    self.files[pack_file] = bytes(pack)
                    pack, pack_file = bytearray(), -1
                if pack_file < 0:
                    pack_file = len(self.files)
                    self.files.append(b"")
                enc.varint(pack_file + 1, entry)
                enc.varint(len(pack), entry)
                enc.varint(len(body), entry)
                if masks[start]:
                    phases.setdefault(pack_file, []).append((len(pack), d, masks[start:start + d].tobytes()))
                pack += body
            lengths[i] = len(entry)
            other.append(bytes(entry))
        if pack_file >= 0:
            self.files[pack_file] = bytes(pack)
        self.phase_files = {f: enc.phase_file(lists) for f, lists in phases.items()}

        # all entries in one buffer: the simple ones, then the others; where each one starts
        self._buffer = np.concatenate((simple_buf, np.frombuffer(b"".join(other), dtype=np.uint8)))
        self._starts = np.zeros(count, dtype=np.int64)
        self._starts[s_idx] = at
        o_len = lengths[o_idx]
        self._starts[o_idx] = len(simple_buf) + np.cumsum(o_len) - o_len
        self._lengths = lengths

    @property
    def key_count(self) -> int:
        return len(self.keys)

    def size(self) -> int:
        return int(self._lengths.sum())

    def shards(self, bucket: int, shards: int) -> Iterator[tuple[int, int, bytes]]:
        """(shard, number of entries, the entries in key order) of each shard of this bucket."""
        # shards <= MAX_SHARDS: 16 bits, which numpy sorts by radix
        shard = ((self.keys >> np.uint64(32)) & np.uint64(shards - 1)).astype(np.uint16)
        order = np.argsort(shard, kind="stable")
        lengths = self._lengths[order]
        which, within = _segments(lengths)
        joined = self._buffer[self._starts[order][which] + within].tobytes()
        counts = np.bincount(shard, minlength=shards)
        ends = np.cumsum(lengths)
        taken = 0  # entries so far, in shard order
        for s in range(bucket, shards, BUCKETS):
            first = taken
            taken += int(counts[s])
            a = int(ends[first - 1]) if first else 0
            b = int(ends[taken - 1]) if taken else 0
            yield s, int(counts[s]), joined[a:b]


def shard_count(bucket0: Bucket) -> int:
    """Shards for dictionary shards of about SHARD_BYTES, from the first bucket's size (keys are
    spread evenly by their hash)."""
    want = bucket0.size() * BUCKETS / SHARD_BYTES
    n = BUCKETS
    while n < MAX_SHARDS and n < want:
        n *= 2
    return n
