"""The article's paragraphs as HTML: the one snippet made in Python rather than a template.

This runs for every paragraph of every briefing, and a macro call per
mention was most of the cost. The markup is as lean as the stylesheet
allows: in the article's paragraphs a link is a mention (its kind is the
folder it leads into: people/, organisations/, places/), `<u>` a further
mention of a name already linked in the paragraph, a `<sup>` link a claim
number. An archive's pages carry tens of thousands of each, and every byte
of their markup is multiplied. Every piece of seed text goes through
`html_text`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from markupsafe import Markup

from .article import Paragraph
from .safety import html_text
from .views import Mention


def runs_html(para: Paragraph, mentions: Mapping[str, Mention], here: str, link: Callable[[str, str], str]) -> Markup:
    """One laid-out paragraph as HTML: claims highlighted and numbered, first mentions linked."""
    out: list[str] = []
    for run in para.runs:
        if run.claim:
            out.append("<mark>")
        for p in run.pieces:
            text = html_text(p.text)
            m = mentions.get(p.entity) if p.entity else None
            if m is None:
                out.append(text)
            elif p.link and m.page:
                # The stylesheet's tooltip names the kind; data-tip adds only what the kind
                # does not say: the full name when the text uses another form ("Mr Blair"), the role.
                extra = " · ".join(x for x in (m.name if p.text != m.name else "", m.role) if x)
                tip = f' data-tip="{html_text(extra)}"' if extra else ""
                out.append(f'<a href="{html_text(link(here, m.page))}"{tip}>{text}</a>')
            else:
                out.append(f"<u>{text}</u>")
        if run.claim:
            out.append("</mark>")
            if run.ends_claim:
                out.append(f'<sup><a href="#{html_text(run.claim)}">{html_text(run.claim.rsplit("-", 1)[-1])}</a></sup>')
    return Markup("".join(out))
