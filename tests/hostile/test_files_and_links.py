"""Nothing leaves the data and content folders, and nothing an editor typed becomes a script or an address."""

from __future__ import annotations

import os

import pytest
from bs4 import BeautifulSoup
from workspace import FIXTURE, Workspace, assert_refused

PAGE = "Title: Seite\nSlug: seite\nLang: de\n\n"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("[Passwort]({static}../../../../../../etc/passwd)", "content/pages/seite.md:6: (link): {static}../../"),
        ("![x]({static}/../secret.png)", "leads outside the content folder"),
        ("[x]({attach}../../x.pdf)", "content/pages/seite.md:6: (link): {attach} links are not used on this site"),
        ("[x](|static|../../etc/passwd)", "leads outside the content folder"),
        ("[x]({static}images/nothere.png)", "there is no file images/… of that name"),
        ("[x]({filename}../../../etc/hosts.md)", "leads outside the content folder"),
    ],
    ids=["static-dotdot", "static-root-dotdot", "attach", "old-syntax", "missing-static", "filename-dotdot"],
)
def test_links_to_files_outside_the_content_folder_are_refused(workspace: Workspace, body: str, expected: str) -> None:
    workspace.write("content/pages/seite.md", PAGE + "Text.\n" + body + "\n")
    before = workspace.snapshot()
    message = assert_refused(workspace, workspace.build(), before, expected, "was left as it was")
    assert "root:" not in message


@pytest.mark.parametrize(
    ("link", "target", "expected"),
    [
        ("data/members/fremd.yaml", "/etc/hostname", "data/members/fremd.yaml:1: (file): this is a symbolic link"),
        ("data/events/2028", "/etc", "data/events/2028:1: (file): this is a symbolic link"),
        ("content/pages/fremd.md", "/etc/hostname", "content/pages/fremd.md:1: (file): this is a symbolic link"),
        ("content/images/fremd.png", "/etc/passwd", "content/images/fremd.png:1: (file): this is a symbolic link"),
        ("content/pages/kreis", ".", "content/pages/kreis:1: (file): this is a symbolic link"),
    ],
    ids=["data-file", "year-folder", "markdown", "image", "loop"],
)
def test_symbolic_links_are_not_followed(workspace: Workspace, link: str, target: str, expected: str) -> None:
    os.symlink(target, workspace.root / link)
    before = workspace.snapshot()
    assert_refused(workspace, workspace.build(), before, expected, "replace the link by a copy")


