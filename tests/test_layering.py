"""The package's imports flow one way: ingest -> segment -> clean -> align -> analyze ->
export / TUI, with nothing pointing back up (no import cycle, local imports included)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "corpusdiff"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, set[str]]:
    """module -> the corpusdiff modules it imports anywhere (module level or in a function;
    TYPE_CHECKING blocks left out: they never run)."""
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If)
                and "TYPE_CHECKING" in ast.unparse(node.test) for n in ast.walk(node)}
        found: set[str] = set()
        for node in ast.walk(tree):
            if id(node) in skip:
                continue
            if isinstance(node, ast.Import):
                found |= {a.name for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                found.add(node.module)
                found |= {f"{node.module}.{a.name}" for a in node.names}
        graph[name] = {m for m in found if m in modules and m != name}
    return graph


def test_no_import_cycle() -> None:
    graph = _imports()
    assert len(graph) > 30  # the scan sees the package
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycle = [*path[path.index(nxt):], nxt]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt)
        path.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)


def test_the_core_never_imports_the_views_above_it() -> None:
    graph = _imports()
    core = [m for m in graph if m.count(".") and m.split(".")[1] in
            {"ingest", "markup", "segment", "clean", "tokens", "align", "analyze", "model",
             "options", "text", "diff", "files"}]
    for module in core:
        above = {m for m in graph[module] if m.count(".")
                 and m.split(".")[1] in {"cli", "tui", "export", "views", "pipeline", "config"}}
        assert not above, f"{module} imports {sorted(above)}"
