from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import yaml

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


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / ".github/workflows/broken.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace(
        "needs: build", "needs: biuld"), encoding="utf-8")
    result = actionlint(broken)
    assert result.returncode == 1
    assert 'job "deploy" needs job "biuld" which does not exist in this workflow' in result.stdout


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
    assert upload["if"] == "github.event_name != 'pull_request' && github.ref == 'refs/heads/main'"
    assert deploy["if"] == upload["if"] and deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": "false"}
    assert deploy["environment"]["name"] == "github-pages"
    assert steps(deploy)[0]["uses"].startswith("actions/deploy-pages@")
