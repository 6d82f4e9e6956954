"""`briefings annotate --pretty`: an annotation as a person reads it, not as a program does.

Entities grouped by kind (the site's order), each with its roles, how often
it is named and how sure the engine is; then claims in text order, each with
the line it starts on, its speaker, cue and hedges. Everything printed comes
from the text, which is untrusted: control characters are escaped so a seed
cannot drive the terminal.
"""

from __future__ import annotations

from .core.diagnostics import escape_controls
from .core.kinds import BY_KEY, KINDS
from .core.model import LINK_CONFIDENCE, Annotation, Claim

#: The longest claim content shown, in characters (the rest is cut with an ellipsis).
CONTENT_LIMIT = 160


def _plural(n: int, noun: str, nouns: str = "") -> str:
    return f"{n} {noun if n == 1 else nouns or noun + 's'}"


def _short(text: str, limit: int = CONTENT_LIMIT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _speaker(claim: Claim, annotation: Annotation) -> str:
    speaker = claim.speaker
    if speaker is None:
        return "no speaker"
    entity = annotation.entity(speaker.entity)
    words = f"{entity.name}" if entity else f"unnamed: {speaker.span.text}"
    if entity and speaker.span.text != entity.name:
        words += f" (as “{speaker.span.text}”)"
    if speaker.confidence < LINK_CONFIDENCE:
        words += f" [unsure, {speaker.confidence:.2f}]"
    return words


def pretty(name: str, text: str, annotation: Annotation, first_line: int = 1) -> str:
    """The annotation of `text` (from file `name`, where it starts on line `first_line`) as
    readable lines, ending with a newline."""
    lines = [f"{name}: {_plural(len(annotation.entities), 'entity', 'entities')}, "
             f"{_plural(len(annotation.claims), 'claim')}"]
    for kind in KINDS:
        of_kind = sorted((e for e in annotation.entities if e.kind == kind), key=lambda e: (-len(e.mentions), e.name))
        if not of_kind:
            continue
        lines.append(f"  {BY_KEY[kind].plural}")
        for ent in of_kind:
            entry = f"    {ent.name}"
            if ent.roles:
                entry += f" — {', '.join(ent.roles)}"
            entry += f" · {_plural(len(ent.mentions), 'mention')}"
            if ent.confidence < LINK_CONFIDENCE:
                entry += f" [unsure, {ent.confidence:.2f}: shown, not linked]"
            lines.append(entry)
    if annotation.claims:
        lines.append("  Claims")
    for claim in annotation.claims:
        line = first_line + text.count("\n", 0, claim.content.start)
        head = f"    {name}:{line} {claim.kind} · {_speaker(claim, annotation)}"
        if claim.cue is not None:
            head += f" · cue “{claim.cue.text}”"
        lines.append(head)
        lines.append(f"      “{_short(claim.content.text)}”")
        if claim.hedges:
            lines.append(f"      hedges: {', '.join(claim.hedges)}")
    return "\n".join(escape_controls(line) for line in lines) + "\n"
