"""Build the static search index: `build_index(records, out_dir)`.

Layout under `out_dir` (read by `assets/search/search.js`; byte layouts in `encoding.py`):

- `meta.json`: version, count, facet labels, the facet runs (length, then year, unit, kind,
  category and document type as differences from the run before), the number of dictionary shards and buckets,
  which characters the traditional → simplified table changes;
- `d/<s>.bin`: dictionary shards: for each key (`textnorm.doc_keys`, and one per topic) its
  document frequency and its list, inline when short;
- `l/<bucket>/<n>.bin`: the longer lists, several small ones to a file;
- `m/<bucket>/<n>.bin`: the phases of the Chinese 4-grams and run keys whose lists are in
  `l/<bucket>/<n>.bin` (where each one stands in each reply, modulo 8: `textnorm.key_phases`);
  the client reads them only for a long phrase whose lists leave more candidates than it checks;
- `r/<doc // 100>/<doc>.bin`: a reply's title, whole text and what a result shows; the client reads
  it to verify candidates and to cut the excerpt. Raw deflate against the preset dictionary
  `dict.bin` (`text_dictionary.py`), not gzip like the other files;
- `dict.bin`: that dictionary, the clauses many replies share;
- `t2s.bin`: the traditional → simplified table (fetched only for a query that needs it).

Doc numbers follow the facet order: year (newest first), unit, kind, category, document type,
then date (newest first) and id. A run of replies sharing year, unit, kind, category and document
type is one entry of `meta.json`'s `runs`, so those of any doc follow from its number with a table
that grows with years × units, not with replies. Topics are lists like any key.

Nothing is held for the whole archive but the records' metadata: texts are read a batch at a
time, their (key, doc) pairs go to the spill files of their bucket of keys (`h1 % BUCKETS`: one
file of keys, one of docs, one of phases), and each bucket is then sorted and written on its own, so memory
stays flat as the archive grows.

With `workers=2` (what `default_workers` gives a large archive on a machine of two cores or
more) the work is shared by two forked processes: first each reads half of the replies (in doc
order) into spill files of its own, then each writes half of the buckets from both halves' spill
files. The files are the same bytes as one process writes; `meta.json`'s version is made from
every file's SHA-1 in path order, whichever process wrote it.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Callable, Iterator, Sequence

import numpy as np

from ... import forking
from . import encoding as enc
from . import text_dictionary
from .dictionary import BUCKETS, Bucket, shard_count
from .keys import FoldTable, NormTable, batch_fold_patches, batch_pairs
from .records import SearchRecord
from .textnorm import FOLD, MAX_WEAK, TOPIC_PREFIX, folded_chars, key_hash

FORMAT = 5
CATEGORY_NAMES = ("A", "B", "C", "D")
DOC_TYPES = ("答复", "再次答复", "会办意见", "建议原文", "办理进展")  # schema.DOC_TYPES, in its order
RUN = 6  # numbers per run in meta.json: its length, then year, unit, kind, category, document type
BATCH_CHARS = 1_000_000


@dataclass(frozen=True)
class IndexStats:
    replies: int
    keys: int
    shards: int
    list_files: int
    files: int
    bytes: int  # total size of everything written
    seconds: float


class _Writer:
    """Writes files under `out_dir`, counting them and keeping each one's SHA-1 (the index's
    version is made from these, in path order, whichever process wrote which file)."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.files = 0
        self.bytes = 0
        self.digests: list[tuple[str, bytes]] = []
        self._folders: set[str] = set()

    def write(self, rel: str, data: bytes) -> None:
        folder, _, _ = rel.rpartition("/")
        if folder not in self._folders:
            # once per folder: a mkdir on an existing folder per file doubled the kernel time
            (self.out_dir / folder).mkdir(parents=True, exist_ok=True)
            self._folders.add(folder)
        with open(os.path.join(self.out_dir, rel), "wb") as f:
            f.write(data)
        self.files += 1
        self.bytes += len(data)
        self.digests.append((rel, hashlib.sha1(data).digest()))


