"""What every extraction step needs to know about the text being read.

The text, its lazily split paragraphs and sentences, where reported
clauses stop, and who has spoken so far in each sentence: a participle
(", adding that") or a coordinated verb ("and said") takes the speaker of
the sentence's earlier attribution.
"""

from __future__ import annotations

from bisect import bisect_left

from .draft import Range
from .layout import Layout
from .reported import ClauseStops


class Context:
    """One text under extraction."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.layout = Layout(text)
        self.paragraph_of = self.layout.paragraph_of
        self.sentence_key = self.layout.sentence_key
        self.sentence = self.layout.sentence
        self.stops = ClauseStops(text)
        # sentence start -> (cue offsets, sorted; the speaker noted first at each)
        self._speakers: dict[int, tuple[list[int], list[Range]]] = {}

    def note_speaker(self, cue_start: int, speaker: Range) -> None:
        """Remember who speaks at this cue, for later cues of the same sentence."""
        at, who = self._speakers.setdefault(self.sentence(cue_start)[0], ([], []))
        k = bisect_left(at, cue_start)
        if k < len(at) and at[k] == cue_start:
            return  # the first attribution noted at a cue stands
        at.insert(k, cue_start)
        who.insert(k, speaker)

    def shared(self, s_start: int, cue_start: int) -> Range | None:
        """The speaker of the latest attribution before `cue_start` in the sentence starting at `s_start`.

        Kept sorted and found by binary search: a run-on text with thousands
        of cues in one sentence must not cost time quadratic in their number.
        """
        noted = self._speakers.get(s_start)
        if noted is None:
            return None
        k = bisect_left(noted[0], cue_start)
        return noted[1][k - 1] if k > 0 else None

    def paragraph_end(self, pos: int) -> int:
        return self.layout.paragraph(self.paragraph_of(pos))[1]

    def sentence_end(self, pos: int) -> int:
        """The end of the sentence at `pos`, read past a full stop inside parentheses ("(D-Wis.) said")."""
        end = self.sentence(pos)[1]
        for _ in range(3):
            if not self.text.endswith(".)", 0, end) or self.paragraph_of(end) != self.paragraph_of(pos):
                break
            nxt = self.sentence(end + 1)
            if nxt[1] <= end:
                break
            end = nxt[1]
        return end

    def sentence_start(self, pos: int) -> int:
        """The start of the sentence at `pos`, read back past a full stop inside parentheses.

        "Dianne Feinstein (D-Calif.) last week said ..." is one sentence to a
        reader, though the splitter ends one at "Calif.)".
        """
        start = self.sentence(pos)[0]
        for _ in range(3):
            before = self.text[max(0, start - 4):start].rstrip()
            if not before.endswith(".)") or start == 0 or self.paragraph_of(start - 2) != self.paragraph_of(pos):
                break
            prev = self.sentence(start - 2)[0]
            if prev >= start:
                break
            start = prev
        return start
