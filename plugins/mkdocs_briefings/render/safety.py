"""Making untrusted text safe for each place it goes: HTML, JSON-LD, markdown, YAML.

Seed text, overlays and the register are written by people we do not
control. Each output context has one function here, so a reviewer can check
every escaping rule in one file.
"""

from __future__ import annotations

import json
import re
from typing import Any, cast

from markupsafe import Markup, escape

from ..core.schema import is_web_url

#: Characters that have no place in article text and would break XML parsing
#: of generated HTML (C0 controls other than tab and newline). STX/ETX are
#: also Python-Markdown's placeholder delimiters: seed text must never hold them.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def clean(value: Any) -> Any:
    """Drop control characters from a string (Jinja `finalize`: runs on every printed value)."""
    if type(value) is str and value.isprintable():  # most printed values: nothing to drop, found without a regex
        return value
    if isinstance(value, Markup):  # already-rendered template output (a macro call)
        return value
    if isinstance(value, str):
        return _CONTROL.sub("", value)
    return value


def html_text(value: str) -> str:
    """Plain text as HTML text or a quoted attribute value (titles, generated markup)."""
    return str(escape(clean(value)))


def json_ld(data: Any) -> str:
    """JSON for a `<script type="application/ld+json">` that nothing can break out of.

    `<`, `>` and `&` become JSON escapes, so `</script>` or `<!--` in a quote
    stays inside the string; U+2028/9 are escaped for old JavaScript parsers.
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    for raw, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, esc)
    return text


#: Stand-ins for `<` and `{` in editor markdown: characters Markdown gives no meaning to (private
#: use), put back as `&lt;` and `&#123;` in the finished HTML (see sanitize._Restore).
LT = "\ue000"
BRACE = "\ue001"


def markdown_source(value: str) -> str:
    """Editor-written markdown with its raw HTML and attribute lists turned into text.

    Summaries and register descriptions are the only markdown we render.
    Replacing `<` removes raw HTML (and HTML comments); replacing `{`
    disables attribute lists, which could otherwise add event-handler
    attributes. They are replaced by stand-ins rather than entities so that
    a code span shows what the editor wrote: Markdown escapes a code span's
    `&` again, so `` `<b>` `` written as `&lt;b>` would show as "&lt;b>".
    The stand-ins become entities after rendering. Idempotent, like the
    page store needs (it sanitises stored markdown again). Script URLs in
    links are dropped later, on the element tree (see sanitize._Defuse).
    """
    return cast(str, clean(value)).replace("<", LT).replace("{", BRACE)


def web_url(value: str | None) -> str | None:
    """The URL if it is an absolute http(s) URL, else None (never a script link): the inputs' own rule, checked again."""
    if not value:
        return None
    value = clean(value).strip()
    return value if is_web_url(value) else None
