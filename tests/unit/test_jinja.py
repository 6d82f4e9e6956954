"""The template environment's shortcuts (render/jinja.py) behave as Jinja does.

The shortcuts only make pages cheaper to make: a quicker call for plain
functions, macros made once per argument, a plain dict of globals. Each must
give what Jinja itself gives, including for what a site's override may do.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from jinja2 import Environment, StrictUndefined, pass_context, pass_environment
from jinja2.runtime import Context
from markupsafe import Markup

from mkdocs_briefings.render.jinja import ONCE_EACH, Templates, _once_each, _QuickCalls, name
from mkdocs_briefings.render.pages import Section


@pass_context
def _var_from_context(ctx: Context, key: str) -> str:
    return str(ctx[key])


@pass_environment
def _from_environment(env: Environment) -> str:
    return type(env).__name__


class _ContextCallable:
    """A callable object whose `__call__` asks for the context (Jinja looks there too)."""

    @pass_context
    def __call__(self, ctx: Context) -> str:
        return f"ctx:{ctx['who']}"


def _stops() -> str:
    raise StopIteration


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("{{ plain(2) }}", "4"),
        ("{{ plain(x=3) }}", "6"),
        ("{{ words.get('a', '-') }}{{ words.get('z', '-') }}", "A-"),  # a builtin method
        ("{{ 'a-b-3'.rsplit('-', 1)[-1] }}", "3"),
        ("{% for i in [1, 2] %}{{ plain(i) }}{% endfor %}", "24"),  # in a loop: _loop_vars passed, dropped
        ("{% for i in [1] %}{{ ctx_var('who') }}{% endfor %}", "me"),  # a marked function still gets its context
        ("{% set who = 'inner' %}{{ ctx_var('who') }}", "inner"),
        ("{{ env_name() }}", "Environment"),
        ("{{ ctx_object() }}", "ctx:me"),  # a marked __call__
        ("{{ stops() is defined }}", "False"),  # StopIteration: undefined, as Jinja gives
        ("{{ range(3)|join(',') }}", "0,1,2"),  # a type: Jinja's own way
        ("{% macro m(a) %}<{{ a }}>{% endmacro %}{{ m('x') }}", "<x>"),
    ],
)
def test_quick_calls_give_what_jinja_gives(source: str, expected: str) -> None:
    globals_: dict[str, Any] = {
        "plain": lambda x: 2 * x, "words": {"a": "A"}, "ctx_var": _var_from_context, "env_name": _from_environment,
        "ctx_object": _ContextCallable(), "stops": _stops, "who": "me",
    }
    outs = []
    for context_class in (Context, _QuickCalls):
        env = Environment(autoescape=True, undefined=StrictUndefined)
        env.context_class = context_class
        env.globals.update(globals_)
        outs.append(env.from_string(source).render())
    assert outs == [expected, expected]


def test_once_each_makes_each_argument_once() -> None:
    calls: list[Any] = []

    def macro(arg: Any, **caller: Any) -> Markup:
        calls.append((arg, caller))
        return Markup(f"<b>{arg}</b>") if not caller else Markup(f"<i>{caller['caller']()}</i>")

    once = _once_each(macro)
    a, b = Section(2, "a", "A"), Section(2, "b", "B")
    assert [once(a), once(b), once(Section(2, "a", "A"))] == ["<b>Section(level=2, id='a', title='A', indexed=False)</b>",
                                                             "<b>Section(level=2, id='b', title='B', indexed=False)</b>",
                                                             "<b>Section(level=2, id='a', title='A', indexed=False)</b>"]
    assert len(calls) == 2  # an equal section: looked up
    assert once(a, caller=lambda: "x") == "<i>x</i>" and len(calls) == 3  # a call block: made every time
    assert once(["unhashable"]) == "<b>['unhashable']</b>" and len(calls) == 4  # cannot be a key: made
    assert once(["unhashable"]) and len(calls) == 5


def test_once_each_keeps_at_most_its_limit() -> None:
    calls: list[int] = []

    def macro(arg: int) -> Markup:
        calls.append(arg)
        return Markup(str(arg))

    once = _once_each(macro)
    for i in range(ONCE_EACH + 10):
        once(i)
    assert once(ONCE_EACH + 5) == str(ONCE_EACH + 5) and once(0) == "0"
    assert calls.count(ONCE_EACH + 5) == 1 and calls.count(0) == 2  # among the latest: kept; the oldest: forgotten


def _override(tmp_path: Path, files: dict[str, str]) -> Path:
    for template, text in files.items():
        path = tmp_path / name(template)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("macros", "expected"),
    [
        # a site's own macros: used, and each badge or heading made by them
        ('{% macro badge(b) %}[{{ b }}]{% endmacro %}{% macro heading(s) %}<h9>{{ s.title }}</h9>{% endmacro %}',
         "[x]<h9>T</h9>[x]<h9>T</h9>"),
        ('{% macro badge(b) %}{{ b|upper }}{% endmacro %}{% macro heading(s) %}{{ caller() if caller is defined else s.id }}'
         '{% endmacro %}', "XtXt"),
    ],
)
def test_overridden_macros_are_used(tmp_path: Path, macros: str, expected: str) -> None:
    overrides = _override(tmp_path, {
        "macros.html": macros,
        "claim_ledger.html": "{% for _ in [1, 2] %}{{ badge('x') }}{{ heading(s) }}{% endfor %}",
    })
    templates = Templates({}, overrides)
    assert templates.html("claim_ledger.html", s=Section(2, "t", "T")) == expected


def test_call_block_reaches_an_overridden_heading(tmp_path: Path) -> None:
    overrides = _override(tmp_path, {"claim_ledger.html": "{% call heading(s) %}<em>{{ s.title }}</em>{% endcall %}"})
    templates = Templates({}, overrides)
    assert templates.html("claim_ledger.html", s=Section(3, "x", "Title")) == '<h3 id="x"><em>Title</em></h3>'


def test_globals_are_the_environments(tmp_path: Path) -> None:
    """The plain dict of globals each template gets holds what the environment's do (and the macros)."""
    marker: Callable[[], str] = lambda: "global"  # noqa: E731
    templates = Templates({"marker": marker})
    for template in templates.templates.values():
        assert type(template.globals) is dict
        assert template.globals["marker"] is marker and callable(template.globals["heading"])
    assert templates.html("claim_ledger.html", here="x", claim=None, ledger_link=lambda *_: None) == ""
