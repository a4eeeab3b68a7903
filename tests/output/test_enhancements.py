"""The small script: e-mail links appear for people, member filters combine in place."""

from __future__ import annotations

from pathlib import Path


def test_protected_addresses_become_mail_links(fixture_site: Path, serve_site, page) -> None:
    page.goto(serve_site(fixture_site) + "/members/koordination/")
    links = page.locator("main a[href^='mailto:']")
    assert sorted(links.evaluate_all("nodes => nodes.map(n => n.getAttribute('href'))")) == [
        "mailto:erika@koordination.example",
        "mailto:info@koordination.example",
    ]
    assert page.locator("main .email").count() == 0


def test_member_filters_combine_without_reloading(fixture_site: Path, serve_site, page) -> None:
    page.goto(serve_site(fixture_site) + "/members/")
    cards = page.locator(".member-card")
    visible = "nodes => nodes.filter(n => !n.hidden).map(n => n.querySelector('h3').textContent.trim())"
    assert len(cards.evaluate_all(visible)) == 3
    page.select_option("#filter-language", "ar")
    assert cards.evaluate_all(visible) == ["Sprachschule Anger", "Syrischer Kulturverein"]
    page.select_option("#filter-group", "sprache")
    assert cards.evaluate_all(visible) == ["Sprachschule Anger"]
    assert page.locator(".filter-status").text_content() == "1 von 3 Mitgliedern angezeigt"
    page.select_option("#filter-language", "")
    assert cards.evaluate_all(visible) == ["Koordinationsstelle e. V.", "Sprachschule Anger"]
    label = page.locator("label[for='filter-language']").text_content()
    assert label == "Nach Sprache"