@dataclass
class _Part:
    """What one part of the work wrote (returned from a worker process)."""
    files: int = 0
    bytes: int = 0
    digests: list[tuple[str, bytes]] = field(default_factory=list)
    keys: int = 0
    list_files: int = 0
    shards: int = 0

    @classmethod
    def of(cls, w: _Writer, **counts: int) -> "_Part":
        return cls(w.files, w.bytes, w.digests, **counts)


def _category(r: SearchRecord) -> int:
    return CATEGORY_NAMES.index(r.category) + 1 if r.category in CATEGORY_NAMES else 0


def _kinds(records: Sequence[SearchRecord]) -> list[str]:
    return sorted({r.kind for r in records}, key=lambda k: (k != "建议", k))


def _doc_type(r: SearchRecord) -> int:
    return DOC_TYPES.index(r.doc_type) if r.doc_type in DOC_TYPES else 0


def ordered(records: Sequence[SearchRecord]) -> list[SearchRecord]:
    """Records in index order (the client's doc numbers): year (newest first), unit, kind,
    category, document type, date (newest first), id."""
    kind_i = {k: i for i, k in enumerate(_kinds(records))}
    docs = sorted(records, key=lambda r: r.id)
    docs.sort(key=lambda r: r.date, reverse=True)
    docs.sort(key=lambda r: (-r.year, r.unit_id, kind_i[r.kind], _category(r), _doc_type(r)))
    return docs


def _facets(docs: Sequence[SearchRecord]) -> tuple[dict, list[int], list[str]]:
    """Facet labels, the runs (length, year, unit, kind, category, document type, …) and the
    topic ids."""
    years = sorted({r.year for r in docs}, reverse=True)
    units = sorted({(r.unit_id, r.unit) for r in docs})
    topics = sorted({t for r in docs for t in zip(r.topic_ids, r.topics)})
    kinds = _kinds(docs)
    year_i = {y: i for i, y in enumerate(years)}
    unit_i = {u: i for i, (u, _) in enumerate(units)}
    kind_i = {k: i for i, k in enumerate(kinds)}
    runs: list[int] = []
    last = None
    for r in docs:
        value = (year_i[r.year], unit_i[r.unit_id], kind_i[r.kind], _category(r), _doc_type(r))
        if value == last:
            runs[-RUN] += 1
        else:
            runs += [1, *value]
            last = value
    labels = {
        "year": [[str(y), f"{y}年"] for y in years],
        "unit": [[u, name] for u, name in units],
        "category": [["none", "未分类"]] + [[c, f"{c}类"] for c in CATEGORY_NAMES],
        "kind": [[k, k] for k in kinds],
        "doc_type": [[t, t] for t in DOC_TYPES],
        "topic": [[t, name] for t, name in topics],
    }
    return labels, runs, [t for t, _ in topics]


def _text_file(doc: int) -> str:
    return f"r/{doc // 100}/{doc}.bin"


def _batches(docs: Sequence[SearchRecord], first_doc: int, text_of: Callable[[SearchRecord], str]
             ) -> Iterator[tuple[int, list[SearchRecord], list[str]]]:
    first, chars, recs, texts = first_doc, 0, [], []
    for doc, r in enumerate(docs, start=first_doc):
        t = text_of(r)
        recs.append(r)
        texts.append(t)
        chars += len(r.title) + len(t) + 2
        if chars >= BATCH_CHARS:
            yield first, recs, texts
            first, chars, recs, texts = doc + 1, 0, [], []
    if recs:
        yield first, recs, texts


