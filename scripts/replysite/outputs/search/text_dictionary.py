"""The preset dictionary of the text files: clauses that many replies share.

Each reply's text file (`r/…`, the JSON its result shows) is raw deflate compressed against this
dictionary (zlib's `zdict`). Replies repeat a great deal of boilerplate (salutations, "现答复如下",
closing lines, an office's standard phrases), so a text file shrinks by about a third, and the
texts are most of what a query that verifies candidates transfers.

The browser inflates a text file with its own DecompressionStream("deflate-raw"): the client puts
the dictionary in front of the file as one stored (uncompressed) deflate block, so references
into the dictionary become ordinary references into output that came before
(`stored_block`). No inflate code is shipped.

Only clauses found in at least `MIN_REPLIES` of the sampled texts are taken, none with a digit or
an "@" (so no number or address can be made of them), each on its own line, and each one passes
the build's privacy check on its own.
"""

from __future__ import annotations

import json
import re
import zlib
from collections import Counter
from typing import Callable, Iterable

MAX_BYTES = 32768  # deflate's window: references reach no further back
SAMPLE = 2000  # texts the clauses are counted in
MIN_REPLIES = 3
MIN_CHARS, MAX_CHARS = 4, 200
LEVEL = 6

# a clause and the punctuation that closes it
_CLAUSE = re.compile(r"[^。；，：！？、\n]+[。；，：！？、]?")
_EXCLUDED = re.compile(r"[\d@＠]")


def sample(count: int) -> range:
    """The doc numbers whose texts the dictionary is made from: evenly spread."""
    return range(0, count, max(1, count // SAMPLE))


def build(texts: Iterable[str], keep: Callable[[str], bool] = lambda clause: True) -> bytes:
    """The dictionary of these texts: the clauses worth most (replies holding them × their
    size), least worth first, since deflate codes nearer references in fewer bits. The same
    texts give the same bytes. `keep(clause)` is false for a clause that must not be published."""
    seen: Counter[str] = Counter()
    for text in texts:
        seen.update({m.group().strip() for m in _CLAUSE.finditer(text)})
    worth = []
    for clause, replies in seen.items():
        if replies >= MIN_REPLIES and MIN_CHARS <= len(clause) <= MAX_CHARS and not _EXCLUDED.search(clause):
            as_json = json.dumps(clause, ensure_ascii=False)[1:-1].encode()  # as the text files hold it
            worth.append((replies * len(as_json), clause, as_json))
    worth.sort(key=lambda w: (-w[0], w[1]))
    chosen: list[bytes] = []
    size = 0
    for _, clause, as_json in worth:
        if size + len(as_json) + 1 > MAX_BYTES:
            continue
        if keep(clause):
            chosen.append(as_json)
            size += len(as_json) + 1
    return b"\n".join(reversed(chosen))


def compress(data: bytes, dictionary: bytes) -> bytes:
    """Raw deflate of `data` against `dictionary` (deterministic)."""
    c = zlib.compressobj(LEVEL, zlib.DEFLATED, -15, zdict=dictionary) if dictionary else \
        zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def stored_block(dictionary: bytes) -> bytes:
    """The dictionary as a stored deflate block that is not the last one (what the client puts in
    front of a text file)."""
    n = len(dictionary)
    return bytes([0, n & 0xFF, n >> 8, ~n & 0xFF, (~n >> 8) & 0xFF]) + dictionary


def decompress(data: bytes, dictionary: bytes) -> bytes:
    """A text file's bytes, inflated the way the client does it."""
    return zlib.decompressobj(-15).decompress(stored_block(dictionary) + data)[len(dictionary):]
