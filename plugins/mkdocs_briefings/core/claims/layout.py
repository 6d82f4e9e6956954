"""Paragraph and sentence look-ups by offset, computed lazily.

Claims need sentence bounds only around cues and quotation marks, and
splitting a whole article into sentences costs more than the rest of the
claims engine together; so sentences are computed one paragraph at a time,
on first use, with the shared splitter of `core.text` (sentences never
cross a paragraph, so the result is the same as splitting the whole text).
"""

from __future__ import annotations

from bisect import bisect_right

from ..text import paragraphs, sentences

#: The longest sentence the claims engine looks at as one (characters). Longer runs
#: of text without a full stop (tables, run-on input) are cut at white space, so
#: that no per-cue look-up ever scans more than this: time stays linear.
MAX_SENTENCE = 3000


def _chunked(text: str, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences longer than MAX_SENTENCE cut into pieces at white space."""
    if all(e - s <= MAX_SENTENCE for s, e in found):
        return found
    out: list[tuple[int, int]] = []
    for s, e in found:
        while e - s > MAX_SENTENCE:
            cut = text.rfind(" ", s + MAX_SENTENCE // 2, s + MAX_SENTENCE)
            cut = cut if cut > s else s + MAX_SENTENCE
            out.append((s, cut))
            s = cut
            while s < e and text[s] == " ":
                s += 1
        if s < e:
            out.append((s, e))
    return out


class Layout:
    """The paragraphs of one text, and the sentences of those paragraphs that were asked about."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.paras = paragraphs(text)
        self.para_starts = [s for s, _ in self.paras]
        self._sents: dict[int, list[tuple[int, int]]] = {}
        self._sent_starts: dict[int, list[int]] = {}

    def paragraph_of(self, pos: int) -> int:
        """The index of the paragraph holding `pos` (or the last one before it); 0 if none."""
        return max(0, bisect_right(self.para_starts, pos) - 1)

    def paragraph(self, index: int) -> tuple[int, int]:
        if not self.paras:
            return 0, len(self.text)
        return self.paras[min(max(index, 0), len(self.paras) - 1)]

    def _sentences_of(self, para: int) -> list[tuple[int, int]]:
        found = self._sents.get(para)
        if found is None:
            start, end = self.paragraph(para)
            found = _chunked(self.text, sentences(self.text, start, end) or [(start, end)])
            self._sents[para] = found
            self._sent_starts[para] = [s for s, _ in found]
        return found

    def sentence_key(self, pos: int) -> tuple[int, int]:
        """(paragraph, sentence within it) of the sentence holding `pos`.

        `paragraph_of` and `_sentences_of` written inline: the claims engine
        asks this dozens of times an article.
        """
        para = bisect_right(self.para_starts, pos) - 1
        if para < 0:
            para = 0
        starts = self._sent_starts.get(para)
        if starts is None:
            self._sentences_of(para)
            starts = self._sent_starts[para]
        index = bisect_right(starts, pos) - 1
        return para, index if index > 0 else 0

    def sentence(self, pos: int) -> tuple[int, int]:
        """The bounds of the sentence holding `pos` (or the last one before it)."""
        para, index = self.sentence_key(pos)
        return self._sents[para][index]

    def previous(self, key: tuple[int, int]) -> tuple[int, int] | None:
        """The key of the sentence before `key`, crossing into the previous paragraph."""
        para, index = key
        if index > 0:
            return para, index - 1
        if para <= 0:
            return None
        return para - 1, len(self._sentences_of(para - 1)) - 1

    def bounds(self, key: tuple[int, int]) -> tuple[int, int]:
        para, index = key
        return self._sentences_of(para)[index]

    def distance(self, earlier: tuple[int, int], later: tuple[int, int], limit: int) -> int:
        """How many sentences lie between two keys, counting at most `limit` (then `limit` is returned)."""
        steps = 0
        key: tuple[int, int] | None = later
        while key is not None and key > earlier and steps < limit:
            key = self.previous(key)
            steps += 1
        return steps
