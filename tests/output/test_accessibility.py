"""Accessibility of one page of each page type, in German (site root) and
Arabic (ar/), on both built sites, checked in Debian's Chromium:

* axe-core (npm axe-core) with the WCAG 2.0/2.1 A and AA rules: no violations;
* <html lang> is the page's language, dir="rtl" exactly under ar/;
* exactly one <h1>;
* the first focusable element is a skip link whose target exists, Tab
  focuses it, it is then visible with a focus indicator, and Enter follows it;
* at 320 CSS px wide the page does not scroll sideways (WCAG 1.4.10 Reflow).
"""

from __future__ import annotations

import pytest
import sitekit

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LANGS = ["de", "ar"]
CASES = [(lang, page_type) for lang in LANGS for page_type in sitekit.PAGE_TYPES]
CASE_IDS = [f"{lang}-{page_type}" for lang, page_type in CASES]


def page_url(site, base_url, lang, page_type) -> str:
    """URL of the discovered page of this type; every site must have every page type."""
    found = sitekit.find_page(site, lang, page_type)
    if found is None:
        where = f"{sitekit.language_prefix(lang) or '/'} of {site}"
        pytest.fail(f"no {page_type} page (index.html) found in {where}", pytrace=False)
    return base_url + sitekit.url_path(site, found)


@pytest.mark.parametrize(("lang", "page_type"), CASES, ids=CASE_IDS)
def test_axe_no_violations(built_site, built_site_url, page, axe_script, lang, page_type):
    url = page_url(built_site, built_site_url, lang, page_type)
    response = page.goto(url)
    assert response is not None and response.ok, f"{url}: HTTP {response and response.status}"
    page.add_script_tag(path=str(axe_script))
    result = page.evaluate(
        """async (tags) => {
            const r = await axe.run(document, {
                runOnly: {type: 'tag', values: tags},
                resultTypes: ['violations'],
            });
            return {
                passes: r.passes.length,
                violations: r.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help, count: v.nodes.length,
                    target: v.nodes.length ? JSON.stringify(v.nodes[0].target) : '',
                })),
            };
        }""",
        AXE_TAGS,
    )
    # resultTypes only trims the nodes of other results; a run that checked
    # nothing at all would mean axe did not see the page.
    assert result["passes"] > 0, f"axe reported no passing rule on {url}"
    lines = [
        f"  {v['id']} ({v['impact']}): {v['help']}  [{v['count']}x, first: {v['target']}]" for v in result["violations"]
    ]
    assert not result["violations"], f"axe violations on {url}:\n" + "\n".join(lines)


STRUCTURE_CASES = [*CASES, ("en", "home")]
STRUCTURE_IDS = [f"{lang}-{page_type}" for lang, page_type in STRUCTURE_CASES]

_FIRST_FOCUSABLE_JS = """() => {
    const sel = 'a[href], area[href], button, input, select, textarea, summary, iframe, '
              + '[tabindex], [contenteditable=""], [contenteditable="true"]';
    for (const el of document.querySelectorAll(sel)) {
        if (el.disabled || el.tabIndex < 0) continue;
        if (el.type === 'hidden') continue;
        if (el.closest('[hidden], [inert]')) continue;
        const cs = getComputedStyle(el);
        if (cs.visibility === 'hidden' || cs.display === 'none') continue;
        if (!el.getClientRects().length) continue;   // display:none ancestor
        el.setAttribute('data-first-focusable', '1');
        return el.outerHTML.slice(0, 200);
    }
    return null;
}"""