def _spill(docs: Sequence[SearchRecord], first_doc: int, text_of: Callable[[SearchRecord], str],
           topic_ids: list[str], dictionary: bytes, spill: Path, out_dir: Path) -> _Part:
    """For docs first_doc, first_doc + 1, …: every (key, doc) pair into the spill files of its
    bucket, and every text file."""
    texts_out = _Writer(out_dir)
    spill.mkdir()
    topic_key = {t: np.uint64((lambda h: h[0] << 32 | h[1])(key_hash(TOPIC_PREFIX + t))) for t in topic_ids}
    files = [tuple(open(spill / f"{b}.{x}", "wb") for x in "kdm") for b in range(BUCKETS)]
    table, fold = NormTable(), FoldTable()
    try:
        for first, recs, texts in _batches(docs, first_doc, text_of):
            whole = [f"{r.title}\n{t}" for r, t in zip(recs, texts)]
            keys, local, masks = batch_pairs(whole, table)
            topics = [(topic_key[t], i) for i, r in enumerate(recs) for t in r.topic_ids]
            if topics:
                keys = np.concatenate((keys, np.array([k for k, _ in topics], dtype=np.uint64)))
                local = np.concatenate((local, np.array([i for _, i in topics], dtype=np.int32)))
                masks = np.concatenate((masks, np.zeros(len(topics), np.uint8)))
            bucket = ((keys >> np.uint64(32)) & np.uint64(BUCKETS - 1)).astype(np.uint8)
            order = np.argsort(bucket, kind="stable")  # a radix sort of bytes
            counts = np.bincount(bucket, minlength=BUCKETS)
            keys = keys[order]
            local = local[order].astype(np.uint32) + np.uint32(first)
            masks = masks[order]
            del order, bucket
            at = 0
            for (k_file, d_file, m_file), n in zip(files, counts.tolist()):
                keys[at:at + n].tofile(k_file)
                local[at:at + n].tofile(d_file)
                masks[at:at + n].tofile(m_file)
                at += n
            del keys, local, masks
            for doc, r, t, patches in zip(range(first, first + len(recs)), recs, texts,
                                          batch_fold_patches(whole, fold)):
                payload = {"u": r.url, "t": r.title, "n": r.unit, "d": r.date, "c": r.category or "",
                           "k": r.kind, "x": t}
                if patches:
                    payload["f"] = patches
                texts_out.write(_text_file(doc), text_dictionary.compress(json.dumps(
                    payload, ensure_ascii=False, separators=(",", ":")).encode(), dictionary))
    finally:
        for pair in files:
            for f in pair:
                f.close()
    return _Part.of(texts_out)


def _write_buckets(spills: list[Path], buckets: Sequence[int], shards: int, out_dir: Path) -> _Part:
    """The dictionary shards and list files of these buckets, from every part's spill file of
    each (parts in doc order). `shards=0`: the first bucket's size decides the number."""
    w = _Writer(out_dir)
    keys = list_files = 0
    for b in buckets:
        bucket = Bucket(spills, b)
        if not shards:
            shards = shard_count(bucket)
        keys += bucket.key_count
        list_files += len(bucket.files)
        for i, data in enumerate(bucket.files):
            w.write(f"l/{b}/{i}.bin", enc.gz(data))
        for i, data in bucket.phase_files.items():
            w.write(f"m/{b}/{i}.bin", enc.gz(data))
        for s, count, entries in bucket.shards(b, shards):
            head = bytearray()
            enc.varint(count, head)
            w.write(f"d/{s}.bin", enc.gz(bytes(head) + entries))
    return _Part.of(w, keys=keys, list_files=list_files, shards=shards)


# A search index of this many replies or more is built by two processes (`workers`).
PARALLEL_FROM = 2000


def default_workers(count: int) -> int:
    return 2 if count >= PARALLEL_FROM and (os.cpu_count() or 1) >= 2 else 1


