"""The entity register `briefings/entities.yml` -> RegisterEntry tuple + diagnostics.

The register is where editors merge spelling variants ("Zelensky",
"Zelenskyy") and describe key people. A mistake in one entry must not lose
the others, so each bad entry or field is a warning on its own line and the
rest of the register still applies; only a file that is not a YAML list at
all stops the build.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .diagnostics import Diagnostic, did_you_mean, quoted, unknown_key
from .model import KINDS, RegisterEntry
from .seeds import clean_text, is_web_url, read_text, string_list
from .text import slugify
from .yamldoc import YamlDoc, YamlError, parse_yaml

#: Keys of one register entry.
ENTRY_KEYS: tuple[str, ...] = ("name", "kind", "aliases", "description", "links")


def _fold(name: str) -> str:
    """Case- and space-insensitive form for spotting the same name twice."""
    return " ".join(name.casefold().split())


def parse_register(text: str, shown: str) -> tuple[tuple[RegisterEntry, ...], list[Diagnostic]]:
    """Parse register YAML text; `shown` is the path used in messages."""
    diags: list[Diagnostic] = []
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
    entries: list[RegisterEntry] = []
    owner: dict[str, tuple[str, int]] = {}  # folded name/alias -> (entry name, line)
    ids: dict[str, tuple[str, int]] = {}  # entity id -> (entry name, line)
    for index, item in enumerate(doc.data):
        entry = _entry(doc, index, item, shown, diags)
        if entry is None:
            continue
        folded = _fold(entry.name)
        if folded in owner:
            other, other_line = owner[folded]
            diags.append(
                Diagnostic(
                    shown,
                    entry.line,
                    f"'{entry.name}' is already registered on line {other_line} (as '{other}'): merge the two entries",
                )
            )
            continue
        # Two names can spell the same id ("Łódź" and "Lodz"): their mentions would be one
        # entity, one page, and one of the two descriptions would be lost.
        ident = slugify(entry.name)
        if ident in ids:
            other, other_line = ids[ident]
            diags.append(
                Diagnostic(
                    shown,
                    entry.line,
                    f"'{entry.name}' gets the same id '{ident}' as '{other}' on line {other_line}: "
                    "if they are one entity merge the two entries (one name, the other an alias); "
                    "if not, spell one name differently",
                )
            )
            continue
        ids[ident] = (entry.name, entry.line)
        aliases: list[str] = []
        for a_index, alias in enumerate(entry.aliases):
            fa = _fold(alias)
            if alias == entry.name or alias in aliases:
                continue
            if fa in owner and fa != folded:
                other, other_line = owner[fa]
                diags.append(
                    Diagnostic(
                        shown,
                        doc.line(index, "aliases", a_index),
                        f"alias '{alias}' of '{entry.name}' is already claimed by '{other}' (line {other_line}): "
                        "keep it in one entry only",
                    )
                )
                continue
            aliases.append(alias)
        owner[folded] = (entry.name, entry.line)
        for alias in aliases:
            owner[_fold(alias)] = (entry.name, entry.line)
        entries.append(
            RegisterEntry(entry.name, entry.kind, tuple(aliases), entry.description, entry.links, entry.line)
        )
    return tuple(entries), diags


def _entry(doc: YamlDoc, index: int, item: Any, shown: str, diags: list[Diagnostic]) -> RegisterEntry | None:
    """One entry, or None (with a warning) when it cannot be used."""
    line = doc.line(index)
    if not isinstance(item, dict):
        diags.append(Diagnostic(shown, line, "each register entry must be a mapping like '- name: ...' with 'kind: ...'"))
        return None
    for key in item:
        if key not in ENTRY_KEYS:
            diags.append(unknown_key(shown, doc.line(index, key), key, ENTRY_KEYS, "a register entry"))
    name = item.get("name")
    if not isinstance(name, str) or not " ".join(clean_text(name).split()):
        diags.append(Diagnostic(shown, line, "register entry has no 'name': add 'name: <canonical name>'"))
        return None
    name = " ".join(clean_text(name).split())
    kind = item.get("kind", "other")
    if kind not in KINDS:
        diags.append(
            Diagnostic(
                shown,
                doc.line(index, "kind"),
                f"unknown kind {quoted(kind)} for '{name}'{did_you_mean(str(kind), KINDS)} (use one of {', '.join(KINDS)})",
            )
        )
        return None
    aliases = string_list(item.get("aliases"))
    if aliases is None:
        diags.append(Diagnostic(shown, doc.line(index, "aliases"), f"'aliases' of '{name}' must be a list of names"))
        aliases = ()
    aliases = tuple(" ".join(a.split()) for a in aliases)
    description = item.get("description") or ""
    if not isinstance(description, str):
        diags.append(Diagnostic(shown, doc.line(index, "description"), f"'description' of '{name}' must be text"))
        description = ""
    links = string_list(item.get("links"))
    if links is None:
        diags.append(Diagnostic(shown, doc.line(index, "links"), f"'links' of '{name}' must be a list of URLs"))
        links = ()
    good_links: list[str] = []
    raw_links = item.get("links")
    for l_index, link in enumerate(links):
        if is_web_url(link):
            good_links.append(link)
        else:
            at = doc.line(index, "links", l_index) if isinstance(raw_links, list) else doc.line(index, "links")
            diags.append(Diagnostic(shown, at, f"bad link {quoted(link)} for '{name}': only http:// and https:// links are allowed"))
    return RegisterEntry(name, kind, aliases, clean_text(description).strip(), tuple(good_links), line)


def load_register(path: Path, shown: str) -> tuple[tuple[RegisterEntry, ...], list[Diagnostic]]:
    """Read the register file; a missing file is an empty register (no register is fine)."""
    if not path.exists():
        return (), []
    text, err = read_text(path, shown, "register")
    if text is None:
        return (), [err] if err else []
    return parse_register(text, shown)
