"""Every rule of the data contract: one broken file on top of the valid fixture, one row.

Each row asserts where the problem is reported (file, line, field) and a message
fragment that tells the editor how to fix it.
"""

from __future__ import annotations

import pytest

from netzwerk_data import DataError, Problem

# Minimal valid bodies for new records (new ids are referenced by nothing, so a broken
# one cannot cause follow-up problems elsewhere).
MEMBER = 'name: "Neuer Verein"\ntype: "association"\ndescription: "Neu."\njoined: "2020-01-01"\n'
GROUP = 'name: "AG Neu"\ndescription: "Neu."\nmeetings_per_year: 2\nfounded: "2005-01-01"\n'
EVENT_HEAD = 'title: "Neu"\ncategory: "other"\n'
EVENT_TIMES = 'start: "2026-02-03T10:00"\nend: "2026-02-03T11:00"\n'
RECURRING = (
    'title: "Sprachcafé"\ncategory: "network-cafe"\n'
    'start: "2026-09-08T16:00"\nend: "2026-09-08T18:00"\nvenue: "zentrum"\n'
)
NETWORK = """\
name: "Testnetz"
short_name: "Testnetz"
description: "Ein Netz."
founded: 1999
coordinator: "koordination"
venue: "zentrum"
email: "netz@test.example"
website: "https://test.example/"
languages: ["de", "en", "ar"]
"""

