"""`make mail-eml`: the month's published info mail as a ready-to-send e-mail, read back by independent tools.

The .eml is parsed with Python's `email` package (policy.default), its HTML part with BeautifulSoup and
rendered in Debian's Chromium (axe-core, light and dark, desktop and phone). Expected values come from
the sources the test writes (the Markdown files, network.yaml, the environment), never from the code.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
import yaml
from babel import Locale
from bs4 import BeautifulSoup
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "site"
sys.path.insert(0, str(ROOT / "tests" / "tools"))

import sitekit  # noqa: E402
from mail_commands import invoke  # noqa: E402

TODAY = "2026-11-24"
MONTH = "2026-11"
BERLIN = ZoneInfo("Europe/Berlin")
LIST = "infomail@lists.test.example"
UNSUBSCRIBE = ("mailto:infomail-leave@lists.test.example", "https://lists.test.example/leave/infomail")
MAIL_ENV = {
    "NETZWERK_MAIL_LIST": LIST,
    "NETZWERK_MAIL_UNSUBSCRIBE": ", ".join(UNSUBSCRIBE),
    "NETZWERK_MAIL_UNSUBSCRIBE_ONE_CLICK": "yes",
}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

GERMAN = """Title: Infomail November 2026
Date: 02.11.2026 09:00
Slug: 2026-11
Lang: de
Summary: Neues aus dem November – mit Plakat & Programm.

## Termine

Netzwerktreffen am 2. Dezember. Das Programm: [Programm (PDF)]({static}/images/programm.pdf).

![Plakat der Netzwerktagung mit Datum und Ort]({static}/images/plakat.png)

Fragen an <netz@test.example>. Rückblick: [Infomail Oktober]({filename}/info-mail/2026-10.md).

| Tag | Thema |
| --- | --- |
| 2. Dezember | Netzwerktreffen |

> Ein Zitat mit **Betonung**.
"""
ARABIC = """Title: النشرة الإخبارية نوفمبر 2026
Date: 2026-11-02 09:00
Slug: 2026-11
Lang: ar
Summary: أخبار نوفمبر.

## المواعيد

اجتماع الشبكة في 2 ديسمبر. [البرنامج (PDF)]({static}/images/programm.pdf)

