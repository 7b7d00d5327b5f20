"""Importing a backlog: files and folders of letters → reply files beside their originals.

Each letter is read, its fields extracted, its id derived (`ids.py`), its topics proposed from
the topic registry and its units looked up in the unit registry (units not found become one
proposal each, `proposals.py`). The original is copied beside the reply as
`<id>.原件<ext>` and listed in the reply's `attachments` with its SHA-256 — unless the letter
holds private details (a personal mobile number …): the original is then still kept beside the
reply but not listed, so it is not published (staff attach a redacted copy).

Nothing is half-written: the original and the reply are each created in one step, and when
the reply cannot be written the copied original is removed again. A failure in one letter is
reported and the next letter is read. An original already imported (its SHA-256 is in a reply's
`attachments`, or it is a `*.原件.*` copy in the folder) is skipped, so importing the same files
again adds nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..authoring.reply_file import render_reply, reply_path, write_new
from ..model import Topic, Unit
from ..reading import privacy
from ..reading.attachments import file_sha256
from ..reading.frontmatter import read_reply
from ..reading.registry import Registry, load_topics, load_units
from ..schema import FIELDS, FIELDS_BY_NAME
from .documents import SUFFIXES, load_document
from .errors import DocumentError
from .extract import ImportResult, extract
from .ids import reply_id, reply_year
from .proposals import UnitProposals, propose_topics

ORIGINAL_MARK = ".原件"
# The original's name in the replies folder and on the site: served as a download, never as a
# page (a web page or Markdown original is kept as text).
ORIGINAL_SUFFIX = {".pdf": ".pdf", ".docx": ".docx", ".txt": ".txt", ".md": ".md.txt",
                   ".html": ".html.txt", ".htm": ".htm.txt"}
OCR_NOTICE = ("本文件由扫描件的文字识别（OCR）生成：正文和每个字段都可能有错字，"
              "请对照原件逐项核对，核对后删除这一行")
TOPICS_COMMENT = "根据标题和正文建议的主题，请确认"
_SHA_LINE = re.compile(r"sha256:\s*[\"']?([0-9a-f]{64})")
_PATH_LINE = re.compile(r"path:\s*[\"']?([^,}\"'\n]+?)[\"']?\s*[,}]")
_ID_LINE = re.compile(r"^id:\s*[\"']?([a-z0-9-]+)", re.MULTILINE)


@dataclass
class Outcome:
    source: Path
    status: str  # written, planned (--json), skipped (imported before), failed
    message: str = ""  # why skipped or failed (Chinese)
    target: Path | None = None
    original: Path | None = None  # the copy beside the reply
    attached: bool = False  # listed in `attachments` (published)
    values: dict[str, object] = field(default_factory=dict)
    result: ImportResult | None = None
    hits: list[privacy.PrivacyHit] = field(default_factory=list)  # in the reply file as written
    ocr: bool = False
    proposed_topics: bool = False

    @property
    def missing(self) -> list[str]:
        """Required fields still empty, then the optional letter fields not found."""
        empty = {spec.name for spec in FIELDS if not self.values.get(spec.name)}
        letter = set(self.result.missing) if self.result else set()
        doc_type = str(self.values.get("doc_type") or "答复")
        return [spec.name for spec in FIELDS
                if spec.name in empty and (spec.is_required(doc_type) or spec.name in letter)]

    @property
    def found(self) -> list[str]:
        letter = self.result.fields if self.result else {}
        return [spec.name for spec in FIELDS if letter.get(spec.name)]


def collect(paths: list[Path]) -> tuple[list[Path], list[Outcome]]:
    """The letters named, folders searched recursively (hidden files and folders, README files
    and copies of originals left out), in a stable order; a named file of another type fails
    with a message."""
    found: list[Path] = []
    failed: list[Outcome] = []
    for path in paths:
        if path.is_dir():
            found += sorted((p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                             and not any(part.startswith(".") for part in p.relative_to(path).parts)
                             and ORIGINAL_MARK not in p.name and p.stem.upper() != "README"),
                            key=lambda p: p.as_posix())
        elif path.suffix.lower() in SUFFIXES:
            found.append(path)
        else:
            failed.append(Outcome(path, "failed", f"不支持的文件类型“{path.suffix or '无扩展名'}”："
                                  "可导入 PDF、网页（.html/.htm）、Word（.docx）、文本（.txt）和 Markdown（.md）"))
    unique: list[Path] = []
    for path in found:
        if path.resolve() not in {p.resolve() for p in unique}:
            unique.append(path)
    return unique, failed


class Batch:
    """One run of `replysite import` into the replies folder `out`."""

    def __init__(self, out: Path, *, write: bool = True, ocr: bool = True,
                 topics: tuple[str, ...] = (), given_id: str | None = None) -> None:
        self.out, self.write, self.ocr = out, write, ocr
        self.given_topics, self.given_id = list(topics), given_id
        root = out.as_posix()
        self.units: Registry[Unit] = load_units(out, root)[0]
        self.topics: Registry[Topic] = load_topics(out, root)[0]
        self.proposals = UnitProposals(self.units)
        self.known: dict[str, Path] = {}  # SHA-256 of an imported original → its reply file
        self.ids: set[str] = set()
        self._scan()
        self.filed = _filed_documents(out)

    def _scan(self) -> None:
        """Checksums of the originals already in the folder: from the replies' `attachments`,
        and by hashing the `*.原件.*` copies no reply lists (kept, not published)."""
        if not self.out.is_dir():
            return
        listed: set[Path] = set()
        copies: list[Path] = []
        for path in sorted(self.out.rglob("*")):
            if not path.is_file() or any(p.startswith((".", "_")) for p in path.relative_to(self.out).parts):
                continue
            if path.suffix == ".md":
                text = path.read_text(encoding="utf-8", errors="replace")[:20000]
                for sha in _SHA_LINE.findall(text):
                    self.known.setdefault(sha, path)
                listed.update(path.parent / name for name in _PATH_LINE.findall(text))
                self.ids.update(_ID_LINE.findall(text))
                self.ids.add(path.stem)
            elif ORIGINAL_MARK in path.name:
                copies.append(path)
        for path in copies:
            if path not in listed:
                stem = path.name.split(ORIGINAL_MARK)[0]
                self.known.setdefault(file_sha256(path), path.with_name(f"{stem}.md"))

    # --- one letter -----------------------------------------------------------------------------
    def run(self, paths: list[Path]) -> list[Outcome]:
        sources, outcomes = collect(paths)
        for source in sources:
            try:
                outcomes.append(self.import_one(source))
            except DocumentError as exc:
                outcomes.append(Outcome(source, "failed", str(exc)))
            except OSError as exc:
                outcomes.append(Outcome(source, "failed", f"无法读写文件：{exc.strerror or exc}"))
            except Exception as exc:  # a fault of the program: report it, go on with the next letter
                outcomes.append(Outcome(source, "failed", f"读取时出错（程序错误 {type(exc).__name__}），"
                                                          "此文件未导入；请把原件转给维护人员"))
        return outcomes

    def import_one(self, source: Path) -> Outcome:
        sha = file_sha256(source)
        if sha in self.known:
            self._propose_from_reply(self.known[sha])
            return Outcome(source, "skipped", f"已导入过（{self.known[sha].as_posix()}），未重复导入")
        document = load_document(source, ocr=self.ocr)
        result = extract(document.text)
        values = dict(result.fields)
        if values.get("doc_type") in ("会办意见", "再次答复", "办理进展"):
            self._join_case(values, result)
        label = source.as_posix()
        for name in [values.get("unit"), values.get("to_unit"), *(values.get("co_units") or [])]:
            if isinstance(name, str):
                self.proposals.add(name, result.short_names if name == values.get("unit") else [], label)
        unit_key = self.proposals.id_for(values["unit"]) if isinstance(values.get("unit"), str) else None
        parts = (unit_key, reply_year(values.get("reply_date"), values.get("doc_number")), values.get("kind"),
                 values.get("number"), sha)
        ident = self.given_id or reply_id(*parts, self.ids)  # type: ignore[arg-type]
        if not self.given_id and ident != (first := reply_id(*parts)):  # type: ignore[arg-type]
            result.notes.append(f"编号 {first} 已被另一件答复使用，本件编号为 {ident}，请核对是否重复")
        self.ids.add(ident)
        values["id"] = ident
        proposed = not self.given_topics
        values["topics"] = self.given_topics or propose_topics(self.topics, str(values.get("title") or ""),
                                                               result.body) or None
        original_name = f"{ident}{ORIGINAL_MARK}{ORIGINAL_SUFFIX[source.suffix.lower()]}"
        private = privacy.find_private_details(document.text)
        if ORIGINAL_SUFFIX[source.suffix.lower()].endswith(".txt"):
            # a text original is published as it is (a saved page with its scripts and footer):
            # the build scans it as written, so the import does too
            raw = source.read_bytes().decode("utf-8", errors="replace")
            private += [h for h in privacy.find_private_details(raw) if h.value not in {x.value for x in private}]
        attached = not private
        if attached:
            values["attachments"] = [{"path": original_name, "sha256": sha}]
        else:
            result.notes.append(f"原件中有{len(private)}处疑似个人信息（{'、'.join(dict.fromkeys(h.found for h in private))}），"
                                f"原件已保存为 {original_name} 但未列入 attachments，不会在网站上发布；"
                                "如需公开原件，请另存一份遮盖个人信息的原件，列入 attachments 并填写其 sha256")
        comments = {"topics": TOPICS_COMMENT} if proposed and values["topics"] else {}
        text = render_reply(values, result.body, comments, [OCR_NOTICE] if document.ocr else None)
        target = reply_path(self.out, values, source.stem)
        original = target.with_name(original_name)
        outcome = Outcome(source, "planned", target=target, original=original, attached=attached,
                          values=values, result=result, hits=privacy.find_private_details(text),
                          ocr=document.ocr, proposed_topics=proposed and bool(values["topics"]))
        if document.ocr:
            result.notes.insert(0, "扫描件（没有文字层），正文和字段由文字识别（OCR）读出，可能有错字，请逐项核对")
        if self.write:
            self._write(source, original, target, text)
            outcome.status = "written"
        self.known[sha] = target
        return outcome

    def _join_case(self, values: dict, result: ImportResult) -> None:
        """A later document of a case already filed (a re-reply, a co-handler's opinion) takes
        the keys that join it to the case from the case's documents, as `replysite new --case` does."""
        same = [d for d in self.filed.get((values.get("kind"), values.get("number")), [])
                if not values.get("session") or d.session in (None, values.get("session"))]
        cases = {d.case_id: d for d in same}
        if len(cases) != 1:
            if len(cases) > 1:
                result.notes.append(f"找到 {len(cases)} 件类型和编号相同的建议或提案，未能确定本文件属于哪一件；"
                                    "请填写 session 或 case")
            return
        filed = next(iter(cases.values()))
        for key in ("session", "title", "proposers"):
            if not values.get(key) and getattr(filed, key):
                values[key] = list(filed.proposers) if key == "proposers" else getattr(filed, key)
        if values.get("title") != filed.title:
            result.notes.append(f"标题与同一件已有文件（{filed.id}）的不同，已改用已有文件的标题“{filed.title}”，请核对")
            values["title"] = filed.title
        if filed.case or not filed.session:
            values["case"] = filed.case_id
        result.notes.append(f"已归入同一件建议或提案（与 {filed.id} 同属一件），办理过程页面会列出本文件")

    def _write(self, source: Path, original: Path, target: Path, text: str) -> None:
        if target.exists():
            raise DocumentError(f"{target.as_posix()} 已存在，导入不会覆盖已有文件；请先移走该文件，或用 --id 指定另一个编号")
        try:
            write_new(original, source.read_bytes())
        except FileExistsError:
            raise DocumentError(f"{original.as_posix()} 已存在，导入不会覆盖已有文件") from None
        try:
            write_new(target, text.encode("utf-8"))
        except BaseException:
            original.unlink(missing_ok=True)
            raise

    def _propose_from_reply(self, reply_file: Path) -> None:
        """Units of a reply imported before that the registry still lacks are proposed again
        (so that `--accept-units` can be given on a second run)."""
        if not reply_file.exists():
            return
        raw, _ = read_reply(reply_file, reply_file.as_posix())
        if raw is None:
            return
        from .extract import short_names
        unit = raw.data.get("unit")
        co_units = raw.data.get("co_units")
        for name in [unit, *(co_units if isinstance(co_units, list) else [])]:
            if isinstance(name, str) and name.strip():
                text = reply_file.read_text(encoding="utf-8", errors="replace")
                shorts = short_names(name.strip(), text) if name == unit else []
                self.proposals.add(name.strip(), shorts, reply_file.as_posix())


def _filed_documents(out: Path) -> dict[tuple, list]:
    """The documents already in the replies folder, by kind and number (nothing when the folder
    does not pass the checks: joining cases then waits for `replysite check`)."""
    from ..reading import read_folder

    if not out.is_dir():
        return {}
    try:
        folder = read_folder(out)
    except Exception:  # an unreadable folder: import still works, without joining cases
        return {}
    filed: dict[tuple, list] = {}
    for reply in folder.replies if not folder.problems else ():
        filed.setdefault((reply.kind, reply.number), []).append(reply)
    return filed


def as_json(outcome: Outcome) -> dict[str, object]:
    """One letter's outcome for `--json`: every field as it is (or would be) written."""
    data: dict[str, object] = {"file": outcome.source.as_posix(), "status": outcome.status}
    if outcome.message:
        data["message"] = outcome.message
    if outcome.result is None:
        return data
    data["reply_file"] = outcome.target.as_posix() if outcome.target else None
    data["original"] = outcome.original.as_posix() if outcome.original else None
    data["original_published"] = outcome.attached
    data["document_type"] = outcome.result.document_type
    data["ocr"] = outcome.ocr
    fields: dict[str, object] = {}
    for spec in FIELDS:
        value = outcome.values.get(spec.name)
        fields[spec.name] = value.isoformat() if isinstance(value, dt.date) else value
    data["fields"] = fields
    data["found"] = outcome.found
    data["missing"] = outcome.missing
    data["required_missing"] = [n for n in outcome.missing if FIELDS_BY_NAME[n].required]
    data["topics_proposed"] = outcome.proposed_topics
    data["notes"] = outcome.result.notes
    data["privacy"] = [{"line": h.line, "kind": h.kind, "found": h.found, "message": h.message}
                       for h in outcome.hits]
    return data