@pytest.mark.parametrize(
    ("file", "text", "expected"),
    [
        ("content/images/seite.html", "<script>alert(1)</script>", "files of type '.html' are not published"),
        ("content/images/x.js", "alert(1)", "files of type '.js' are not published"),
        (
            "content/images/logo.svg",
            '<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)</script></svg>',
            "content/images/logo.svg:2: (file): the SVG contains a <script> element",
        ),
        (
            "content/images/logo.svg",
            '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
            "the SVG has an event attribute 'onload'",
        ),
        (
            "content/images/logo.svg",
            '<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink">'
            '<image x:href="https://tracker.example/p.png"/></svg>',
            "the SVG refers to 'https://tracker.example/p.png'",
        ),
        (
            "content/images/logo.svg",
            '<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><svg>&b;</svg>',
            "declares a DOCTYPE or entities",
        ),
        ("content/notes.md", "Title: x\n", "content/notes.md:1: (file): files here are not published"),
        ("content/pages/seite.rst", "Title\n=====\n", "only Markdown files ending in .md are read here"),
        ("data/members/notizen.txt", "x", "data/members/notizen.txt:1: (file name): only .yaml files are read here"),
        ("data/readme.md", "x", "data/readme.md:1: (file name): this file is not read"),
        (
            "content/images/plakat.png",
            "<html><script>alert(1)</script></html>",
            "content/images/plakat.png:1: (file): the file is not a PNG file, although its name ends in .png",
        ),
        ("content/images/programm.pdf", "<html></html>", "the file is not a PDF file"),
    ],
    ids=[
        *("html", "script", "svg-script", "svg-onload", "svg-tracker", "svg-entities", "stray-md", "rst", "txt"),
        *("md", "page-as-png", "page-as-pdf"),
    ],
)
def test_files_that_could_run_or_would_vanish_are_refused(
    workspace: Workspace, file: str, text: str, expected: str
) -> None:
    workspace.write(file, text)
    before = workspace.snapshot()
    assert_refused(workspace, workspace.build(), before, expected)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Title: Seite\nSlug: javascript:alert(1)\nLang: de\n", "Slug: 'javascript:alert(1)' is not a valid slug"),
        ("Title: Seite\nSlug: ../../x\nLang: de\n", "Slug: '../../x' is not a valid slug"),
        ("Title:\nSlug: seite\nLang: de\n", "content/pages/seite.md:1: Title: 'Title:' is missing or empty"),
        ("Slug: seite\nLang: de\n", "content/pages/seite.md:1: Title: 'Title:' is missing or empty"),
        ("Title: Seite\nSlug: seite\nLang: de\nSave_as: ../../x.html\n", "Save_as: unknown field 'Save_as'"),
        ("Title: Seite\nSlug: seite\nLang: de\nTemplate: base\n", "Template: unknown field 'Template'"),
        ("Title: Seite\nSlug: seite\nLang: de\nMenu: main\nOrder: abc\n", "seite.md:5: Order: 'abc' is not a whole"),
        ("Title: Seite\nSlug: seite\nLang: de\nMenu: sidebar\n", "Menu: 'sidebar' is not a menu"),
        ("Title: Seite\nSlug: seite\nLang: de\nTitle: Noch einer\n", "seite.md:4: Title: 'Title:' is given twice"),
        ("Title: Seite\nSlug: seite\nLang: de\nStatus: Draft\n", "seite.md:4: Status: 'Draft' is not a status: did"),
        ("Title: Seite\nSlug: seite\nLang: de\nStatus: hidden\n", "write 'Status: draft' to keep the file off"),
        ("Title: Seite\nSlug: seite\nLang: de\nDate: 31.04.2026\n", "'31.04.2026' is not a date that exists"),
        ("Title: Seite\nSlug: seite\nLang: de\nDate: 12/01/2026\n", "could be read two ways (day/month or month/day)"),
        ("Title: Seite\nSlug: seite\nLang: de\nDate: 01.12.26\n", "write the year with four digits"),
    ],
    ids=[
        *("javascript-slug", "dotdot-slug", "empty-title", "no-title", "save-as", "template", "order", "menu"),
        *("twice", "status-case", "status-unknown", "no-such-day", "slashes", "short-year"),
    ],
)
def test_page_metadata_is_checked(workspace: Workspace, header: str, expected: str) -> None:
    workspace.write("content/pages/seite.md", header + "\nText.\n")
    before = workspace.snapshot()
    assert_refused(workspace, workspace.build(), before, expected)


def test_an_unknown_language_on_a_translated_page_names_file_and_line(workspace: Workspace) -> None:
    workspace.edit("content/pages/about.en.md", "Lang: en", "Lang: xx")
    before = workspace.snapshot()
    assert_refused(
        workspace,
        workspace.build(),
        before,
        "content/pages/about.en.md:3: Lang: 'xx' is not one of the site's languages (de, en, ar in data/network.yaml)",
    )


def test_every_data_and_content_problem_is_listed_together(workspace: Workspace) -> None:
    workspace.write(
        "content/pages/seite.md", "Title:\nSlug: Seite!\nLang: xx\nOrder: zwei\n\n[x]({static}../../etc/passwd)\n"
    )
    workspace.edit("data/members/verein.yaml", 'type: "migrant-organisation"', 'typ: "verein"')
    before = workspace.snapshot()
    message = assert_refused(workspace, workspace.build(), before, "The data and content have 7 problems:")
    for fragment in (
        "content/pages/seite.md:1: Title:",
        "content/pages/seite.md:2: Slug:",
        "content/pages/seite.md:3: Lang:",
        "content/pages/seite.md:4: Order:",
        "content/pages/seite.md:6: (link):",
        "data/members/verein.yaml:1: type: required field 'type' is missing",
        "data/members/verein.yaml:2: typ: unknown field 'typ'",
    ):
        assert fragment in message
    assert workspace.validate().stdout + workspace.validate().stderr == message.replace(
        "Fix them and build again; " + str(workspace.output) + " was left as it was.", "Fix them and check again."
    )


