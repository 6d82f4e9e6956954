"""The entity register `briefings/entities.yml` -> RegisterEntry tuple + diagnostics.

The register is where editors merge spelling variants ("Zelensky",
"Zelenskyy") and describe key people. A mistake in one entry must not lose
the others, so each bad entry or field is a warning on its own line and the
rest of the register still applies; only a file that is not a YAML list at
all stops the build.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from . import schema as sc
from .diagnostics import Diagnostic
from .inputs import clean_text
from .model import KINDS, RegisterEntry
from .seeds import read_text
from .text import slugify
from .yamldoc import YamlError, parse_yaml


def _owner(values: Mapping[str, Any]) -> str:
    return f"'{values['name']}'" if values.get("name") else "this entry"


#: One register entry.
ENTRY = sc.Schema(
    (
        sc.Field("name", sc.text(collapse=True), "register entry has no 'name': add 'name: <canonical name>'",
                 missing="register entry has no 'name': add 'name: <canonical name>'", essential=True),
        sc.Field("kind", sc.one_of(KINDS), "unknown kind {value} for {owner}{hint} (use one of " + ", ".join(KINDS) + ")",
                 default="other", essential=True),
        sc.Field("aliases", sc.words(collapse=True), "'aliases' of {owner} must be a list of names", default=()),
        sc.Field("description", sc.text(empty=True), "'description' of {owner} must be text", default=""),
        sc.Field("links", sc.web_urls("bad link {value} for {owner}: " + sc.WEB_ONLY),
                 "'links' of {owner} must be a list of URLs", default=()),
    ),
    where="a register entry",
    not_mapping="each register entry must be a mapping like '- name: ...' with 'kind: ...'",
    owner=_owner,
)
#: Keys of one register entry.
ENTRY_KEYS: tuple[str, ...] = ENTRY.keys


def _fold(name: str) -> str:
    """Case- and space-insensitive form for spotting the same name twice."""
    return " ".join(name.casefold().split())


def parse_register(text: str, shown: str) -> tuple[tuple[RegisterEntry, ...], list[Diagnostic]]:
    """Parse register YAML text; `shown` is the path used in messages.

    Every problem is reported in one run: an entry that cannot be used (no
    name, an unknown kind) still has its names checked against the others.
    """
    try:
        doc = parse_yaml(clean_text(text), shown)
    except YamlError as exc:
        return (), [exc.diagnostic]
    if doc.data is None:
        return (), []
    if not isinstance(doc.data, list):
        return (), [
            Diagnostic(shown, doc.line(), "the register must be a YAML list of entries, each starting with '- name: ...'", "error")
        ]
    report = sc.Report(shown, doc)
    entries: list[RegisterEntry] = []
    owner: dict[str, tuple[str, int]] = {}  # folded name/alias -> (entry name, line)
    ids: dict[str, tuple[str, int]] = {}  # entity id -> (entry name, line)
    for index, item in enumerate(doc.data):
        got = sc.read(ENTRY, item, report, (index,))
        if got is None or got[0]["name"] is None:
            continue
        values, usable = got
        name, line = values["name"], doc.line(index)
        folded = _fold(name)
        if folded in owner:
            other, other_line = owner[folded]
            report.add((index,), f"'{name}' is already registered on line {other_line} (as '{other}'): merge the two entries")
            continue
        # Two names can spell the same id ("Łódź" and "Lodz"): their mentions would be one
        # entity, one page, and one of the two descriptions would be lost.
        ident = slugify(name)
        if ident in ids:
            other, other_line = ids[ident]
            report.add(
                (index,),
                f"'{name}' gets the same id '{ident}' as '{other}' on line {other_line}: "
                "if they are one entity merge the two entries (one name, the other an alias); "
                "if not, spell one name differently",
            )
            continue
        ids[ident] = (name, line)
        aliases: dict[str, None] = {}  # ordered, each look-up constant (not a list: quadratic in the aliases)
        for a_index, alias in enumerate(values["aliases"]):
            fa = _fold(alias)
            if alias == name or alias in aliases:
                continue
            if fa in owner and fa != folded:
                other, other_line = owner[fa]
                report.add(
                    (index, "aliases", a_index),
                    f"alias '{alias}' of '{name}' is already claimed by '{other}' (line {other_line}): keep it in one entry only",
                )
                continue
            aliases[alias] = None
        # An unusable entry's names are claimed too: each problem is reported now, not after another fix.
        owner[folded] = (name, line)
        for alias in aliases:
            owner[_fold(alias)] = (name, line)
        if usable:
            entries.append(RegisterEntry(name, values["kind"], tuple(aliases), values["description"], values["links"], line))
    return tuple(entries), report.diagnostics


def load_register(path: Path, shown: str) -> tuple[tuple[RegisterEntry, ...], list[Diagnostic]]:
    """Read the register file; a missing file is an empty register (no register is fine)."""
    if not path.exists():
        return (), []
    text, err = read_text(path, shown, "register")
    if text is None:
        return (), [err] if err else []
    return parse_register(text, shown)
