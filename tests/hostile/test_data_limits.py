"""Nothing hangs, nothing explodes, nothing invisible slips through: hostile data files, end to end.

Each case writes one file into a copy of the fixture site, runs the build command and
asserts exit 1, the message (file, line, plain words), no traceback, a bounded time and
an untouched workspace (previous output included).
"""

from __future__ import annotations

import time

import pytest
from workspace import Workspace, assert_refused

EVENT = 'title: "Neu"\ncategory: "other"\nstart: "2026-02-03T10:00"\nend: "2026-02-03T11:00"\nvenue: "zentrum"\n'
SERIES = 'title: "Reihe"\ncategory: "other"\nstart: "2026-02-03T10:00"\nend: "2026-02-03T11:00"\nvenue: "zentrum"\n'
MEMBER = 'type: "association"\ndescription: "Neu."\njoined: "2020-01-01"\n'
LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(9)
)

CASES = [
    # --- sizes, depth, numbers -----------------------------------------------------------
    ("data/members/lachen.yaml", LAUGHS, "data/members/lachen.yaml:2:", "write the value out in full"),
    ("data/members/tief.yaml", 'name: "x"\n' + MEMBER + "offers: " + "[" * 100_000 + "\n", "nested more than 10", ""),
    ("data/working-groups/zahl.yaml", "meetings_per_year: " + "9" * 5000 + "\n", "more than 15 digits", ""),
    (
        "data/members/gross.yaml",
        'name: "x"\ndescription: "' + "<b>x</b>" * 1_400_000 + '"\n',
        "more than the limit",
        "",
    ),
    ("data/members/nul.yaml", 'name: "Verein\x00"\n' + MEMBER, "data/members/nul.yaml:1:", "U+0000"),
    ("data/members/tab.yaml", 'name: "x"\n\ttype: "association"\n', "data/members/tab.yaml:2:", "not tabs"),
    ("data/members/quote.yaml", MEMBER + 'name: "Verein\n', "data/members/quote.yaml:4:", "is not closed"),
    ("data/members/latin1.yaml", 'name: "M\xfcller"\n'.encode("latin-1"), "data/members/latin1.yaml:1:", "UTF-8"),
    (
        "data/members/block.yaml",
        'name: "x"\n  type: "association"\ndescription: "y"\n',
        "data/members/block.yaml:",
        "this is not valid YAML",
    ),
    # --- invisible characters --------------------------------------------------------------
    ("data/members/bidi.yaml", 'name: "Verein \u202eevil"\n' + MEMBER, "name: ", "U+202E (RIGHT-TO-LEFT OVERRIDE)"),
    ("data/members/zw.yaml", 'name: "x"\n' + MEMBER + 'website: "https://a\u200bb.example/"\n', "website:", "U+200B"),
    # --- dates at the edges and recurrence rules ------------------------------------------
    (
        "data/events/2026/ende.yaml",
        EVENT.replace("2026-02-03T10:00", "9999-12-31").replace("2026-02-03T11:00", "9999-12-31"),
        "data/events/2026/ende.yaml:3: start:",
        "outside the years 1900 to 2199",
    ),
    (
        "data/events/2026/null.yaml",
        SERIES + 'recurrence: "FREQ=DAILY;INTERVAL=0;COUNT=5"\nexceptions: ["2027-02-03T10:00"]\n',
        "data/events/2026/null.yaml:6: recurrence:",
        "INTERVAL=0 is not allowed",
    ),
    (
        "data/events/2026/sekunde.yaml",
        SERIES + 'recurrence: "FREQ=SECONDLY;COUNT=5"\nexceptions: ["2027-02-03T10:00"]\n',
        "data/events/2026/sekunde.yaml:6: recurrence:",
        "a series here repeats at most daily",
    ),
    (
        "data/events/2026/endlos.yaml",
        SERIES + 'recurrence: "FREQ=WEEKLY"\n',
        "data/events/2026/endlos.yaml:6: recurrence:",
        "the series has no end",
    ),
    (
        "data/events/2026/nie.yaml",
        SERIES.replace("2026-02-03", "2026-03-03") + 'recurrence: "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;COUNT=3"\n',
        "data/events/2026/nie.yaml:6: recurrence:",
        "there is no 30 February",
    ),
    # --- where files may come from ----------------------------------------------------------
    (
        "data/members/logo.yaml",
        'name: "x"\n' + MEMBER + 'logo: "../../../etc/passwd"\n',
        "logo:",
        "may not contain '..'",
    ),
    ("data/members/logo2.yaml", 'name: "x"\n' + MEMBER + 'logo: "/etc/passwd"\n', "logo:", "is an absolute path"),
]


@pytest.mark.parametrize(
    ("file", "text", "where", "words"),
    CASES,
    ids=[
        "billion-laughs", "deep-nesting", "5000-digits", "10-mb-text", "nul", "tab", "open-quote", "latin-1",
        "indentation", "bidi-override", "zero-width", "year-9999", "interval-0", "secondly", "no-end", "no-date",
        "logo-dotdot", "logo-absolute",
    ],
)  # fmt: skip
def test_hostile_data_is_refused_quickly_and_clearly(
    workspace: Workspace, file: str, text: str | bytes, where: str, words: str
) -> None:
    workspace.write(file, text)
    before = workspace.snapshot()
    started = time.monotonic()
    result = workspace.build()
    took = time.monotonic() - started
    assert_refused(workspace, result, before, where, words)
    assert took < 30, f"the build took {took:.0f} s to refuse it"
    validate = workspace.validate()
    assert validate.returncode == 1 and where in validate.stdout + validate.stderr, "validate must say the same"


def test_many_addresses_and_tags_in_one_text_build_in_linear_time(workspace: Workspace) -> None:
    """60,000 e-mail addresses in a description: a valid text, built in seconds, none readable by harvesters."""
    addresses = " ".join(f"p{n}@v.de" for n in range(60_000))
    member = MEMBER.replace('description: "Neu."', f'description: "{addresses}"')
    workspace.write("data/members/liste.yaml", f'name: "Liste"\n{member}')
    started = time.monotonic()
    result = workspace.build()
    assert result.returncode == 0, result.stdout + result.stderr
    assert time.monotonic() - started < 60
    page = (workspace.output / "members" / "liste" / "index.html").read_text(encoding="utf-8")
    assert "p59999" in page and "p59999@v.de" not in page and "mailto:" not in page


def test_a_valid_event_at_the_edge_of_the_years_builds(workspace: Workspace) -> None:
    """What validation accepts, the build builds: the first and last day of the allowed years."""
    workspace.write(
        "data/events/2199/letzter.yaml",
        EVENT.replace("2026-02-03T10:00", "2199-12-31").replace("2026-02-03T11:00", "2199-12-31"),
    )
    workspace.write(
        "data/events/1900/erster.yaml",
        EVENT.replace("2026-02-03T10:00", "1900-01-01").replace("2026-02-03T11:00", "1900-01-01"),
    )
    result = workspace.build()
    assert result.returncode == 0, result.stdout + result.stderr
    assert (workspace.output / "events" / "letzter" / "index.html").is_file()
    assert b"DTEND;VALUE=DATE:22000101" in (workspace.output / "calendar" / "netzwerk.ics").read_bytes()
