"""The staff guide is tested: every command, option and field is in it, and its error examples
are the messages `replysite check` really prints."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from conftest import ROOT, make_replies
from replysite.commands import main
from replysite.commands.new import new_command
from replysite.schema import FIELDS
from test_validate import EXPECTED

GUIDE = (ROOT / "docs" / "staff-guide.md").read_text(encoding="utf-8")
# Every command the CLI lists (most are imported only when used).
_CTX = click.Context(main)
COMMANDS: dict[str, click.Command] = {name: main.get_command(_CTX, name) for name in main.list_commands(_CTX)}
STAFF_COMMANDS = ("check", "build", "serve", "new", "import", "schema")
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_has_chinese_help(name: str) -> None:
    command = COMMANDS[name]
    assert command.help and CJK.search(command.help), f"replysite {name} 没有中文说明"
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help and CJK.search(param.help), f"replysite {name} {param.opts} 没有中文说明"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_is_in_the_guide(name: str) -> None:
    assert f"`replysite {name}" in GUIDE


@pytest.mark.parametrize("name", STAFF_COMMANDS)
def test_staff_command_options_are_in_the_guide(name: str) -> None:
    for param in COMMANDS[name].params:
        if isinstance(param, click.Option):
            assert any(f"`{opt}`" in GUIDE for opt in param.opts), f"replysite {name} {param.opts}"


@pytest.mark.parametrize("name", [f.name for f in FIELDS])
def test_field_is_in_the_guide_table(name: str) -> None:
    spec = next(f for f in FIELDS if f.name == name)
    need = spec.need
    assert re.search(rf"^\| `{name}` \| {re.escape(spec.label)} \| {need} \| .+ \|$", GUIDE, re.M)


def test_guide_table_lists_the_fields_in_schema_order() -> None:
    listed = re.findall(r"^\| `([a-z_]+)` \| ", GUIDE, re.M)
    assert listed == [f.name for f in FIELDS]


def test_error_examples_are_real_messages() -> None:
    examples = re.findall(r"^replies/[^:\s]+\.md:(\d+: .+)$", GUIDE, re.M)
    assert len(examples) >= 5
    for example in examples:
        assert example in EXPECTED.values(), example


def test_new_example_output_is_what_new_prints(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    block = re.search(r"```console\n\$ replysite (new .+)\n((?:.+\n)+?)```", GUIDE)
    assert block is not None
    monkeypatch.chdir(tmp_path)
    make_replies(tmp_path)
    result = CliRunner().invoke(new_command, block.group(1).split()[1:])
    year = dt.date.today().year
    assert result.output.replace(f"replies/{year}/", "replies/2024/") == block.group(2)
