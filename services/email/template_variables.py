"""What a template reads: dotted variable paths for the variables panel, and the lint's "would render empty".

Works on the Jinja AST (``jinja2.nodes``) of a checked template: ``contact.first_name``,
``company['city']`` and ``ai.hook`` become dotted paths; names a template assigns itself (loop
variables, ``{% set %}``) and the globals are left out. :func:`printed_paths` keeps only what ``{{ … }}``
prints without a ``default(...)`` and outside an ``{% if %}`` that tests it: those are the paths that
would leave a visible gap when empty.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jinja2 import nodes
from markupsafe import Markup

GLOBALS = ("range", "dict")

# What the variables panel offers; the email service fills these in per contact.
STANDARD_VARIABLES: dict[str, str] = {
    "contact.name": "the contact's full name",
    "contact.first_name": "first name",
    "contact.last_name": "last name",
    "contact.role": "role or job title",
    "contact.email": "e-mail address",
    "company.name": "company name",
    "company.domain": "company web domain",
    "company.website": "company website",
    "company.city": "city",
    "company.country": "country (ISO code)",
    "company.industry": "industry",
    "ai.summary": "AI profile: what the company does",
    "ai.industry": "AI profile: industry",
    "ai.hook": "AI profile: a hook for the first line",
    "ai.opening_line": "this step's personal opening line (reviewed before start)",
    "ai_line": "the same reviewed AI line (empty when rejected)",
    "gdpr_notice": "Art. 14 GDPR notice naming where the data came from (first message only)",
    "sender.name": "sender's name",
    "sender.email": "sender's address",
    "campaign.name": "campaign name",
    "booking_url": "link to the booking page",
    "unsubscribe_url": "one-click unsubscribe link",
}


def _path_of(node: nodes.Node) -> str | None:
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        base = _path_of(node.node)
        return f"{base}.{node.attr}" if base else None
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
        base = _path_of(node.node)
        return f"{base}.{node.arg.value}" if base else None
    return None


def _locals(ast: nodes.Template) -> set[str]:
    names: set[str] = {"loop", "self", "caller", "varargs", "kwargs", *GLOBALS}
    for node in ast.find_all(nodes.Name):
        if node.ctx in ("store", "param"):
            names.add(node.name)
    return names


def _collect(node: nodes.Node, local: set[str], out: set[str], skip_default: bool) -> None:
    if skip_default and isinstance(node, nodes.Filter) and node.name in ("default", "d"):
        return
    path = _path_of(node) if isinstance(node, nodes.Name | nodes.Getattr | nodes.Getitem) else None
    if path is not None:
        if path.split(".")[0] not in local and not (isinstance(node, nodes.Name) and node.ctx != "load"):
            out.add(path)
        return
    for child in node.iter_child_nodes():
        _collect(child, local, out, skip_default)


def read_paths(ast: nodes.Template) -> set[str]:
    out: set[str] = set()
    _collect(ast, _locals(ast), out, skip_default=False)
    return out


def printed_paths(ast: nodes.Template) -> set[str]:
    """Paths printed by ``{{ … }}`` without a default, except inside an ``{% if %}`` that tests them."""
    local = _locals(ast)
    out: set[str] = set()

    def walk(node: nodes.Node, guarded: frozenset[str]) -> None:
        if isinstance(node, nodes.If):
            tested: set[str] = set()
            _collect(node.test, local, tested, skip_default=False)
            inner = guarded | tested
            for child in node.body:
                walk(child, inner)
            for branch in (*node.elif_, *node.else_):
                walk(branch, guarded)
            return
        if isinstance(node, nodes.Output):
            for expr in node.nodes:
                if isinstance(expr, nodes.TemplateData):
                    continue
                found: set[str] = set()
                _collect(expr, local, found, skip_default=True)
                out.update(p for p in found if not any(p == g or p.startswith(g + ".") for g in guarded))
            return
        for child in node.iter_child_nodes():
            walk(child, guarded)

    walk(ast, frozenset())
    return out


def resolve_path(context: Mapping[str, Any], path: str) -> Any:
    value: Any = context
    for part in path.split("."):
        if isinstance(value, Mapping):
            value = value.get(part)
        elif value is not None and not part.startswith("_"):
            value = getattr(value, part, None)
        else:
            return None
        if value is None:
            return None
    return value


def is_empty(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str | Markup):
        return not value.strip()
    if isinstance(value, list | tuple | dict | set):
        return not value
    return False
