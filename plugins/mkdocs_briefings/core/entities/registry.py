"""The editor's register and ignore list: they win over anything detected.

Every name and alias of a register entry found in the text (whole words,
exact case) is a mention of that entry, with the entry's name, kind and id;
detected names overlapping such a mention are dropped, so the editor's word
is final. One alternation regex finds all of them in one pass.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import KINDS, RegisterEntry
from .candidate import Candidate
from .resolved import Resolved


def register_mentions(text: str, register: Sequence[RegisterEntry], ignored: frozenset[str]) -> tuple[list[Resolved], dict[str, str]]:
    """Mentions of register entries, and the names their entities must keep (by folded key)."""
    forms: dict[str, RegisterEntry] = {}
    fixed: dict[str, str] = {}
    for entry in register:
        if not entry.name.strip():
            continue
        fixed.setdefault(entry.name.casefold(), entry.name)
        for form in (entry.name, *entry.aliases):
            form = form.strip()
            if form and form not in ignored:
                forms.setdefault(form, entry)
    if not forms:
        return [], fixed
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=lambda f: (-len(f), f)))
    pattern = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")
    out: list[Resolved] = []
    for m in pattern.finditer(text):
        entry = forms[m.group()]
        kind = entry.kind if entry.kind in KINDS else "other"
        out.append(Resolved(m.start(), m.end(), kind, entry.name, "", m.group()))
    return out, fixed


def without_reserved(cands: list[Candidate], reserved: list[Resolved]) -> list[Candidate]:
    """Candidates that do not overlap a register mention (both lists are in text order)."""
    if not reserved:
        return cands
    spans = sorted((r.start, r.end) for r in reserved)
    out: list[Candidate] = []
    i = 0
    for c in sorted(cands, key=lambda c: c.start):
        while i < len(spans) and spans[i][1] <= c.start:
            i += 1
        if i < len(spans) and spans[i][0] < c.end:
            continue
        out.append(c)
    return out
