"""The info mail's draft, composed from the data (`make mail MONTH=2026-12`).

Run on a copy of the fixture site. What the draft must announce (its months, the members that
joined since the last published mail) is worked out here from the YAML and the Markdown headers
with PyYAML and plain string handling, not by the code under test; the draft's header is read
back the way Python-Markdown's meta extension reads it; the words come from the catalogues.
"""

from __future__ import annotations

import shutil
import unicodedata
from datetime import date, datetime
from pathlib import Path

import markdown
import pytest
import yaml
from babel.dates import format_date
from babel.lists import format_list
from test_directives import FIXTURE, translated_catalogues

from netzwerk_data import Dataset, load_dataset
from netzwerk_data.content import check_content
from netzwerk_i18n import load_catalogue
from netzwerk_mail.compose import TEXTS, ComposeError, compose_mail, first_working_day

TODAY = date(2026, 11, 24)
LANGUAGES = ("de", "en", "ar")

# Members added to the fixture around its last published mail (2026-11-02): who is new in December?
NEW_MEMBERS = {
    "zebra-verein": ("Zebra-Verein Erfurt", "2026-11-10", None),
    "aerztehaus": ("Ärztehaus am Anger", "2026-11-20", None),
    "am-maildatum": ("Am Maildatum e. V.", "2026-12-01", None),
    "am-letzten-maildatum": ("Am letzten Maildatum e. V.", "2026-11-02", None),  # the November mail had it
    "nach-dem-mail": ("Nach dem Mail e. V.", "2026-12-05", None),  # the January mail will have it
    "schon-weg": ("Schon weg e. V.", "2026-11-15", "2026-11-30"),
}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A copy of the fixture site with members that joined around the last mail."""
    shutil.copytree(FIXTURE, tmp_path / "site")
    for member_id, (name, joined, left) in NEW_MEMBERS.items():
        text = f'name: "{name}"\ntype: "association"\ndescription: "Neu."\njoined: "{joined}"\n'
        text += f'left: "{left}"\n' if left else ""
        (tmp_path / "site" / "data" / "members" / f"{member_id}.yaml").write_text(text, encoding="utf-8")
    return tmp_path / "site"


def dataset_of(site: Path) -> Dataset:
    return load_dataset(site / "data", site / "content")


@pytest.fixture(scope="module")
def all_translated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return translated_catalogues(tmp_path_factory.mktemp("all"))


# -- independent readings --------------------------------------------------------------------------


def header(path: Path) -> dict[str, str]:
    """The header fields as Python-Markdown's meta extension (Pelican's reader) reads them."""
    reader = markdown.Markdown(extensions=["meta"])
    reader.convert(path.read_text(encoding="utf-8"))
    return {key: " ".join(values) for key, values in reader.Meta.items()}  # type: ignore[attr-defined]


def mail_dates(folder: Path) -> list[datetime]:
    """The Date of every published info mail (no draft), read from the file headers."""
    found = []
    for path in folder.glob("*.md"):
        fields = header(path)
        if fields.get("status") != "draft":
            found.append(datetime.fromisoformat(fields["date"]))
    return found


def expected_new_members(site: Path, since: date, until: date) -> list[str]:
    """Members from the YAML that joined after `since`, up to `until`, and had not left by then; by name."""
    found = []
    for path in (site / "data" / "members").glob("*.yaml"):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        joined = date.fromisoformat(record["joined"])
        left = date.fromisoformat(record["left"]) if "left" in record else None
        if since < joined <= until and (left is None or left > until):
            found.append((record["name"], path.stem))

    def plain(name: str) -> str:
        return "".join(c for c in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(c))

    return [member_id for name, member_id in sorted(found, key=lambda item: plain(item[0]))]


def body_lines(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return text.split("\n\n", 1)[1].splitlines()


# -- the draft --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_draft_announces_two_months_the_group_meetings_and_the_new_members(
    site: Path, all_translated: Path, lang: str
) -> None:
    paths = compose_mail(dataset_of(site), site / "content", "2026-12", TODAY, all_translated)
    folder = site / "content" / "info-mail"
    assert paths == [folder / "2026-12.md", folder / "2026-12.en.md", folder / "2026-12.ar.md"]
    path = paths[LANGUAGES.index(lang)]
    fields = header(path)
    words = load_catalogue(str(all_translated), lang)
    month = format_date(date(2026, 12, 1), "LLLL y", locale=lang)
    months = format_list([month, format_date(date(2027, 1, 1), "LLLL y", locale=lang)], locale=lang)
    assert fields == {
        "title": words.gettext(TEXTS["title"]) % {"month": month},
        "date": "2026-12-01 09:00",  # a Tuesday and no holiday: the first working day of December
        "slug": "2026-12",
        "lang": lang,
        "status": "draft",
        "summary": words.gettext(TEXTS["summary"]) % {"months": months},
    }
    if lang != "en":
        assert fields["title"] != TEXTS["title"] % {"month": month}, "the title is in the draft's language"

    lines = body_lines(path)
    assert "{events 2026-12 2027-01}" in lines and "{meetings 2026-12 2027-01}" in lines
    assert f"## {words.gettext(TEXTS['dates'])}" in lines and f"## {words.gettext(TEXTS['members'])}" in lines
    last_mail = max(d for d in mail_dates(FIXTURE / "content" / "info-mail") if d.date() < date(2026, 12, 1))
    expected = expected_new_members(site, last_mail.date(), date(2026, 12, 1))
    assert expected == ["am-maildatum", "aerztehaus", "zebra-verein"]  # the story of NEW_MEMBERS, by name
    assert [line for line in lines if line.startswith("- {member ")] == [f"- {{member {m}}}" for m in expected]
    assert not any(
        "{" in line for line in lines if "{events" not in line and "{meetings" not in line and "member" not in line
    )


def test_only_languages_whose_catalogue_translates_the_composer_get_a_draft(site: Path, tmp_path: Path) -> None:
    english_only = translated_catalogues(tmp_path / "english-only", languages=("de", "en"))
    paths = compose_mail(dataset_of(site), site / "content", "2026-12", TODAY, english_only)
    assert [p.name for p in paths] == ["2026-12.md", "2026-12.en.md"]
    assert not (site / "content" / "info-mail" / "2026-12.ar.md").exists()


def test_the_default_language_always_gets_a_draft(site: Path, tmp_path: Path) -> None:
    """Even when no catalogue translates the composer yet: then its texts are in English, to be edited."""
    folder = translated_catalogues(tmp_path / "untranslated", languages=())
    paths = compose_mail(dataset_of(site), site / "content", "2026-12", TODAY, folder)
    assert [p.name for p in paths] == ["2026-12.md"]
    assert f"## {TEXTS['dates']}" in body_lines(paths[0])


def test_without_a_previous_mail_the_new_members_are_those_since_the_month_before(
    site: Path, all_translated: Path
) -> None:
    for path in (site / "content" / "info-mail").glob("*.md"):
        path.unlink()
    paths = compose_mail(dataset_of(site), site / "content", "2026-12", TODAY, all_translated)
    expected = expected_new_members(site, date(2026, 10, 31), date(2026, 12, 1))
    assert "am-letzten-maildatum" in expected, "with no mail before, November's first days count too"
    assert [line for line in body_lines(paths[0]) if line.startswith("- {member ")] == [
        f"- {{member {m}}}" for m in expected
    ]


def test_drafts_do_not_count_as_the_last_mail(site: Path, all_translated: Path) -> None:
    (site / "content" / "info-mail" / "2026-11-extra.md").write_text(
        "Title: Zwischenmail\nDate: 2026-11-25 09:00\nSlug: zwischen\nLang: de\nStatus: draft\n\nText.\n",
        encoding="utf-8",
    )
    paths = compose_mail(dataset_of(site), site / "content", "2026-12", TODAY, all_translated)
    assert "- {member aerztehaus}" in body_lines(paths[0]), "joined after the draft's date, before the mail's"


def test_nothing_is_guessed_about_the_members_when_there_are_none(site: Path, all_translated: Path) -> None:
    for member_id in NEW_MEMBERS:
        (site / "data" / "members" / f"{member_id}.yaml").unlink()
    paths = compose_mail(dataset_of(site), site / "content", "2026-12", TODAY, all_translated)
    words = load_catalogue(str(all_translated), "de")
    lines = body_lines(paths[0])
    assert words.gettext(TEXTS["no_members"]) in lines
    assert not [line for line in lines if "{member" in line]


# -- the day it goes out -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("month", "first"),
    [
        (date(2026, 12, 1), date(2026, 12, 1)),  # a Tuesday
        (date(2027, 1, 1), date(2027, 1, 4)),  # New Year on a Friday, then the weekend
        (date(2026, 5, 1), date(2026, 5, 4)),  # Labour Day on a Friday
        (date(2024, 4, 1), date(2024, 4, 2)),  # Easter Monday
        (date(2020, 6, 1), date(2020, 6, 2)),  # Whit Monday
        (date(2022, 10, 1), date(2022, 10, 4)),  # a weekend, then German Unity Day
        (date(2067, 4, 1), date(2067, 4, 5)),  # Good Friday, the weekend, Easter Monday
        (date(2026, 8, 1), date(2026, 8, 3)),  # a Saturday
    ],
)
def test_a_mail_goes_out_on_the_first_working_day(month: date, first: date) -> None:
    assert first_working_day(month) == first


def test_composed_during_the_month_it_goes_out_on_the_next_working_day(site: Path, all_translated: Path) -> None:
    today = date(2026, 12, 5)  # a Saturday, after the first working day
    paths = compose_mail(dataset_of(site), site / "content", "2026-12", today, all_translated)
    assert header(paths[0])["date"] == "2026-12-07 09:00"


@pytest.mark.parametrize(
    ("month", "message"),
    [
        ("2026-13", "'2026-13' is not a month: write it as YYYY-MM, e.g. 2026-12"),
        ("12.2026", "'12.2026' is not a month"),
        ("Dezember", "'Dezember' is not a month"),
        ("2026-10", "2026-10 has passed (today is 2026-11-24)"),
    ],
)
def test_a_month_that_cannot_be_composed_is_refused(site: Path, all_translated: Path, month: str, message: str) -> None:
    before = sorted((site / "content").rglob("*"))
    with pytest.raises(ComposeError) as refused:
        compose_mail(dataset_of(site), site / "content", month, TODAY, all_translated)
    assert message in str(refused.value)
    assert sorted((site / "content").rglob("*")) == before


# -- never overwriting, always the same ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("existing", "text"),
    [
        ("2026-12.md", "Title: Mein Entwurf\n"),
        ("2026-12.en.md", "Title: My draft\n"),
        ("dezember.md", "Title: Dezember\nDate: 2026-12-01\nSlug: 2026-12\nLang: de\n\nText.\n"),
        ("advent.md", "Title: Advent\nDate: 03.12.2026 09:00\nSlug: advent-2026\nLang: de\n\nText.\n"),
    ],
    ids=["same-file", "translation", "same-slug", "another-mail-that-month"],
)
def test_an_existing_mail_is_never_overwritten(site: Path, all_translated: Path, existing: str, text: str) -> None:
    folder = site / "content" / "info-mail"
    (folder / existing).write_text(text, encoding="utf-8")
    before = {path: path.read_bytes() for path in folder.iterdir()}
    with pytest.raises(ComposeError) as refused:
        compose_mail(dataset_of(site), site / "content", "2026-12", TODAY, all_translated)
    assert str(folder / existing) in str(refused.value)
    assert "edit that file, or delete it" in str(refused.value)
    assert {path: path.read_bytes() for path in folder.iterdir()} == before, "nothing written, nothing changed"


def test_the_same_data_gives_the_same_draft(tmp_path: Path, all_translated: Path) -> None:
    drafts = []
    for name in ("one", "two"):
        copy = tmp_path / name
        shutil.copytree(FIXTURE, copy)
        paths = compose_mail(dataset_of(copy), copy / "content", "2027-01", TODAY, all_translated)
        drafts.append([(p.name, p.read_bytes()) for p in paths])
    assert drafts[0] == drafts[1]


def test_the_draft_passes_the_content_checks(site: Path, all_translated: Path) -> None:
    dataset = dataset_of(site)
    compose_mail(dataset, site / "content", "2026-12", TODAY, all_translated)
    compose_mail(dataset, site / "content", "2027-01", TODAY, all_translated)
    assert check_content(site / "content", LANGUAGES, "de", dataset) == []
    assert header(site / "content" / "info-mail" / "2027-01.md")["date"] == "2027-01-04 09:00"
