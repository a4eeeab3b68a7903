"""The info-mail feeds (Atom and RSS) and the feed of new and changed events, in every site language,
and the page on how to receive the info mail, checked on the built sites by independent tools:
jing with the RELAX NG schema of RFC 4287, feedparser (no bozo), the W3C feed validator's rules that
can be checked offline (required elements, RFC 3339 and RFC 822 dates with the right weekday, absolute
addresses, unique ids, a self link that names the feed's own address), BeautifulSoup and axe-core.

Expected values come from the sources (network.yaml, the Markdown files, the event files) or from
another output of the same build (a feed's self link), never from the code under test.
"""

from __future__ import annotations

import codecs
import re
import shutil
import subprocess
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import feedparser
import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import build_site

REPO_ROOT = Path(__file__).resolve().parents[2]
TESTS = REPO_ROOT / "tests"
FIXTURE = TESTS / "fixtures" / "site"
TODAY = "2026-11-24"
ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
INFO_MAIL_ATOM, INFO_MAIL_RSS, EVENTS_ATOM = (
    "feeds/info-mail.atom.xml",
    "feeds/info-mail.rss.xml",
    "feeds/events.atom.xml",
)
FEEDS = (INFO_MAIL_ATOM, INFO_MAIL_RSS, EVENTS_ATOM)
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")
RFC822 = re.compile(
    r"(?P<weekday>Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} "
    r"\d{2}:\d{2}:\d{2} ([+-]\d{4}|GMT|UT)"
)
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
ADDRESS_SCHEMES = ("http", "https", "mailto", "tel")
BERLIN = ZoneInfo("Europe/Berlin")


# -- a built site and its sources -------------------------------------------------------------------


@dataclass(frozen=True)
class Site:
    output: Path
    data: Path
    content: Path

    @property
    def network(self) -> dict:
        return yaml.safe_load((self.data / "network.yaml").read_text(encoding="utf-8"))

    @property
    def languages(self) -> list[str]:
        return list(self.network["languages"])

    def path(self, path: str, lang: str) -> str:
        """A path in one language's part of the site: the first language at the root."""
        return path if lang == self.languages[0] else f"{lang}/{path}"

    def file(self, path: str, lang: str) -> Path:
        return self.output / self.path(path, lang)

    def address(self, path: str) -> str:
        """A public address: the sites are built without SITEURL, so under the network's website."""
        return f"{self.network['website'].rstrip('/')}/{path}"

    def mails(self) -> dict[tuple[str, str], dict[str, str]]:
        """(slug, lang) -> the header fields of every published info-mail file: no draft, and none
        dated after the build day (README: such a mail stays off the site until its day)."""
        found = {}
        for file in sorted((self.content / "info-mail").glob("*.md")):
            fields = markdown_fields(file)
            if fields.get("status") == "draft" or content_date(fields["date"]).date().isoformat() > TODAY:
                continue
            found[(fields["slug"], fields["lang"])] = fields
        return found

    def event_files(self) -> dict[str, Path]:
        return {file.stem: file for file in (self.data / "events").glob("*/*.yaml")}


SOURCES = {"fixture": (FIXTURE / "data", FIXTURE / "content"), "default": (REPO_ROOT / "data", REPO_ROOT / "content")}


@pytest.fixture(scope="session", params=list(SOURCES))
def site(request) -> Site:
    """Both sites of conftest.py, each with the sources it was built from."""
    return Site(request.getfixturevalue(f"{request.param}_site"), *SOURCES[request.param])


def markdown_fields(path: Path) -> dict[str, str]:
    fields = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            break
        key, _, value = line.partition(":")
        fields[key.strip().lower()] = value.strip()
    return fields


def content_date(text: str) -> datetime:
    """A Markdown Date as the network's local time (ISO or day-first German)."""
    for pattern in ("%Y-%m-%d %H:%M", "%Y-%m-%d", "%d.%m.%Y %H:%M", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, pattern).replace(tzinfo=BERLIN)
        except ValueError:
            continue
    raise AssertionError(f"unreadable date {text!r}")


def slug_of(url: str) -> str:
    return urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]


def utc(parsed: tuple) -> datetime:
    return datetime(*parsed[:6], tzinfo=UTC)