def _split(items: Sequence[int], parts: int) -> list[Sequence[int]]:
    size = -(-len(items) // parts)
    return [items[i:i + size] for i in range(0, len(items), size)] or [items]


def _fold_bitmap() -> dict:
    bits = np.zeros(0xA000 - 0x3400, dtype=bool)
    other = []
    for t in FOLD:
        if 0x3400 <= ord(t) < 0xA000:
            bits[ord(t) - 0x3400] = True
        else:
            other.append(t)
    return {"from": 0x3400, "bits": base64.b64encode(np.packbits(bits, bitorder="little").tobytes()).decode(),
            "other": "".join(sorted(other))}


def build_index(records: Sequence[SearchRecord], out_dir: Path, *, root: str = "../",
                text_of: Callable[[SearchRecord], str] | None = None, workers: int = 1,
                keep_clause: Callable[[str], bool] = lambda clause: True) -> IndexStats:
    """Write the search index of `records` under `out_dir`; the same input gives the same bytes,
    whatever the number of `workers` (processes sharing the work: with more than one, each part
    runs in a forked process).

    `root` is the site root relative to `out_dir` (record URLs are relative to the root).
    `text_of(record)` gives a record's text when the records were made without it (so that the
    texts of a large archive are made a batch at a time, never all at once).
    `keep_clause(clause)` is false for a clause the text files' dictionary must not hold.
    """
    started = time.perf_counter()
    text_of = text_of or (lambda r: r.text)
    docs = ordered(records)
    labels, runs, topic_ids = _facets(docs)
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in ("g", "t", "r", "p", "d", "l", "m"):  # g/, t/, p/: earlier formats
        shutil.rmtree(out_dir / old, ignore_errors=True)
    for old in ("facets.bin",):
        (out_dir / old).unlink(missing_ok=True)
    workers = max(1, min(workers, len(docs)))
    folded_chars()  # once, before the parts are forked (about 0.5 s of CPU each)
    dictionary = text_dictionary.build((text_of(docs[i]) for i in text_dictionary.sample(len(docs))), keep_clause)
    spill = Path(tempfile.mkdtemp(prefix=".replysite-index-", dir=out_dir.parent))
    try:
        # 1. each part of the docs (in doc order): its pairs into spill files, its text files
        bounds = [(p[0], p[-1] + 1) for p in _split(range(len(docs)), workers)] if docs else [(0, 0)]
        spills = [spill / str(i) for i in range(len(bounds))]
        parts = forking.run_all([partial(_spill, docs[a:b], a, text_of, topic_ids, dictionary, spills[i], out_dir)
                      for i, (a, b) in enumerate(bounds)], name="rs-index-read")
        # 2. the first bucket (its size sets the number of shards), then the others shared out
        first = _write_buckets(spills, [0], 0, out_dir)
        shards = first.shards
        parts += [first, *forking.run_all([partial(_write_buckets, spills, bs, shards, out_dir)
                                for bs in _split(range(1, BUCKETS), workers)], name="rs-index-write")]
    finally:
        shutil.rmtree(spill, ignore_errors=True)
    w = _Writer(out_dir)
    w.write("t2s.bin", enc.gz(enc.fold_table(FOLD)))
    w.write("dict.bin", enc.gz(dictionary))
    digest = hashlib.sha1()
    for rel, file_digest in sorted(d for part in [*parts, _Part.of(w)] for d in part.digests):
        digest.update(rel.encode() + b"\0" + file_digest)
    # runs as differences from the run before (half the size once compressed)
    deltas = [v - (runs[i - RUN] if i >= RUN and i % RUN else 0) for i, v in enumerate(runs)]
    meta = {"format": FORMAT, "version": digest.hexdigest()[:12], "count": len(docs), "shards": shards,
            "buckets": BUCKETS, "maxWeak": MAX_WEAK, "root": root, "facets": labels, "runs": deltas,
            "fold": _fold_bitmap()}
    w.write("meta.json", json.dumps(meta, ensure_ascii=False, separators=(",", ":")).encode())
    parts.append(_Part.of(w))
    return IndexStats(replies=len(docs), keys=sum(p.keys for p in parts), shards=shards,
                      list_files=sum(p.list_files for p in parts), files=sum(p.files for p in parts),
                      bytes=sum(p.bytes for p in parts), seconds=round(time.perf_counter() - started, 2))
