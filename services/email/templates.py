"""E-mail templates: Jinja2 in a bounded sandbox, checked when saved, rendered per contact.

A template has a subject, an HTML body and/or a text body. :class:`TemplateEngine` compiles all
three (HTML with autoescape, subject and text without) and refuses, with a
:class:`TemplateProblem` (422) naming the field and the line:

* syntax errors;
* anything reaching for Python internals: ``_``-names and attributes (``''.__class__.__mro__``),
  strings with ``__`` (``attr('__class__')``), ``{% import %}``, ``{% include %}``, ``{% extends %}``,
  macros, call blocks and recursive loops;
* the ``format`` filter and ``%`` on strings (a width like ``%0999999999d`` allocates gigabytes).

What is left is bounded at render time: numbers given to calls and filters are capped, ``*``,
``**`` and ``+`` refuse results beyond the limits, every ``for`` loop draws from one iteration
budget per render (``range(10**9)`` or nested loops stop there), every concatenation and filter
result and the whole output are capped at ``max_output_chars``, and the sandbox refuses unsafe
attributes. A limit hit while rendering raises :class:`TemplateProblem` naming the line too.

Missing variables render empty (``default("…")`` supplies a fallback; it also applies to ``None``
and empty strings, unlike Jinja's own). :func:`variables_used` lists the dotted paths a template
reads (for the variables panel, whose catalogue is
:data:`services.email.template_variables.STANDARD_VARIABLES`) and :meth:`CompiledTemplate.lint` lists, for one contact's
context, the printed variables that would come out empty. When no text body is written the text
part is generated from the rendered HTML (:func:`services.email.html_text.html_to_text`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import CodeType, TracebackType
from typing import Any, Literal

from jinja2 import ChainableUndefined, TemplateSyntaxError, nodes
from jinja2.exceptions import SecurityError, TemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.visitor import NodeTransformer

from services.kit.errors import Invalid

from .headers import header_value
from .html_text import html_to_text
from .template_variables import is_empty, printed_paths, read_paths, resolve_path

Field = Literal["subject", "html", "text"]
FIELD_NAMES: dict[Field, str] = {"subject": "subject", "html": "body_html", "text": "body_text"}
_FORBIDDEN_TAGS: dict[type[nodes.Node], str] = {
    nodes.Extends: "extends", nodes.Include: "include", nodes.Import: "import", nodes.FromImport: "import",
    nodes.Macro: "macro", nodes.CallBlock: "call", nodes.Block: "block",
}
_FORBIDDEN_FILTERS = {"format", "attr"}
_FORBIDDEN_ATTRIBUTES = {"format", "format_map", "mro"}
MAX_SOURCE_CHARS = 100_000
MAX_NUMBER_ARG = 10_000
MAX_INT_BITS = 512



class TemplateProblem(Invalid):
    """A template that cannot be saved or rendered; ``field`` and ``line`` say where."""

    code = "template_invalid"

    def __init__(self, field: Field, line: int | None, message: str) -> None:
        where = f"{FIELD_NAMES[field]}, line {line}" if line else FIELD_NAMES[field]
        super().__init__(f"{where}: {message}",
                         errors=[{"loc": [FIELD_NAMES[field]], "line": line, "msg": message, "type": self.code}])
        self.field = field
        self.line = line
        self.message = message


class _Limit(SecurityError):
    """A resource bound was hit (kept apart from other sandbox refusals for the message)."""


@dataclass(frozen=True, slots=True)
class TemplateSource:
    subject: str
    html: str | None = None
    text: str | None = None

    def fields(self) -> Iterator[tuple[Field, str]]:
        yield "subject", self.subject
        if self.html is not None:
            yield "html", self.html
        if self.text is not None:
            yield "text", self.text


@dataclass(frozen=True, slots=True)
class RenderedContent:
    subject: str  # one line: whitespace folded, control characters removed
    text: str
    html: str | None


class _Budget:
    """Per-render limits shared by every loop and concatenation of one rendering."""

    def __init__(self, iterations: int, max_chars: int) -> None:
        self.iterations = iterations
        self.max_chars = max_chars

    def iterate(self, iterable: Iterable[Any]) -> Iterator[Any]:
        for item in iterable:
            self.iterations -= 1
            if self.iterations < 0:
                raise _Limit("the template loops more often than allowed")
            yield item

    def string(self, value: Any) -> Any:
        if isinstance(value, str) and len(value) > self.max_chars:
            raise _Limit("a text built by the template is longer than allowed")
        return value


def _size(value: Any) -> int:
    return len(value) if isinstance(value, str | list | tuple | dict) else 0


def _default(value: Any, default_value: Any = "", boolean: bool = False) -> Any:
    """Jinja's default(), but None and blank strings count as missing too."""
    missing = (isinstance(value, ChainableUndefined) or value is None
               or (isinstance(value, str) and not value.strip()) or (boolean and not value))
    return default_value if missing else value


