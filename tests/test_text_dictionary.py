"""The preset dictionary of the search index's text files (`outputs/search/text_dictionary.py`)."""

from __future__ import annotations

import gzip
import json
import random
import zlib
from pathlib import Path

from replysite.outputs.search import build_index, text_dictionary
from replysite.outputs.search.index import ordered

from test_search_index import fixture_records, rec

BOILERPLATE = ["尊敬的代表：", "您提出的建议收悉，现答复如下：", "感谢您对我们工作的关心和支持。",
               "联系电话：13800138000，", "特此答复。", "下一步，我们将继续加强统筹协调，"]


def letters(n: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    words = "营商环境养老服务停车设施托育机构防汛抗旱医保报销就业创业物业管理河道清淤"
    out = []
    for i in range(n):
        body = "".join(rng.choice(words) for _ in range(rng.randint(40, 400)))
        out.append("\n".join([BOILERPLATE[0], BOILERPLATE[1], body + "。", BOILERPLATE[5] + body[:30] + "。",
                              BOILERPLATE[2], BOILERPLATE[3] if i % 2 else "", BOILERPLATE[4]]))
    return out


def test_the_dictionary_holds_shared_clauses_without_digits_and_is_deterministic() -> None:
    texts = letters(50)
    d = text_dictionary.build(texts)
    lines = d.decode().split("\n")
    assert {"您提出的建议收悉，", "现答复如下：", "感谢您对我们工作的关心和支持。"} <= set(lines)
    assert not any(c.isdigit() for c in d.decode())  # "联系电话：13800138000，" is left out
    assert len(d) <= text_dictionary.MAX_BYTES
    assert text_dictionary.build(list(texts)) == d
    assert text_dictionary.build(letters(2)) == b""  # nothing is in three replies


def test_a_clause_the_check_refuses_is_left_out() -> None:
    d = text_dictionary.build(letters(50), keep=lambda clause: "感谢" not in clause)
    assert "感谢" not in d.decode() and "现答复如下" in d.decode()


def test_texts_round_trip_through_the_stored_block_and_shrink() -> None:
    texts = letters(300)
    d = text_dictionary.build(texts[:200])
    plain = with_dict = 0
    for t in texts[200:]:
        data = json.dumps({"x": t}, ensure_ascii=False).encode()
        packed = text_dictionary.compress(data, d)
        assert text_dictionary.decompress(packed, d) == data
        # what the browser does: the stored block, then the file, as one raw deflate stream
        assert zlib.decompressobj(-15).decompress(text_dictionary.stored_block(d) + packed)[len(d):] == data
        plain += len(zlib.compress(data, 6))
        with_dict += len(packed)
    assert with_dict < 0.8 * plain


def test_the_index_writes_the_dictionary_and_texts_against_it(tmp_path: Path) -> None:
    records = fixture_records() + [rec(f"boiler-{i}", f"关于第{i}项的建议", t) for i, t in enumerate(letters(12))]
    build_index(records, tmp_path, keep_clause=lambda clause: "特此" not in clause)
    d = gzip.decompress((tmp_path / "dict.bin").read_bytes())
    assert "现答复如下" in d.decode() and "特此" not in d.decode()
    assert json.loads((tmp_path / "meta.json").read_text())["format"] == 5
    for doc, r in enumerate(ordered(records)):
        packed = (tmp_path / "r" / str(doc // 100) / f"{doc}.bin").read_bytes()
        assert json.loads(text_dictionary.decompress(packed, d))["x"] == r.text
