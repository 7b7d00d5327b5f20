"""The package's folders are the pipeline, and imports run one way along it: reading → archive →
pages → outputs → engine (the MkDocs glue) → commands. Only `engine/` imports MkDocs, ProperDocs,
Jinja or Material. Every import statement of every module is read, function-level ones included."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "scripts" / "replysite"
BASE = {"model", "schema", "problems", "urls", "forking", "local_http"}
# What each part of the package may import from the package (besides itself).
ALLOWED = {
    "base": {"base"},
    "reading": {"base"},
    "archive": {"base", "reading"},
    "pages": {"base", "archive"},
    "outputs": {"base", "archive"},
    "engine": {"base", "reading", "archive", "pages", "outputs"},
    "authoring": {"base", "reading"},
    "importer": {"base", "reading", "authoring"},
    "synthetic": {"base", "authoring"},
    "commands": {"base", "reading", "archive", "pages", "outputs", "engine", "authoring", "importer",
                 "synthetic"},
    "main": {"commands"},
}
ENGINE_ONLY = {"mkdocs", "properdocs", "jinja2", "markupsafe", "material"}


def part_of(module: str) -> str:
    """`replysite.pages.lists` → pages; `replysite.urls` → base."""
    parts = module.split(".")
    if len(parts) == 1:
        return "base"
    if parts[1] == "__main__":
        return "main"
    return "base" if parts[1] in BASE else parts[1]


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(path: Path, text: str | None = None) -> list[tuple[int, str]]:
    """(line, absolute module) of every import in a file."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(text if text is not None else path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
                if node.module is None:  # `from . import x`: each name may be a module
                    found += [(node.lineno, f"{target}.{alias.name}") for alias in node.names]
                    continue
            else:
                target = node.module or ""
            found.append((node.lineno, target))
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_belongs_to_a_known_part() -> None:
    assert len(MODULES) > 40
    unknown = {module_name(p) for p in MODULES if part_of(module_name(p)) not in ALLOWED}
    assert unknown == set()


def violations(path: Path, text: str | None = None) -> list[str]:
    source = part_of(module_name(path))
    wrong = []
    for line, target in imports(path, text):
        top = target.split(".")[0]
        if top == "replysite":
            goes_to = part_of(target)
            if goes_to != source and goes_to not in ALLOWED[source]:
                wrong.append(f"{path.name}:{line}: {source} imports {target} ({goes_to})")
        elif top in ENGINE_ONLY and source != "engine":
            wrong.append(f"{path.name}:{line}: {source} imports {top}, which only engine/ may")
    return wrong


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_imports_run_one_way(path: Path) -> None:
    assert violations(path) == []


def test_the_checker_sees_a_wrong_import() -> None:
    """The rule can fail: a page module importing the engine or MkDocs, even inside a function."""
    lists = PACKAGE / "pages" / "lists.py"
    text = ("from ..archive import Archive\n"
            "def f():\n    from ..engine.plugin import ReplySitePlugin\n    import jinja2\n")
    assert violations(lists, text) == [
        "lists.py:3: pages imports replysite.engine.plugin (engine)",
        "lists.py:4: pages imports jinja2, which only engine/ may"]
