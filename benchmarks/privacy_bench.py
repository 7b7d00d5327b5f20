"""How long the privacy guard takes on long adversarial texts (runs of what its patterns look for)
and on an ordinary reply body: every text must be read in one pass (linear time).

    python benchmarks/privacy_bench.py

Prints milliseconds per text and per 100,000 characters; results go into BENCHMARKS.md.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from test_privacy import ADVERSARIAL  # noqa: E402

from replysite.reading.privacy import find_private_details, scan_output  # noqa: E402

SEED = Path(__file__).resolve().parents[1] / "replies" / "2023" / "xinjian-2023-jianyi-55.md"


def best_of(function, text: str, rounds: int = 3) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        function(text)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    print(f"{'text':<24}{'chars':>10}{'check ms':>10}{'ms/100k':>10}{'scan ms':>10}")
    body = SEED.read_text(encoding="utf-8") * 10
    for name, text in [("seed reply ×10", body)] + [
            (repr(piece) + f" ×{times}", piece * times + "@") for piece, times, _ in ADVERSARIAL]:
        check = best_of(find_private_details, text)
        scan = best_of(scan_output, text)
        print(f"{name:<24}{len(text):>10}{check * 1000:>10.1f}{check * 1e8 / len(text):>10.1f}{scan * 1000:>10.1f}")


if __name__ == "__main__":
    main()
