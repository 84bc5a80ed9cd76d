"""The domain core never imports Textual: only corpusdiff.tui does (Harlequin's split)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_IMPORT_ALL = """
import importlib, json, pkgutil, sys
import corpusdiff
names = sorted(m.name for m in pkgutil.walk_packages(corpusdiff.__path__, "corpusdiff.")
               if not m.name.startswith("corpusdiff.tui") and m.name != "corpusdiff.__main__")
for name in names:
    importlib.import_module(name)
print(json.dumps({"modules": names,
                  "textual": sorted(m for m in sys.modules if m.split(".")[0] == "textual")}))
"""

_EXPORT = """
import json, sys
from corpusdiff.cli import main
code = main(["export", sys.argv[1], "--output", sys.argv[2]])
print(json.dumps({"code": code, "textual": [m for m in sys.modules if m.startswith("textual")]}))
"""


def _run(script: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True,
                         check=True, cwd=ROOT, timeout=120)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_no_module_outside_tui_imports_textual() -> None:
    result = _run(_IMPORT_ALL)
    assert "corpusdiff.views" in result["modules"]
    assert "corpusdiff.pipeline" in result["modules"]
    assert result["textual"] == []


def test_export_never_imports_textual(tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    result = _run(_EXPORT, str(ROOT / "seeds"), str(out))
    assert result["code"] == 0 and out.read_text(encoding="utf-8").startswith("# corpusdiff")
    assert result["textual"] == []
