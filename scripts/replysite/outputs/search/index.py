"""Build the static search index: `build_index(records, out_dir)`.

Layout under `out_dir` (read by `assets/search/search.js`):

- `meta.json`: version, sizes, facet labels, where the site root is;
- `facets.bin`: per reply (newest first) its year, unit, category, kind and topics;
- `g/<n>.bin`: body shards: postings of characters, bigrams and trigrams that hold a digit,
  letter or punctuation (`textnorm.is_weak`), each with a mask of the parts (stretches of the
  text, see `textnorm.part_size`) holding it;
- `t/<n>.bin`: title shards, unigram and bigram postings with positions;
- `r/<bucket>/<doc>.bin`: a reply's whole text with what a result shows; the client reads it to
  check candidates for the exact terms and to cut the excerpt.

One text file per reply rather than one per part: creating a file is the dearest step of
writing the index on a disk like CI's (about 0.6 ms of kernel time each), and a reply has four
parts on average; the masks still rank candidates by the parts holding the terms.

A gram lives in shard `gram_hash(gram) % shards`. Every `.bin` file is gzip-compressed at
build time, so it costs the same on any static host; the client inflates it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from concurrent.futures import ThreadPoolExecutor
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from . import encoding as enc
from .postings import build_postings
from .records import SearchRecord
from .textnorm import OVERLAP, normalize, part_count, part_size, shard_key

FORMAT = 2
CATEGORY_NAMES = ("A", "B", "C", "D")


@dataclass(frozen=True)
class IndexStats:
    replies: int
    grams: int
    body_shards: int
    title_shards: int
    parts: int
    files: int
    bytes: int  # total size of everything written
    seconds: float


def _shard_count(total: int, target: int) -> int:
    n = 1
    while n < 16384 and total / n > target:
        n *= 2
    return n


class _Writer:
    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.files = 0
        self.bytes = 0
        self.digest = hashlib.sha1()
        self._folders: set[str] = set()

    def write(self, rel: str, data: bytes) -> None:
        folder, _, _ = rel.rpartition("/")
        if folder not in self._folders:
            # once per folder: a mkdir on an existing folder per file doubled the time spent
            # in the kernel for the tens of thousands of files of a large index
            (self.out_dir / folder).mkdir(parents=True, exist_ok=True)
            self._folders.add(folder)
        with open(os.path.join(self.out_dir, rel), "wb") as f:
            f.write(data)
        self.files += 1
        self.bytes += len(data)
        self.digest.update(rel.encode() + b"\0" + data)


def _facets(records: Sequence[SearchRecord]) -> tuple[dict, bytes]:
    years = sorted({r.year for r in records}, reverse=True)
    units = sorted({(r.unit_id, r.unit) for r in records})
    topics = sorted({t for r in records for t in zip(r.topic_ids, r.topics)})
    kinds = sorted({r.kind for r in records}, key=lambda k: (k != "建议", k))
    year_i = {y: i for i, y in enumerate(years)}
    unit_i = {u: i for i, (u, _) in enumerate(units)}
    topic_i = {t: i for i, (t, _) in enumerate(topics)}
    kind_i = {k: i for i, k in enumerate(kinds)}
    cols: list[bytearray] = [bytearray() for _ in range(6)]
    for r in records:
        enc.varint(year_i[r.year], cols[0])
        enc.varint(unit_i[r.unit_id], cols[1])
        enc.varint(CATEGORY_NAMES.index(r.category) + 1 if r.category in CATEGORY_NAMES else 0, cols[2])
        enc.varint(kind_i[r.kind], cols[3])
        enc.varint(len(r.topic_ids), cols[4])
        for t in r.topic_ids:
            enc.varint(topic_i[t], cols[5])
    labels = {
        "year": [[str(y), f"{y}年"] for y in years],
        "unit": [[u, name] for u, name in units],
        "category": [["none", "未分类"]] + [[c, f"{c}类"] for c in CATEGORY_NAMES],
        "kind": [[k, k] for k in kinds],
        "topic": [[t, name] for t, name in topics],
    }
    return labels, b"".join(bytes(c) for c in cols)


def ordered(records: Sequence[SearchRecord]) -> list[SearchRecord]:
    """Records in index order (the client's doc numbers): newest first, ties by id."""
    docs = sorted(records, key=lambda r: r.id)
    docs.sort(key=lambda r: r.date, reverse=True)  # stable: ties keep the id order
    return docs


def _title_positions(t: str) -> dict[str, tuple[int, ...]]:
    positions: dict[str, list[int]] = defaultdict(list)
    for i, ch in enumerate(t):
        if ch != " ":
            positions[ch].append(i)
            if i + 1 < len(t) and t[i + 1] != " ":
                positions[ch + t[i + 1]].append(i)
    return {g: tuple(ps) for g, ps in positions.items()}


def _text_file(doc: int) -> str:
    return f"r/{doc // 100}/{doc}.bin"


def _write_texts(docs: Sequence[SearchRecord], w: _Writer) -> None:
    for doc, r in enumerate(docs):
        payload = {"u": r.url, "t": r.title, "n": r.unit, "d": r.date, "c": r.category or "",
                   "k": r.kind, "x": r.text}
        w.write(_text_file(doc), enc.gz(json.dumps(payload, ensure_ascii=False,
                                                   separators=(",", ":")).encode()))


def build_index(records: Sequence[SearchRecord], out_dir: Path, *, part_chars: int = 1000,
                shard_target: int = 12000, root: str = "../") -> IndexStats:
    """Write the search index of `records` under `out_dir`; the same input gives the same bytes.

    `root` is the site root relative to `out_dir` (record URLs are relative to the root).
    """
    started = time.perf_counter()
    docs = ordered(records)
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in ("g", "t", "r", "p"):  # p/: the per-part texts of format 1
        shutil.rmtree(out_dir / old, ignore_errors=True)
    w = _Writer(out_dir)

    sizes = [part_size(len(r.text), part_chars) for r in docs]
    counts = [part_count(len(r.text), size) for r, size in zip(docs, sizes)]
    texts = _Writer(out_dir)
    with ThreadPoolExecutor(max_workers=1) as pool:  # zlib and numpy release the GIL
        texts_done = pool.submit(_write_texts, docs, texts)
        postings = build_postings([r.text for r in docs], sizes, counts)
        texts_done.result()
    title: dict[str, list[tuple[int, tuple[int, ...]]]] = defaultdict(list)
    for doc, r in enumerate(docs):
        for g, ps in _title_positions(normalize(r.title)).items():
            title[g].append((doc, ps))

    n = len(docs)
    body_blocks = enc.body_blocks(postings, n)
    title_blocks = {g: enc.title_block(ps) for g, ps in title.items()}
    nb = _shard_count(sum(map(len, body_blocks.values())), shard_target)
    nt = _shard_count(sum(map(len, title_blocks.values())), shard_target)
    for folder, blocks, count in (("g", body_blocks, nb), ("t", title_blocks, nt)):
        shards: list[dict[str, bytes]] = [{} for _ in range(count)]
        for g, block in blocks.items():
            shards[shard_key(g) % count][g] = block
        for i, s in enumerate(shards):
            w.write(f"{folder}/{i}.bin", enc.gz(enc.shard(s)))

    labels, facet_bytes = _facets(docs)
    w.write("facets.bin", enc.gz(facet_bytes))
    w.digest.update(texts.digest.digest())
    meta = {"format": FORMAT, "version": w.digest.hexdigest()[:12], "count": n, "body_shards": nb,
            "title_shards": nt, "overlap": OVERLAP, "root": root, "facets": labels}
    w.write("meta.json", json.dumps(meta, ensure_ascii=False, separators=(",", ":")).encode())
    w.files += texts.files
    w.bytes += texts.bytes
    return IndexStats(replies=n, grams=len(body_blocks), body_shards=nb, title_shards=nt,
                      parts=sum(counts), files=w.files, bytes=w.bytes,
                      seconds=round(time.perf_counter() - started, 2))
