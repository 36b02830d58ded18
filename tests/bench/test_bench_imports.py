"""The bench/ scripts import each other without a cycle (run -> report -> targets, ...),
so any of them can be read, imported and tested on its own."""

import ast
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parents[2] / "bench"


def local_imports(path: Path, local: set[str]) -> set[str]:
    """The bench/ modules that `path` imports, at any depth in the file."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found & local


def import_graph(directory: Path) -> dict[str, set[str]]:
    modules = {path.stem: path for path in directory.glob("*.py")}
    return {name: local_imports(path, set(modules)) for name, path in modules.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """A list of modules that import each other in a loop, or None."""
    visiting, done = [], set()

    def visit(module):
        if module in visiting:
            return [*visiting[visiting.index(module) :], module]
        if module in done:
            return None
        visiting.append(module)
        for imported in sorted(graph[module]):
            if cycle := visit(imported):
                return cycle
        visiting.pop()
        done.add(module)
        return None

    for module in sorted(graph):
        if cycle := visit(module):
            return cycle
    return None


def test_bench_modules_import_each_other_without_a_cycle():
    graph = import_graph(BENCH_DIR)
    assert {"run", "report", "targets"} <= set(graph)
    assert "report" in graph["run"] and "targets" in graph["report"]
    assert find_cycle(graph) is None, " -> ".join(find_cycle(graph))


def test_the_cycle_finder_finds_a_cycle(tmp_path):
    (tmp_path / "a.py").write_text("import b\n")
    (tmp_path / "b.py").write_text("def late():\n    from c import x\n")
    (tmp_path / "c.py").write_text("from a import y\n")
    (tmp_path / "d.py").write_text("import json\n")
    assert find_cycle(import_graph(tmp_path)) == ["a", "b", "c", "a"]
