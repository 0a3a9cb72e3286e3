"""No stage imports a later one (issue 9): ingest -> layout -> structure -> extract -> process -> batch/outputs.
The order is read from the source with ast, so a new import that breaks it fails here."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parent.parent / "pipeline"

# shared foundations any stage may use: records, rules, text cleaning, names
_BASE = {"model", "rules", "paths", "evidence", "nlp", "docnumber", "normalize", "orgnames", "colour"}
_ORDER = ["ingest", "layout", "structure", "extract", "process"]  # everything else is batch/output (last)
_HELPERS = {"headmarks": "structure"}  # a module one stage splits out, at that stage


def _stage(module: str) -> int:
    """0 for the foundations, then 1.. in pipeline order; batch and output modules last."""
    parts = module.split(".")
    head = parts[1] if len(parts) > 1 else ""
    head = _HELPERS.get(head, head)
    if head in _BASE:
        return 0
    if head in _ORDER:
        return 1 + _ORDER.index(head)
    return 1 + len(_ORDER)


def _imports(path: Path) -> list[str]:
    module = "pipeline." + ".".join(path.relative_to(PKG).with_suffix("").parts).removesuffix(".__init__")
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package.split(".")
            base = base[: len(base) - (node.level - 1)]
            target = ".".join(base + ([node.module] if node.module else []))
            if node.module is None:
                out.extend(f"{target}.{a.name}" for a in node.names)
            else:
                out.append(target)
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("pipeline"):
            out.append(node.module)
    return out


_MODULES = sorted(p for p in PKG.rglob("*.py") if p.name != "__init__.py" or p.parent != PKG)


@pytest.mark.parametrize("path", _MODULES, ids=lambda p: str(p.relative_to(PKG)))
def test_no_stage_imports_a_later_one(path: Path) -> None:
    module = "pipeline." + ".".join(path.relative_to(PKG).with_suffix("").parts).removesuffix(".__init__")
    own = _stage(module)
    later = [m for m in _imports(path) if _stage(m) > own]
    assert not later, f"{module} (stage {own}) imports later stage(s): {later}"


def test_the_order_is_checked_at_all() -> None:
    """The checker sees a real backward import: layout used to import structure for looks_like_org."""
    assert _stage("pipeline.structure") > _stage("pipeline.layout")
    assert "pipeline.orgnames" in _imports(PKG / "layout.py")


def _module_map() -> str:
    readme = (PKG.parent / "README.md").read_text(encoding="utf-8")
    start = readme.index("## How it works")
    return readme[start : readme.index("\n## ", start + 1)]


def test_readme_module_map_names_every_module() -> None:
    """The README's module map names every module of the package (by file name), so a newcomer finds each one."""
    text = _module_map()
    missing = [str(p.relative_to(PKG)) for p in _MODULES if p.parent.name != "report" and p.name not in text]
    assert not missing, f"README 'How it works' does not name: {missing}"


def test_readme_module_map_names_only_real_modules() -> None:
    import regex

    named = set(regex.findall(r"pipeline/[\w/]+\.py", _module_map()))
    assert named, "the module map names no pipeline/ paths"
    gone = sorted(n for n in named if not (PKG.parent / n).exists())
    assert not gone, f"README names modules that do not exist: {gone}"
