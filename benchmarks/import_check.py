"""Problems `replysite check` still finds after importing a backlog folder (issue 12's figure:
at most one per file on average, with the proposed topics and units accepted).

The fixture letters (tests/fixtures/import/letters/) are written into one folder in rotating
formats (text, PDF, saved web page, Word), imported into a fresh archive that has the project's
registries (`replysite import --accept-units`), and checked.

    PYTHONPATH=scripts python benchmarks/import_check.py [--count 30]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from click.testing import CliRunner  # noqa: E402

from letter_formats import FORMATS, LETTERS, write_as  # noqa: E402
from replysite.archive import load_replies  # noqa: E402
from replysite.commands.import_letters import import_command  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=30, help="how many letters (at most the fixtures)")
    args = parser.parse_args()
    letters = sorted(LETTERS.glob("*.txt"))[: args.count]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        backlog = work / "backlog"
        backlog.mkdir()
        for index, letter in enumerate(letters):
            write_as(letter, FORMATS[index % len(FORMATS)], backlog)
        replies = work / "replies"
        replies.mkdir()
        for name in ("units.yml", "topics.yml"):
            shutil.copy(ROOT / "replies" / name, replies / name)
        result = CliRunner().invoke(import_command, [str(backlog), "--out", str(replies), "--accept-units"])
        print(result.output.split("\n\n共 ")[-1].strip())
        _, problems = load_replies(replies)
        files = len(list(replies.rglob("*.md")))
        print(f"\n{len(letters)} letters ({', '.join(FORMATS)} in turn) → {files} reply files; "
              f"check: {len(problems)} problems, {len(problems) / max(files, 1):.2f} per file")
        for field, count in Counter(p.field for p in problems).most_common():
            print(f"  {field}: {count}")
        for problem in problems:
            print("   ", problem.format().replace(str(replies), "replies"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
