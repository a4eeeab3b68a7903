"""docs/data-format.md cannot be wrong: its generated tables equal what the code says, and every
YAML example that names its file is loaded through the real loader."""

from __future__ import annotations

import itertools
import re
import shutil
import typing
from datetime import timedelta
from pathlib import Path

import pytest
import yaml

from netzwerk_data import load_dataset, models
from netzwerk_data.occurrences import expand
from netzwerk_data.reference import render, vocabularies
from netzwerk_site import vocabulary

ROOT = Path(__file__).parents[2]
DOC = ROOT / "docs" / "data-format.md"
FIXTURE = ROOT / "tests" / "fixtures" / "site"
_BLOCK = re.compile(r"^```yaml\n(.*?)^```", re.M | re.S)


def _examples() -> list[tuple[str, str]]:
    found = []
    for block in _BLOCK.findall(DOC.read_text(encoding="utf-8")):
        first = block.splitlines()[0]
        assert first.startswith("# file: data/"), f"every YAML example names its file: {first!r}"
        found.append((first.removeprefix("# file: data/"), block))
    return found


def test_the_generated_parts_are_up_to_date():
    text = DOC.read_text(encoding="utf-8")
    assert render(text) == text, "run `invoke docs` and commit docs/data-format.md"


def _table(text: str, title: str) -> list[str]:
    section = text.split(f"#### Allowed values: {title}", 1)[1].split("####", 1)[0]
    return re.findall(r"^\| `([^`]+)` \|", section, re.M)


@pytest.mark.parametrize(
    ("title", "allowed"),
    [
        ("member type", models.MemberType),
        ("event category", models.EventCategory),
        ("audience", models.EventAudience),
        ("status", models.EventStatus),
        ("document kind", models.DocumentKind),
    ],
)
def test_every_allowed_value_is_documented(title, allowed):
    text = DOC.read_text(encoding="utf-8")
    full = next(name for name in vocabularies() if name.startswith(title))
    assert _table(text, full) == list(typing.get_args(allowed))


def test_offers_and_labels_match_the_vocabulary():
    text = DOC.read_text(encoding="utf-8")
    full = next(name for name in vocabularies() if name.startswith("offer"))
    assert _table(text, full) == list(vocabulary.OFFERS)
    for label in vocabulary.MEMBER_TYPES.values():
        assert f"| {label} |" in text


def test_every_field_of_every_file_kind_is_documented():
    text = DOC.read_text(encoding="utf-8")
    for model in (models.Network, models.Venue, models.Member, models.WorkingGroup, models.Event, models.Chronicle):
        for name in model.model_fields:
            if name != "id":
                assert f"| `{name}` |" in text, (model.__name__, name)


@pytest.mark.parametrize(("relative", "block"), _examples(), ids=[name for name, _ in _examples()])
def test_yaml_example_is_valid(tmp_path, relative, block):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE / "data", data)
    assert yaml.safe_load(block) is not None
    target = data / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(block, encoding="utf-8")
    # Documents and logos are checked against files in content/; the examples name files that are not there.
    dataset = load_dataset(data, None)
    for event in dataset.events.values():
        expand(event)


def test_all_examples_load_together(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE / "data", data)
    for relative, block in _examples():
        (data / relative).parent.mkdir(parents=True, exist_ok=True)
        (data / relative).write_text(block, encoding="utf-8")
    load_dataset(data, None)


def test_the_recurrence_examples_give_the_dates_the_words_say(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE / "data", data)
    for relative, block in _examples():
        (data / relative).parent.mkdir(parents=True, exist_ok=True)
        (data / relative).write_text(block, encoding="utf-8")
    events = load_dataset(data, None).events
    days = [o.start_date for o in expand(events["beratung-zweiwoechentlich"])]
    assert all((b - a).days == 14 and a.weekday() == 1 for a, b in itertools.pairwise(days))
    thursdays = [o.start_date for o in expand(events["ag-sprache-monatlich"])]
    assert all(d.weekday() == 3 and d.day <= 7 for d in thursdays)
    fridays = [o.start_date for o in expand(events["stammtisch"])]
    assert all(d.weekday() == 4 and (d + timedelta(days=7)).month != d.month for d in fridays)
    assert [d.isoformat() for d in (o.start_date for o in expand(events["aktionswoche"]))] == [
        "2027-03-01", "2027-03-02", "2027-03-03", "2027-03-04", "2027-03-05",
    ]  # fmt: skip
    cafe = expand(events["sprachcafe-2027"])
    assert len(cafe) == 5  # six dates, one skipped
