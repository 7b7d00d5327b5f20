"""The `attachments` field: original files kept with a reply, each checked where it is.

An entry is `{path: 文件名, sha256: 校验值}`. The path is relative to the reply file's folder
and must stay inside the replies folder (no absolute path, no `..`, no symbolic link that
leads out); the file must exist, be a regular file of a type the site serves as a download
(.pdf, .docx, .txt), and its SHA-256 must be the one written — so a page whose text differs
from the original can be checked against it by anyone, and a changed original is noticed.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from pathlib import Path, PurePosixPath
from typing import Any

from ..model import Attachment
from ..schema import ATTACHMENT_SUFFIXES, SHA256_PATTERN

MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024
_SHA256_RE = re.compile(SHA256_PATTERN)
SHAPE = "应为列表，每项写成 {path: 文件名, sha256: 校验值}，例如 [{path: 某某.原件.pdf, sha256: 9f86…}]"


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _entry(item: Any, reply_folder: Path, replies_dir: Path) -> tuple[Attachment | None, str | None]:
    if not isinstance(item, dict) or set(item) != {"path", "sha256"} \
            or not all(isinstance(v, str) and v.strip() for v in item.values()):
        return None, SHAPE
    written, sha = item["path"].strip(), item["sha256"].strip()
    pure = PurePosixPath(written)
    if "\\" in written or pure.is_absolute() or ".." in pure.parts or re.match(r"^[A-Za-z]:", written):
        return None, (f"原件路径“{written}”必须是相对于本答复文件所在文件夹的路径（不以 / 开头，"
                      "不含 ..），原件须放在答复文件夹内")
    if pure.suffix.lower() not in ATTACHMENT_SUFFIXES:
        return None, (f"原件“{written}”的类型不能发布：只能是 {'、'.join(ATTACHMENT_SUFFIXES)} 文件"
                      "（网页和 Markdown 原件请以 .txt 结尾保存）")
    if not _SHA256_RE.match(sha):
        return None, f"原件“{written}”的 sha256“{sha}”不是 SHA-256 校验值（64 位小写十六进制数字和字母）"
    path = reply_folder / pure
    if not os.path.lexists(path):
        return None, f"找不到原件“{written}”（应在 {path.parent.as_posix()}/ 中）"
    real = Path(os.path.realpath(path))
    if not real.is_relative_to(Path(os.path.realpath(replies_dir))):
        return None, f"原件“{written}”是指向答复文件夹以外的链接；请把原件文件本身放进答复文件夹"
    try:
        info = os.stat(real)
    except OSError:
        return None, f"无法读取原件“{written}”"
    if not stat.S_ISREG(info.st_mode):
        return None, f"原件“{written}”不是普通文件"
    if info.st_size > MAX_ATTACHMENT_BYTES:
        return None, (f"原件“{written}”过大（{info.st_size / 1048576:.0f} MB），"
                      f"最多 {MAX_ATTACHMENT_BYTES // 1048576} MB")
    try:
        actual = file_sha256(real)
    except OSError:
        return None, f"无法读取原件“{written}”"
    if actual != sha:
        return None, (f"原件“{written}”的 SHA-256 校验值与文件不符（文件为 {actual}）："
                      "原件被改动或替换过，或校验值写错了；请核对原件后改正")
    return Attachment(pure.name, real, sha, info.st_size), None


def check_attachments(value: Any, reply_path: Path, replies_dir: Path | None
                      ) -> tuple[tuple[Attachment, ...] | None, list[str]]:
    """The attachments, or None and the messages (Chinese) of what is wrong."""
    if value in (None, [], ""):
        return (), []
    if not isinstance(value, list):
        return None, [SHAPE]
    folder = reply_path.parent
    base = replies_dir if replies_dir is not None else folder
    found: list[Attachment] = []
    messages: list[str] = []
    for item in value:
        attachment, message = _entry(item, folder, base)
        if message:
            messages.append(message)
        elif attachment is not None:
            if any(a.name == attachment.name for a in found):
                messages.append(f"原件文件名“{attachment.name}”重复：同一答复的原件须用不同的文件名")
            found.append(attachment)
    return (None, messages) if messages else (tuple(found), [])
