"""The build command as editors use it: clear errors, untouched output, same bytes every time."""

from __future__ import annotations

import filecmp
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "site"


def invoke(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "invoke", *args], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False
    )


def build(data: Path, output: Path, content: Path = FIXTURE / "content") -> subprocess.CompletedProcess[str]:
    return invoke(
        "build", "--data", str(data), "--content", str(content), "--output", str(output), "--today", "2026-11-24"
    )


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(FIXTURE / "data", target)
    return target


def test_bad_data_fails_clearly_and_keeps_the_previous_output(tmp_path: Path, data_copy: Path) -> None:
    output = tmp_path / "output"
    assert build(data_copy, output).returncode == 0
    before = sorted(p.relative_to(output) for p in output.rglob("*"))
    home_before = (output / "index.html").read_bytes()

    member = data_copy / "members" / "verein.yaml"
    member.write_text(member.read_text(encoding="utf-8").replace('type: "migrant-organisation"', 'typ: "verein"'))
    venue = data_copy / "events" / "2026" / "sprachcafe.yaml"
    venue.write_text(venue.read_text(encoding="utf-8").replace('venue: "zentrum"', 'venue: "zentrun"'))
    result = build(data_copy, output)

    assert result.returncode != 0
    message = result.stdout + result.stderr
    assert "Traceback" not in message
    assert "data/members/verein.yaml:2: typ: unknown field 'typ': did you mean 'type'?" in message
    assert "data/events/2026/sprachcafe.yaml:5: venue: unknown venue 'zentrun'" in message
    assert "did you mean 'zentrum' (data/venues/zentrum.yaml)?" in message
    assert sorted(p.relative_to(output) for p in output.rglob("*")) == before
    assert (output / "index.html").read_bytes() == home_before


@pytest.mark.parametrize(
    ("file", "change", "expected"),
    [
        (
            "info-mail/2026-10.md",
            ("Date: 2026-10-01 09:00\n", ""),
            "content/info-mail/2026-10.md:1: Date: 'Date:' is missing or empty; add a line 'Date: …'",
        ),
        (
            "pages/about.en.md",
            ("Lang: en", "Lang: xx"),
            "content/pages/about.en.md:3: Lang: 'xx' is not one of the site's",
        ),
    ],
    ids=["info-mail-without-date", "page-in-unknown-language"],
)
def test_content_mistakes_fail_the_build_instead_of_vanishing(
    tmp_path: Path, file: str, change: tuple[str, str], expected: str
) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE / "content", content)
    output = tmp_path / "output"
    assert build(FIXTURE / "data", output, content).returncode == 0
    target = content / file
    text = target.read_text(encoding="utf-8")
    assert change[0] in text
    target.write_text(text.replace(change[0], change[1]), encoding="utf-8")
    result = build(FIXTURE / "data", output, content)
    assert result.returncode == 1
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert (output / "info-mail" / "2026-10" / "index.html").is_file(), "the previous output must stay"


def test_validate_checks_without_building(tmp_path: Path, data_copy: Path) -> None:
    assert invoke("validate", "--data", str(data_copy), "--content", str(FIXTURE / "content")).returncode == 0
    (data_copy / "network.yaml").write_text(
        (data_copy / "network.yaml").read_text(encoding="utf-8").replace('["de", "en", "ar"]', '["de", "en", "xx"]')
    )
    result = invoke("validate", "--data", str(data_copy), "--content", str(FIXTURE / "content"))
    assert result.returncode == 1
    assert "data/network.yaml:17: languages[2]: unknown language code 'xx'" in result.stderr
    assert not (tmp_path / "output").exists()


def test_a_language_without_catalogue_is_explained(tmp_path: Path, data_copy: Path) -> None:
    network = data_copy / "network.yaml"
    network.write_text(network.read_text(encoding="utf-8").replace('["de", "en", "ar"]', '["de", "en", "ar", "tr"]'))
    result = build(data_copy, tmp_path / "output")
    assert result.returncode == 1
    assert "no message catalogue" in result.stderr and "tr.po" in result.stderr
    assert "Traceback" not in result.stderr


def test_same_input_gives_the_same_bytes(tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    assert build(FIXTURE / "data", first).returncode == 0
    assert build(FIXTURE / "data", second).returncode == 0
    comparison = filecmp.dircmp(first, second)

    def differences(cmp: filecmp.dircmp) -> list[str]:
        found = cmp.left_only + cmp.right_only + cmp.diff_files + cmp.funny_files
        for sub in cmp.subdirs.values():
            found += differences(sub)
        return found

    assert differences(comparison) == []
    _, mismatch, errors = filecmp.cmpfiles(first, second, ["index.html", "ar/index.html"], shallow=False)
    assert mismatch == [] and errors == []


def test_published_schemas_match_the_models(tmp_path: Path) -> None:
    from netzwerk_data.schema import write_schemas

    fresh = write_schemas(tmp_path)
    for path in fresh:
        published = ROOT / "schemas" / path.name
        assert published.is_file(), f"run `make schemas`: {published.name} is missing"
        assert json.loads(published.read_text()) == json.loads(path.read_text()), f"run `make schemas`: {path.name}"
    member = json.loads((ROOT / "schemas" / "member.schema.json").read_text())
    assert member["additionalProperties"] is False
    assert set(member["required"]) == {"name", "type", "description", "joined"}


KIND_OF_FOLDER = {"venues": "venue", "members": "member", "working-groups": "working-group", "events": "event"}


def test_shipped_data_files_point_editors_at_their_schema() -> None:
    files = [ROOT / "data" / "network.yaml", *sorted((ROOT / "data").glob("*/**/*.yaml"))]
    assert len(files) > 100
    for path in files:
        first_line = path.read_text(encoding="utf-8").splitlines()[0]
        prefix = "# yaml-language-server: $schema="
        assert first_line.startswith(prefix), path
        target = (path.parent / first_line.removeprefix(prefix)).resolve()
        folder = path.relative_to(ROOT / "data").parts[0]
        kind = KIND_OF_FOLDER.get(folder, "network")
        assert target == (ROOT / "schemas" / f"{kind}.schema.json").resolve(), path


def test_shipped_data_is_valid() -> None:
    result = invoke("validate")
    assert result.returncode == 0, result.stdout + result.stderr


def test_adding_a_language_is_its_code_plus_a_catalogue(tmp_path: Path, data_copy: Path) -> None:
    from bs4 import BeautifulSoup

    from netzwerk_i18n import load_catalogue

    assert (ROOT / "theme" / "translations" / "uk.po").is_file()
    network = data_copy / "network.yaml"
    network.write_text(network.read_text(encoding="utf-8").replace('["de", "en", "ar"]', '["de", "en", "ar", "uk"]'))
    output = tmp_path / "output"
    assert build(data_copy, output).returncode == 0
    page = BeautifulSoup(
        (output / "uk" / "members" / "verein" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert (page.html["lang"], page.html["dir"]) == ("uk", "ltr")
    skip = load_catalogue(str(ROOT / "theme" / "translations"), "uk").gettext("Skip to content")
    assert skip != "Skip to content" and page.select_one(".skip-link").get_text() == skip
    assert "Українська" in [a.get_text() for a in page.select(".lang-switch [lang=uk]")]
    german = BeautifulSoup((output / "members" / "verein" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert "uk" in {link["hreflang"] for link in german.select('link[rel="alternate"][hreflang]')}
