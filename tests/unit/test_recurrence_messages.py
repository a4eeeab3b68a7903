"""Mistakes in repeat rules (recurrence, exceptions, changed) explained in the editor's words.

Every message keeps file:line:field, names the part of the rule that is wrong, says what it means
in plain words, and shows what to write instead; no Python exception text, no bare RFC jargon.
"""

from __future__ import annotations

import pytest

SERIES = (
    'title: "Sprachcafé"\ncategory: "network-cafe"\n'
    'start: "2026-03-10T16:00"\nend: "2026-03-10T18:00"\nvenue: "zentrum"\n'
)
FILE = "events/2026/sprachcafe.yaml"

# (rule and extra lines, field, line, fragments that must all be in the message)
# fmt: off
CASES = [
    pytest.param(
        'recurrence: "FREQ=WEEKLY;BYDAY=2TU;COUNT=6"\n', "recurrence", 6,
        ["BYDAY=2TU (the second Tuesday) but FREQ is WEEKLY (every week)",
         "For 'the second Tuesday of every month' write FREQ=MONTHLY;BYDAY=2TU",
         "for 'every other Tuesday' write FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"],
        id="numbered-weekday-weekly",
    ),
    pytest.param(
        'recurrence: "FREQ=WEEKLY;BYDAY=-1FR;COUNT=6"\n', "recurrence", 6,
        ["BYDAY=-1FR (the last Friday)", "FREQ=MONTHLY;BYDAY=-1FR"],
        id="last-friday-weekly",
    ),
    pytest.param(
        'recurrence: "FREQ=MONTLY;BYDAY=2TU;COUNT=6"\n', "recurrence", 6,
        ["'MONTLY' is not a frequency", "Did you mean FREQ=MONTHLY?", "MONTHLY (every month)"],
        id="misspelt-frequency",
    ),
    pytest.param(
        'recurrence: "BYDAY=2TU;COUNT=6"\n', "recurrence", 6,
        ["does not say how often", "WEEKLY (every week)"],
        id="no-frequency",
    ),
    pytest.param(
        'recurrence: "FREQ=WEEKLY;BYMONTHDAY=15;COUNT=6"\n', "recurrence", 6,
        ["BYMONTHDAY=15 (on which days of the month) but FREQ=WEEKLY (every week)",
         "For 'every month on day 15' write FREQ=MONTHLY;BYMONTHDAY=15"],
        id="monthday-in-weekly-rule",
    ),
    pytest.param(
        'recurrence: "FREQ=MONTHLY;BYTAG=2TU;COUNT=6"\n', "recurrence", 6,
        ["'BYTAG' is not a part of a repeat rule", "BYDAY (on which weekdays)", "COUNT (how many dates)"],
        id="unknown-part",
    ),
    pytest.param(
        'recurrence: "FREQ=MONTHLY;BYDAY=2TU"\n', "recurrence", 6,
        ["the series has no end", ";COUNT=10"],
        id="no-end",
    ),
    pytest.param(
        'recurrence: "FREQ=MONTHLY;BYDAY=2WE;COUNT=6"\n', "recurrence", 6,
        ["the start (2026-03-10T16:00) is not a date of the rule", "the start is a Tuesday",
         "the rule's first date a Wednesday"],
        id="start-not-in-series",
    ),
    pytest.param(
        'recurrence: "FREQ=MONTHLY;BYDAY=2TU;COUNT=6"\nchanged:\n  - {date: "2026-03-11T16:00", status: "cancelled"}\n',
        "changed[0].date", 8,
        ["2026-03-11T16:00 (Wednesday) is not an occurrence of the rule",
         "the series has 2026-03-10T16:00 (Tuesday) and 2026-04-14T16:00 (Tuesday) near it"],
        id="changed-date-between-two-dates",
    ),
    pytest.param(
        'recurrence: "FREQ=MONTHLY;BYDAY=2TU;COUNT=6"\nexceptions: ["2026-05-12T17:00"]\n',
        "exceptions[0]", 7,
        ["2026-05-12T17:00 (Tuesday) is not an occurrence", "on that day the series has 2026-05-12T16:00 (Tuesday)"],
        id="exception-at-the-wrong-time",
    ),
    pytest.param(
        'recurrence: "FREQ=MONTHLY;BYDAY=2TU;COUNT=6"\nexceptions: ["2026-02-10T16:00"]\n',
        "exceptions[0]", 7,
        ["the series runs from 2026-03-10T16:00 to 2026-08-11T16:00", "its nearest date is 2026-03-10T16:00"],
        id="exception-before-the-series",
    ),
    pytest.param(
        'recurrence: "FREQ=MONTHLY;BYDAY=2TU;COUNT=6"\nexceptions: ["2026-04-14"]\n',
        "exceptions[0]", 7,
        ["write it as a date-time, like the event's start", '"2026-03-10T16:00"'],
        id="exception-without-time",
    ),
]
# fmt: on

JARGON = ("RFC", "RRULE", "Traceback", "rrulestr", "ValueError")


@pytest.mark.parametrize(("extra", "field", "line", "fragments"), CASES)
def test_rule_mistake_is_explained(problems_of, extra, field, line, fragments):
    problems = problems_of({FILE: SERIES + extra})
    at_field = [p for p in problems if p.field == field and p.file == f"data/{FILE}"]
    assert len(at_field) == 1, problems
    problem = at_field[0]
    assert problem.line == line, problem
    for fragment in fragments:
        assert fragment in problem.message, problem.message
    assert not any(word in problem.message for word in JARGON), problem.message
    assert str(problem).startswith(f"data/{FILE}:{line}: {field}: ")
