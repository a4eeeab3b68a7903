"""Warnings about data that is consistent but probably out of date (netzwerk_data.stale)."""

from __future__ import annotations

from datetime import date

import pytest

from netzwerk_data.stale import stale_warnings, warning_lines

TODAY = date(2026, 11, 24)
LEFT_MEMBER = (
    'name: "Koordinationsstelle e. V."\ntype: "welfare"\ndescription: "Koordiniert."\n'
    'working_groups: ["sprache"]\njoined: "1999-10-01"\nleft: "2026-06-30"\n'
)
ARBEIT_MEETING = (
    'title: "Treffen AG Arbeit"\ncategory: "working-group"\nworking_group: "arbeit"\n'
    'start: "2026-06-10T10:00"\nend: "2026-06-10T12:00"\nonline: "https://meet.test.example/arbeit"\n'
)


def test_the_fixture_warns_only_about_the_quiet_group(load):
    warnings = stale_warnings(load({}), TODAY)
    assert [(w.file, w.line, w.field) for w in warnings] == [("data/working-groups/arbeit.yaml", 1, "name")]
    assert "no meeting since 2025-11-24" in warnings[0].message
    assert 'set closed: "YYYY-MM-DD"' in warnings[0].message


def test_a_meeting_in_the_last_year_silences_the_group(load):
    assert stale_warnings(load({"events/2026/ag-arbeit-juni.yaml": ARBEIT_MEETING}), TODAY) == []


def test_a_cancelled_meeting_does_not_count(load):
    cancelled = ARBEIT_MEETING + 'status: "cancelled"\n'
    warnings = stale_warnings(load({"events/2026/ag-arbeit-juni.yaml": cancelled}), TODAY)
    assert [w.file for w in warnings] == ["data/working-groups/arbeit.yaml"]


def test_a_meeting_more_than_a_year_ago_does_not_count(load):
    old = ARBEIT_MEETING.replace("2026-06-10", "2025-11-23").replace("events/2026", "events/2025")
    warnings = stale_warnings(load({"events/2025/ag-arbeit-alt.yaml": old}), TODAY)
    assert [w.file for w in warnings] == ["data/working-groups/arbeit.yaml"]


@pytest.mark.parametrize("extra", ['founded: "2005-01-01"\nclosed: "2026-01-31"\n', 'founded: "2026-05-01"\n'])
def test_closed_and_young_groups_are_not_warned_about(load, extra):
    group = 'name: "AG Arbeit"\ndescription: "A."\nmeetings_per_year: 2\n' + extra
    assert stale_warnings(load({"working-groups/arbeit.yaml": group}), TODAY) == []


def test_a_member_that_left_is_still_a_spokesperson_and_an_organiser(load):
    dataset = load({"members/koordination.yaml": LEFT_MEMBER, "events/2026/ag-arbeit-juni.yaml": ARBEIT_MEETING})
    warnings = stale_warnings(dataset, TODAY)
    shown = {(w.file, w.line, w.field): w.message for w in warnings}
    spokesperson = shown[("data/working-groups/sprache.yaml", 6, "spokespersons[0].member")]
    assert "'koordination' left the network on 2026-06-30 (data/members/koordination.yaml)" in spokesperson
    assert "still a spokesperson" in spokesperson
    organiser = shown[("data/events/2026/netzwerktreffen-dezember.yaml", 6, "organisers[0]")]
    assert "organises this event on 2026-12-02" in organiser
    # The past meeting of spring 2025 was organised while the member was still in the network.
    assert not any("fruehjahrstreffen" in w.file for w in warnings)


def test_a_member_leaving_later_is_not_warned_about_yet(load):
    later = LEFT_MEMBER.replace("2026-06-30", "2027-06-30")
    dataset = load({"members/koordination.yaml": later, "events/2026/ag-arbeit-juni.yaml": ARBEIT_MEETING})
    assert stale_warnings(dataset, TODAY) == []


def test_warning_lines_keep_file_line_field(load):
    lines = warning_lines(stale_warnings(load({}), TODAY))
    assert lines[0].startswith("Warning: data/working-groups/arbeit.yaml:1: name: the working group has had")