class _BoundedEnvironment(ImmutableSandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def __init__(self, *, html: bool, max_output_chars: int, max_iterations: int) -> None:
        super().__init__(autoescape=html, undefined=ChainableUndefined, keep_trailing_newline=True,
                         trim_blocks=False)
        self.max_output_chars = max_output_chars
        self.max_iterations = max_iterations
        self.globals = {"range": self._range, "dict": dict}  # keep in step with template_variables.GLOBALS
        self.filters = {name: self._bounded(fn) for name, fn in self.filters.items()
                        if name not in _FORBIDDEN_FILTERS}
        self.filters["default"] = self.filters["d"] = _default
        self.tests = dict(self.tests)

    def _range(self, *args: int) -> range:
        values = range(*args)
        if len(values) > self.max_iterations:
            raise _Limit(f"range() is limited to {self.max_iterations} items")
        return values

    def _check_args(self, args: Iterable[Any]) -> None:
        for arg in args:
            if isinstance(arg, int) and abs(arg) > max(MAX_NUMBER_ARG, self.max_iterations):
                raise _Limit(f"a number given to a function or filter is larger than {MAX_NUMBER_ARG}")

    def _check_result(self, value: Any) -> Any:
        if _size(value) > self.max_output_chars:
            raise _Limit("a value built by the template is longer than allowed")
        if isinstance(value, int) and value.bit_length() > MAX_INT_BITS:
            raise _Limit("a number built by the template is too large")
        return value

    def _bounded(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def bounded(*args: Any, **kwargs: Any) -> Any:
            self._check_args(args)
            self._check_args(kwargs.values())
            return self._check_result(fn(*args, **kwargs))

        return bounded

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        return attr not in _FORBIDDEN_ATTRIBUTES and super().is_safe_attribute(obj, attr, value)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 (Jinja's signature)
        __self._check_args(args)
        __self._check_args(kwargs.values())
        return __self._check_result(super().call(__context, __obj, *args, **kwargs))

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "%" and isinstance(left, str):
            raise SecurityError("'%' formatting of strings is not allowed in templates")
        if operator == "*":
            for seq, count in ((left, right), (right, left)):
                if _size(seq) and isinstance(count, int) and _size(seq) * count > self.max_output_chars:
                    raise _Limit("a repeated text would be longer than allowed")
        if operator == "**" and isinstance(left, int) and isinstance(right, int) and abs(left) > 1 \
                and right * left.bit_length() > MAX_INT_BITS:
            raise _Limit("a power in the template is too large")
        return self._check_result(super().call_binop(context, operator, left, right))


class _Checker(NodeTransformer):
    """Refuses what a mail template never needs and wraps loops and concatenations in the budget."""

    def __init__(self, field: Field) -> None:
        self.field = field

    def _refuse(self, node: nodes.Node, message: str) -> TemplateProblem:
        return TemplateProblem(self.field, getattr(node, "lineno", None), message)

    def generic_visit(self, node: nodes.Node, *args: Any, **kwargs: Any) -> nodes.Node:
        tag = _FORBIDDEN_TAGS.get(type(node))
        if tag:
            raise self._refuse(node, f"{{% {tag} %}} is not allowed in e-mail templates")
        if isinstance(node, nodes.Name) and node.name.startswith("_"):
            raise self._refuse(node, f"names starting with '_' are not allowed ({node.name})")
        if isinstance(node, nodes.Getattr) and (node.attr.startswith("_") or node.attr in _FORBIDDEN_ATTRIBUTES):
            raise self._refuse(node, f"the attribute '{node.attr}' is not allowed")
        if isinstance(node, nodes.Const) and isinstance(node.value, str) and "__" in node.value:
            raise self._refuse(node, "strings containing '__' are not allowed in expressions")
        if isinstance(node, nodes.Filter | nodes.Test) and node.name in _FORBIDDEN_FILTERS:
            raise self._refuse(node, f"the filter '{node.name}' is not allowed")
        if isinstance(node, nodes.For) and node.recursive:
            raise self._refuse(node, "recursive loops are not allowed")
        node = super().generic_visit(node, *args, **kwargs)
        if isinstance(node, nodes.For):
            node.iter = nodes.Call(nodes.Name("__ob_iter", "load"), [node.iter], [], None, None,
                                   lineno=node.lineno)
        elif isinstance(node, nodes.Concat):
            return nodes.Call(nodes.Name("__ob_str", "load"), [node], [], None, None, lineno=node.lineno)
        return node


def _runtime_line(tb: TracebackType | None, filename: str) -> int | None:
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _current_line(template: Any, chunks: Any) -> int | None:
    """The template line a suspended rendering is at (Template.generate delegates to the compiled code)."""
    inner = getattr(chunks, "gi_yieldfrom", None)
    frame = getattr(inner, "gi_frame", None)
    return int(template.get_corresponding_lineno(frame.f_lineno)) if frame is not None else None


@dataclass(frozen=True, slots=True)
class _CompiledField:
    field: Field
    template: Any  # jinja2.Template
    filename: str


class CompiledTemplate:
    """A checked template, ready to render for each contact."""

    def __init__(self, engine: TemplateEngine, source: TemplateSource, fields: dict[Field, _CompiledField],
                 asts: dict[Field, nodes.Template]) -> None:
        self.source = source
        self._engine = engine
        self._fields = fields
        self._asts = asts
        self.variables: tuple[str, ...] = tuple(sorted({p for ast in asts.values() for p in read_paths(ast)}))
        self._printed = tuple(sorted({p for ast in asts.values() for p in printed_paths(ast)}))

    def _render_field(self, field: Field, context: Mapping[str, Any]) -> str:
        compiled = self._fields[field]
        budget = _Budget(self._engine.max_iterations, self._engine.max_output_chars)
        variables = {**context, "__ob_iter": budget.iterate, "__ob_str": budget.string}
        out: list[str] = []
        size = 0
        chunks = compiled.template.generate(variables)
        try:
            for chunk in chunks:
                size += len(chunk)
                if size > self._engine.max_output_chars:
                    limit = self._engine.max_output_chars
                    raise TemplateProblem(field, _current_line(compiled.template, chunks),
                                          f"the rendered text is longer than {limit} characters")
                out.append(chunk)
        except _Limit as exc:
            raise TemplateProblem(field, _runtime_line(exc.__traceback__, compiled.filename), str(exc)) from None
        except SecurityError as exc:
            raise TemplateProblem(field, _runtime_line(exc.__traceback__, compiled.filename),
                                  f"not allowed: {exc}") from None
        except (TemplateError, ArithmeticError, TypeError, ValueError, LookupError, RecursionError) as exc:
            raise TemplateProblem(field, _runtime_line(exc.__traceback__, compiled.filename),
                                  f"{type(exc).__name__}: {exc}") from None
        return "".join(out)

    def render(self, context: Mapping[str, Any]) -> RenderedContent:
        """Subject (one safe header line), text and HTML for one contact."""
        subject = header_value(self._render_field("subject", context), field="subject", fold=True, max_chars=998)
        html = self._render_field("html", context) if "html" in self._fields else None
        text = self._render_field("text", context) if "text" in self._fields else html_to_text(html or "")
        return RenderedContent(subject=subject, text=text, html=html)

    def lint(self, context: Mapping[str, Any]) -> list[str]:
        """The printed variables (without ``default``) that would render empty for this context."""
        return [path for path in self._printed if is_empty(resolve_path(context, path))]


class TemplateEngine:
    """Compiles and checks templates; one per process is enough (it holds no per-template state)."""

    def __init__(self, *, max_output_chars: int = 200_000, max_iterations: int = 10_000) -> None:
        self.max_output_chars = max_output_chars
        self.max_iterations = max_iterations
        self._html = _BoundedEnvironment(html=True, max_output_chars=max_output_chars, max_iterations=max_iterations)
        self._plain = _BoundedEnvironment(html=False, max_output_chars=max_output_chars,
                                          max_iterations=max_iterations)

    def _compile_field(self, field: Field, text: str) -> tuple[_CompiledField, nodes.Template]:
        if len(text) > MAX_SOURCE_CHARS:
            raise TemplateProblem(field, None, f"longer than {MAX_SOURCE_CHARS} characters")
        env = self._html if field == "html" else self._plain
        filename = f"<template {field}>"
        try:
            ast = env.parse(text, name=field, filename=filename)
        except TemplateSyntaxError as exc:
            raise TemplateProblem(field, exc.lineno, exc.message or "syntax error") from None
        lint_ast = env.parse(text, name=field, filename=filename)
        checked = _Checker(field).visit(ast)
        code: CodeType = env.compile(checked, name=field, filename=filename)
        template = env.template_class.from_code(env, code, env.make_globals(None))
        return _CompiledField(field, template, filename), lint_ast

    def compile(self, source: TemplateSource) -> CompiledTemplate:
        if source.html is None and source.text is None:
            raise TemplateProblem("html", None, "a template needs an HTML or a text body")
        if "\n" in source.subject.strip() or "\r" in source.subject:
            raise TemplateProblem("subject", 1, "the subject must be one line")
        fields: dict[Field, _CompiledField] = {}
        asts: dict[Field, nodes.Template] = {}
        for field, text in source.fields():
            fields[field], asts[field] = self._compile_field(field, text)
        return CompiledTemplate(self, source, fields, asts)


def variables_used(engine: TemplateEngine, source: TemplateSource) -> list[str]:
    """Dotted variable paths the template reads (``contact.first_name``), sorted."""
    return list(engine.compile(source).variables)
