"""Claims made by a speaker label and a colon: headlines and transcripts.

"Gingrich: Trump Must Decide If He Wants a Two-Pirate Ticket" and
"FALLIN: Well, I think the whole nation needs to work together" attribute
the whole paragraph to the name before the colon, with no verb at all (a
transcript quoted paragraph by paragraph may open each line with a
quotation mark: '"PENCE: Gennifer Flowers will not be attending'). A
label is a short run of capitalised words at the start of a paragraph;
the words editors use to label other things ("Photo:", "Update:",
"Editor's note:") are not speakers.
"""

from __future__ import annotations

import re
from itertools import pairwise

#: A speaker label: up to five capitalised words (initials and "and" allowed), then a colon.
_LABEL = re.compile(
    r"[ \t]*(?:[\"\u201c][ \t]*(?=[A-Z]{2,}[ \t]*:))?"  # a transcript's line may open with a quotation mark
    r"(?P<speaker>[A-Z][\w'\u2019.\-]*(?:[ \t]+(?:and[ \t]+|&[ \t]+)?[A-Z][\w'\u2019.\-]*){0,4})[ \t]*:[ \t]+(?=\S)"
)
_NOT_SPEAKERS: frozenset[str] = frozenset(
    """photo photos image images picture pictures video videos watch update updated updates note notes
    editor's editor’s source sources read related see correction corrections disclosure caption captions
    listen tags tag topics topic credit credits graphic map chart warning breaking exclusive analysis opinion
    comment comments live q a question answer transcript text also more plus bottom background context why
    what who how when where latest key timeline quote quotes by from to subject date time location email
    phone tel fax web website url link links file files filed posted published follow share contact
    price prices score scores result results venue kick-off kickoff referee attendance weather cast crew
    director producer starring genre rating running ingredients method serves step
    contributing contributors so boom stat notice leaked""".split()
)
#: Content that is a whole quotation, for the claim's kind.
_QUOTATION = re.compile("(?:''|[\"\u201c\u2018])")


def labelled_claims(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[str, tuple[int, int], tuple[int, int]]]:
    """(kind, content, speaker) for each paragraph that opens with a speaker label."""
    out: list[tuple[str, tuple[int, int], tuple[int, int]]] = []
    for start, end in paragraphs:
        m = _LABEL.match(text, start, end)
        if m is None:
            continue
        speaker = m.span("speaker")
        words = text[speaker[0]:speaker[1]].split()
        if any(w.lower().rstrip(".") in _NOT_SPEAKERS for w in words) or any(ch.isdigit() for ch in words[0]):
            continue
        c_start, c_end = m.end(), end
        while c_end > c_start and text[c_end - 1].isspace():
            c_end -= 1
        if c_end > c_start and text[c_end - 1] == "." and text[c_end - 2:c_end - 1] not in ("'", '"', "\u201d", "\u2019"):
            c_end -= 1
        if len(text[c_start:c_end].split()) < 3 or _names_list(text[c_start:c_end]):
            continue
        quoted = _QUOTATION.match(text, c_start) is not None
        kind = "direct" if quoted else "mixed" if _QUOTATION.search(text, c_start, c_end) else "indirect"
        out.append((kind, (c_start, c_end), speaker))
    return _without_interviewer(text, out)


def _names_list(content: str) -> bool:
    """A list of names after a label ("Iowa: Tim Albrecht, Brad Anderson, Rob Barron, ..."): no statement."""
    items = [i.strip() for i in content.split(",")]
    return len(items) >= 4 and all(
        i and len(i.split()) <= 4 and all(w[:1].isupper() or w == "and" for w in i.split()) for i in items[:-1])


def _without_interviewer(
    text: str, found: list[tuple[str, tuple[int, int], tuple[int, int]]]
) -> list[tuple[str, tuple[int, int], tuple[int, int]]]:
    """Drop the lines of a label that mostly asks questions: the interviewer ("WN: How did you ...?").

    In an interview transcript the interviewer's questions are not claims;
    the interviewer is the label with at least two lines, most of them
    questions or asides in parentheses.
    """
    lines: dict[str, list[bool]] = {}
    for _, (c_start, c_end), (s_start, s_end) in found:
        content = text[c_start:c_end].rstrip()
        asks = content.endswith("?") or (content.startswith("(") and content.endswith(")"))
        lines.setdefault(text[s_start:s_end], []).append(asks)
    asking = {label for label, asks in lines.items() if len(asks) >= 2 and sum(asks) * 2 > len(asks)}
    if not asking:
        return found
    return [row for row in found if text[row[2][0]:row[2][1]] not in asking]


#: A paragraph that ends by introducing what follows: a short subject, a cue verb and a colon
#: ("He said:", "The governor added:", "Limbaugh wrote:").
_INTRO = re.compile(
    r"(?:^|(?<=[.!?\"\u201d]\s))(?P<speaker>(?:[A-Z][\w'\u2019.\-]*|[Hh]e|[Ss]he|[Tt]hey)(?:[ \t]+[\w'\u2019.\-]+){0,4}?)"
    r"[ \t]+(?:also[ \t]+|then[ \t]+|later[ \t]+)?(?P<cue>said|says|added|adds|wrote|writes|continued|explained|"
    r"reports|reported|stated|states|commented|tweeted|posted|told\s+\w+|made\s+the\s+following\s+(?:comment|statement))"
    r"[ \t]*:[ \t]*$"
)
#: How far from a paragraph's end its introducing sentence is looked for (characters).
_INTRO_REACH = 160
_OPENS_QUOTED = re.compile("[ \t]*(?:''|[\"\u201c\u2018'])")


def introduced_blocks(
    text: str, paragraphs: list[tuple[int, int]]
) -> list[tuple[tuple[int, int], tuple[int, int], tuple[int, int]]]:
    """(content, cue, speaker) for each paragraph that a colon ending the paragraph before introduces.

    Online news quotes a statement or a post as a paragraph of its own with no
    quotation marks, after "He said:" ends the paragraph before; a paragraph
    that opens with a quotation mark is the same claim, quoted.
    """
    out: list[tuple[tuple[int, int], tuple[int, int], tuple[int, int]]] = []
    for (p_start, p_end), (n_start, n_end) in pairwise(paragraphs):
        tail = max(p_start, p_end - _INTRO_REACH)  # only the paragraph's end is read: linear time
        seg = text[tail:p_end].rstrip()
        if not seg.endswith(":"):
            continue  # most paragraphs: no regex tried
        m = _INTRO.search(seg)
        if m is None or (m.start() == 0 and tail > p_start):
            continue  # no introduction, or the window cut a sentence
        offset = tail
        c_start, c_end = n_start, n_end
        while c_start < c_end and text[c_start].isspace():
            c_start += 1
        while c_end > c_start and text[c_end - 1].isspace():
            c_end -= 1
        if len(text[c_start:c_end].split()) < 4:
            continue
        cue = (m.start("cue") + offset, m.end("cue") + offset)
        speaker = (m.start("speaker") + offset, m.end("speaker") + offset)
        out.append(((c_start, c_end), cue, speaker))
    return out
