"""Templates: sandbox escapes and resource abuse refused with the line, rendering, text part, lint."""

from __future__ import annotations

from typing import Any

import pytest

from services.email.template_variables import STANDARD_VARIABLES
from services.email.templates import TemplateEngine, TemplateProblem, TemplateSource, variables_used

ENGINE = TemplateEngine(max_output_chars=50_000, max_iterations=2_000)

CONTEXT: dict[str, Any] = {
    "contact": {"name": "Jane Doe", "first_name": "Jane", "last_name": "Doe", "email": "jane@example.com",
                "role": None},
    "company": {"name": "Müller & Söhne <GmbH>", "city": "München", "country": "DE", "industry": ""},
    "ai": {"summary": "Backt Brot.", "hook": None, "opening_line": "Ihr Sauerteig ist legendär."},
    "sender": {"name": "Jörg", "email": "joerg@outbound.example"},
    "campaign": {"name": "Bäcker Q1"},
    "booking_url": "https://crm.example.com/book/joerg?x=1&y=2",
    "unsubscribe_url": "https://crm.example.com/u/abc",
}


def render(html: str | None = None, text: str | None = None, subject: str = "Hi", context: dict[str, Any] = CONTEXT):
    return ENGINE.compile(TemplateSource(subject=subject, html=html, text=text)).render(context)


def refused(field: str = "html", **source: Any) -> TemplateProblem:
    source.setdefault("subject", "Hi")
    if field != "html" and "html" not in source and "text" not in source:
        source["text"] = "body"
    with pytest.raises(TemplateProblem) as err:
        compiled = ENGINE.compile(TemplateSource(**source))
        compiled.render(CONTEXT)
    assert err.value.status == 422
    return err.value


# -- the sandbox ------------------------------------------------------------------------------------

@pytest.mark.parametrize("attack", [
    "{{ ''.__class__.__mro__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ contact.__class__ }}",
    "{{ contact['__class__'] }}",
    "{{ cycler.__init__.__globals__.os }}",
    "{{ self.__init__.__globals__ }}",
    "{{ (contact|attr('__class__')) }}",
    "{{ contact|map(attribute='__class__')|list }}",
    "{{ '{0.__class__}'.format(contact) }}",
    "{{ 'x'.format_map(contact) }}",
    "{{ '%s' % contact }}",
    "{{ 'x'|format() }}",
    "{{ _private }}",
    "{% macro m() %}{% endmacro %}",
    "{% call x() %}{% endcall %}",
    "{% include 'other' %}",
    "{% extends 'base' %}",
    "{% from 'x' import y %}",
    "{% import 'x' as y %}",
    "{% for x in [1] recursive %}{{ loop([]) }}{% endfor %}",
])
def test_sandbox_escapes_are_refused(attack: str) -> None:
    problem = refused(html="<p>Hello</p>\n" + attack)
    assert problem.line == 2 and problem.field == "html"
    assert "body_html, line 2" in problem.detail


def test_import_statement_is_a_syntax_error_naming_the_line() -> None:
    problem = refused(text="line one\nline two\n{% import os %}")
    assert problem.field == "text" and problem.line == 3 and problem.errors and problem.errors[0]["line"] == 3


def test_syntax_error_names_the_line() -> None:
    problem = refused(html="<p>a</p>\n<p>b</p>\n{{ contact.name }\n")
    assert problem.line == 3
    problem = refused(html="{% if x %}\nno end")
    assert problem.line is not None


def test_subject_errors_name_the_subject() -> None:
    problem = refused(field="subject", subject="Hi {{ ''.__class__ }}")
    assert problem.field == "subject" and problem.errors and problem.errors[0]["loc"] == ["subject"]


@pytest.mark.parametrize("abuse", [
    "{{ range(10**9)|list }}",
    "{% for i in range(10**9) %}{% endfor %}",
    "{% for a in range(1000) %}{% for b in range(1000) %}{% endfor %}{% endfor %}",
    "{{ 'a' * 1000000000 }}",
    "{{ [1] * 100000000 }}",
    "{{ 9 ** 999999 }}",
    "{{ 'x'.ljust(999999999) }}",
    "{{ 'x'|center(999999999) }}",
    "{{ 'x'|indent(999999999) }}",
    "{{ 'x'|wordwrap(999999999)|batch(999999999)|list }}",
    "{% set x = 'a' * 5000 %}" + "{% set x = x ~ x %}" * 20 + "{{ x|length }}",
    "{% set x = 'a' * 5000 %}" + "{% set x = x + x %}" * 20 + "{{ x|length }}",
    "{% set x = 'ab' * 2000 %}" + "{% set x = x|replace('a', x) %}" * 5 + "{{ x|length }}",
    "{% for i in range(2000) %}{{ 'y' * 2000 }}{% endfor %}",
])
def test_resource_abuse_is_bounded(abuse: str) -> None:
    problem = refused(html="<p>x</p>\n" + abuse)
    assert problem.line == 2


