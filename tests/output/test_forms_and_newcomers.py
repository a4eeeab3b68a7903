"""The forms that open the visitor's e-mail program, the newcomer's entry on the homepage and the page in
Leichte Sprache, in Chromium (German and Arabic): a mistake is named and focused, a correct proposal
becomes a mailto: link whose YAML block passes `invoke validate` in a copy of the data, the page without
JavaScript says what to write, and the homepage's offer × language links list exactly the right members."""

from __future__ import annotations

import contextlib
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlsplit

import pytest
import sitekit
from bs4 import BeautifulSoup

REPO_ROOT = sitekit.REPO_ROOT
# The longest mailto: address the form writes (plugins/netzwerk_site/forms.py says why).
MAILTO_LIMIT = 2000
YAML_BLOCK = re.compile(r"-----[^\n]*data/events/(\d{4})/([a-z0-9-]+)\.yaml -----\n(.*?)----- end -----", re.S)


@contextlib.contextmanager
def tab(browser, javascript: bool = True, locale: str = "de-DE") -> Iterator:
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale=locale, java_script_enabled=javascript
    )
    context.set_default_timeout(15_000)
    sitekit.block_non_local(context)
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()


def mail_of(page) -> tuple[str, str]:
    """(subject, body) of the prepared mailto: link."""
    href = page.locator(".mail-link").get_attribute("href")
    assert href.startswith("mailto:netzwerk@")
    query = parse_qs(urlsplit(href).query)
    return query["subject"][0], query["body"][0]


def fill_event(page) -> None:
    page.fill("#f-title", "Sommerfest der Kulturen")
    page.select_option("#f-category", "network-cafe")
    page.fill("#f-start-date", "2027-07-03")
    page.fill("#f-start-time", "15:00")
    page.fill("#f-end-time", "18:00")
    page.select_option("#f-venue", "zim")
    page.check("#f-languages-ar")
    page.check("#f-audience-public")
    page.fill("#f-description", "Musik, Essen und Gespräche.\nAlle sind willkommen.")
    page.fill("#f-sender-name", "Erika Muster")


@pytest.mark.parametrize("prefix", ["", "ar/"])
def test_event_form_names_a_mistake_then_opens_mail_with_valid_yaml(
    browser, default_site, serve_site, tmp_path, prefix
):
    base = serve_site(default_site)
    with tab(browser) as page:
        page.goto(f"{base}/{prefix}propose-event/")
        assert page.locator(".form-nojs").is_hidden()
        fill_event(page)
        page.fill("#f-online", "nicht eine adresse")  # the mistake
        page.click("form.mail-form button[type=submit]")
        summary = page.locator("#error-summary")
        assert summary.is_visible()
        assert page.evaluate("document.activeElement.id") == "error-summary"
        online_label = page.locator("label[for=f-online]").inner_text().strip()
        assert online_label in summary.inner_text()
        assert page.get_attribute("#f-online", "aria-invalid") == "true"
        assert "f-online-error" in page.get_attribute("#f-online", "aria-describedby")
        assert page.locator(".mail-preview").is_hidden()

        page.fill("#f-online", "")
        page.click("form.mail-form button[type=submit]")
        assert page.locator("#error-summary").is_hidden()
        assert page.locator(".mail-preview").is_visible()
        assert page.evaluate("document.activeElement.id") == "mail-preview-heading"
        subject, body = mail_of(page)
        assert "Sommerfest der Kulturen" in subject
        shown = page.locator(".mail-body").text_content()
        href = page.locator(".mail-link").get_attribute("href")
        if page.locator(".too-long").is_visible():
            # Arabic letters take six characters each in a mailto: address; past the limit the link only
            # asks to paste, and the page says to copy the text it shows.
            assert len("mailto:?body=" + quote(shown)) > MAILTO_LIMIT and body != shown
            body = shown
        else:
            assert body == shown and len(href) <= MAILTO_LIMIT
        found = YAML_BLOCK.search(body)
        assert found, body
        year, event_id, yaml_text = found.groups()
    assert (year, event_id) == ("2027", "sommerfest-der-kulturen-2027-07-03")

    data = tmp_path / "data"
    shutil.copytree(REPO_ROOT / "data", data)
    (data / "events" / year / f"{event_id}.yaml").write_text(yaml_text, encoding="utf-8")
    command = [sys.executable, "-m", "invoke", "validate", "--data", str(data), "--content", str(REPO_ROOT / "content")]
    done = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr


def test_event_form_refuses_a_taken_id_and_an_end_before_start(browser, default_site, serve_site):
    taken = sorted(p.stem for p in (REPO_ROOT / "data" / "events").rglob("*.yaml"))[0]
    with tab(browser) as page:
        page.goto(f"{serve_site(default_site)}/propose-event/")
        fill_event(page)
        page.fill("#f-end-time", "14:00")
        page.fill("#f-id", taken)
        page.click("form.mail-form button[type=submit]")
        errors = page.locator("#error-summary li").all_inner_texts()
        assert len(errors) == 2, errors
        assert page.locator("#f-id").get_attribute("aria-invalid") == "true"
        assert page.locator("#f-end-time").get_attribute("aria-invalid") == "true"


