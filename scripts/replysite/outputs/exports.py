"""Open data files: data/replies.json and .csv (one record per document), data/cases.json and
.csv (one per case), data/overdue.json and .csv, data/reply.schema.json."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..archive.cases import Case
from ..archive.open_data import (CASE_COLUMNS, CASES_CSV, CASES_JSON, CSV_FILE, JSON_FILE, LIST_SEPARATOR,
                                 OVERDUE_CSV, OVERDUE_JSON, case_record, columns, record)
from ..model import Reply, Topic, Unit
from ..schema import SCHEMA_FILE, json_schema
from ..urls import DATA_DIR


# A cell a spreadsheet would read as a formula (OWASP, CSV injection): shown as text instead.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def _csv_cell(value: Any) -> str:
    """A value as CSV text. A text that starts like a formula gets a leading apostrophe, so
    Excel, LibreOffice and WPS show it as it is; the JSON export keeps the true value."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        text = LIST_SEPARATOR.join(f"sha256:{v['sha256']} {v['url']}" if isinstance(v, dict) else str(v)
                                   for v in value)
    else:
        text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def _write_text(path: Path, text: str, encoding: str = "utf-8", check=None) -> Path:
    if check is not None:
        check(text, f"{DATA_DIR}/{path.name}")
    path.parent.mkdir(parents=True, exist_ok=True)
    # newline="" keeps the CSV's CRLF as written and JSON's LF on every platform.
    with path.open("w", encoding=encoding, newline="") as fh:
        fh.write(text)
    return path


def write_records(rows: Iterable[dict[str, Any]], json_path: Path, csv_path: Path, cols: list[str],
                  check=None) -> int:
    """The same records as a JSON array (one record per line: as readable as indented JSON for
    flat records, diffs line by line, and written by the C encoder) and as CSV (UTF-8 with BOM,
    CRLF), written record by record so that a large archive is never held as one text; `check`
    sees each record's text before it is written. Returns the number of records."""
    json_path.parent.mkdir(parents=True, exist_ok=True)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    count = 0
    with json_path.open("w", encoding="utf-8", newline="") as js, \
            csv_path.open("w", encoding="utf-8-sig", newline="") as cs:
        writer.writerow(cols)
        cs.write(buf.getvalue())
        js.write("[")
        for row in rows:
            line = json.dumps(row, ensure_ascii=False)
            buf.seek(0)
            buf.truncate()
            writer.writerow([_csv_cell(row[c]) for c in cols])
            if check is not None:
                check(line, f"{DATA_DIR}/{json_path.name}")
                check(buf.getvalue(), f"{DATA_DIR}/{csv_path.name}")
            js.write(("\n" if count == 0 else ",\n") + line)
            cs.write(buf.getvalue())
            count += 1
        js.write("\n]\n" if count else "]\n")
    return count


def write_exports(replies: Iterable[Reply], site_url: str, out_dir: Path, *,
                  units: Iterable[Unit] | None = None,
                  topics: Iterable[Topic] | None = None, check=None) -> dict[str, Any]:
    """Write the three open-data files under out_dir/data/; `check(text, where)` sees each first.

    `units`/`topics` (the registries) restrict the schema's unit and topic names to the
    known ones, every spelling included. Returns the paths and the record count.
    """
    data = out_dir / DATA_DIR
    json_path, csv_path = data / JSON_FILE, data / CSV_FILE
    count = write_records((record(r, site_url) for r in sorted(replies, key=lambda r: r.id)),
                          json_path, csv_path, columns(), check=check)
    unit_names = sorted({n for u in units or () for n in u.all_names}) or None
    topic_names = sorted({n for t in topics or () for n in t.all_names}) or None
    schema = json_schema(unit_names, topic_names)
    schema_path = _write_text(data / SCHEMA_FILE,
                              json.dumps(schema, ensure_ascii=False, indent=2) + "\n", check=check)
    return {"json": json_path, "csv": csv_path, "schema": schema_path, "count": count}


def write_case_exports(cases: Iterable[Case], as_of: dt.date | None, site_url: str, out_dir: Path, *,
                       check=None) -> dict[str, Any]:
    """data/cases.json and .csv (one record per case), data/overdue.json and .csv (the cases
    whose promise is past its date with no progress report)."""
    records = [case_record(c, as_of, site_url) for c in sorted(cases, key=lambda c: c.id)]
    overdue = [r for r in records if r["overdue"]]
    data = out_dir / DATA_DIR
    cols = [key for key, *_ in CASE_COLUMNS]
    for (json_name, csv_name), rows in (((CASES_JSON, CASES_CSV), records), ((OVERDUE_JSON, OVERDUE_CSV), overdue)):
        write_records(rows, data / json_name, data / csv_name, cols, check=check)
    return {"cases": len(records), "overdue": len(overdue)}
