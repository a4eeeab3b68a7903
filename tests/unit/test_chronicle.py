"""data/chronicle.yaml: optional, every entry sourced or marked as example data, problems with their line."""

from __future__ import annotations

from pathlib import Path

from netzwerk_data import load_dataset
from netzwerk_data.values import reserved_name_problem

ROOT = Path(__file__).parents[2]

ENTRY = 'entries:\n  - date: "1999-10-01"\n    title: "Gründung"\n    source: "https://test.example/"\n'


def test_the_shipped_chronicle_loads_and_every_entry_is_sourced_or_an_example() -> None:
    dataset = load_dataset(ROOT / "data", ROOT / "content")
    assert dataset.chronicle is not None
    founding = dataset.chronicle.entries[0]
    assert founding.date.isoformat() == "1999-10-01" and founding.source == dataset.network.website
    assert not founding.example
    assert all(entry.source or entry.example for entry in dataset.chronicle.entries)
    for entry in dataset.chronicle.entries:
        assert set(entry.title.as_dict("de")) == {"de", "en", "ar"}
    first_line = (ROOT / "data" / "chronicle.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=../schemas/chronicle.schema.json"
    assert (ROOT / "schemas" / "chronicle.schema.json").is_file()


def test_the_chronicle_is_optional(load) -> None:
    assert load({}).chronicle is None


def test_an_entry_with_a_source_or_marked_as_example_loads(load) -> None:
    text = ENTRY + '  - date: "2009-10-01"\n    title: {de: "10 Jahre", en: "10 years"}\n    example: true\n'
    chronicle = load({"chronicle.yaml": text}).chronicle
    assert [entry.example for entry in chronicle.entries] == [False, True]


def test_an_entry_without_source_and_not_an_example_is_refused_at_its_line(problems_of) -> None:
    text = ENTRY + '  - date: "2014-06-12"\n    title: "Die 100. Tagung"\n    text: "Groß."\n'
    problems = problems_of({"chronicle.yaml": text})
    assert len(problems) == 1, problems
    problem = problems[0]
    assert problem.file.endswith("data/chronicle.yaml")
    assert (problem.line, problem.field) == (5, "entries[1].source")
    assert "the entry of 2014-06-12 has no source" in problem.message
    assert "example: true" in problem.message


def test_example_must_be_true_or_false(problems_of) -> None:
    text = ENTRY + '  - date: "2014-06-12"\n    title: "Tagung"\n    example: "ja"\n'
    [problem] = problems_of({"chronicle.yaml": text})
    assert (problem.line, problem.field) == (7, "entries[1].example")
    assert "expected true or false" in problem.message


def test_an_empty_chronicle_is_explained(problems_of) -> None:
    [empty] = problems_of({"chronicle.yaml": "entries: []\n"})
    assert (empty.line, empty.field) == (1, "entries") and "give at least one item" in empty.message


def test_an_unknown_field_is_explained(problems_of) -> None:
    problems = problems_of({"chronicle.yaml": ENTRY + '    sources: "x"\n'})
    [unknown] = problems
    assert unknown.field == "entries[0].sources" and "did you mean 'source'" in unknown.message


def test_chronicle_and_report_are_reserved_page_names() -> None:
    assert reserved_name_problem("page", "chronicle") is not None
    assert reserved_name_problem("page", "report") is not None
