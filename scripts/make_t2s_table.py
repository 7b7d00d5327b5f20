"""Generate `scripts/replysite/outputs/search/t2s.txt`, the search's traditional → simplified table.

Needs OpenCC 1.4.2 from PyPI (`pip install OpenCC==1.4.2`, Apache-2.0), a development tool only:
the site never runs OpenCC, the index builder and the browser client read the committed table.

    python scripts/make_t2s_table.py            # rewrites the table; `git diff` shows what changed

The table maps one character to one character of the same UTF-16 length, so that positions in
normalised text stay positions in the original:

- OpenCC's `TSCharacters` (traditional → simplified), first candidate, single characters only;
- `TWVariantsRev` and `HKVariantsRev` (Taiwan and Hong Kong variant forms, e.g. 衞 → 衛 → 卫), each
  then converted by `TSCharacters`;
- two additions: 著 → 着 and 覆 → 复 (答覆 → 答复), which OpenCC converts only inside phrases;
- closed under composition (a chain such as 薴 → 苧 → 苎 maps straight to its end).

The same table is applied to the replies' text and to queries (a symmetric fold): a simplified reply
that really writes 於 or 乾 is indexed as 于 / 干 and still found by either spelling.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent / "replysite" / "outputs" / "search" / "t2s.txt"
VERSION = "1.4.2"
EXTRA = {"著": "着", "覆": "复"}


def _dictionary(name: str) -> dict[str, str]:
    import opencc  # OpenCC==1.4.2

    share = Path(opencc.__file__).parent / "clib"
    tool = share / "bin" / "opencc_dict"
    with tempfile.TemporaryDirectory() as tmp:
        text = Path(tmp) / f"{name}.txt"
        subprocess.run([str(tool), "-i", str(share / "share" / "opencc" / f"{name}.ocd2"), "-o", str(text),
                        "-f", "ocd2", "-t", "text"], check=True)
        out = {}
        for line in text.read_text(encoding="utf-8").splitlines():
            key, values = line.split("\t")
            out[key] = values.split(" ")[0]
    return out


def _single(table: dict[str, str]) -> dict[str, str]:
    def u16(c: str) -> int:
        return len(c.encode("utf-16-le"))
    return {k: v for k, v in table.items() if len(k) == 1 and len(v) == 1 and k != v and u16(k) == u16(v)}


def build() -> dict[str, str]:
    ts = _single(_dictionary("TSCharacters"))
    table = dict(ts)
    for name in ("TWVariantsRev", "HKVariantsRev"):
        for k, v in _single(_dictionary(name)).items():
            table[k] = ts.get(v, v)
    table.update(EXTRA)
    closed = {}
    for k in table:
        v, seen = table[k], {k}
        while v in table and v not in seen:
            seen.add(v)
            v = table[v]
        if v != k:
            closed[k] = v
    return closed


def main() -> None:
    import importlib.metadata

    found = importlib.metadata.version("OpenCC")
    if found != VERSION:
        sys.exit(f"OpenCC {VERSION} is needed (found {found}): pip install OpenCC=={VERSION}")
    table = build()
    lines = [f"# Traditional → simplified characters for search, from OpenCC {VERSION} (Apache-2.0,",
             "# https://github.com/BYVoid/OpenCC): TSCharacters, TWVariantsRev, HKVariantsRev; see",
             "# scripts/make_t2s_table.py, which regenerates this file. One line: traditional TAB simplified.",
             *(f"{k}\t{v}" for k, v in sorted(table.items(), key=lambda kv: ord(kv[0])))]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(table)} characters")


if __name__ == "__main__":
    main()