_FOCUSED_JS = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const cs = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    const href = el.getAttribute('href') || '';
    let target = null;
    if (href.startsWith('#') && href.length > 1) {
        const id = decodeURIComponent(href.slice(1));
        target = document.getElementById(id) || document.getElementsByName(id)[0] || null;
    }
    return {
        html: el.outerHTML.slice(0, 200),
        tag: el.tagName.toLowerCase(),
        href: href,
        isFirstFocusable: el.getAttribute('data-first-focusable') === '1',
        targetExists: target !== null,
        targetAfterLink: target !== null
            && !!(el.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING),
        outlineStyle: cs.outlineStyle,
        outlineWidth: parseFloat(cs.outlineWidth) || 0,
        boxShadow: cs.boxShadow,
        rect: {x: r.x, y: r.y, w: r.width, h: r.height},
        viewport: {w: innerWidth, h: innerHeight},
    };
}"""


@pytest.mark.parametrize(("lang", "page_type"), STRUCTURE_CASES, ids=STRUCTURE_IDS)
def test_page_structure(built_site, built_site_url, page, lang, page_type):
    url = page_url(built_site, built_site_url, lang, page_type)
    response = page.goto(url)
    assert response is not None and response.ok, f"{url}: HTTP {response and response.status}"

    root = page.evaluate(
        """() => ({lang: document.documentElement.getAttribute('lang'),
                   dir: document.documentElement.getAttribute('dir'),
                   h1: document.querySelectorAll('h1').length})"""
    )
    assert root["lang"] == lang, f"{url}: <html lang={root['lang']!r}>, expected {lang!r}"
    if lang == "ar":
        assert root["dir"] == "rtl", f"{url}: <html dir={root['dir']!r}>, expected 'rtl'"
    else:
        assert (root["dir"] or "ltr").lower() == "ltr", f"{url}: <html dir={root['dir']!r}>"
    assert root["h1"] == 1, f"{url}: {root['h1']} <h1> elements, expected exactly one"

    first = page.evaluate(_FIRST_FOCUSABLE_JS)
    assert first is not None, f"{url}: no focusable element at all"

    page.keyboard.press("Tab")
    focused = page.evaluate(_FOCUSED_JS)
    assert focused is not None, f"{url}: Tab focused nothing"
    assert focused["isFirstFocusable"], (
        f"{url}: Tab focused {focused['html']!r}, but the first focusable element is {first!r}"
    )
    assert focused["tag"] == "a" and focused["href"].startswith("#") and len(focused["href"]) > 1, (
        f"{url}: the first focusable element is not a skip link (<a href='#...'>): {focused['html']!r}"
    )
    assert focused["targetExists"], f"{url}: skip link target {focused['href']!r} does not exist"
    assert focused["targetAfterLink"], f"{url}: skip link target {focused['href']!r} is before the link"

    has_outline = focused["outlineStyle"] != "none" and focused["outlineWidth"] > 0
    has_shadow = focused["boxShadow"] not in ("", "none")
    assert has_outline or has_shadow, (
        f"{url}: focused skip link has no focus indicator "
        f"(outline {focused['outlineStyle']} {focused['outlineWidth']}px, box-shadow {focused['boxShadow']})"
    )
    rect, vp = focused["rect"], focused["viewport"]
    visible = (
        rect["w"] > 1
        and rect["h"] > 1
        and rect["x"] + rect["w"] > 0
        and rect["y"] + rect["h"] > 0
        and rect["x"] < vp["w"]
        and rect["y"] < vp["h"]
    )
    assert visible, f"{url}: the focused skip link is not visible on screen: {rect}"

    page.keyboard.press("Enter")
    hash_now = page.evaluate("() => location.hash")
    assert hash_now == focused["href"], (
        f"{url}: Enter on the skip link did not go to {focused['href']!r} (location.hash {hash_now!r})"
    )


@pytest.mark.parametrize(("lang", "page_type"), CASES, ids=CASE_IDS)
def test_reflow_without_horizontal_scrolling(built_site, built_site_url, page, lang, page_type):
    """WCAG 1.4.10 (AA): at 320 CSS px wide nothing may need horizontal
    scrolling. In RTL, content pushed off to the left (a skip link hidden
    with `left: -999px`) also counts: the page can be scrolled there."""
    url = page_url(built_site, built_site_url, lang, page_type)
    page.set_viewport_size({"width": 320, "height": 740})
    response = page.goto(url)
    assert response is not None and response.ok, f"{url}: HTTP {response and response.status}"
    sizes = page.evaluate(
        """() => {
            const root = document.documentElement;
            const rtl = getComputedStyle(root).direction === 'rtl';
            const width = root.clientWidth;
            const wide = [];
            for (const el of document.body.querySelectorAll('*')) {
                const r = el.getBoundingClientRect();
                if (!r.width) continue;
                const out = rtl ? r.left < -1 : r.right > width + 1;
                const spills = el.scrollWidth > el.clientWidth + 1
                    && getComputedStyle(el).overflowX === 'visible';
                if (out || spills) {
                    wide.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                        + (el.classList.length ? '.' + [...el.classList].join('.') : '')
                        + ` [${Math.round(r.left)}..${Math.round(r.right)}`
                        + (spills ? `, content ${el.scrollWidth}px` : '') + ']');
                }
            }
            return {scroll: root.scrollWidth, client: width, wide: wide.slice(0, 8)};
        }"""
    )
    assert sizes["scroll"] <= sizes["client"], (
        f"{url}: at 320px the page is {sizes['scroll']}px wide (scrolls sideways); "
        f"elements outside the viewport: {sizes['wide']}"
    )
