"""Property tests (Hypothesis): whatever a replies folder holds, `replysite check` either passes or
lists problems as `path:line: …` and exits 1 — never a traceback — and what it passes,
`replysite build` builds. Derandomized, so CI sees the same examples every run."""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from replysite.commands import main
from replysite.schema import FIELDS

from conftest import FIXTURE_SITE_REPLIES, make_site

FUZZ = settings(derandomize=True, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# YAML sources of a valid reply, field by field (the fixture registries' names).
VALID = {
    "id": "fuzz-{n}", "kind": "建议", "number": '"12"', "title": "关于改善社区停车的建议",
    "proposers": "[张伟]", "unit": "区政数局", "category": "B", "reply_date": "2023-05-06",
    "topics": "[政务服务]", "session": "新建区第十八届人民代表大会第二次会议",
    "doc_number": "新政数提复字〔2023〕1号", "contact": "新建区政数局 83098603",
}
FREE_TEXT = ("title", "session", "doc_number", "contact", "disclosure_note")
FREE_LISTS = ("proposers", "cc")

CJK = "关于建议答复局区政数营商环境的张伟甲乙丙，。：“”（）〔〕、"
YAML_MARKS = ":-[]{}&*!|>'\"#%@`,?\\ \t"
ODD = ("\x00\x01\x07\x08\x0b\x0c\x0e\x1b\x1f\x7f\x85\x9f\u00ad\u200b\u200d\u2028\u2029\u202a\u202e"
       "\u2066\u2069\u3000\ufeff\ufdd0\ufffd\ufffe\uffff\U0001f600\U000e0001")
ANY_CHAR = st.characters(codec="utf-8")
chars = st.one_of(st.sampled_from(CJK), st.sampled_from(YAML_MARKS), st.sampled_from(ODD), ANY_CHAR)
junk = st.text(chars, max_size=25)
one_line = junk.map(lambda s: re.sub(r"[\n\r]", " ", s))

MARKDOWN = (
    "# 标题", "## 二级标题", "- 列表项\n- 第二项", "1. 第一\n2. 第二", "> 引用", "```\ncode <b>\n```",
    "| 甲 | 乙 |\n|---|---|\n| 1 | 2 |", "[链接](https://www.example.gov.cn/a?b=1&c=2)", "**粗体** *斜体*",
    "---", "***", "<div>块</div>", "<span>行内</span>", "<br>", "<!-- 注释 -->", "&amp; &lt; &#160; &#x1;",
    "\\", "`代码`", "<", "]]>", "{: .cls }", "%", "{{ x }}", "{% x %}", "$$", "[^1]\n\n[^1]: 注",
    "*[HTML]: 缩写", "<details><summary>摘要</summary>内容</details>", "    缩进代码", "~~删除~~",
    "尊敬的张伟代表：", "此复。\n\n区政数局\n2023年5月6日", "RSHTMLBLOCK0X", "<p>RSHTMLBLOCK1X</p>",
    "段落\n{: onclick=x }", "<!-- a --!>b",
)
REFUSED = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))",
           "请拨打 13812345678")


def nested(n: int, kind: str) -> str:
    if kind == "[":
        return "[" * n + "]" * n
    if kind == "{":
        return "{a: " * n + "b" + "}" * n
    return "\n  " + "- " * n + "x"


def yaml_value(text: str, style: str) -> str:
    """`text` written as a YAML value in one of the ways staff (or an attacker) might."""
    if style == "plain":
        return text.replace("\n", " ")
    if style == "double":
        return json.dumps(text, ensure_ascii=False)
    if style == "single":
        return "'" + text.replace("'", "''") + "'"
    if style == "block":
        return "|\n" + "".join(f"  {line}\n" for line in text.split("\n")).rstrip("\n")
    if style == "flow-list":
        return "[" + ", ".join(json.dumps(x, ensure_ascii=False) for x in text.split(" ")) + "]"
    if style == "block-list":
        return "".join(f"\n  - {x}" for x in text.split(" "))
    return {"anchor": "&a " + text, "alias": "*a", "tag": "!x " + text, "python": "!!python/object:os.system x",
            "escapes": '"\\x01\\e\\N\\L\\u202e\\t\\n"', "surrogate": '"\\ud800"', "merge": "\n  <<: *a",
            "map": "{a: b, [c]: d}", "null": "", "tilde": "~"}[style]


STYLES = ("plain", "double", "single", "block", "flow-list", "block-list", "anchor", "alias", "tag", "python",
          "escapes", "surrogate", "merge", "map", "null", "tilde")
yaml_values = st.one_of(
    st.builds(yaml_value, junk, st.sampled_from(STYLES)),
    st.builds(nested, st.integers(0, 3000), st.sampled_from("[{-")),
)
keys = st.one_of(st.sampled_from([f.name for f in FIELDS]),
                 st.sampled_from(["<<", "[x]", "? 复杂", "titel", '""', '"ti\\ntle"', "'id'", "&k key", "*k", "-"]),
                 one_line.filter(lambda k: k.strip()))
bodies = st.lists(st.one_of(st.sampled_from(MARKDOWN + REFUSED), junk, st.integers(1000, 30000).map(lambda n: "长" * n)),
                  max_size=6).map("\n\n".join)


