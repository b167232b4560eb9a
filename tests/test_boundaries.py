"""Service boundaries, checked on every import of every module: a service may use another service only
through that service's ``schemas.py`` and ``client.py``; kit imports no service; the gateway imports kit only."""

from __future__ import annotations

import ast
import gc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVICES = ("users", "leads", "ai", "email", "calendar")
# Command-line entry points are composition roots: they may start services in-process (services.embedded).
COMPOSITION_ROOTS = {"services/ai/cli.py"}


def _parse(path: Path) -> ast.Module:
    """``ast.parse`` with the garbage collector held: on CPython 3.11 a collection while the parser builds its
    objects can run a finalizer (an earlier test's abandoned asyncio task logging "Task was destroyed but it is
    pending") whose calls upset the parser's recursion bookkeeping ("SystemError: AST constructor recursion depth
    mismatch", python/cpython#106905), failing this test for a reason that is not the code under test."""
    source = path.read_text()
    gc.disable()
    try:
        return ast.parse(source, str(path))
    finally:
        gc.enable()


def imports(path: Path) -> list[str]:
    """Absolute module names ``path`` imports (relative imports resolved against its package)."""
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    found = []
    for node in ast.walk(_parse(path)):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            found += [f"{module}.{alias.name}" for alias in node.names]
    return found


def crossings() -> list[str]:
    bad = []
    for path in sorted([*ROOT.glob("services/**/*.py"), *ROOT.glob("gateway/**/*.py")]):
        rel = path.relative_to(ROOT).as_posix()
        owner = path.relative_to(ROOT).parts[1] if rel.startswith("services/") else "gateway"
        for module in imports(path):
            parts = module.split(".")
            if parts[0] != "services" or len(parts) < 2:
                continue
            target = parts[1]
            if owner == "gateway" and target != "kit":
                bad.append(f"{rel}: the gateway imports {module}")
            elif owner == "kit" and target != "kit":
                bad.append(f"{rel}: kit imports {module}")
            elif target == "embedded" and owner in SERVICES and rel not in COMPOSITION_ROOTS:
                bad.append(f"{rel}: imports {module} (only command-line entry points may)")
            elif (target in SERVICES and owner in SERVICES and target != owner
                  and (len(parts) < 3 or parts[2] not in ("schemas", "client"))):
                bad.append(f"{rel}: imports {module}, an internal of the {target} service")
    return bad


def test_services_use_each_other_only_through_schemas_and_client() -> None:
    assert crossings() == []


def test_the_check_sees_a_crossing(tmp_path: Path) -> None:
    """The walk resolves relative and absolute imports (a check that cannot fail checks nothing)."""
    probe = ROOT / "services" / "ai" / "_boundary_probe.py"
    probe.write_text("from services.leads.crawler.site import Crawler\nfrom ..leads import pipeline\n")
    try:
        found = [line for line in crossings() if "_boundary_probe" in line]
    finally:
        probe.unlink()
    assert len(found) == 2, found  # services.leads.crawler.site.Crawler and services.leads.pipeline