# (file under data/, file text, field, line, message fragment; case id)
# fmt: off
CASES = [
    # --- wrong types ------------------------------------------------------------------
    pytest.param(
        "working-groups/neu.yaml",
        GROUP.replace("meetings_per_year: 2", 'meetings_per_year: "2"'),
        "meetings_per_year", 3, "expected a whole number, got '2'; write it without quotes",
        id="type-string-for-number",
    ),
    pytest.param(
        "network.yaml",
        NETWORK.replace("founded: 1999", 'founded: "1999"'),
        "founded", 4, "write it without quotes",
        id="type-string-for-number-network",
    ),
    pytest.param(
        "events/2026/neu.yaml",
        'title: 2026\ncategory: "other"\n' + EVENT_TIMES + 'location: "Domplatz"\n',
        "title", 1, 'expected a text, or a mapping from language code to text like {de: "…", en: "…"}',
        id="type-number-for-translatable-text",
    ),
    pytest.param(
        "members/neu.yaml",
        MEMBER + "email: 42\n",
        "email", 5, 'expected an e-mail address in quotes, got 42; write it like "info@example.org"',
        id="type-number-for-email-text",
    ),
    pytest.param(
        "members/neu.yaml",
        MEMBER + 'languages: "de"\n',
        "languages", 5, "expected a list: one item per line, each starting with '- '",
        id="type-list-expected",
    ),
    # --- fields -----------------------------------------------------------------------
    pytest.param(
        "members/neu.yaml",
        MEMBER.replace('joined: "2020-01-01"\n', ""),
        "joined", 1, "required field 'joined' is missing; add a line 'joined: ...'",
        id="missing-required-field",
    ),
    pytest.param(
        "members/neu.yaml",
        MEMBER.replace("name:", "naem:"),
        "naem", 1, "unknown field 'naem': did you mean 'name'?",
        id="unknown-field-did-you-mean",
    ),
    pytest.param(
        "members/neu.yaml",
        'id: "neu"\n' + MEMBER,
        "id", 1, "remove 'id': a record's id is its file name",
        id="id-field-written",
    ),
    # --- dates --------------------------------------------------------------------------
    pytest.param(
        "members/neu.yaml",
        MEMBER.replace("2020-01-01", "2026-02-30"),
        "joined", 4, "'2026-02-30' is not a real date",
        id="date-not-real",
    ),
    pytest.param(
        "members/neu.yaml",
        MEMBER.replace("2020-01-01", "24.11.2026"),
        "joined", 4, "'24.11.2026' is not a date; write YYYY-MM-DD",
        id="date-german-format",
    ),
    pytest.param(
        "events/2026/neu.yaml",
        EVENT_HEAD + 'start: "2026-02-03 10:00"\nend: "2026-02-03T11:00"\nlocation: "Domplatz"\n',
        "start", 3, 'write "2026-11-24" for a whole day or "2026-11-24T18:30" for a time',
        id="datetime-space-instead-of-T",
    ),
    pytest.param(
        "events/2026/neu.yaml",
        EVENT_HEAD + 'start: "2026-02-03T10:00"\nend: "2026-02-03T25:00"\nlocation: "Domplatz"\n',
        "end", 4, "'2026-02-03T25:00' is not a real date-time",
        id="datetime-not-real",
    ),
    pytest.param(
        "events/2026/neu.yaml",
        EVENT_HEAD + 'start: "2026-02-03T10:00"\nend: "2026-02-03T09:00"\nlocation: "Domplatz"\n',
        "end", 4, "end (2026-02-03T09:00) must be after start (2026-02-03T10:00); check both",
        id="end-before-start-datetime",
    ),
    pytest.param(
        "events/2026/neu.yaml",
        EVENT_HEAD + 'start: "2026-02-03T10:00"\nend: "2026-02-03T10:00"\nlocation: "Domplatz"\n',
        "end", 4, "check both",
        id="end-equals-start-datetime",
    ),
    pytest.param(
        "events/2026/neu.yaml",
        EVENT_HEAD + 'start: "2026-02-03"\nend: "2026-02-02"\nlocation: "Domplatz"\n',
        "end", 4, "end (2026-02-02) is before start (2026-02-03); check both",
        id="end-before-start-all-day",
    ),
    pytest.param(
        "events/2026/neu.yaml",
        EVENT_HEAD + 'start: "2026-02-03T10:00"\nend: "2026-02-03"\nlocation: "Domplatz"\n',
        "end", 4, "start is a date-time but end is a date; use the same form",
        id="start-end-different-kinds",
    ),
    # --- references ----------------------------------------------------------------------
    pytest.param(
        "events/2026/neu.yaml",
        EVENT_HEAD + EVENT_TIMES + 'venue: "zentrun"\n',
        "venue", 5,
        "unknown venue 'zentrun': there is no file data/venues/zentrun.yaml; "
        "did you mean 'zentrum' (data/venues/zentrum.yaml)?",
        id="reference-event-venue",
    ),
    pytest.param(
        "members/neu.yaml",
        MEMBER + 'working_groups: ["arbeit", "sprach"]\n',
        "working_groups[1]", 5,
        "unknown working-group 'sprach': there is no file data/working-groups/sprach.yaml; "
        "did you mean 'sprache' (data/working-groups/sprache.yaml)?",
        id="reference-member-working-group",
    ),
    pytest.param(
        "network.yaml",
        NETWORK.replace('"koordination"', '"koordinaton"'),
        "coordinator", 5,
        "unknown member 'koordinaton': there is no file data/members/koordinaton.yaml; "
        "did you mean 'koordination' (data/members/koordination.yaml)?",
        id="reference-network-coordinator",
    ),
    pytest.param(
        "working-groups/neu.yaml",
        GROUP + 'spokespersons:\n  - name: "Erika Muster"\n    member: "koordinatoin"\n',
        "spokespersons[0].member", 7,
        "unknown member 'koordinatoin': there is no file data/members/koordinatoin.yaml; "
        "did you mean 'koordination' (data/members/koordination.yaml)?",
        id="reference-spokesperson-member",
    ),
    pytest.param(
        "working-groups/neu.yaml",
        GROUP + 'spokespersons:\n  - name: "Erika Muster"\n    member: "koordination"\n',
        "spokespersons[0].member", 7,
        "'koordination' is not a member of this group: add 'neu' to working_groups "
        "in data/members/koordination.yaml, or name another member",
        id="spokesperson-not-group-member",
    ),
    # --- identity and file names -----------------------------------------------------------
    pytest.param(
        "events/2027/sprachcafe.yaml",
        EVENT_HEAD + 'start: "2027-02-02T10:00"\nend: "2027-02-02T11:00"\nlocation: "Domplatz"\n',
        "(file name)", 1,
        "duplicate id 'sprachcafe': data/events/2026/sprachcafe.yaml has the same id; rename one of the files",
        id="duplicate-id-across-years",
    ),
    pytest.param(
        "members/Neuer-Verein.yaml",
        MEMBER,
        "(file name)", 1,
        "'Neuer-Verein' is not a valid id: rename the file using lowercase letters, digits and hyphens only",
        id="file-name-uppercase",
    ),
    pytest.param(
        "members/neuer_verein.yaml",
        MEMBER,
        "(file name)", 1,
        "'neuer_verein' is not a valid id: rename the file using lowercase letters, digits and hyphens only",
        id="file-name-underscore",
    ),
    pytest.param(
        "members/neu.yml",
        MEMBER,
        "(file name)", 1, "rename the file to neu.yaml",
        id="file-extension-yml",
    ),
    pytest.param(
        "events/2027/neu.yaml",
        EVENT_HEAD + EVENT_TIMES + 'location: "Domplatz"\n',
        "start", 3,
        "the event starts in 2026 but its file is in the folder 2027/; move it to data/events/2026/",
        id="event-in-wrong-year-folder",
    ),
    pytest.param(
        "events/neu.yaml",
        EVENT_HEAD + EVENT_TIMES + 'location: "Domplatz"\n',
        "(file name)", 1, "event files go into a folder named after the year they start in",
        id="event-outside-year-folder",
    ),
    # --- YAML itself -------------------------------------------------------------------------
    pytest.param(
        "members/neu.yaml",
        MEMBER + 'name: "Doppelt"\n',
        "name", 5,
        "duplicate key 'name' (first on line 1): YAML would silently keep only the last one; remove one of them",
        id="duplicate-key",
    ),
    pytest.param(
        "members/neu.yaml",
        MEMBER + 'address:\n  street: "A"\n  postcode: "99084"\n  street: "B"\n  city: "Erfurt"\n',
        "address.street", 8, "duplicate key 'street' (first on line 6)",
        id="duplicate-key-nested",
    ),
    pytest.param(
        "members/neu.yaml",
        'name: "Neuer Verein"\n  type: "association"\ndescription: "Neu."\n',
        "(syntax)", 2, "this is not valid YAML", id="yaml-syntax-error",
    ),
    pytest.param(
        "members/neu.yaml",
        "",
        "(file)", 1, "the file is empty; fill in the fields", id="empty-file",
    ),
    pytest.param(
        "members/neu.yaml",
        "# yaml-language-server: $schema=../../schemas/member.schema.json\n",
        "(file)", 1, "the file is empty; fill in the fields", id="file-with-only-a-comment",
    ),
    pytest.param(
        "members/neu.yaml",
        MEMBER + "public_contact: no\n",
        "public_contact", 5, "expected true or false, got 'no'; write true or false without quotes",
        id="yaml11-no-refused-for-bool",
    ),
    pytest.param(
        "members/neu.yaml",
        MEMBER + "public_contact: yes\n",
        "public_contact", 5, "expected true or false, got 'yes'; write true or false without quotes",
        id="yaml11-yes-refused-for-bool",
    ),
    pytest.param(
        "events/2026/neu.yaml",
        EVENT_HEAD + 'start: 18:30\nend: "2026-02-03T11:00"\nlocation: "Domplatz"\n',
        "start", 3, "'18:30' is not a date or date-time; write",
        id="yaml11-unquoted-time-refused",
    ),
    # --- values ------------------------------------------------------------------------------
    pytest.param(
        "members/neu.yaml",
        MEMBER + 'languages: ["de", "eng"]\n',
        "languages[1]", 5, "unknown language code 'eng': did you mean 'en'? use a two-letter ISO 639-1 code",
        id="language-code-unknown",
    ),
    pytest.param(
        "members/neu.yaml",
        MEMBER + 'website: "www.verein.example"\n',
        "website", 5,
        "'www.verein.example' is not a web address; write the full address, e.g. \"https://example.org/\"",
        id="url-invalid",
    ),
    pytest.param(
        "members/neu.yaml",
        MEMBER + 'email: "info(at)verein.example"\n',
        "email", 5, "'info(at)verein.example' is not an e-mail address: An email address must have an @-sign",
        id="email-invalid",
    ),
    pytest.param(
        "members/neu.yaml",
        MEMBER.replace('"association"', '"welfar"'),
        "type", 2, "'welfar' is not allowed: did you mean 'welfare'? use one of: administration, welfare,",
        id="enum-typo-did-you-mean",
    ),
    # --- events --------------------------------------------------------------------------------
    pytest.param(
        "events/2026/neu.yaml",
        EVENT_HEAD + EVENT_TIMES,
        "venue", 1, "say where the event is: add 'venue', 'location' or 'online'",
        id="event-without-place",
    ),
    pytest.param(
        "events/2026/neu.yaml",
        'title: "AG"\ncategory: "working-group"\n' + EVENT_TIMES + 'online: "https://meet.example/"\n',
        "category", 2, "a working-group event needs 'working_group: <group id>'",
        id="working-group-event-without-group",
    ),
    pytest.param(
        "events/2026/neu.yaml",
        EVENT_HEAD + EVENT_TIMES + 'location: "Domplatz"\nregistration:\n  deadline: "2026-02-01"\n',
        "registration", 6, "give a 'url' or an 'email' where people register",
        id="registration-without-url-or-email",
    ),
    pytest.param(
        "events/2026/sprachcafe.yaml",
        RECURRING + 'recurrence: "FREQ=MONTLY;BYDAY=2TU;COUNT=6"\n',
        "recurrence", 6, "FREQ=MONTLY: 'MONTLY' is not a frequency. Did you mean FREQ=MONTHLY? Write FREQ=DAILY",
        id="recurrence-invalid",
    ),
    pytest.param(
        "events/2026/sprachcafe.yaml",
        RECURRING + 'recurrence: "RRULE:FREQ=MONTHLY;BYDAY=2TU;COUNT=6"\n',
        "recurrence", 6, "write the rule without the 'RRULE:' prefix",
        id="recurrence-with-rrule-prefix",
    ),
    pytest.param(
        "events/2026/sprachcafe.yaml",
        RECURRING
        + 'recurrence: "FREQ=MONTHLY;BYDAY=2TU;COUNT=6"\n'
        + 'exceptions: ["2026-10-13T16:00", "2026-12-09T16:00"]\n',
        "exceptions[1]", 7, "is not an occurrence of the rule; give the date and time the rule produces",
        id="exception-not-produced-by-rule",
    ),
    pytest.param(
        "events/2026/sprachcafe.yaml",
        RECURRING + 'recurrence: "FREQ=MONTHLY;BYDAY=2TU;COUNT=6"\nexceptions: ["2026-12-08"]\n',
        "exceptions[0]", 7, "write it as a date-time, like the event's start",
        id="exception-date-for-datetime-event",
    ),
    pytest.param(
        "events/2026/sprachcafe.yaml",
        RECURRING + 'changed:\n  - {date: "2026-09-08T16:00", status: "cancelled"}\n',
        "changed", 6, "changed only makes sense with a 'recurrence' rule",
        id="changed-without-recurrence",
    ),
    pytest.param(
        "events/2026/sprachcafe.yaml",
        RECURRING + 'exceptions: ["2026-09-08T16:00"]\n',
        "exceptions", 6, "exceptions only make sense with a 'recurrence' rule",
        id="exceptions-without-recurrence",
    ),
    pytest.param(
        "events/2026/sprachcafe.yaml",
        RECURRING + 'recurrence: "FREQ=MONTHLY;BYDAY=2TU;COUNT=6"\nattendance: 40\n',
        "attendance", 7, "a series has its participants per date: move the number into 'changed:'",
        id="attendance-of-a-whole-series",
    ),
]
# fmt: on


