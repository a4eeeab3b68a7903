"""`invoke check-live`: what must not go live is refused with file, line and what to do; a ready site passes."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "site"
REQUIRED = {"privacy": "Datenschutz", "accessibility": "Barrierefreiheit", "contact": "Kontakt"}


def check_live(data: Path, content: Path, siteurl: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("SITEURL", "PUBLISH_TARGET")}
    if siteurl is not None:
        env["SITEURL"] = siteurl
    return subprocess.run(
        [sys.executable, "-m", "invoke", "check-live", "--data", str(data), "--content", str(content)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def ready_site(folder: Path) -> tuple[Path, Path]:
    """The test site with real-looking addresses and every required page: ready to go live."""
    shutil.copytree(FIXTURE, folder)
    for path in folder.rglob("*"):
        if path.suffix in (".yaml", ".md"):
            path.write_text(path.read_text(encoding="utf-8").replace(".example", ".de"), encoding="utf-8")
    for slug, title in REQUIRED.items():
        page = folder / "content" / "pages" / f"{slug}.md"
        page.write_text(f"Title: {title}\nSlug: {slug}\nLang: de\n\n{title} des Testnetzes.\n", encoding="utf-8")
    return folder / "data", folder / "content"


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def findings(result: subprocess.CompletedProcess[str]) -> set[str]:
    """The `file:line` of every finding in the report."""
    return set(re.findall(r"^  (\S+:\d+): ", result.stderr, flags=re.MULTILINE))


def test_the_shipped_example_site_is_not_ready_to_go_live() -> None:
    result = check_live(ROOT / "data", ROOT / "content")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    found = findings(result)
    imprint = ROOT / "content" / "pages" / "imprint.md"
    imprint_ar = ROOT / "content" / "pages" / "imprint.ar.md"
    network = ROOT / "data" / "network.yaml"
    assert f"content/pages/imprint.md:{line_of(imprint, 'Anschrift: [vom Träger zu ergänzen]')}" in found
    assert f"content/pages/imprint.ar.md:{line_of(imprint_ar, 'العنوان: [')}" in found
    assert f"data/network.yaml:{line_of(network, 'padlet.example')}" in found
    assert "'https://padlet.example/netzwerk-integration-erfurt' is an example address" in result.stderr
    assert "write the real text in its place" in result.stderr and "put in the real address" in result.stderr
    # Every placeholder line of the Impressum is named, not only the first.
    placeholders = [n for n, line in enumerate(imprint.read_text().splitlines(), 1) if "[vom Träger" in line]
    assert len(placeholders) > 5
    assert {f"content/pages/imprint.md:{n}" for n in placeholders} <= found


def test_a_ready_site_passes(tmp_path: Path) -> None:
    data, content = ready_site(tmp_path / "site")
    result = check_live(data, content)
    assert result.returncode == 0, result.stderr
    assert "ready to go live at https://test.de" in result.stdout


PAGE = """Title: Impressum
Slug: imprint
Lang: {lang}