def test_wrong_command_line_values_are_explained(workspace: Workspace) -> None:
    before = workspace.snapshot()
    assert_refused(
        workspace, workspace.build("--today", "2026-02-30"), before, "--today 2026-02-30: there is no such day"
    )
    assert_refused(workspace, workspace.build("--today", "30.11.2026"), before, "write the date as YYYY-MM-DD")
    os.rename(workspace.content, workspace.root / "content-moved")
    before = workspace.snapshot()
    assert_refused(workspace, workspace.build(), before, "content:1: (folder): the content folder does not exist")


def test_many_problems_show_the_first_fifty_and_a_count(workspace: Workspace) -> None:
    for number in range(120):
        workspace.write(f"data/members/neu-{number:03d}.yaml", 'name: "Neu"\ntype: "verein"\n')
    before = workspace.snapshot()
    message = assert_refused(workspace, workspace.build(), before, "The data has 360 problems:", "… and 310 more")
    assert len([line for line in message.splitlines() if line.startswith("  data/")]) == 50


def test_a_former_members_contact_person_is_no_longer_published(workspace: Workspace) -> None:
    workspace.edit("data/members/koordination.yaml", 'joined: "', 'left: "2026-06-30"\njoined: "')
    result = workspace.build()
    assert result.returncode == 0, result.stdout + result.stderr
    for prefix in ("", "en/", "ar/"):
        page = (workspace.output / prefix / "members" / "koordination" / "index.html").read_text(encoding="utf-8")
        text = BeautifulSoup(page, "html.parser").get_text(" ")
        assert "Erika Muster" not in text and "erika" not in page.lower()
    assert "Erika Muster" not in "".join(p.read_text(encoding="utf-8") for p in workspace.output.rglob("*.html"))


def test_calendar_and_feed_text_is_plain_text_never_html(workspace: Workspace) -> None:
    from icalendar import Calendar

    workspace.edit(
        "data/events/2026/sprachcafe.yaml",
        'venue: "zentrum"',
        'venue: "zentrum"\ndescription: "Mit <script>alert(1)</script> **Tee** und [Anmeldung](https://anmeldung.example/x)."',
    )
    result = workspace.build()
    assert result.returncode == 0, result.stdout + result.stderr
    calendar = Calendar.from_ical((workspace.output / "calendar" / "netzwerk.ics").read_bytes())
    event = next(c for c in calendar.walk("VEVENT") if str(c["UID"]).startswith("sprachcafe@") and "RRULE" in c)
    description = str(event["DESCRIPTION"])
    assert description.startswith("Mit Tee und Anmeldung (https://anmeldung.example/x).")
    assert "<" not in description and "**" not in description and "script" not in description
    page = (workspace.output / "events" / "sprachcafe" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in page and "<strong>Tee</strong>" in page


# -- the site's own addresses, invisible characters anywhere, years and long reports ----------------------


@pytest.mark.parametrize(
    ("file", "text", "expected"),
    [
        ("content/pages/seite.md", "Title: Seite\nSlug: events\nLang: de\n\nText.\n", "seite.md:2: Slug: 'events' is"),
        ("content/pages/seite.md", "Title: Seite\nSlug: en\nLang: de\n\nText.\n", "'en' is a language code"),
        ("content/pages/seite.md", "Title: Seite\nSlug: subscribe\nLang: de\n\nText.\n", "Slug: 'subscribe' is"),
        (
            "content/info-mail/receive.md",
            "Title: Infomail\nSlug: receive\nLang: de\nDate: 2026-10-01\n\nText.\n",
            "receive.md:2: Slug: 'receive' is the address of one of the site's own pages",
        ),
        (
            "data/events/2026/calendar.yaml",
            'title: "Kalender"\ncategory: "other"\nstart: "2026-12-01"\nlocation: "Erfurt"\n',
            "data/events/2026/calendar.yaml:1: (file name): 'calendar' is the address of one of the site's own pages",
        ),
        (
            "data/members/filter.yaml",
            'name: "Filter e. V."\ntype: "association"\njoined: "2020-01-01"\n',
            "data/members/filter.yaml:1: (file name): 'filter' is the address",
        ),
    ],
    ids=["page-events", "page-language", "page-subscribe", "mail-receive", "event-calendar", "member-filter"],
)
def test_a_name_the_site_uses_for_its_own_pages_is_refused_by_check_and_build(
    workspace: Workspace, file: str, text: str, expected: str
) -> None:
    workspace.write(file, text)
    before = workspace.snapshot()
    assert_refused(workspace, workspace.validate(), before, expected)
    assert_refused(workspace, workspace.build(), before, expected, "was left as it was")


def test_the_site_s_own_top_level_addresses_are_all_reserved(good_output) -> None:
    """Every folder the build makes at the top is a reserved name, a language or a page's slug."""
    from netzwerk_data.values import SITE_SECTIONS, language_codes

    slugs = set()
    for page in (FIXTURE / "content" / "pages").glob("*.md"):
        slugs |= {line.split(":", 1)[1].strip() for line in page.read_text().splitlines() if line.startswith("Slug:")}
    folders = {p.name for p in good_output.iterdir() if p.is_dir()}
    assert folders - slugs - language_codes() <= SITE_SECTIONS, folders - slugs - language_codes() - SITE_SECTIONS


def test_a_day_outside_the_years_the_site_shows_is_explained(workspace: Workspace) -> None:
    before = workspace.snapshot()
    for day in ("9999-12-31", "0001-01-01"):
        assert_refused(workspace, workspace.build("--today", day), before, "the site shows the years 1900 to 2199")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ein \x00 Zeichen.\n", "seite.md:5: (text): this line contains the control character U+0000"),
        ("[Link](https://ex\u202eample.com/)\n", "seite.md:5: (text): this line contains the invisible character"),
        ("Null\u200bbreite.\n", "U+200B (ZERO WIDTH SPACE) at position 5"),
    ],
    ids=["nul", "override-in-link", "zero-width"],
)
def test_invisible_characters_in_markdown_are_named_not_dropped(workspace: Workspace, text: str, expected: str) -> None:
    workspace.write("content/pages/seite.md", PAGE + text)
    before = workspace.snapshot()
    assert_refused(workspace, workspace.build(), before, expected)


