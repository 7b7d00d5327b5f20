"""Which files `check` reads, and that reading cannot hang, crash or take a file from outside:
names that look like replies, symbolic links, pipes, sockets, folders, unreadable and huge
files, line endings, and the registries read the same safe way. Exact messages."""

from __future__ import annotations

import os
import shutil
import signal
import socket
from pathlib import Path

import pytest

from replysite.reading import check_replies, read_folder
from replysite.reading.frontmatter import read_reply

from conftest import FIXTURE_SITE_REPLIES, TODAY

SEED = FIXTURE_SITE_REPLIES / "2023" / "xinjian-2023-jianyi-55.md"
SEED_TEXT = SEED.read_text(encoding="utf-8")
NOT_PUBLISHED = "此文件未检查也不会发布"


@pytest.fixture
def replies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fixture site's valid replies and registries in tmp_path/replies (the working folder)."""
    shutil.copytree(FIXTURE_SITE_REPLIES, tmp_path / "replies")
    monkeypatch.chdir(tmp_path)
    return Path("replies")


@pytest.fixture(autouse=True)
def no_hang():
    """A pipe opened for reading blocks until a writer comes: fail instead of hanging."""
    def hung(signum, frame):
        raise TimeoutError("reading hung")
    old = signal.signal(signal.SIGALRM, hung)
    signal.alarm(30)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def reply_text(ident: str) -> str:
    return SEED_TEXT.replace("xinjian-2023-jianyi-55", ident, 1)


def problems_of(folder: Path) -> list[str]:
    summary, problems = check_replies(folder, today=TODAY)
    assert (summary is None) == bool(problems)
    return sorted(p.format() for p in problems)


def test_names_that_look_like_replies_are_reported(replies: Path) -> None:
    for name in ("upper.MD", "mixed.Md", "long.markdown", "short.mdown", "other.mkd"):
        (replies / "2023" / name).write_text(reply_text(name.split(".")[0]), encoding="utf-8")
    # Skipped without a word, as before: README, hidden and _ names, and what is inside them.
    for name in ("README.md", "readme.MD", "README.markdown", ".draft.md", "_draft.MD", "notes.txt"):
        (replies / name).write_text("不是答复", encoding="utf-8")
    for folder in ("_drafts", ".git"):
        (replies / folder).mkdir()
        (replies / folder / "x.MD").write_text("不是答复", encoding="utf-8")
    assert problems_of(replies) == [
        f"replies/2023/long.markdown: 扩展名 .markdown 不会被读取，答复文件必须以 .md 结尾，{NOT_PUBLISHED}；"
        "请改名为 long.md",
        f"replies/2023/mixed.Md: 扩展名 .Md 应为小写 .md，{NOT_PUBLISHED}；请改名为 mixed.md",
        f"replies/2023/other.mkd: 扩展名 .mkd 不会被读取，答复文件必须以 .md 结尾，{NOT_PUBLISHED}；"
        "请改名为 other.md",
        f"replies/2023/short.mdown: 扩展名 .mdown 不会被读取，答复文件必须以 .md 结尾，{NOT_PUBLISHED}；"
        "请改名为 short.md",
        f"replies/2023/upper.MD: 扩展名 .MD 应为小写 .md，{NOT_PUBLISHED}；请改名为 upper.md",
    ]


def test_symlink_leaving_replies_is_reported_and_not_read(replies: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.md"
    outside.write_text(reply_text("from-outside"), encoding="utf-8")
    (replies / "outside.md").symlink_to(outside)
    (replies / "up.md").symlink_to(Path("..") / "elsewhere.md")
    target = outside.resolve().as_posix()
    message = "的符号链接，不会读取；请把文件本身放进答复文件夹"
    assert problems_of(replies) == [f"replies/outside.md: 是指向答复文件夹以外（{target}）{message}",
                                    f"replies/up.md: 是指向答复文件夹以外（{target}）{message}"]


def test_symlink_inside_replies_is_read(replies: Path) -> None:
    (replies / "_drafts").mkdir()
    (replies / "_drafts" / "linked.md").write_text(reply_text("linked-reply"), encoding="utf-8")
    (replies / "2024" / "linked.md").symlink_to(Path("..") / "_drafts" / "linked.md")
    folder = read_folder(replies, today=TODAY)
    assert folder.problems == []
    assert "linked-reply" in {r.id for r in folder.replies}


def test_dangling_symlink_and_links_to_folders(replies: Path) -> None:
    (replies / "gone.md").symlink_to("nothing-here.md")
    (replies / "loop.md").symlink_to("loop.md")
    (replies / "folder.md").symlink_to("2023")
    (replies / "more").symlink_to("2024")
    assert problems_of(replies) == [
        "replies/folder.md: 是符号链接，但指向的不是普通文件，不会读取；请删除或修正这个链接",
        "replies/gone.md: 是符号链接，但指向的文件不存在（nothing-here.md）；请删除或修正这个链接",
        "replies/loop.md: 是符号链接，但指向的文件不存在（loop.md）；请删除或修正这个链接",
        "replies/more: 是指向文件夹的符号链接，其中的答复文件不会被读取；请把文件夹本身放进答复文件夹",
    ]


def test_pipes_sockets_and_folders_named_md_are_never_opened(replies: Path) -> None:
    os.mkfifo(replies / "pipe.md")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(replies / "sock.md"))
    (replies / "folder.md").mkdir()
    (replies / "folder.md" / "inside.md").write_text(reply_text("inside-folder"), encoding="utf-8")
    try:
        assert problems_of(replies) == [
            "replies/folder.md: 是文件夹而不是答复文件；文件夹名请不要以 .md 结尾",
            "replies/pipe.md: 不是普通文件（命名管道），不会读取；请删除或改名",
            "replies/sock.md: 不是普通文件（套接字），不会读取；请删除或改名",
        ]
    finally:
        server.close()
    # Reading a pipe directly (it replaced a file after discovery) does not block either.
    assert [p.format() for p in read_reply(replies / "pipe.md", "replies/pipe.md")[1]] == [
        "replies/pipe.md: 不是普通文件（命名管道），不会读取；请删除或改名"]


