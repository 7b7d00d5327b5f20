"""The dictionary and list files of one bucket of keys (`index.py` writes them).

A bucket is every (key, doc) pair whose key hash has `h1 % BUCKETS` equal to the bucket's
number; the dictionary shard of a key is `h1 % shards` with `shards` a multiple of BUCKETS, so
every shard lies in one bucket and a bucket is written on its own. Byte layouts: `encoding.py`.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from . import encoding as enc

BUCKETS = 64
INLINE = 40  # lists up to this many bytes live in the dictionary entry
PACK_BYTES = 2048  # shorter lists share a file of about this size; longer ones have their own
SHARD_BYTES = 2048  # target size of a dictionary shard
MAX_SHARDS = 65536
PAIR = np.dtype([("k", "<u8"), ("d", "<u4")])


class Bucket:
    """The dictionary entries and list files of one bucket of keys."""

    def __init__(self, path: Path) -> None:
        pairs = np.fromfile(path, dtype=PAIR)
        path.unlink()
        order = np.argsort(pairs["k"], kind="stable")
        keys = pairs["k"][order]
        docs = pairs["d"][order].astype(np.int64)
        del pairs, order
        n = len(keys)
        heads = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1]))) if n else np.zeros(0, np.int64)
        ends = np.append(heads[1:], n)
        gaps = np.diff(docs, prepend=-1)
        gaps[heads] = docs[heads] + 1
        sizes = enc.varint_sizes(gaps)
        data = enc.varint_bytes(gaps, sizes).tobytes()
        offset = np.concatenate(([0], np.cumsum(sizes)))
        self.keys = keys[heads]
        df = (ends - heads).tolist()
        gap_len = (offset[ends] - offset[heads]).tolist()
        span = ((docs[ends - 1] >> 3) - (docs[heads] >> 3) + 1).tolist()
        self.entries: list[tuple[int, bytes]] = []  # (key hash, entry bytes)
        self.files: list[bytes] = []
        pack, pack_file = bytearray(), -1
        starts, offs = heads.tolist(), offset[heads].tolist()
        for i, key in enumerate(self.keys.tolist()):
            if span[i] + 4 < gap_len[i]:
                body = enc.bitmap_list(docs[starts[i]:starts[i] + df[i]])
            else:
                head = bytearray([0])
                enc.varint(df[i], head)
                body = bytes(head) + data[offs[i]:offs[i] + gap_len[i]]
            entry = bytearray((key & 0xFFFFFFFF).to_bytes(4, "little") + ((key >> 48) & 0xFFFF).to_bytes(2, "little"))
            enc.varint(df[i], entry)
            if len(body) <= INLINE:
                entry.append(0)
                enc.varint(len(body), entry)
                entry += body
            elif len(body) >= PACK_BYTES:
                enc.varint(len(self.files) + 1, entry)
                entry.append(0)
                enc.varint(len(body), entry)
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
                pack += body
            self.entries.append((key, bytes(entry)))
        if pack_file >= 0:
            self.files[pack_file] = bytes(pack)

    def size(self) -> int:
        return sum(len(e) for _, e in self.entries)


def shard_count(bucket0: Bucket) -> int:
    """Shards for dictionary shards of about SHARD_BYTES, from the first bucket's size (keys are
    spread evenly by their hash)."""
    want = bucket0.size() * BUCKETS / SHARD_BYTES
    n = BUCKETS
    while n < MAX_SHARDS and n < want:
        n *= 2
    return n
