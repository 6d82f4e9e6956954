"""Pairing quotation marks into quotations, as offsets.

News text mixes straight and curly double marks, leaves marks unbalanced,
and continues a quotation over several paragraphs by opening each paragraph
with a mark and closing only the last one. Pairing works on the marks alone
(one compiled regex over each paragraph), so pathological input costs time
linear in its length. Single marks are treated as nested quotes or
apostrophes and never start a quotation of their own, except the
unambiguous curly opening mark used by British-style quotation.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from ..text import paragraphs

_OPENERS = "\u201c\u201e\u00ab"  # “ „ «
_CLOSERS = "\u201d\u00bb"  # ” »
# Two apostrophes stand for a straight double mark in some newspapers' text ("''Yes,'' he said").
# A double mark, or two single quotes written for one ("''"). Written to open with one character
# class, which the regex engine scans for quickly (then "'" must be followed by another), instead
# of the plain alternation "''|[...]": the same matches, in less than half the time.
_MARK = re.compile("[\"\u201c\u201d\u201e\u00ab\u00bb'](?:(?<=')'|(?<!'))")
# A curly single opening mark at a word start, closed by a curly single mark
# that is not an apostrophe inside a word; used only in paragraphs with no
# double marks at all (British style).
_SINGLE_OPEN = re.compile("(?<![\\w\u2019'])\u2018(?=\\w)")
_SINGLE_CLOSE = re.compile("(?<=[\\w.,!?])\u2019(?!\\w)")
_TRAIL = ", \t"


@dataclass(frozen=True)
class Quote:
    """A quotation: `open`/`close` are the marks' offsets, `start`/`end` its words.

    An unclosed quotation (one running to the end of its paragraph) has
    `closed` False and `close == end`. `paragraph` is the index of the
    paragraph where it opens; `continued` says whether it runs over more
    than one.
    """

    open: int
    close: int
    start: int
    end: int
    paragraph: int
    continued: bool = False
    closed: bool = True
    close_width: int = 1  # 2 for a closing "''"

    @property
    def after(self) -> int:
        """The offset just past the closing mark (or past the words, if unclosed)."""
        return self.close + self.close_width if self.closed else self.end


def _words(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim white space and a trailing comma: the comma belongs to the attribution."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in _TRAIL:
        end -= 1
    return start, end


Mark = tuple[int, int]  # (offset, width) of a quotation mark


def _pair(text: str, start: int, end: int) -> tuple[list[tuple[Mark, Mark]], Mark | None]:
    """Pairs (opening, closing) of double marks in one paragraph, and an unclosed opener."""
    pairs: list[tuple[Mark, Mark]] = []
    opened: Mark | None = None
    lead = start
    while lead < end and text[lead].isspace():
        lead += 1
    for m in _MARK.finditer(text, start, end):
        i, width = m.start(), m.end() - m.start()
        ch = text[i]
        before = text[i - 1] if i > start else " "
        after = text[m.end()] if m.end() < end else " "
        if ch in _OPENERS:
            if opened is None or not _resumes(text, start, i):
                opened = (i, width)  # a second opener means the first was never closed
        elif ch in _CLOSERS:
            if opened is not None:
                pairs.append((opened, (i, width)))
                opened = None
            elif i == lead and not after.isspace():
                opened = (i, width)  # a paragraph opened with a closing mark by mistake ('”Fear. ...”')
        elif opened is None:
            if not after.isspace():
                opened = (i, width)
        elif before.isspace() and not after.isspace():
            if not _resumes(text, start, i):
                opened = (i, width)  # looks like an opener: the previous one was never closed
        else:
            pairs.append((opened, (i, width)))
            opened = None
    return pairs, opened


#: A sentence's end, then white space: where a new paragraph of the same quotation would have begun.
_SENTENCE_END_BEFORE = re.compile(r"[.!?\u2026][\u2019']?[ \t]+$")


def _resumes(text: str, start: int, mark: int) -> bool:
    """Whether an opening mark after a finished sentence of an open quotation resumes that quotation.

    Newspapers open every paragraph of a long quotation with a mark and close
    only the last; when the paragraphs have been joined into one line
    ('"Steven is above money. "It doesn't matter ...," he said.') those
    marks land mid-line, after a full stop. The quotation goes on: the mark
    is the joined paragraph's, not the start of another quotation.
    """
    return _SENTENCE_END_BEFORE.search(text, max(start, mark - 4), mark) is not None


def _opens(text: str, pos: int) -> bool:
    return pos < len(text) and (text[pos] in _OPENERS or text[pos] == '"' or text.startswith("''", pos))


def find_quotes(text: str) -> list[Quote]:
    """Every quotation in `text`, in order, continued quotations joined.

    A paragraph that opens a quotation without closing it, followed by a
    paragraph that opens with a mark, continues into that paragraph (the
    usual newspaper convention); otherwise an unclosed quotation ends with
    its paragraph.
    """
    marks = [m.start() for m in _MARK.finditer(text)]
    has_single = "\u2018" in text
    if not marks and not has_single:
        return []  # most paragraphs of most texts: nothing to pair
    paras = paragraphs(text)
    out: list[Quote] = []
    pending: tuple[Mark, int] | None = None  # (opening mark, paragraph index) of a continued quotation
    for index, (p_start, p_end) in enumerate(paras):
        k = bisect_left(marks, p_start)
        has_marks = k < len(marks) and marks[k] < p_end
        if not has_marks and pending is None:
            if has_single:
                out.extend(_singles(text, p_start, p_end, index))
            continue
        lead = p_start
        while lead < p_end and text[lead].isspace():
            lead += 1
        pairs, unclosed = _pair(text, p_start, p_end)
        if pending is not None:
            first_is_opener = lead < p_end and _opens(text, lead)
            if not first_is_opener:
                # The continuation never came: the quotation ended with its paragraph.
                out.append(_unclosed(text, pending[0], paras[index - 1][1], pending[1], index - 1 > pending[1]))
                pending = None
            elif pairs and pairs[0][0][0] == lead:
                _, (c, cw) = pairs.pop(0)
                s, e = _words(text, pending[0][0] + pending[0][1], c)
                out.append(Quote(pending[0][0], c, s, e, pending[1], True, True, cw))
                pending = None
            elif unclosed is not None and unclosed[0] == lead and not pairs:
                unclosed = None  # the quotation continues into the next paragraph too
            else:
                out.append(_unclosed(text, pending[0], paras[index - 1][1], pending[1], index - 1 > pending[1]))
                pending = None
        for (o, ow), (c, cw) in pairs:
            s, e = _words(text, o + ow, c)
            if s < e:
                out.append(Quote(o, c, s, e, index, False, True, cw))
        if unclosed is not None and pending is None:
            pending = (unclosed, index)
        if not has_marks and pending is None and has_single:
            out.extend(_singles(text, p_start, p_end, index))
    if pending is not None and paras:
        out.append(_unclosed(text, pending[0], paras[-1][1], pending[1], len(paras) - 1 > pending[1]))
    out = [q for q in out if q.start < q.end]
    out.sort(key=lambda q: q.start)
    return out


def _unclosed(text: str, open_: Mark, para_end: int, paragraph: int, continued: bool) -> Quote:
    s, e = _words(text, open_[0] + open_[1], para_end)
    return Quote(open_[0], e, s, e, paragraph, continued, False)


def _singles(text: str, start: int, end: int, index: int) -> list[Quote]:
    """British-style quotations in single curly marks, in a paragraph without double ones.

    An opening mark at a word start pairs with the next closing mark that
    is not an apostrophe inside a word; scanning resumes after it, so each
    character is looked at a bounded number of times.
    """
    out: list[Quote] = []
    pos = start
    while True:
        m = _SINGLE_OPEN.search(text, pos, end)
        if m is None:
            return out
        c = _SINGLE_CLOSE.search(text, m.end(), end)
        if c is None:
            return out
        s, e = _words(text, m.end(), c.start())
        if s < e:
            out.append(Quote(m.start(), c.start(), s, e, index, False, True))
        pos = c.end()