def test_normal_loops_and_math_still_work() -> None:
    out = render(html="{% for i in range(3) %}{{ i * 2 }},{% endfor %}{{ 2 ** 10 }} {{ 'ab' * 3 }}")
    assert out.html == "0,2,4,1024 ababab"


# -- rendering ------------------------------------------------------------------------------------

def test_html_is_autoescaped_subject_and_text_are_not() -> None:
    out = render(subject="Frage an {{ company.name }}", html="<p>{{ company.name }}</p>",
                 text="Hallo {{ company.name }}")
    assert out.subject == "Frage an Müller & Söhne <GmbH>"
    assert out.html == "<p>Müller &amp; Söhne &lt;GmbH&gt;</p>"
    assert out.text == "Hallo Müller & Söhne <GmbH>"


def test_variables_with_line_breaks_cannot_break_the_subject() -> None:
    context = {**CONTEXT, "company": {"name": "ACME\r\nBcc: victim@example.org"}}
    out = render(subject="Frage an {{ company.name }}", text="x", context=context)
    assert "\r" not in out.subject and "\n" not in out.subject
    assert out.subject == "Frage an ACME Bcc: victim@example.org"


def test_subject_template_must_be_one_line() -> None:
    refused(field="subject", subject="Hi\nBcc: x@example.org")


def test_default_covers_missing_none_and_blank() -> None:
    out = render(text="{{ contact.role|default('Team') }}|{{ company.industry|default('Branche') }}|"
                      "{{ contact.missing|default('fallback') }}|{{ nothing.at.all|d('deep') }}|"
                      "{{ contact.first_name|default('x') }}")
    assert out.text == "Team|Branche|fallback|deep|Jane"


def test_missing_variables_render_empty() -> None:
    assert render(text="[{{ contact.nickname }}][{{ unknown.deeply.nested }}]").text == "[][]"


def test_text_part_is_generated_from_html_when_absent() -> None:
    html = ('<p>Hallo {{ contact.first_name }},</p><p>{{ ai.opening_line }}</p>'
            '<ul><li>Punkt eins</li><li>Punkt zwei</li></ul>'
            '<p><a href="{{ booking_url }}">Termin buchen</a></p><p>Gruß<br>{{ sender.name }}</p>')
    out = render(html=html)
    assert out.text == ("Hallo Jane,\n\nIhr Sauerteig ist legendär.\n\n- Punkt eins\n- Punkt zwei\n\n"
                        "Termin buchen (https://crm.example.com/book/joerg?x=1&y=2)\n\nGruß\nJörg")


def test_a_template_needs_a_body() -> None:
    with pytest.raises(TemplateProblem):
        ENGINE.compile(TemplateSource(subject="Hi"))


# -- variables panel and lint ---------------------------------------------------------------------

SOURCE = TemplateSource(
    subject="{{ contact.first_name|default('Hallo') }}, kurze Frage zu {{ company.name }}",
    html=("<p>{{ ai.opening_line }}</p>{% if ai.hook %}<p>{{ ai.hook }}</p>{% endif %}"
          "<p>{{ contact.role }} bei {{ company['city'] }}</p>"
          "{% for p in ai.products %}{{ p.name }}{% endfor %}<a href='{{ unsubscribe_url }}'>x</a>"),
)


def test_variables_used_lists_dotted_paths() -> None:
    assert variables_used(ENGINE, SOURCE) == [
        "ai.hook", "ai.opening_line", "ai.products", "company.city", "company.name", "contact.first_name",
        "contact.role", "unsubscribe_url"]
    assert set(variables_used(ENGINE, SOURCE)) - {"ai.products"} <= set(STANDARD_VARIABLES)


def test_lint_lists_printed_variables_that_would_render_empty() -> None:
    compiled = ENGINE.compile(SOURCE)
    # role is None; hook is None but guarded by {% if %}; first_name has a default; products only loops.
    assert compiled.lint(CONTEXT) == ["contact.role"]
    bare = {"contact": {}, "company": {}}
    assert compiled.lint(bare) == ["ai.opening_line", "company.city", "company.name", "contact.role",
                                   "unsubscribe_url"]
