"""Figures (issue 17) in a real build: each briefing's Figures table, the figures ledger, and editors' controls.

The stories are written for this test: three reports of one attack (two on
the same day from different outlets that disagree, one later), a company's
results, and a short note stating no number at all.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from test_links import broken_links

DAY1_A = """---
title: Strike on market
date: 2024-01-10
source: Wire A
---
At least 500 civilians were killed in Gaza on Tuesday.
About 300,000 residents have fled their homes in the past month.
"""
DAY1_B = """---
title: Market strike toll disputed
date: 2024-01-10
source: Wire B
---
Some 300 civilians were killed in Gaza on Tuesday, a lower toll than first reported.
The fighting began in the autumn of 2023, and talks resume on March 3 at 10:30.
"""
DAY2 = """---
title: Toll rises a week on
date: 2024-01-17
source: Wire A
---
Nearly 900 civilians were killed in Gaza by the end of the week.
Aid agencies asked for $2.5bn in emergency funding.
"""
RESULTS = """---
title: Results season
date: 2024-02-01
source: Wire C
---
The company made $17.5bn in annual profit and cut 1,200 jobs.
Its shares rose 15.1% on the news.
"""
NOTE = """---
title: A quiet note
date: 2024-02-02
source: Wire C
---
Nothing of note happened in the second round, the 21st of its kind, on 3 March 2019.
"""
REGISTER = "- name: Gaza\n  kind: place\n"
RESULTS_OVERLAY = """---
seed: results.txt
drop_figures: ["$17.5bn"]
---
"""
SEEDS = {"day1-a.txt": DAY1_A, "day1-b.txt": DAY1_B, "day2.txt": DAY2, "results.txt": RESULTS, "note.txt": NOTE}


@pytest.fixture(scope="module")
def site(session_builder) -> Path:
    return session_builder("figures", seeds=SEEDS, overlays={"results.md": RESULTS_OVERLAY}, register=REGISTER)


def _page(site: Path, slug: str) -> str:
    return (site / "briefings" / slug / "index.html").read_text(encoding="utf-8")


def _rows(html: str) -> list[list[str]]:
    """The figures table's body rows as plain-text cells."""
    table = html.split('<section class="bf-figures">', 1)[1].split("</table>", 1)[0]
    body = table.split("<tbody>", 1)[1]
    return [[re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)]


def test_a_briefing_lists_its_figures_in_an_accessible_table(site: Path) -> None:
    page = _page(site, "day1-a")
    assert '<h2 id="figures">Figures</h2>' in page
    table = page.split('<section class="bf-figures">', 1)[1].split("</table>", 1)[0]
    assert "<caption>Numbers the text states, as of 10 January 2024." in table
    assert re.findall(r'<th scope="col">([^<]*)</th>', table) == [
        "Figure", "Qualifier", "What it counts", "About", "Source"]
    assert _rows(page) == [["500", "at least", "civilians killed", "Gaza", "The article"],
                           ["300,000", "about", "residents", "—", "The article"]]
    assert '<data value="300000">300,000</data>' in table


def test_years_dates_times_and_ordinals_are_not_figures(site: Path) -> None:
    assert _rows(_page(site, "day1-b")) == [["300", "about", "civilians killed", "Gaza", "The article"]]
    note = _page(site, "note")
    assert 'id="figures"' not in note and "bf-figures" not in note


def test_money_and_percentages_and_a_dropped_figure(site: Path) -> None:
    rows = _rows(_page(site, "results"))
    assert rows == [["1,200", "exact", "jobs", "—", "The article"], ["15.1%", "exact", "—", "—", "The article"]]
    assert ["$2.5bn", "exact", "emergency funding", "—", "The article"] in _rows(_page(site, "day2"))


def test_the_figures_ledger_shows_a_series_over_time_and_flags_disagreement(site: Path) -> None:
    ledger = (site / "figures" / "index.html").read_text(encoding="utf-8")
    assert "<h1>Figures ledger</h1>" in ledger
    (series,) = re.findall(r'<h2 id="(f-[0-9a-f]{10})">Civilians killed: Gaza</h2>', ledger)
    part = ledger.split(f'id="{series}"', 1)[1]
    assert "In 3 briefings." in part
    assert "Flag: sources disagree on 10 January 2024." in part
    assert "It rose from at least 500 (10 January 2024) to nearly 900 (17 January 2024)." in part
    dates = re.findall(r"<tr[^>]*><td>(\d+ \w+ 2024)</td>", part.split("</table>", 1)[0])
    assert dates == ["10 January 2024", "10 January 2024", "17 January 2024"]  # oldest first
    for slug in ("day1-a", "day1-b", "day2"):
        assert f'href="../briefings/{slug}/#figures"' in part
    # the briefing's row links to its series
    assert f'href="../../figures/#{series}"' in _page(site, "day1-a")