def test_invisible_characters_in_file_names_are_named_and_never_shown_raw(workspace: Workspace) -> None:
    workspace.write("content/pages/sei\u202ete.md", PAGE + "Text.\n")
    workspace.write("data/members/ver\u200bein-zwei.yaml", 'name: "Zwei"\ntype: "association"\njoined: "2020-01-01"\n')
    before = workspace.snapshot()
    message = assert_refused(
        workspace,
        workspace.build(),
        before,
        "content/pages/sei<U+202E>te.md:1: (file name): the file name contains the invisible character U+202E",
        "data/members/ver<U+200B>ein-zwei.yaml:1: (file name): 'ver<U+200B>ein-zwei' is not a valid id",
    )
    assert "\u202e" not in message and "\u200b" not in message


def test_a_title_of_only_invisible_characters_is_empty(workspace: Workspace) -> None:
    workspace.write("content/pages/seite.md", "Title: \u00ad\nSlug: seite\nLang: de\n\nText.\n")
    before = workspace.snapshot()
    assert_refused(workspace, workspace.build(), before, "seite.md:1: Title: 'Title:' is missing or empty")


def test_a_member_with_a_mistake_causes_no_false_problem_elsewhere(workspace: Workspace) -> None:
    workspace.edit("data/members/koordination.yaml", 'type: "welfare"', 'type: "nope"')
    before = workspace.snapshot()
    message = assert_refused(workspace, workspace.build(), before, "data/members/koordination.yaml:2: type:")
    assert "is not a member of this group" not in message and "sprache.yaml" not in message, message


def test_a_file_with_thousands_of_problems_leaves_room_for_the_others(workspace: Workspace) -> None:
    workspace.write(
        "data/members/viele.yaml",
        'name: "Viele"\ntype: "association"\njoined: "2020-01-01"\n'
        + "".join(f"feld{number}: 1\n" for number in range(3000)),
    )
    workspace.edit("data/members/verein.yaml", "type: ", "typ: ")
    before = workspace.snapshot()
    message = assert_refused(workspace, workspace.build(), before, "(2991 more in data/members/viele.yaml)")
    assert "data/members/verein.yaml:" in message, message
    assert len([line for line in message.splitlines() if line.startswith("  data/")]) <= 50