![ملصق اجتماع الشبكة]({static}/images/plakat.png)
"""
DRAFT = "Title: Infomail September 2026\nDate: 2026-09-01 09:00\nSlug: 2026-09\nLang: de\nStatus: draft\n\nEntwurf.\n"
AHEAD = "Title: Infomail Dezember 2026\nDate: 2026-12-01 09:00\nSlug: 2026-12\nLang: de\n\nSchon fertig.\n"


class Workspace:
    """Sources with a rich info mail (image, PDF, links, table, an Arabic translation), and the command's output."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.data, self.content, self.output = root / "data", root / "content", root / "output"
        self.mail_folder = root / "mail"

    def write_sources(self) -> None:
        shutil.copytree(FIXTURE / "data", self.data)
        shutil.copytree(FIXTURE / "content", self.content)
        mails = self.content / "info-mail"
        (mails / "2026-11.md").write_text(GERMAN, encoding="utf-8")
        (mails / "2026-11.ar.md").write_text(ARABIC, encoding="utf-8")
        (mails / "2026-09.md").write_text(DRAFT, encoding="utf-8")
        (mails / "2026-12.md").write_text(AHEAD, encoding="utf-8")
        poster = Image.new("RGB", (1200, 600), (11, 83, 148))
        poster.paste((240, 180, 0), (100, 100, 1100, 500))
        poster.save(self.content / "images" / "plakat.png")
        (self.content / "images" / "programm.pdf").write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")

    def mail_eml(self, *extra: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        return invoke(
            "mail-eml",
            "--data",
            str(self.data),
            "--content",
            str(self.content),
            "--output",
            str(self.output),
            "--today",
            TODAY,
            *extra,
            env=MAIL_ENV if env is None else env,
        )

    @property
    def network(self) -> dict:
        return yaml.safe_load((self.data / "network.yaml").read_text(encoding="utf-8"))

    def fields(self, name: str) -> dict[str, str]:
        """The header of a Markdown file of content/info-mail/."""
        fields = {}
        for line in (self.content / "info-mail" / name).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                break
            key, _, value = line.partition(":")
            fields[key.strip().lower()] = value.strip()
        return fields

    def page(self, lang: str) -> str:
        """The public address of the month's mail page in a language (no SITEURL: the network's website)."""
        prefix = "" if lang == self.network["languages"][0] else f"{lang}/"
        return f"{self.network['website'].rstrip('/')}/{prefix}info-mail/{MONTH}/"


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Workspace:
    space = Workspace(tmp_path_factory.mktemp("mail-eml"))
    space.write_sources()
    return space


@pytest.fixture(scope="module")
def written(workspace: Workspace) -> dict[str, Path]:
    """lang -> .eml file, as the command printed them."""
    result = workspace.mail_eml("--month", MONTH)
    assert result.returncode == 0, result.stdout + result.stderr
    printed = [Path(line) for line in result.stdout.splitlines() if line.endswith(".eml")]
    return {path.name.split(".")[-2]: path for path in printed}


def parsed(path: Path) -> EmailMessage:
    return message_from_bytes(path.read_bytes(), policy=policy.default)  # type: ignore[return-value]


def html_of(path: Path) -> str:
    return parsed(path).get_body(("html",)).get_content()  # type: ignore[union-attr]


# -- the files --------------------------------------------------------------------------------------


def test_one_eml_per_written_language_outside_every_published_folder(workspace: Workspace, written) -> None:
    translated = [
        lang
        for lang in workspace.network["languages"]
        if any(
            workspace.fields(f.name).get("lang") == lang and workspace.fields(f.name).get("slug") == MONTH
            for f in (workspace.content / "info-mail").glob("*.md")
        )
    ]
    assert list(written) == translated  # German first, in the order of network.yaml
    for path in written.values():
        assert path.is_file()
        for folder in (workspace.output, workspace.data, workspace.content):
            assert folder.resolve() not in path.resolve().parents, path


def test_same_sources_give_the_same_bytes(workspace: Workspace, written) -> None:
    before = {lang: path.read_bytes() for lang, path in written.items()}
    again = workspace.mail_eml("--month", MONTH)  # builds the site again, then writes the files again
    assert again.returncode == 0, again.stdout + again.stderr
    assert {lang: path.read_bytes() for lang, path in written.items()} == before


# -- the message --------------------------------------------------------------------------------------


def test_headers_say_what_the_mail_and_the_environment_say(workspace: Workspace, written) -> None:
    message_ids = set()
    for lang, path in written.items():
        fields = workspace.fields("2026-11.md" if lang == "de" else f"2026-11.{lang}.md")
        message = parsed(path)
        assert message["Subject"] == fields["title"]
        assert message["From"].addresses[0].addr_spec == workspace.network["email"]
        assert message["To"].addresses[0].addr_spec == LIST
        day, time = fields["date"].split(" ")
        written_date = datetime.strptime(day, "%d.%m.%Y" if "." in day else "%Y-%m-%d")
        hour, minute = (int(part) for part in time.split(":"))
        expected = written_date.replace(hour=hour, minute=minute, tzinfo=BERLIN)
        assert parsedate_to_datetime(message["Date"]) == expected
        assert re.fullmatch(r"<[^<>@\s]+@[^<>@\s]+>", message["Message-ID"])
        message_ids.add(message["Message-ID"])
        assert message["Content-Language"] == lang
        assert re.findall(r"<([^>]+)>", message["List-Unsubscribe"]) == list(UNSUBSCRIBE)
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert message.get_content_type() == "multipart/alternative"
        parts = [part.get_content_type() for part in message.iter_parts()]
        assert parts == ["text/plain", "text/html"]  # the richest last, as RFC 2046 asks
        assert all(part.get_content_charset() == "utf-8" for part in message.iter_parts())
    assert len(message_ids) == len(written)


def test_the_plain_text_part_says_it_all_without_markup(workspace: Workspace, written) -> None:
    message = parsed(written["de"])
    text = message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert workspace.fields("2026-11.md")["title"] in text
    assert workspace.page("de") in text  # the web version
    assert "[Plakat der Netzwerktagung mit Datum und Ort]" in text  # the image's description
    assert f"{workspace.network['website']}images/programm.pdf" in text
    assert workspace.network["email"] in text and "[at]" not in text
    assert not re.search(r"<[A-Za-z/!]", text)


def test_the_html_part_is_600_px_with_absolute_links_and_described_images(workspace: Workspace, written) -> None:
    website = workspace.network["website"]
    for lang, path in written.items():
        soup = BeautifulSoup(html_of(path), "html.parser")
        direction = "rtl" if Locale.parse(lang).character_order == "right-to-left" else "ltr"
        assert (soup.html["lang"], soup.html["dir"]) == (lang, direction)
        frames = soup.select('table[role="presentation"][width="600"]')
        assert frames and "width: 600px" in frames[0]["style"]
        assert soup.find("a", href=workspace.page(lang)) is not None  # the web version
        for tag in soup.find_all(["a", "img"]):
            address = tag.get("href") or tag.get("src")
            assert urlsplit(address).scheme in ("https", "http", "mailto"), address
            if address.startswith(website):  # a file of the site: it was published
                target = workspace.output / urlsplit(address).path.removeprefix(urlsplit(website).path)
                assert target.is_file() or (target / "index.html").is_file(), address
        for image in soup.find_all("img"):
            assert image["alt"].strip() and int(image["width"]) <= 600
            with Image.open(workspace.content / "images" / Path(urlsplit(image["src"]).path).name) as source:
                assert abs(int(image["height"]) / int(image["width"]) - source.height / source.width) < 0.01


def _without_media_rules(css: str) -> str:
    """The stylesheet less its @media blocks (braces counted)."""
    kept, depth, index = [], 0, 0
    while index < len(css):
        if depth == 0 and css.startswith("@media", index):
            opening = css.index("{", index)
            depth, index = 1, opening + 1
            while depth:
                depth += {"{": 1, "}": -1}.get(css[index], 0)
                index += 1
            continue
        kept.append(css[index])
        index += 1
    return "".join(kept)


def test_the_css_is_inlined(written) -> None:
    """Only what cannot be inlined (dark mode, narrow screens) stays in <style>; the rest is in style attributes."""
    soup = BeautifulSoup(html_of(written["de"]), "html.parser")
    for style in soup.find_all("style"):
        assert not _without_media_rules(style.get_text()).strip()
    assert soup.body["style"] and soup.find("h1")["style"] and soup.find("a")["style"]


# -- in a browser -------------------------------------------------------------------------------------


def in_chromium(check: Callable[[Any], None]) -> None:
    """Run `check(browser)` with Debian's Chromium in a thread of its own: Playwright's sync API allows one
    instance per thread, and the tests of the built sites may hold theirs in this one."""
    assert sitekit.chromium_available(), f"{sitekit.CHROMIUM} is missing: {sitekit.HOW_TO_GET_TOOLS}"
    from playwright.sync_api import sync_playwright

    failures: list[BaseException] = []

    def run() -> None:
        try:
            with sync_playwright() as playwright:
                browser = sitekit.launch_chromium(playwright)
                try:
                    check(browser)
                finally:
                    browser.close()
        except BaseException as failure:  # handed to the test's own thread
            failures.append(failure)

    worker = threading.Thread(target=run, name="chromium")
    worker.start()
    worker.join()
    if failures:
        raise failures[0]


MAIL_URL = "http://mail.invalid/"


@contextmanager
def open_mail(browser, workspace: Workspace, html: str, width: int, scheme: str = "light") -> Iterator[tuple]:
    """The HTML part as a mail program shows it; the site's images come from the built output, nothing else loads."""
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    website = workspace.network["website"]
    elsewhere: list[str] = []

    def answer(route, request) -> None:
        url = request.url
        if url == MAIL_URL:
            route.fulfill(body=html, content_type="text/html; charset=utf-8")
        elif url.startswith(website) and (workspace.output / url[len(website) :]).is_file():
            route.fulfill(path=str(workspace.output / url[len(website) :]))
        else:
            elsewhere.append(url)
            route.abort("blockedbyclient")

    context.route("**/*", answer)
    try:
        page = context.new_page()
        page.goto(MAIL_URL)
        yield page, elsewhere
    finally:
        context.close()


AXE_RUN = """async (tags) => {
    const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
    return {passes: r.passes.length, violations: r.violations.map(v => `${v.id}: ${v.help} (${v.nodes.length}x)`)};
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_html_part_has_no_axe_violations(workspace: Workspace, written, scheme: str) -> None:
    axe = sitekit.axe_script()
    assert axe.is_file(), f"{axe} is missing: {sitekit.HOW_TO_GET_TOOLS}"

    def check(browser) -> None:
        for lang, path in written.items():
            with open_mail(browser, workspace, html_of(path), 1280, scheme) as (page, elsewhere):
                page.add_script_tag(path=str(axe))
                result = page.evaluate(AXE_RUN, AXE_TAGS)
                assert result["passes"] > 0
                assert not result["violations"], f"{lang} ({scheme}):\n" + "\n".join(result["violations"])
                assert not elsewhere, elsewhere  # images of the site only
                loaded = page.evaluate("() => [...document.images].map(i => i.naturalWidth)")
                assert all(loaded) and len(loaded) == html_of(path).count("<img "), f"{lang}: an image did not load"

    in_chromium(check)


def test_the_mail_is_600_px_wide_and_fits_a_phone(workspace: Workspace, written) -> None:
    def check(browser) -> None:
        with open_mail(browser, workspace, html_of(written["de"]), 1280) as (page, _):
            frame = "() => document.querySelector('table[width=\"600\"]').getBoundingClientRect().width"
            assert page.evaluate(frame) == 600
        for lang, path in written.items():
            with open_mail(browser, workspace, html_of(path), 360) as (page, _):
                sizes = "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
                wide, shown = page.evaluate(sizes)
                assert wide <= shown, (lang, wide, shown)

    in_chromium(check)


STYLE_PROBE = """() => [...document.querySelectorAll('body, table, td, h1, h2, p, a, img, th')].map(e => {
    const s = getComputedStyle(e);
    return [e.tagName, s.color, s.backgroundColor, s.fontSize, s.fontWeight, s.width, s.textAlign, s.paddingLeft];
})"""


def test_the_mail_looks_the_same_where_style_elements_are_dropped(workspace: Workspace, written) -> None:
    """Gmail and others drop <style>: in light mode and wide, the inlined styles alone give the same look."""

    def check(browser) -> None:
        for lang, path in written.items():
            html = html_of(path)
            looks = []
            for variant in (html, re.sub(r"<style>.*?</style>", "", html, flags=re.S)):
                with open_mail(browser, workspace, variant, 1280) as (page, _):
                    looks.append(page.evaluate(STYLE_PROBE))
            assert looks[0] == looks[1], lang

    in_chromium(check)


# -- what it refuses, in the editor's words ---------------------------------------------------------------


def test_a_month_without_a_published_mail_is_explained(workspace: Workspace, written) -> None:
    for month in ("2026-08", "2026-09", "2026-12"):  # none, a draft, dated after the build day
        result = workspace.mail_eml("--month", month, "--no-build")
        assert result.returncode == 1
        message = result.stdout + result.stderr
        assert f"no info mail of {month} is published" in message and "Traceback" not in message


def test_a_mail_prepared_in_advance_is_sent_once_its_day_has_come(workspace: Workspace, tmp_path: Path) -> None:
    later = Workspace(workspace.root)
    later.output, later.mail_folder = tmp_path / "output", tmp_path / "mail"
    result = invoke(
        "mail-eml",
        *("--data", str(later.data), "--content", str(later.content), "--output", str(later.output)),
        *("--today", "2026-12-01", "--month", "2026-12"),
        env=MAIL_ENV,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == str(tmp_path / "mail" / "2026-12.de.eml")


@pytest.mark.parametrize(
    ("arguments", "env", "expected"),
    [
        (("--month", "2026-13"), MAIL_ENV, "write the month as YYYY-MM"),
        (("--month", MONTH, "--lang", "uk"), MAIL_ENV, "is not published in uk"),
        (("--month", MONTH, "--folder", "OUTPUT/mail"), MAIL_ENV, "would be inside or around the output folder"),
        (
            ("--month", MONTH),
            {**MAIL_ENV, "NETZWERK_MAIL_UNSUBSCRIBE": UNSUBSCRIBE[0]},
            "NETZWERK_MAIL_UNSUBSCRIBE_ONE_CLICK=yes needs an https: address",
        ),
        (("--month", MONTH), {**MAIL_ENV, "NETZWERK_MAIL_LIST": "infomail at lists"}, "NETZWERK_MAIL_LIST="),
    ],
)
def test_mistakes_are_explained(workspace: Workspace, written, arguments, env, expected: str) -> None:
    arguments = tuple(a.replace("OUTPUT", str(workspace.output)) for a in arguments)
    result = workspace.mail_eml(*arguments, "--no-build", env=env)
    message = result.stdout + result.stderr
    assert result.returncode == 1 and expected in message and "Traceback" not in message, message


def test_without_list_settings_the_mail_goes_to_the_network_and_says_how_to_leave(workspace: Workspace, tmp_path):
    result = workspace.mail_eml("--month", MONTH, "--no-build", "--lang", "de", "--folder", str(tmp_path), env={})
    assert result.returncode == 0, result.stdout + result.stderr
    message = parsed(tmp_path / f"{MONTH}.de.eml")
    assert message["To"].addresses[0].addr_spec == workspace.network["email"]
    assert "List-Unsubscribe" not in message
    soup = BeautifulSoup(message.get_body(("html",)).get_content(), "html.parser")  # type: ignore[union-attr]
    assert soup.find("a", href=f"mailto:{workspace.network['email']}") is not None
