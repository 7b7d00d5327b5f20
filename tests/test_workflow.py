from __future__ import annotations

import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
import yaml

from replysite.engine import choice

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github/workflows/site.yml"


def actionlint(path: Path) -> subprocess.CompletedProcess[str]:
    binary = shutil.which("actionlint")
    assert binary, "actionlint 未安装：pip install -e '.[test]'"
    return subprocess.run([binary, "-no-color", "-oneline", str(path)], capture_output=True,
                          text=True, timeout=60, cwd=ROOT)


def test_workflow_passes_actionlint() -> None:
    result = actionlint(WORKFLOW)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


# (what the workflow says, a mistake in its place, what actionlint says about the mistake)
BROKEN = [
    ("needs: build", "needs: biuld", 'job "deploy" needs job "biuld" which does not exist in this workflow'),
    ("matrix.engine == env.PUBLISH_ENGINE", "matrix.engin == env.PUBLISH_ENGINE",
     'property "engin" is not defined in object type {engine: string; python: string}'),
    ("REPLYSITE_ENGINE: ${{ matrix.engine }}", "REPLYSITE_ENGINE: ${{ matrix.engines }}",
     'property "engines" is not defined in object type'),
]


@pytest.mark.parametrize("correct, mistake, message", BROKEN, ids=[b[1] for b in BROKEN])
def test_actionlint_catches_a_broken_workflow(tmp_path: Path, correct: str, mistake: str, message: str) -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    assert text.count(correct) == 1
    broken = tmp_path / ".github/workflows/broken.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text(text.replace(correct, mistake), encoding="utf-8")
    result = actionlint(broken)
    assert result.returncode == 1
    assert message in result.stdout


def steps(job: dict) -> list[dict]:
    return job["steps"]


def test_pipeline() -> None:
    wf = yaml.load(WORKFLOW.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert set(wf["on"]) >= {"pull_request", "push"}
    assert wf["on"]["push"]["branches"] == ["main"]
    build, deploy = wf["jobs"]["build"], wf["jobs"]["deploy"]
    runs = [s.get("run", "").strip() for s in steps(build)]
    order = ["pip install -e '.[test]'", "replysite check", "pytest", "replysite build"]
    assert [r for r in runs if r in order] == order
    assert any("apt-get install" in r and "chromium" in r for r in runs)
    upload = next(s for s in steps(build) if s.get("uses", "").startswith(
        "actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site/"
    on_main = "github.event_name != 'pull_request' && github.ref == 'refs/heads/main'"
    assert deploy["if"] == on_main and deploy["needs"] == "build"
    # Only one run of the matrix uploads the site (an artifact name is one per workflow run).
    assert upload["if"] == on_main + " && matrix.engine == env.PUBLISH_ENGINE && matrix.python == env.PUBLISH_PYTHON"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": "false"}
    assert deploy["environment"]["name"] == "github-pages"
    assert steps(deploy)[0]["uses"].startswith("actions/deploy-pages@")


def test_matrix_is_every_supported_python_with_each_engine() -> None:
    wf = yaml.load(WORKFLOW.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    build = wf["jobs"]["build"]
    matrix = build["strategy"]["matrix"]
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    supported = [c.rsplit(" :: ", 1)[1] for c in project["classifiers"]
                 if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)]
    assert matrix == {"python": supported, "engine": list(choice.ENGINES)}
    assert supported == ["3.11", "3.12", "3.13"] and project["requires-python"] == ">=3.11"
    assert build["strategy"]["fail-fast"] == "false"
    assert build["container"] == "python:${{ matrix.python }}-bookworm"
    assert build["env"]["REPLYSITE_ENGINE"] == "${{ matrix.engine }}"
    assert wf["env"]["PUBLISH_ENGINE"] in matrix["engine"] and wf["env"]["PUBLISH_PYTHON"] in matrix["python"]