Ein [Link](https://www.erfurt.de/) und ein [Verweis][stadt] und [stadt] bleiben, `[Code]` auch, \\[sic\\] auch.
Anschrift: {marker}
<!-- [Notiz für die Koordination] wird nie veröffentlicht -->
Eine Fußnote[^1] ist kein Platzhalter.
Telefon: {bare}

[stadt]: https://www.erfurt.de/
[^1]: Eine Fußnote.
"""


def test_placeholders_are_found_in_every_language_and_links_are_not(tmp_path: Path) -> None:
    data, content = ready_site(tmp_path / "site")
    pages = content / "pages"
    (pages / "imprint.md").write_text(
        PAGE.format(lang="de", marker="[vom Träger zu ergänzen]", bare="vom Träger zu ergänzen"), encoding="utf-8"
    )
    (pages / "imprint.en.md").write_text(
        PAGE.format(lang="en", marker="[to be completed by the coordinator]", bare="TODO"), encoding="utf-8"
    )
    (pages / "imprint.ar.md").write_text(
        PAGE.format(lang="ar", marker="[يُستكمل من قبل المنسق]", bare="يُستكمل لاحقًا"), encoding="utf-8"
    )
    # A draft is not published, so its placeholders do not count yet.
    (pages / "join.md").write_text(
        (pages / "join.md").read_text(encoding="utf-8").replace("Order: 2\n", "Order: 2\nStatus: draft\n")
        + "\n[vom Träger zu ergänzen]\n",
        encoding="utf-8",
    )
    result = check_live(data, content)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    expected = {
        f"content/pages/{name}:{line}" for name in ("imprint.md", "imprint.en.md", "imprint.ar.md") for line in (6, 9)
    }
    assert findings(result) == expected, result.stderr
    assert "placeholder '[vom Träger zu ergänzen]' is still there" in result.stderr
    assert "placeholder '[يُستكمل من قبل المنسق]' is still there" in result.stderr
    assert "the words 'TODO' mark text that is still to be written" in result.stderr


def test_example_addresses_are_named_wherever_they_are(tmp_path: Path) -> None:
    data, content = ready_site(tmp_path / "site")
    network = data / "network.yaml"
    network.write_text(
        network.read_text(encoding="utf-8")
        + 'social:\n  - label: "Padlet"\n    url: "https://padlet.example/netz"\n'
        + "# A comment is never published: https://kommentar.example/\n",
        encoding="utf-8",
    )
    member = data / "members" / "verein.yaml"
    member.write_text(
        member.read_text(encoding="utf-8").replace("kontakt@kulturverein.de", "kontakt@kulturverein.example"),
        encoding="utf-8",
    )
    about = content / "pages" / "about.md"
    about.write_text(
        about.read_text(encoding="utf-8")
        + "\nMehr unter https://www.example.org/verein, zum Beispiel.\n"
        + "Nicht gemeint: https://www.myexample.com/ und https://example-verein.de/ und for example.\n",
        encoding="utf-8",
    )
    result = check_live(data, content)
    assert result.returncode == 1
    assert findings(result) == {
        f"data/network.yaml:{line_of(network, 'padlet.example')}",
        f"data/members/verein.yaml:{line_of(member, 'kulturverein.example')}",
        f"content/pages/about.md:{line_of(about, 'www.example.org')}",
    }, result.stderr
    assert "'kontakt@kulturverein.example' is an example address" in result.stderr
    assert "'https://www.example.org/verein' is an example address" in result.stderr


@pytest.mark.parametrize(
    ("siteurl", "expected"),
    [
        ("", "website: the public address 'https://test.example' is an example address"),
        ("http://testnetz.de", "SITEURL: the public address 'http://testnetz.de' does not start with https://"),
        ("https://localhost:8000", "SITEURL: the public address 'https://localhost:8000' is this computer"),
        ("https://netz.example/", "SITEURL: the public address 'https://netz.example' is an example address"),
    ],
    ids=["website-example", "not-https", "localhost", "siteurl-example"],
)
def test_an_unusable_public_address_is_refused(tmp_path: Path, siteurl: str, expected: str) -> None:
    data, content = ready_site(tmp_path / "site")
    network = data / "network.yaml"
    network.write_text(network.read_text(encoding="utf-8").replace("https://test.de/", "https://test.example/"))
    if siteurl:  # the network's website is not checked when SITEURL replaces it
        network.write_text(network.read_text(encoding="utf-8").replace("https://test.example/", "https://test.de/"))
    result = check_live(data, content, siteurl)
    assert result.returncode == 1
    assert expected in result.stderr, result.stderr
    where = f"data/network.yaml:{line_of(network, 'website:')}" if not siteurl else "the environment variable SITEURL"
    assert f"  {where}: " in result.stderr
    assert "Traceback" not in result.stderr


def test_required_pages_must_exist_in_the_first_language(tmp_path: Path) -> None:
    data, content = ready_site(tmp_path / "site")
    (content / "pages" / "imprint.md").unlink()
    privacy = content / "pages" / "privacy.md"
    privacy.rename(privacy.with_name("privacy.en.md"))
    privacy.with_name("privacy.en.md").write_text(
        "Title: Privacy\nSlug: privacy\nLang: en\n\nPrivacy.\n", encoding="utf-8"
    )
    result = check_live(data, content)
    assert result.returncode == 1
    assert "content/pages: the Impressum (legal notice) is missing in the site's first language 'de'" in result.stderr
    assert "write it as content/pages/imprint.md" in result.stderr
    assert "the privacy policy (Datenschutzerklärung) is missing" in result.stderr
    assert "accessibility statement" not in result.stderr and "contact page" not in result.stderr