def html_addresses(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    return [
        tag.get("href") or tag.get("src") for tag in soup.find_all(["a", "img"]) if tag.get("href") or tag.get("src")
    ]


# -- a site with images, documents, relative links and edited events ------------------------------------


RICH_MAIL = """Title: Infomail November 2026
Date: 2026-11-02 09:00
Modified: 2026-11-05 12:30
Slug: 2026-11
Lang: de
Summary: Neues aus dem November mit Plakat.

## Termine

Das Programm: [Programm (PDF)]({static}/images/programm.pdf) und der [Oktober]({filename}/info-mail/2026-10.md).

![Plakat der Netzwerktagung]({static}/images/plakat.png)

Fragen an <netz@test.example>. Zurück zur [Übersicht](../).
"""
EVENT_UPDATES = {
    "netzwerktreffen-dezember": "2026-11-20T10:00",
    "abgesagt": "2026-11-22T08:30",
    "ag-sprache-oktober": "2026-11-23T10:00",  # its date has passed: not news
}
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c63f8cfc0f01f0005000201e527de2b0000000049454e44ae426082"
)


@pytest.fixture(scope="session")
def rich_site(tmp_path_factory) -> Site:
    """The fixture site outside git, with an image and a PDF in an info mail and `updated` on three events."""
    root = tmp_path_factory.mktemp("rich-feeds")
    shutil.copytree(FIXTURE / "data", root / "data")
    shutil.copytree(FIXTURE / "content", root / "content")
    for event_id, stamp in EVENT_UPDATES.items():
        path = next((root / "data" / "events").glob(f"*/{event_id}.yaml"))
        path.write_text(path.read_text(encoding="utf-8") + f'updated: "{stamp}"\n', encoding="utf-8")
    (root / "content" / "info-mail" / "2026-11.md").write_text(RICH_MAIL, encoding="utf-8")
    (root / "content" / "images" / "plakat.png").write_bytes(PNG)
    (root / "content" / "images" / "programm.pdf").write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    return Site(build_site(root / "data", root / "content", root / "output"), root / "data", root / "content")


# -- every language, every feed -------------------------------------------------------------------


def feed_files(site: Site) -> list[tuple[str, str, Path]]:
    """(language, feed path, file) of every feed the site must have."""
    return [(lang, path, site.file(path, lang)) for lang in site.languages for path in FEEDS]


def test_every_language_has_its_feeds_and_feedparser_reads_them(site: Site) -> None:
    for lang, _path, file in feed_files(site):
        assert file.is_file(), f"{file} is missing"
        parsed = feedparser.parse(str(file))
        assert not parsed.bozo, (file, parsed.bozo_exception)
        assert parsed.feed.language == lang, file