@pytest.mark.parametrize(("relative", "text", "field", "line", "fragment"), CASES)
def test_rule_is_reported_where_the_mistake_is(problems_of, relative, text, field, line, fragment):
    problems = problems_of({relative: text})

    expected_file = f"data/{relative}"
    # The mistake is reported in the broken file only: no follow-up problems elsewhere.
    assert {p.file for p in problems} == {expected_file}, problems
    at_field = [p for p in problems if p.field == field]
    assert len(at_field) == 1, problems
    problem = at_field[0]
    assert problem.line == line, problem
    assert fragment in problem.message, problem


def test_unknown_field_also_reports_the_missing_field(problems_of):
    # 'naem' is both an unknown field and a missing 'name': the editor sees both.
    problems = problems_of({"members/neu.yaml": MEMBER.replace("name:", "naem:")})
    assert [(p.field, p.line) for p in problems] == [("naem", 1), ("name", 1)]
    assert "the fields here are: name, type, description" in problems[0].message


def test_all_problems_of_a_run_are_reported_together_sorted_by_file(problems_of):
    problems = problems_of(
        {
            "venues/neu.yaml": 'name: "Neu"\nstreet: "Weg 1"\ncity: "Erfurt"\naccessibility: "Stufenlos"\n',
            "members/verein.yaml": MEMBER + 'email: "info(at)verein.example"\n',
            "events/2026/neu.yaml": EVENT_HEAD + 'start: "2026-02-03"\nend: "2026-02-02"\nlocation: "Domplatz"\n',
        }
    )
    assert [(p.file, p.line, p.field) for p in problems] == [
        ("data/events/2026/neu.yaml", 4, "end"),
        ("data/members/verein.yaml", 5, "email"),
        ("data/venues/neu.yaml", 1, "postcode"),
    ]
    assert problems == sorted(problems)