def test_unreadable_file_and_folder(replies: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (replies / "locked").mkdir()
    (replies / "locked" / "x.md").write_text(reply_text("locked-x"), encoding="utf-8")
    (replies / "secret.md").write_text(reply_text("secret"), encoding="utf-8")
    real_open, real_scandir = os.open, os.scandir

    def refuse(path) -> None:  # what chmod 000 does, also when the tests run as root
        if Path(path).name in ("secret.md", "locked"):
            raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(os, "open", lambda path, *args, **kw: refuse(path) or real_open(path, *args, **kw))
    monkeypatch.setattr(os, "scandir", lambda path=".": refuse(path) or real_scandir(path))
    assert problems_of(replies) == [
        "replies/locked: 无法打开文件夹（没有读取权限），其中的答复文件不会被读取",
        "replies/secret.md: 无法读取文件（没有读取权限）",
    ]


def test_huge_file_is_refused_without_reading_it(replies: Path) -> None:
    with open(replies / "huge.md", "wb") as f:
        f.write(reply_text("huge").encode())
        f.truncate(50 * 1024 * 1024)  # sparse: nothing is written
    assert problems_of(replies) == [
        "replies/huge.md: 文件过大（50.0 MB），答复文件和名录不能超过 2 MB；请检查是否误放了其他文件"]


def test_front_matter_too_long(replies: Path) -> None:
    (replies / "long.md").write_text(reply_text("long").replace("category: A", "category: A\n#" + "注" * 20000),
                                      encoding="utf-8")
    assert problems_of(replies) == [
        "replies/long.md:1: 前置元数据过长（20277 字，最多 20000 字）：正文请写在第二个 --- 行之后"]


@pytest.mark.parametrize("encode", [
    lambda text: text.replace("\n", "\r\n").encode(),  # Windows line endings
    lambda text: b"\xef\xbb\xbf" + text.encode(),  # byte-order mark
    lambda text: b"\xef\xbb\xbf" + text.replace("\n", "\r").encode(),  # old Mac line endings, BOM
], ids=["crlf", "bom", "bom-cr"])
def test_line_endings_and_bom_read_like_plain_utf8(replies: Path, encode) -> None:
    (replies / "2023" / "xinjian-2023-jianyi-55.md").write_bytes(encode(SEED_TEXT))
    folder = read_folder(replies, today=TODAY)
    assert folder.problems == []
    plain = read_folder(FIXTURE_SITE_REPLIES, today=TODAY)
    assert [(r.id, r.title, r.body) for r in folder.replies] == [(r.id, r.title, r.body) for r in plain.replies]


REGISTRY_CASES = {
    "alias": (lambda units: units.replace("aliases: [新建区政务服务数据管理局]", "aliases: &a [新建区政务服务数据管理局]\n"
                                          "- id: copy\n  name: 副本\n  aliases: *a", 1),
              "replies/units.yml:10: *a 会被 YAML 当作别名（重复前面 &a 处的内容）；答复文件和名录不使用锚点和别名，"
              "请直接写出内容；如值以 * 开头请给值加引号"),
    "deep": (lambda units: units + "- " * 5000 + "x\n",
             "replies/units.yml:20: 嵌套层数过多（超过 20 层）：只能使用“字段: 值”和 [甲, 乙] 这样的列表；"
             "请检查是否多写了方括号、花括号或短横线"),
    "control": (lambda units: units.replace("[区政数局,", "[区政\x07数局,", 1),
                "replies/units.yml:6: 含有不可见的控制字符 U+0007，网页、订阅源和搜索索引无法容纳；"
                "请删除（常见于从其他软件复制粘贴的文字）"),
    "escape": (lambda units: units.replace("name: 南昌市新建区政务服务数据管理局", 'name: "南昌市新建区\\n政务服务数据管理局"'),
               "replies/units.yml:4: 单位 xinjian-zhengshuju 的名称不能换行：此字段只能是一行文字"
               "（YAML 的 | 或 > 块、双引号中的 \\n 都会产生换行）；请写在一行内"),
}


@pytest.mark.parametrize("case", sorted(REGISTRY_CASES))
def test_registry_faults(replies: Path, case: str) -> None:
    edit, message = REGISTRY_CASES[case]
    units = replies / "units.yml"
    units.write_text(edit(units.read_text(encoding="utf-8")), encoding="utf-8")
    found = problems_of(replies)
    assert found[-1] == message  # then every reply of the unit that could not be read
    assert all(p.startswith("replies/20") for p in found[:-1])


def test_registry_symlink_and_pipe(replies: Path, tmp_path: Path) -> None:
    shutil.move(replies / "units.yml", tmp_path / "units.yml")
    (replies / "units.yml").symlink_to(tmp_path / "units.yml")
    os.remove(replies / "topics.yml")
    os.mkfifo(replies / "topics.yml")
    found = [p for p in problems_of(replies) if not p.startswith("replies/20")]
    assert found == [
        "replies/topics.yml: 不是普通文件（命名管道），不会读取；请删除或改名",
        f"replies/units.yml: 是指向答复文件夹以外（{(tmp_path / 'units.yml').resolve().as_posix()}）的符号链接，"
        "不会读取；请把文件本身放进答复文件夹",
    ]
