"""The Jinja environment of the generated pages, and the templates a site can override.

Every template lives under `fragments/briefings/` (see docs/templates.md for
each one's context). As with mkdocs-material's own plugins (its tags plugin
resolves `fragments/tags/...` through the theme's environment), a site's
`custom_dir` is searched first: `overrides/fragments/briefings/claim.html`
replaces the claim callout. The environment stays ours, though, whatever a
site overrides: autoescaping, strict undefined names, and `clean` on every
printed value, so seed text reaches a page only as escaped text.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import BuiltinFunctionType, FunctionType, MethodType
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template, TemplateError
from jinja2.runtime import Context as JinjaContext
from markupsafe import Markup

from ..core.diagnostics import BriefingsError, Diagnostic
from .contexts import Context
from .pages import Section
from .safety import clean, html_text

#: The plugin's own templates.
TEMPLATES = Path(__file__).parent / "templates"

#: Where a site's overrides go, under its theme's `custom_dir`.
FOLDER = "fragments/briefings"

#: Every template the renderer uses, by its name (the path a site overrides it at, under `custom_dir`).
NAMES: tuple[str, ...] = tuple(p.relative_to(TEMPLATES).as_posix() for p in sorted((TEMPLATES / FOLDER).glob("*.html")))


def _diagnostic(exc: TemplateError, overrides: Path | None) -> Diagnostic:
    """A template that cannot be used, as a message naming its file and line."""
    where = getattr(exc, "filename", None) or str((overrides or TEMPLATES) / name("macros.html"))
    line = getattr(exc, "lineno", None) or 0
    return Diagnostic(where, line, f"this template cannot be used: {exc.message or exc}", "error")


def _failed(exc: TemplateError) -> Diagnostic:
    """A template that failed while making a page (an undefined name, say), at its innermost template line."""
    where, line = "", 0
    for frame, lineno in traceback.walk_tb(exc.__traceback__):
        if frame.f_code.co_filename.endswith(".html"):  # Jinja maps its frames back to the template's lines
            where, line = frame.f_code.co_filename, lineno
    return Diagnostic(where or "a template", line, f"this template failed: {exc.message or exc}", "error")


#: How many distinct arguments `_once_each` keeps the HTML of, the latest (a site's headings are mostly the same few).
ONCE_EACH = 1024


def _once_each(macro: Callable[..., Markup]) -> Callable[..., Markup]:
    """A one-argument macro whose HTML is made once per distinct argument, then looked up.

    A badge's HTML depends on the badge alone, a heading's on its section
    (a frozen dataclass), and a handful of each come back on every page:
    calling the macro (a Jinja frame and context each time) for every claim
    on every page cost more than the rest of a badge's work. A `{% call %}`
    block's markup varies with its caller, so those calls always run; and the
    last ONCE_EACH arguments are kept (an A-Z listing has a heading per name,
    made for the page and again for its search text).
    """
    made: dict[Any, Markup] = {}

    def once(arg: Any, **caller: Any) -> Markup:
        if caller:
            return macro(arg, **caller)
        try:
            html = made.get(arg)
        except TypeError:  # an argument that cannot be a key (a site's template may pass anything)
            return macro(arg)
        if html is None:
            html = made[arg] = macro(arg)
            if len(made) > ONCE_EACH:  # forget the oldest: a page's own headings come back within the page
                del made[next(iter(made))]
        return html

    return once


#: The callables templates call nearly every time: our globals, their bound methods, `dict.get`, `str.rsplit`.
_PLAIN = frozenset({FunctionType, MethodType, BuiltinFunctionType})


class _QuickCalls(JinjaContext):
    """Jinja's context, with a shorter way to call a plain function.

    Every call a template makes (`rel(...)`, `badges(claim)`, `note(...)`) goes
    through `Context.call`, which looks for the mark `pass_context` and its like
    leave both on the callable and on its `__call__`, and a briefing page makes
    over a hundred calls. A function, a bound method or a builtin has no
    `__call__` of its own that could carry a mark, so one look does; anything
    else (a macro, a callable object), and anything marked, goes Jinja's way.
    """

    def call(__self, __obj: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        if type(__obj) not in _PLAIN or hasattr(__obj, "jinja_pass_arg"):
            return super().call(__obj, *args, **kwargs)
        kwargs.pop("_block_vars", None)  # what Jinja passes along for a marked callable only
        kwargs.pop("_loop_vars", None)
        try:
            return __obj(*args, **kwargs)
        except StopIteration:  # as Jinja does
            return __self.environment.undefined("value was undefined because a callable raised a StopIteration exception")


def name(template: str) -> str:
    """'claim.html' -> 'fragments/briefings/claim.html'."""
    return f"{FOLDER}/{template}"


class Templates:
    """The environment, its templates compiled once per build, and the snippets made with them."""

    def __init__(self, globals_: Mapping[str, Any], overrides: Path | None = None) -> None:
        search = [str(overrides)] if overrides is not None and (overrides / FOLDER).is_dir() else []
        self.env = Environment(
            loader=FileSystemLoader([*search, str(TEMPLATES)]),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            finalize=clean,
            auto_reload=False,  # a build compiles each template once: no stat of its file per render
        )
        self.env.context_class = _QuickCalls
        self.env.globals.update(globals_)
        # The shared snippets are globals, not imported by each template: an import runs on every
        # render, and a claim's callout is rendered once per claim.
        try:
            macros = vars(self.env.get_template(name("macros.html")).module)
            missing = [m for m in ("badge", "heading") if not callable(macros.get(m))]
            if missing:
                raise TemplateError(f"it must define the macro{'s' if len(missing) > 1 else ''} {', '.join(missing)}")
            self.heading: Callable[..., Markup] = _once_each(macros["heading"])
            self.env.globals.update(heading=self.heading, badge=_once_each(macros["badge"]))
            self.templates: dict[str, Template] = {n: self.env.get_template(n) for n in NAMES}
        except TemplateError as exc:  # a site's override that does not compile: say which, and where
            raise BriefingsError(_diagnostic(exc, overrides)) from None
        # Every render and every include copies its template's globals into a new context, and Jinja
        # keeps them as a ChainMap over the environment's, read key by key in Python: with a context per
        # claim callout, that was a sixth of a briefing page's cost. The globals are complete by now and
        # never change during a build, so a plain dict of them is the same mapping, copied in C.
        for template in self.templates.values():
            template.globals = dict(template.globals)

    def _render(self, template: str, context: Mapping[str, Any]) -> str:
        try:
            return self.templates[name(template)].render(**context)
        except TemplateError as exc:  # only an override can fail here: ours are tested
            raise BriefingsError(_failed(exc)) from None

    def html(self, template: str, **context: Any) -> str:
        """A template's HTML, without the blank lines either side."""
        return self._render(template, context).strip()

    def page(self, template: str, context: Context) -> str:
        """A page template's HTML, given its typed context."""
        return self.html(template, **context.variables())

    def fragment(self, template: str, **context: Any) -> Markup:
        """A template's HTML as it is, for another template to print (a claim's callout)."""
        return Markup(self._render(template, context))

    @staticmethod
    def search_head(title: str, *lines: str) -> str:
        """A title and plain lines, as lean HTML for the search index."""
        # An h1 with an id starts search's first section (its location is the page itself).
        return f'<h1 id="title">{html_text(title)}</h1>' + "".join(f"<p>{html_text(x)}</p>" for x in lines if x)

    def search_sections(self, sections: Sequence[Section], content: Mapping[str, str] | None = None) -> str:
        """The sections search indexes, as lean HTML: each heading (the page's own markup), then its text."""
        # str(): a macro's output is Markup, which would escape the (already escaped) text added to it.
        return "".join(str(self.heading(s)) + (content or {}).get(s.id, "") for s in sections if s.indexed)
