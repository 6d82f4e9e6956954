"""Comparison forms of names: when two spellings are one name.

Transliterated Arabic names write the article several ways ("al-Sisi",
"el-Sisi", "Al-Sisi"); news copy varies the case of acronyms ("NATO",
"Nato"). Grouping mentions into entities, linking a surname to a full name
and resolving surnames across briefings all compare names in this one form.
"""

from __future__ import annotations

import re

_ARABIC_ARTICLE = re.compile(r"(?i)(?<![\w])(?:el|al|ul|ad|as|ash|at|an|ar|az)[-\u2010\u2011](?=\w)")


def fold_key(name: str) -> str:
    """The comparison form of a name: case folded, and "el-Sisi" the same as "al-Sisi"."""
    if "-" not in name and "\u2010" not in name and "\u2011" not in name:
        return name.casefold()  # the common case, without a regex
    return _ARABIC_ARTICLE.sub("al-", name).casefold()