def test_the_figures_ledger_is_in_the_nav_and_search(site: Path) -> None:
    assert 'href="figures/"' in (site / "index.html").read_text(encoding="utf-8")
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    hits = [d for d in index["docs"] if d["location"].startswith("figures/#f-")]
    assert hits and "at least 500 civilians killed" in hits[0]["text"]


def test_export_holds_figures_and_the_figures_ledger(site: Path) -> None:
    data = json.loads((site / "briefings.json").read_text(encoding="utf-8"))
    first = data["figures"]["day1-a"][0]
    assert first == {"text": "500", "phrase": "At least 500", "value": 500, "unit": "", "qualifier": "at least",
                     "counts": "civilians killed", "about": "gaza", "start": first["start"], "end": first["end"],
                     "source": {"claim": None, "entity": None, "text": None}}
    assert [f["text"] for f in data["figures"]["results"]] == ["1,200", "15.1%"]  # the dropped figure is gone
    assert "note" not in data["figures"]
    (series,) = data["figures_ledger"]
    assert (series["key"], series["about"], series["stories"], series["disputed"]) == (
        "civilian killed", "gaza", 3, ["2024-01-10"])
    assert [(f["briefing"], f["value"]) for f in series["figures"]] == [("day1-a", 500), ("day1-b", 300), ("day2", 900)]


def test_every_link_resolves(site: Path) -> None:
    assert broken_links(site) == []


ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def _strict(project_writer, overlays: dict[str, str]) -> subprocess.CompletedProcess[str]:
    config = project_writer(seeds=SEEDS, overlays=overlays, register=REGISTER)
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=config.parent, env=ENV,
                          capture_output=True, text=True, timeout=300, check=False)


@pytest.mark.parametrize(
    ("overlay", "expected"),
    [
        ("---\nseed: results.txt\ndrop_figures: [\"$99bn\"]\n---\n",
         "briefings/results.md:3: drop_figures: '$99bn' matches no figure of this briefing"),
        ("---\nseed: results.txt\nnot_duplicates: [no-such-briefing]\n---\n",
         "briefings/results.md:3: not_duplicates: 'no-such-briefing' is not another briefing of this site"),
        ("---\nseed: results.txt\nledger_merge:\n  - quote: profit\n---\n",
         "briefings/results.md:4: a 'ledger_merge' item needs 'quote:'"),
        ("---\nseed: results.txt\ndrop_figure: [\"$17.5bn\"]\n---\n",
         "briefings/results.md:3: unknown key 'drop_figure' in overlay front matter — did you mean 'drop_figures'?"),
    ],
    ids=["unmatched-drop", "unknown-slug", "merge-without-with", "misspelt-key"],
)
def test_bad_controls_fail_the_strict_build_with_file_and_line(project_writer, overlay: str, expected: str) -> None:
    done = _strict(project_writer, {"results.md": overlay})
    output = done.stdout + done.stderr
    assert done.returncode != 0, output
    assert expected in output, output
    assert "Traceback" not in output


def test_not_duplicates_keeps_copies_apart(project_writer, mkdocs_build) -> None:
    long = DAY2 + ("Rescue teams worked through the night to reach families trapped under the rubble of the "
                   "market, while doctors at the two hospitals still open asked for fuel, blood and more staff.\n")
    seeds = {**SEEDS, "day2.txt": long, "day2-copy.txt": long.replace("Toll rises a week on", "Toll rises again")}
    config = project_writer(seeds=seeds, register=REGISTER)
    built = mkdocs_build(config)
    assert "Other versions of this story" in (built / "briefings" / "day2" / "index.html").read_text(encoding="utf-8")
    config = project_writer(seeds=seeds, register=REGISTER,
                            overlays={"day2.md": "---\nseed: day2.txt\nnot_duplicates: [day2-copy]\n---\n"})
    built = mkdocs_build(config)
    assert "bf-same-story" not in (built / "briefings" / "day2" / "index.html").read_text(encoding="utf-8")
    assert json.loads((built / "briefings.json").read_text(encoding="utf-8"))["duplicates"] == []
