"""What an editor should check first: claims with an unsure speaker, names typed on weak evidence.

The engine is right most of the time, but a misattributed quote does harm,
and an editor has minutes, not hours. `review` turns the engine's own
confidence into a work list: each finding names the seed file and line
(where the editor reads the words), says what the engine decided and how
sure it was, and gives the overlay or register lines that would fix or
confirm it. Briefings with the most findings come first, and within one
briefing the least certain finding comes first, so the worst is fixed first.
Pure: the caller reads the files and hands over each seed's line layout.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .model import LINK_CONFIDENCE, Briefing, Claim, Entity

#: Kinds the site shows as pages: only their typing matters to a reader.
_SHOWN = ("person", "organisation", "place")
_EXCERPT_WORDS = 8


@dataclass(frozen=True)
class SeedLayout:
    """Where a seed's body sits in its file: the body's first line, and how many lines it has."""

    path: str  # as shown to editors, e.g. "seeds/2019-01-04-fire.txt"
    first_line: int  # 1-based file line of the body's first line
    lines: int


@dataclass(frozen=True, order=True)
class Finding:
    """One thing to check: where, how sure the engine was, what it decided, and a suggested fix."""

    confidence: float
    path: str
    line: int
    message: str
    fix: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}\n    fix: {self.fix}"


def body_layout(path: str, raw: str, body: str) -> SeedLayout:
    """The layout of a seed's body in its file: `raw` is the file's text, `body` what follows its front matter.

    Reading strips blank lines from the body's top; they are counted here,
    so line numbers match what an editor's text editor shows.
    """
    before = raw[:len(raw) - len(body)].count("\n") if raw.endswith(body) else 0
    lines = body.split("\n")
    skipped = 0
    while skipped < len(lines) and not lines[skipped].strip():
        skipped += 1
    kept = [line.rstrip() for line in lines[skipped:]]
    while kept and not kept[-1]:
        kept.pop()
    return SeedLayout(path, before + skipped + 1, max(1, len(kept)))


def review(briefing: Briefing, layouts: Sequence[SeedLayout], threshold: float = LINK_CONFIDENCE) -> list[Finding]:
    """The findings of one briefing, least certain first.

    `layouts` are the briefing's seeds in order (their bodies are joined by
    one newline into `briefing.text`).
    """
    where = _Locator(briefing.text, layouts)
    overlay = briefing.overlay or f"briefings/{briefing.slug}.md"
    ents = {e.id: e for e in briefing.annotation.entities}
    out: list[Finding] = []
    for claim in briefing.annotation.claims:
        finding = _claim_finding(claim, ents, overlay, threshold, where)
        if finding is not None:
            out.append(finding)
    for ent in briefing.annotation.entities:
        if ent.kind in _SHOWN and ent.confidence < threshold and ent.mentions:
            out.append(_entity_finding(ent, overlay, where))
    return sorted(out)


def ordered(findings: Mapping[str, Sequence[Finding]]) -> list[tuple[str, Sequence[Finding]]]:
    """Briefings with findings, the most findings first (then by slug, for a stable order)."""
    return sorted(((slug, fs) for slug, fs in findings.items() if fs), key=lambda item: (-len(item[1]), item[0]))


def _claim_finding(claim: Claim, ents: Mapping[str, Entity], overlay: str, threshold: float,
                   where: _Locator) -> Finding | None:
    """A finding when the claim has no speaker, or one the engine is unsure of."""
    quote = _excerpt(claim.content.text)
    path, line = where(claim.content.start)
    if claim.speaker is None:
        return Finding(0.0, path, line, f"{claim.id}: no speaker found for {_q(quote)}",
                       f"{overlay}: claims: [{{quote: {_q(quote)}, speaker: NAME}}] (or drop: true if it is no claim)")
    sp = claim.speaker
    if sp.confidence >= threshold:
        return None
    ent = ents.get(sp.entity or "")
    if ent is not None:
        message = f"{claim.id}: speaker {_q(sp.span.text)} guessed as {ent.name} (confidence {sp.confidence:.2f}) for {_q(quote)}"
        fix = f"{overlay}: claims: [{{quote: {_q(quote)}, speaker: {_q(ent.name)}}}] to confirm, or the right name"
    else:
        message = f"{claim.id}: speaker {_q(sp.span.text)} not resolved (confidence {sp.confidence:.2f}) for {_q(quote)}"
        fix = f"{overlay}: claims: [{{quote: {_q(quote)}, speaker: NAME}}] when the text names who it is"
    return Finding(sp.confidence, path, line, message, fix)


def _entity_finding(ent: Entity, overlay: str, where: _Locator) -> Finding:
    """A finding for a name typed on weak evidence: confirm it in the register, or ignore it."""
    path, line = where(ent.mentions[0].start)
    message = f"{_q(ent.name)} typed {ent.kind} on weak evidence (confidence {ent.confidence:.2f})"
    if ent.confidence < LINK_CONFIDENCE:
        message += "; it is not linked"
    fix = (f"briefings/entities.yml: - {{name: {_q(ent.name)}, kind: {ent.kind}}} to confirm (any kind), "
           f"or {overlay}: entities: {{ignore: [{_q(ent.mentions[0].text)}]}} if it is no name")
    return Finding(ent.confidence, path, line, message, fix)


def _excerpt(text: str) -> str:
    """The first words of a claim: enough for an overlay's `quote:` to find it."""
    words = text.split()
    return " ".join(words[:_EXCERPT_WORDS])


def _q(text: str) -> str:
    """A YAML-safe double-quoted string (JSON strings are YAML)."""
    return json.dumps(text, ensure_ascii=False)


class _Locator:
    """Offsets of a briefing's text -> (seed path, file line)."""

    def __init__(self, text: str, layouts: Sequence[SeedLayout]) -> None:
        self._newlines = [i for i, ch in enumerate(text) if ch == "\n"]
        self._layouts = list(layouts)
        self._starts: list[int] = []  # the briefing line where each seed begins
        at = 0
        for layout in self._layouts:
            self._starts.append(at)
            at += layout.lines

    def __call__(self, offset: int) -> tuple[str, int]:
        line = bisect_right(self._newlines, offset - 1)  # 0-based line of the briefing's text
        if not self._layouts:
            return "", line + 1
        i = max(0, bisect_right(self._starts, line) - 1)
        layout = self._layouts[i]
        return layout.path, layout.first_line + line - self._starts[i]
