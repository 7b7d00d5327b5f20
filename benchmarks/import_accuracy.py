"""Field accuracy of `replysite import` over the fixture letters (right / missing / wrong).

Every fixture letter in tests/fixtures/import/letters/ states some fields (its .expected.json);
each is read as .txt and, with --formats, also as a PDF and a saved web page made from it
(tests/letter_formats.py). A field is *right* when the value read equals the expected one,
*missing* when nothing was read, *wrong* when a value was read that the letter does not state
or states differently.

    PYTHONPATH=scripts python benchmarks/import_accuracy.py [--formats txt,pdf,html,docx] [-v]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from letter_formats import FORMATS, KEYS, LETTERS, compare, expected_fields, write_as  # noqa: E402
from replysite.importer import extract, read_document  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--formats", default="txt", help="comma-separated: " + ",".join(FORMATS))
    parser.add_argument("-v", "--verbose", action="store_true", help="print every wrong or missing field")
    args = parser.parse_args()
    formats = [f for f in args.formats.split(",") if f]
    states = ("right", "missing", "wrong", "invented")
    totals = {key: dict.fromkeys(states, 0) for key in KEYS}
    count = 0
    with tempfile.TemporaryDirectory() as tmp:
        for source in sorted(LETTERS.glob("*.txt")):
            expected = expected_fields(source)
            for fmt in formats:
                count += 1
                path = write_as(source, fmt, Path(tmp))
                fields = extract(read_document(path)).fields
                for key, (state, want, got) in compare(expected, fields).items():
                    if state is None:
                        continue
                    totals[key][state] += 1
                    if args.verbose and state != "right":
                        print(f"{source.stem} [{fmt}] {key}: {state}: expected {want!r} got {got!r}")
    print(f"{'field':14} {'right':>6} {'missing':>8} {'wrong':>6} {'invented':>9}")
    for key, t in totals.items():
        print(f"{key:14} {t['right']:6} {t['missing']:8} {t['wrong']:6} {t['invented']:9}")
    sums = {s: sum(t[s] for t in totals.values()) for s in states}
    print(f"{'all':14} {sums['right']:6} {sums['missing']:8} {sums['wrong']:6} {sums['invented']:9}")
    stated = sums["right"] + sums["missing"] + sums["wrong"]
    filled_wrong = sums["wrong"] + sums["invented"]
    print(f"stated fields: {stated} in {count} files ({len(formats)} formats); "
          f"right {sums['right'] / stated:.1%}, missing {sums['missing'] / stated:.1%}, "
          f"wrong {filled_wrong / (stated + sums['invented']):.1%} "
          f"(a wrong value for a stated field, or a value for one the letter does not state)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