def test_atom_feeds_are_valid_rfc_4287(site: Site, rich_site: Site, java: str) -> None:
    jing = Path("/usr/share/java/jing.jar")
    assert jing.is_file(), "jing is missing: run `make test` via `.ci/run`, which installs it"
    files = [str(f) for each in (site, rich_site) for _l, path, f in feed_files(each) if path != INFO_MAIL_RSS]
    result = subprocess.run(
        [java, "-jar", str(jing), "-c", str(TESTS / "data" / "atom.rnc"), *files],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _html_problems(html: str, where: str) -> list[str]:
    """Escaped HTML in a feed: no relative reference (the validator's ContainsRelRef), no script."""
    problems = [
        f"{where}: relative address {address!r}"
        for address in html_addresses(html)
        if urlsplit(address).scheme not in ADDRESS_SCHEMES
    ]
    soup = BeautifulSoup(html, "html.parser")
    scripted = any(attribute.startswith("on") for tag in soup.find_all(True) for attribute in tag.attrs)
    if soup.find(["script", "iframe", "object", "embed", "style"]) or scripted:
        problems.append(f"{where}: script or embedded content")
    return problems


def _check_atom(file: Path, self_address: str, lang: str) -> list[str]:
    """The W3C feed validator's Atom rules that need no network."""
    problems = []
    root = ElementTree.parse(file).getroot()
    if root.get(XML_LANG) != lang:
        problems.append(f"xml:lang {root.get(XML_LANG)!r}, expected {lang!r}")
    for name in ("id", "title", "updated"):
        if len(root.findall(f"{ATOM}{name}")) != 1:
            problems.append(f"feed needs exactly one {name}")
    selves = [link.get("href") for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"]
    if selves != [self_address]:
        problems.append(f"self link {selves}, expected [{self_address!r}]")
    has_author = root.find(f"{ATOM}author/{ATOM}name") is not None
    for element in root.iter():
        if element.tag in (f"{ATOM}updated", f"{ATOM}published") and not RFC3339.fullmatch(element.text or ""):
            problems.append(f"{element.tag}: {element.text!r} is not an RFC 3339 date-time")
        if element.tag == f"{ATOM}link" and urlsplit(element.get("href", "")).scheme not in ("http", "https"):
            problems.append(f"link {element.get('href')!r} is not absolute")
    ids = []
    for entry in root.findall(f"{ATOM}entry"):
        entry_id = entry.findtext(f"{ATOM}id", "")
        ids.append(entry_id)
        if not urlsplit(entry_id).scheme:
            problems.append(f"entry id {entry_id!r} is not an absolute IRI")
        for name in ("title", "updated"):
            if entry.find(f"{ATOM}{name}") is None:
                problems.append(f"entry {entry_id} has no {name}")
        if not has_author and entry.find(f"{ATOM}author/{ATOM}name") is None:
            problems.append(f"entry {entry_id} has no author")
        if entry.find(f"{ATOM}content") is None and not entry.findall(f"{ATOM}link"):
            problems.append(f"entry {entry_id} has neither content nor a link")
        for name in ("content", "summary"):
            for text in entry.findall(f"{ATOM}{name}"):
                problems += _html_problems(text.text or "", f"entry {entry_id} {name}")
    if len(ids) != len(set(ids)):
        problems.append("entry ids are not unique")
    return problems


def _check_rfc822(text: str | None, where: str) -> list[str]:
    match = RFC822.fullmatch(text or "")
    if not match:
        return [f"{where}: {text!r} is not an RFC 822 date"]
    if WEEKDAYS[parsedate_to_datetime(text).weekday()] != match["weekday"]:
        return [f"{where}: {text!r} names the wrong weekday"]
    return []


def _check_rss(file: Path, self_address: str, lang: str) -> list[str]:
    """The W3C feed validator's RSS 2.0 rules that need no network."""
    problems = []
    channel = ElementTree.parse(file).getroot().find("channel")
    assert channel is not None, f"{file} has no channel"
    for name in ("title", "link", "description"):
        if not (channel.findtext(name) or "").strip():
            problems.append(f"channel needs {name}")
    if urlsplit(channel.findtext("link", "")).scheme not in ("http", "https"):
        problems.append("channel link is not absolute")
    if channel.findtext("language") != lang:
        problems.append(f"language {channel.findtext('language')!r}, expected {lang!r}")
    links = channel.findall(f"{ATOM}link")
    selves = [(link.get("href"), link.get("type")) for link in links if link.get("rel") == "self"]
    if selves != [(self_address, "application/rss+xml")]:
        problems.append(f"atom:link self {selves}, expected {self_address!r} as application/rss+xml")
    problems += _check_rfc822(channel.findtext("lastBuildDate"), "lastBuildDate")
    guids = []
    for item in channel.findall("item"):
        guid = item.findtext("guid", "")
        guids.append(guid)
        if not (item.findtext("title") or item.findtext("description")):
            problems.append(f"item {guid} has neither title nor description")
        if urlsplit(item.findtext("link", "")).scheme not in ("http", "https"):
            problems.append(f"item {guid}: link is not absolute")
        problems += _check_rfc822(item.findtext("pubDate"), f"item {guid} pubDate")
        for name in ("description", "{http://purl.org/rss/1.0/modules/content/}encoded"):
            problems += _html_problems(item.findtext(name, ""), f"item {guid} {name}")
    if not all(guids) or len(guids) != len(set(guids)):
        problems.append("item guids are missing or not unique")
    return problems


def test_feeds_follow_the_feed_validators_rules(site: Site, rich_site: Site) -> None:
    for each in (site, rich_site):
        for lang, path, file in feed_files(each):
            check = _check_rss if path == INFO_MAIL_RSS else _check_atom
            problems = check(file, each.address(each.path(path, lang)), lang)
            assert not problems, f"{file}:\n  " + "\n  ".join(problems)


# -- the info mail in each language ----------------------------------------------------------------


def newest_slugs(site: Site) -> list[str]:
    """The slugs of the 24 newest mails (by their Date), as a feed lists them."""
    mails = site.mails()
    originals = {
        slug: content_date(fields["date"]) for (slug, lang), fields in mails.items() if lang == site.languages[0]
    }
    return sorted(originals, key=lambda slug: (originals[slug], slug), reverse=True)[:24]


def test_the_german_feeds_keep_their_entry_ids(site: Site) -> None:
    """Subscribers' readers know the entries by these ids: the mail's German page address, as before."""
    expected = {site.address(f"info-mail/{slug}/") for slug in newest_slugs(site)}
    for name in (INFO_MAIL_ATOM, INFO_MAIL_RSS):
        parsed = feedparser.parse(str(site.output / name))
        assert {entry.id for entry in parsed.entries} == expected, name


def test_each_language_lists_every_mail_in_its_translation_or_the_marked_original(site: Site) -> None:
    mails = site.mails()
    for lang in site.languages:
        parsed = feedparser.parse(str(site.file(INFO_MAIL_ATOM, lang)))
        by_slug = {slug_of(entry.link): entry for entry in parsed.entries}
        assert sorted(by_slug) == sorted(newest_slugs(site)), lang
        for slug, entry in by_slug.items():
            written = lang if (slug, lang) in mails else site.languages[0]
            assert entry.title == mails[(slug, written)]["title"], (lang, slug)
            # feedparser reports xml:lang per element: the feed's, or the original's when not translated
            assert entry.title_detail.language == written, (lang, slug)
            assert entry.link == site.address(site.path(f"info-mail/{slug}/", lang))


def test_entries_are_newest_first_and_dated_by_the_mails(site: Site, rich_site: Site) -> None:
    for each in (site, rich_site):
        mails = each.mails()
        for lang in each.languages:
            for name in (INFO_MAIL_ATOM, INFO_MAIL_RSS):
                parsed = feedparser.parse(str(each.file(name, lang)))
                published = []
                for entry in parsed.entries:
                    slug = slug_of(entry.link)
                    fields = mails.get((slug, lang)) or mails[(slug, each.languages[0])]
                    date = content_date(fields["date"])
                    modified = content_date(fields["modified"]) if "modified" in fields else date
                    assert utc(entry.published_parsed) == date.astimezone(UTC), (name, lang, slug)
                    if name == INFO_MAIL_ATOM:
                        assert utc(entry.updated_parsed) == max(date, modified).astimezone(UTC), (lang, slug)
                    published.append(utc(entry.published_parsed))
                assert published == sorted(published, reverse=True), (name, lang)


def test_entries_carry_the_full_text_with_absolute_links_and_images(rich_site: Site) -> None:
    home = rich_site.address("")
    page = rich_site.address("info-mail/2026-11/")
    parsed = feedparser.parse(str(rich_site.output / INFO_MAIL_ATOM))
    entry = next(e for e in parsed.entries if e.link == page)
    html = entry.content[0].value
    soup = BeautifulSoup(html, "html.parser")
    image = soup.find("img")
    assert image is not None and image["src"] == f"{home}images/plakat.png"
    assert image["alt"] == "Plakat der Netzwerktagung"
    links = {a.get_text(): a["href"] for a in soup.find_all("a")}
    assert links["Programm (PDF)"] == f"{home}images/programm.pdf"
    assert links["Oktober"] == rich_site.address("info-mail/2026-10/")
    assert links["Übersicht"] == rich_site.address("info-mail/")  # ../ from the mail's page
    for address in html_addresses(html):  # every address of this site is a file the build wrote
        if address.startswith(home):
            target = rich_site.output / urlsplit(address).path.lstrip("/")
            assert target.is_file() or (target / "index.html").is_file(), address
    assert "Fragen an" in soup.get_text()


# -- new and changed events ------------------------------------------------------------------------


def test_events_feed_lists_events_by_their_last_change_from_the_data(rich_site: Site) -> None:
    """Outside git only `updated` tells when an event changed; events without a date ahead are not news."""
    files = rich_site.event_files()
    expected = []
    for event_id, stamp in EVENT_UPDATES.items():
        record = yaml.safe_load(files[event_id].read_text(encoding="utf-8"))
        if str(record["end"])[:10] >= TODAY:
            expected.append((datetime.fromisoformat(stamp).replace(tzinfo=BERLIN).astimezone(UTC), event_id))
    expected.sort(reverse=True)
    for lang in rich_site.languages:
        parsed = feedparser.parse(str(rich_site.file(EVENTS_ATOM, lang)))
        assert [(utc(e.updated_parsed), slug_of(e.link)) for e in parsed.entries] == expected, lang
        assert utc(parsed.feed.updated_parsed) == expected[0][0]
        for entry in parsed.entries:
            assert entry.link == rich_site.address(rich_site.path(f"events/{slug_of(entry.link)}/", lang))
            assert (rich_site.output / urlsplit(entry.link).path.lstrip("/") / "index.html").is_file()


def test_events_feed_of_a_git_checkout_uses_the_commits(fixture_site: Path) -> None:
    """In git, an entry's `updated` is the time of a commit that changed the event's file (or its `updated`)."""
    files = Site(fixture_site, *SOURCES["fixture"]).event_files()
    parsed = feedparser.parse(str(fixture_site / EVENTS_ATOM))
    assert not parsed.bozo
    stamps = [utc(e.updated_parsed) for e in parsed.entries]
    assert stamps == sorted(stamps, reverse=True)
    for entry, stamp in zip(parsed.entries, stamps, strict=True):
        file = files[slug_of(entry.link)]
        log = subprocess.run(
            ["git", "log", "--format=%ct", "--", str(file)], cwd=REPO_ROOT, capture_output=True, text=True, check=True
        )
        known = {datetime.fromtimestamp(int(t), UTC) for t in log.stdout.split()}
        updated = yaml.safe_load(file.read_text(encoding="utf-8")).get("updated")
        if updated:
            known.add(datetime.fromisoformat(str(updated)).replace(tzinfo=BERLIN).astimezone(UTC))
        assert stamp in known, (file, stamp, known)


def test_a_cancelled_event_says_so(rich_site: Site) -> None:
    record = yaml.safe_load(rich_site.event_files()["abgesagt"].read_text(encoding="utf-8"))
    title = record["title"]["de"] if isinstance(record["title"], dict) else record["title"]
    parsed = feedparser.parse(str(rich_site.output / EVENTS_ATOM))
    entry = next(e for e in parsed.entries if slug_of(e.link) == "abgesagt")
    assert title in entry.title and entry.title != title  # with the status before it


# -- announced in every page, and the page on how to receive the info mail ------------------------------


def test_every_page_announces_its_languages_feeds(site: Site) -> None:
    for page in sorted(site.output.rglob("index.html")):
        relative = page.relative_to(site.output).as_posix()
        lang = next((code for code in site.languages[1:] if relative.startswith(f"{code}/")), site.languages[0])
        head = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").head
        assert head is not None, page
        linked = {
            (page.parent / link["href"]).resolve()
            for link in head.select('link[rel="alternate"][type]')
            if link["type"] in ("application/atom+xml", "application/rss+xml")
        }
        assert linked == {site.file(path, lang).resolve() for path in FEEDS}, relative


def test_the_receive_page_shows_this_languages_feed_addresses(site: Site) -> None:
    for lang in site.languages:
        page = site.file("info-mail/receive/index.html", lang)
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert soup.html["lang"] == lang
        selves = []
        for path in FEEDS:
            links = ElementTree.parse(site.file(path, lang)).getroot().iter(f"{ATOM}link")
            selves.append(next(link.get("href") for link in links if link.get("rel") == "self"))
        assert [code.get_text() for code in soup.select("main code")] == selves, lang
        for link in soup.select("main a[type]"):
            assert (page.parent / link["href"]).resolve().is_file(), link["href"]
        protected = [codecs.decode(span["data-rot13"], "rot13") for span in soup.select("main .email[data-rot13]")]
        assert site.network["email"] in protected, lang


def test_the_archive_leads_to_the_receive_page(site: Site) -> None:
    for lang in site.languages:
        archive = site.file("info-mail/index.html", lang)
        receive = site.file("info-mail/receive/index.html", lang).parent.resolve()
        soup = BeautifulSoup(archive.read_text(encoding="utf-8"), "html.parser")
        assert receive in {(archive.parent / a["href"]).resolve() for a in soup.select("main a[href]")}, lang


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_the_receive_page_has_no_axe_violations(built_site: Path, built_site_url: str, page, axe_script, lang) -> None:
    url = f"{built_site_url}/{'' if lang == 'de' else f'{lang}/'}info-mail/receive/"
    response = page.goto(url)
    assert response is not None and response.ok, url
    page.add_script_tag(path=str(axe_script))
    violations = page.evaluate(
        """async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags},
                                                     resultTypes: ['violations']}))
            .violations.map(v => `${v.id}: ${v.help} (${v.nodes.length}x)`)""",
        AXE_TAGS,
    )
    assert not violations, f"{url}:\n" + "\n".join(violations)