def test_problem_text_is_file_line_field_message(problems_of):
    problems = problems_of({"members/neu.yaml": MEMBER + 'website: "www.verein.example"\n'})
    assert len(problems) == 1
    problem = problems[0]
    assert str(problem) == (
        "data/members/neu.yaml:5: website: "
        "'www.verein.example' is not a web address; write the full address, e.g. \"https://example.org/\""
    )
    assert str(Problem("data/x.yaml", 3, "name", "fix it")) == "data/x.yaml:3: name: fix it"


def test_data_error_message_lists_every_problem(make_data):
    from netzwerk_data import load_dataset

    data = make_data(
        {
            "members/neu.yaml": MEMBER + "public_contact: no\n",
            "events/2026/neu.yaml": EVENT_HEAD + EVENT_TIMES,
        }
    )
    with pytest.raises(DataError) as caught:
        load_dataset(data)
    error = caught.value
    assert len(error.problems) == 2
    report = str(error)
    assert report.startswith("The data has 2 problems:")
    for problem in error.problems:
        assert f"  {problem}" in report.splitlines()


def test_missing_data_folder_is_a_problem(tmp_path):
    from netzwerk_data import load_dataset

    with pytest.raises(DataError) as caught:
        load_dataset(tmp_path / "data")
    assert [(p.file, p.field) for p in caught.value.problems] == [("data", "(folder)")]


# --- regressions: bugs found by these tests ---------------------------------------------------


def test_unquoted_international_phone_is_kept_as_written_or_refused(make_data):
    from netzwerk_data import load_dataset

    data = make_data({"members/neu.yaml": MEMBER + "phone: +493615550100\n"})
    try:
        dataset = load_dataset(data)
    except DataError as error:
        assert [p.field for p in error.problems] == ["phone"]
        return
    assert dataset.members["neu"].phone == "+493615550100"


def test_an_invalid_record_is_not_reported_as_a_missing_file(problems_of):
    problems = problems_of(
        {"working-groups/arbeit.yaml": GROUP.replace("meetings_per_year: 2", 'meetings_per_year: "2"')}
    )
    assert ("data/working-groups/arbeit.yaml", 3, "meetings_per_year") in [(p.file, p.line, p.field) for p in problems]
    false_claims = [p for p in problems if "there is no file data/working-groups/arbeit.yaml" in p.message]
    assert false_claims == []