def test_member_form_sends_only_the_changes(browser, default_site, serve_site):
    with tab(browser) as page:
        page.goto(f"{serve_site(default_site)}/change-member/")
        page.select_option("#f-member", "afghanische-gemeinde-thueringen")
        assert page.input_value("#f-name") == "Afghanische Gemeinde Thüringen e. V."
        page.fill("#f-sender-name", "Nadia Rahimi")
        page.fill("#f-sender-email", "nadia@example.org")
        page.click("form.mail-form button[type=submit]")  # nothing changed yet
        assert page.evaluate("document.activeElement.id") == "error-summary"
        page.fill("#f-phone", "+49 361 5559999")
        page.check("#f-offers-housing")
        page.click("form.mail-form button[type=submit]")
        _subject, body = mail_of(page)
        block = body.split("data/members/afghanische-gemeinde-thueringen.yaml -----\n")[1]
        assert block.startswith('phone: "+49 361 5559999"\noffers:\n')
        assert "name:" not in block


@pytest.mark.parametrize("path", ["propose-event/", "change-member/", "en/propose-event/"])
def test_without_javascript_the_page_says_what_to_write(browser, default_site, serve_site, path):
    with tab(browser, javascript=False) as page:
        page.goto(f"{serve_site(default_site)}/{path}")
        assert page.locator(".form-nojs").is_visible()
        assert page.locator("form.mail-form").is_hidden()
        assert "[at]" in page.locator(".form-nojs").inner_text()
    html = (default_site / path / "index.html").read_text(encoding="utf-8")
    assert "mailto:" not in html


def _member_facts(site: Path, member_href: str) -> tuple[set[str], set[str]]:
    """(offers, languages) of a member as its card in the directory says (data attributes)."""
    document = BeautifulSoup((site / "members" / "index.html").read_text(encoding="utf-8"), "html.parser")
    for card in document.select(".member-card"):
        if card.h3.a["href"].rstrip("/").rsplit("/", 1)[-1] == member_href:
            return set(card["data-offers"].split()), set(card["data-languages"].split())
    raise AssertionError(member_href)


def test_newcomer_links_lead_to_exactly_the_matching_members(browser, default_site, serve_site):
    home = BeautifulSoup((default_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = home.select(".newcomer-languages a")
    assert links, "no newcomer links on the homepage"
    pairs = [(a["data-offer"], a["data-language"], a["href"]) for a in links]
    assert all(href == f"members/?offer={o}&language={lang}" for o, lang, href in pairs)
    base = serve_site(default_site)
    with tab(browser) as page:
        for offer, language, href in pairs[:: max(1, len(pairs) // 8)]:
            page.goto(f"{base}/{href}")
            shown = page.locator(".member-card:visible h3 a").evaluate_all(
                "links => links.map(a => a.getAttribute('href').split('/').filter(Boolean).pop())"
            )
            assert shown, (offer, language)
            for member in shown:
                offers, languages = _member_facts(default_site, member)
                assert offer in offers and language in languages, (member, offer, language)
            assert page.input_value("#filter-offer") == offer
            assert page.input_value("#filter-language") == language
            assert parse_qs(urlsplit(page.url).query) == {"offer": [offer], "language": [language]}


def test_member_cards_name_their_languages_in_the_readers_language(default_site):
    arabic = BeautifulSoup((default_site / "ar" / "members" / "index.html").read_text(encoding="utf-8"), "html.parser")
    card = next(c for c in arabic.select(".member-card") if "ar" in c["data-languages"].split())
    assert "العربية" in card.select_one(".card-languages").get_text()


@pytest.mark.parametrize("prefix", ["", "en/", "ar/"])
def test_every_page_links_leichte_sprache(default_site, prefix):
    for page in ["", "members/", "events/"]:
        document = BeautifulSoup(
            (default_site / prefix / page / "index.html").read_text(encoding="utf-8"), "html.parser"
        )
        link = document.select_one("footer a.easy-read-link")
        assert link and link.get_text() == "Leichte Sprache"
        target = (default_site / prefix / page / unquote(link["href"])).resolve()
        assert target == (default_site / "leichte-sprache").resolve()
        if prefix:
            assert link["hreflang"] == "de" and link["lang"] == "de"
    easy = BeautifulSoup((default_site / "leichte-sprache" / "index.html").read_text(encoding="utf-8"), "html.parser")
    headings = [h.get_text() for h in easy.select(".easy-read h2")]
    assert any("Internet-Seite" in h for h in headings) and any("Gebärden" in h for h in headings)