@st.composite
def reply_files(draw, n: int) -> bytes:
    """A reply file: a valid one with some fields replaced, junk keys added, fields dropped, a
    random body, and sometimes odd bytes around it (BOM, CRLF, no closing ---, not UTF-8)."""
    fields = {k: v.format(n=n) for k, v in VALID.items()}
    for key in draw(st.lists(st.sampled_from(sorted(fields)), max_size=3, unique=True)):
        del fields[key]
    for key in draw(st.lists(keys, max_size=4)):
        fields[key] = draw(yaml_values)
    front = "".join(f"{k}: {v}\n" for k, v in fields.items())
    text = f"---\n{front}---\n\n{draw(bodies)}\n"
    shape = draw(st.sampled_from(["plain"] * 6 + ["bom", "crlf", "cr", "unclosed", "blank-first", "empty",
                                                  "not-utf8", "nul"]))
    if shape == "crlf":
        text = text.replace("\n", "\r\n")
    elif shape == "cr":
        text = text.replace("\n", "\r")
    elif shape == "unclosed":
        text = text.replace("\n---\n", "\n", 1)
    elif shape == "blank-first":
        text = "\n" + text
    elif shape == "empty":
        text = ""
    elif shape == "nul":
        text = text.replace("---\n", "---\n\x00", 1)
    raw = text.encode("utf-8")
    if shape == "bom":
        raw = b"\xef\xbb\xbf" + raw
    elif shape == "not-utf8":
        raw = raw[: len(raw) // 2] + b"\xff\xfe" + raw[len(raw) // 2:]
    return raw


def write_replies(folder: Path, files: list[bytes]) -> Path:
    replies = folder / "replies"
    replies.mkdir(parents=True)
    for name in ("units.yml", "topics.yml"):
        shutil.copy(FIXTURE_SITE_REPLIES / name, replies / name)
    for n, raw in enumerate(files):
        (replies / f"fuzz-{n}.md").write_bytes(raw)
    return replies


def run_check(replies: Path):
    """`replysite check`, asserting its contract: exit 0, or 1 with one `path:line: …` per problem."""
    result = CliRunner().invoke(main, ["check", "--replies", str(replies)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    lines = result.output.splitlines()
    if result.exit_code == 0:
        assert len(lines) == 1 and lines[0].startswith("检查通过："), result.output
        return True
    assert result.exit_code == 1, result.output
    problem = re.compile(re.escape(replies.as_posix()) + r"(/[^:\n]+)?(:\d+)?: \S")
    assert lines and re.fullmatch(r"共发现 \d+ 个问题，涉及 \d+ 个文件；请修改后重试，网站未生成。", lines[-1])
    for line in lines[:-1]:
        assert problem.match(line), line
    return False


@settings(FUZZ, max_examples=200)
@given(st.integers(1, 3).flatmap(lambda count: st.tuples(*(reply_files(n) for n in range(count)))))
def test_check_passes_or_reports_every_problem_with_its_line(files: tuple[bytes, ...]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        run_check(write_replies(Path(tmp), list(files)))


# --- check passes → build builds ----------------------------------------------------------------
# Mostly valid replies whose free-text fields and body hold anything: quotes, markup, any character.
printable = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
# Characters that check lets through but that are easy to mishandle (soft hyphen, zero-width, BOM,
# non-characters beyond U+FFFF, combining marks, astral and private-use characters).
ALLOWED_ODD = "\u00ad\u0300\u200b\u200d\u2060\u3000\ue000\ufeff\ufdd0\ufffd\U0001f600\U000e0001\U0010fffd\U0001fffe"
SAFE_TEXTS = st.text(st.one_of(st.sampled_from(CJK), st.sampled_from(YAML_MARKS + "<>&=/;"),
                              st.sampled_from(ALLOWED_ODD), printable), min_size=1, max_size=40)


# Now and then a reply whose texts may hold anything, control characters included (check must
# then refuse it, or the build must cope).
risky_texts = st.text(st.one_of(st.sampled_from(CJK), st.sampled_from(ODD), ANY_CHAR), min_size=1, max_size=20)


@st.composite
def mostly_valid(draw, n: int) -> str:
    texts = draw(st.sampled_from([SAFE_TEXTS] * 5 + [risky_texts]))
    fields = {k: v.format(n=n) for k, v in VALID.items()}
    for key in draw(st.lists(st.sampled_from(FREE_TEXT + FREE_LISTS), max_size=4, unique=True)):
        if key in FREE_LISTS:
            items = draw(st.lists(texts.filter(str.strip), min_size=1, max_size=3, unique_by=str.strip))
            fields[key] = "[" + ", ".join(json.dumps(x.strip(), ensure_ascii=False) for x in items) + "]"
        else:
            fields[key] = json.dumps(draw(texts.filter(str.strip)), ensure_ascii=False)
    if "disclosure_note" in fields:
        fields["disclosure"] = "摘要公开"
    body = draw(st.lists(st.one_of(st.sampled_from(MARKDOWN), texts), min_size=1, max_size=6))
    front = "".join(f"{k}: {v}\n" for k, v in fields.items())
    return f"---\n{front}---\n\n尊敬的张伟代表：\n\n" + "\n\n".join(body) + "\n"


@settings(FUZZ, max_examples=20)
@given(st.tuples(mostly_valid(0), mostly_valid(1), mostly_valid(2)))
def test_what_check_passes_builds(files: tuple[str, ...]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        replies = write_replies(Path(tmp) / "src", [f.encode() for f in files])
        if not run_check(replies):
            return
        (Path(tmp) / "site").mkdir()
        project = make_site(Path(tmp) / "site", replies)
        result = CliRunner().invoke(main, ["build", "-f", str(project / "mkdocs.yml"),
                                           "-d", str(project / "site")])
        assert result.exit_code == 0, result.output
