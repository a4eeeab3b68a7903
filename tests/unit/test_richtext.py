"""Editor Markdown and HTML: only harmless markup, protected e-mail addresses, plain text, linear time.

Checked with parsers independent of the code under test: BeautifulSoup (html.parser builder,
which nests every unclosed element to the end of the document) and a browser's reading of a
URL's scheme re-implemented here.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from html.parser import HTMLParser

import pytest
from bs4 import BeautifulSoup

from netzwerk_site.richtext import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    MAX_BLOCK_NESTING,
    plain_text,
    protect_emails,
    protected_email,
    render_markdown,
    sanitise,
)

ADDRESS = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")  # what a harvester would take for an address
PROTECTED = {"class", "dir", "data-rot13"}  # attributes of protected_email's spans


def browser_scheme(href: str) -> str:
    """The scheme a browser sees: '' for a relative URL, '//' for one naming another host."""
    url = href.strip("".join(chr(c) for c in range(0x21)))
    url = url.replace("\t", "").replace("\n", "").replace("\r", "")
    scheme = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", url)
    if scheme:
        return scheme.group(1).lower()
    return "//" if url[:2].replace("\\", "/") == "//" else ""


def parsed(html: str) -> BeautifulSoup:
    """The fragment followed by a marker: anything left open would contain the marker."""
    return BeautifulSoup(f'{html}<p id="after-the-fragment">rest of the page</p>', "html.parser")


class _Nesting(HTMLParser):
    """Every start tag has its end tag, properly nested (BeautifulSoup would close an open <a> at
    the end of its paragraph; a browser reopens it in every following one)."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.wrong: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag not in ("br", "hr"):
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open.pop() != tag:
            self.wrong.append(tag)


def assert_safe(html: str) -> BeautifulSoup:
    nesting = _Nesting()
    nesting.feed(html)
    nesting.close()
    assert not nesting.open and not nesting.wrong, f"open: {nesting.open[:5]}, misplaced end tags: {nesting.wrong[:5]}"
    tree = parsed(html)
    marker = tree.find(id="after-the-fragment")
    assert marker.parent is tree, f"an element is left open: {[p.name for p in marker.parents]}"
    for element in tree.find_all(True):
        if element is marker:
            continue
        assert element.name in ALLOWED_TAGS, element.name
        classes = element.get("class") or []
        if element.name == "span" and ("email" in classes or "at" in classes):
            allowed = PROTECTED
        else:
            allowed = ALLOWED_ATTRIBUTES.get(element.name, set()) | ({"rel"} if element.name == "a" else set())
        assert set(element.attrs) <= allowed, (element.name, element.attrs)
        if element.name == "a":
            assert "href" in element.attrs, "a link without address"
            assert browser_scheme(element["href"]) in {"http", "https", "tel", ""}, element["href"]
    return tree


# -- the regression: <abbr> taken for a link without address -----------------------------------


ABBR_THEN_LINK = (
    '<p>Der <abbr title="eingetragener Verein">e.V.</abbr> lädt ein. <a>kein Link</a> '
    '<a href="https://stranger.example/anmeldung">Anmeldung</a> bis Freitag.</p>'
    '<h2 id="danach">Danach</h2><p>Der Rest des Dokuments.</p>'
)


@pytest.mark.parametrize(
    "render",
    [sanitise, lambda html: str(render_markdown(html))],
    ids=["sanitise", "render_markdown"],
)
def test_an_abbr_does_not_leave_the_rest_of_the_document_inside_a_link(render: Callable[[str], str]) -> None:
    html = render(ABBR_THEN_LINK)
    tree = assert_safe(html)
    links = tree.find_all("a")
    assert [(a.get_text(), a["href"]) for a in links] == [("Anmeldung", "https://stranger.example/anmeldung")]
    assert html.count("<a ") == html.count("</a>") == 1
    assert tree.find("abbr", title="eingetragener Verein").get_text() == "e.V."
    for later in (tree.find("h2"), tree.find(string="Der Rest des Dokuments."), tree.find(string=" bis Freitag.")):
        assert later is not None and later.find_parent("a") is None
    assert "kein Link" in tree.get_text() and tree.find(string=re.compile("kein Link")).find_parent("a") is None


def test_markdown_with_abbr_and_links_keeps_each_link_to_its_text() -> None:
    text = (
        'Der <abbr title="Verein">e.V.</abbr> und [Anmeldung](https://example.org/a).\n\n'
        '<abbr title="x">A</abbr> <a title="ohne Adresse">B</a> [C](https://example.org/c)\n\n'
        "Letzter Absatz."
    )
    tree = assert_safe(str(render_markdown(text)))
    assert [(a.get_text(), a["href"]) for a in tree.find_all("a")] == [
        ("Anmeldung", "https://example.org/a"),
        ("C", "https://example.org/c"),
    ]
    assert tree.find(string="Letzter Absatz.").find_parent("a") is None


# -- links ----------------------------------------------------------------------------------------

REFUSED_HREFS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "  javascript:alert(1)",
    "\x01javascript:alert(1)",
    "jav&#x09;ascript:alert(1)",
    "jav&#10;ascript:alert(1)",
    "java\nscript:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;&#x61;&#x76;&#x61;script:alert(1)",
    "javascript&colon;alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "DATA:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "//evil.example/",
    "\\\\evil.example/",
    "/\\evil.example/",
    "\t//evil.example/",
    "",
]


@pytest.mark.parametrize("href", REFUSED_HREFS)
def test_a_refused_link_address_leaves_only_the_text(href: str) -> None:
    html = sanitise(f'<p>Vorher <a href="{href}" title="t">Klick</a> danach</p>')
    assert html == "<p>Vorher Klick danach</p>"


@pytest.mark.parametrize(
    "text",
    [
        "[Klick](javascript:alert(1))",
        "[Klick](JAVASCRIPT:alert(1))",
        "[Klick](<javascript:alert(1)>)",
        "[Klick]( javascript:alert(1) )",
        "[Klick](data:text/html,x)",
        "[Klick](vbscript:msgbox(1))",
        "[Klick](//evil.example/)",
        "[Klick][r]\n\n[r]: javascript:alert(1)",
        "<a href='javascript:alert(1)'>Klick</a>",
        '<a href="jav&#x09;ascript:alert(1)">Klick</a>',
        "<a href=javascript:alert(1)>Klick</a>",
    ],
)
def test_markdown_links_with_refused_addresses_keep_their_text(text: str) -> None:
    html = str(render_markdown(text))
    tree = assert_safe(html)
    assert tree.find("a") is None
    assert tree.get_text().startswith("Klick")
    assert "javascript" not in html.lower() or "javascript" in tree.get_text().lower()


def test_relative_links_stay_on_the_site() -> None:
    html = sanitise(
        '<a href="/kontakt/">a</a> <a href="../termine/">b</a> <a href="#anmeldung">c</a> '
        '<a href="{filename}/pages/about.md">d</a> <a href="https://example.org/">e</a> <a href="tel:+49361">f</a>'
    )
    assert [a["href"] for a in assert_safe(html).find_all("a")] == [
        "/kontakt/",
        "../termine/",
        "#anmeldung",
        "{filename}/pages/about.md",  # Pelican's link to another page, resolved after sanitising
        "https://example.org/",
        "tel:+49361",
    ]


# -- markup that must not survive --------------------------------------------------------------

DANGEROUS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    '<iframe src="https://evil.example/"></iframe>',
    "<svg onload=alert(1)><circle r=1 /></svg>",
    "<svg><script>alert(1)</script></svg>",
    '<p style="position:fixed;top:0" onclick="alert(1)">p</p>',
    '<a href="https://ok.example/" onmouseover="alert(1)" style="color:red" target="_blank">ok</a>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
    "<!--<img src=x onerror=alert(1)>-->",
    '<form action="https://evil.example/"><button formaction="javascript:alert(1)">b</button></form>',
    "<details open ontoggle=alert(1)>d</details>",
    '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example/">',
    '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
    "<style>body { display: none }</style>",
    '<p><b title="x" onfocus="alert(1)" autofocus tabindex="1">b</b></p>',
    "<textarea><script>alert(1)</script></textarea>",
    '<template><img src=x onerror="alert(1)"></template>',
]


@pytest.mark.parametrize("html", DANGEROUS)
@pytest.mark.parametrize(
    "render", [sanitise, lambda text: str(render_markdown(text))], ids=["sanitise", "render_markdown"]
)
def test_dangerous_markup_is_removed(render: Callable[[str], str], html: str) -> None:
    output = render(f"Vorher {html} nachher")
    tree = assert_safe(output)
    lowered = output.lower()
    assert "<script" not in lowered and "onerror" not in lowered and "style=" not in lowered
    assert "Vorher" in tree.get_text() and "nachher" in tree.get_text()


HARMLESS = (
    '<h2 id="ziele">Ziele</h2><h3 id="wege">Wege</h3><h4>Mittel</h4>'
    '<p>Der <abbr title="eingetragener Verein">e.V.</abbr> &amp; <strong>wir</strong> <em>laden</em> '
    '<code>a &lt; b</code> ein: <a href="https://example.org/?a=1&amp;b=2" title="Seite" '
    'rel="noopener noreferrer">Link</a><br>zweite&nbsp;Zeile <span>„Zitat“</span></p>'
    "<ul><li>eins</li><li>zwei<ol><li>drei</li></ol></li></ul>"
    '<table><thead><tr><th scope="col">Tag</th><th scope="col">Ort</th></tr></thead>'
    "<tbody><tr><td>Mo</td><td>Rathaus</td></tr></tbody></table>"
    "<blockquote><p>Gemeinsam</p></blockquote><pre><code>x = 1\n  y = 2\n</code></pre><hr><p>مرحبا</p>"
)


def test_harmless_markup_is_unchanged() -> None:
    assert sanitise(HARMLESS) == HARMLESS
    assert sanitise(sanitise(HARMLESS)) == HARMLESS


def test_markdown_headings_start_at_h2_and_lists_and_quotes_render() -> None:
    html = str(render_markdown("# Titel\n\n## Teil\n\n- a\n- b\n\n1. c\n2. d\n\n> z\n\n---\n\n`x<y`"))
    assert html == (
        "<h2>Titel</h2>\n<h2>Teil</h2>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<ol>\n<li>c</li>\n<li>d</li>\n</ol>\n"
        "<blockquote>\n<p>z</p>\n</blockquote>\n<hr>\n<p><code>x&lt;y</code></p>"
    )


def test_one_markdown_instance_keeps_nothing_from_the_previous_text() -> None:
    first = str(render_markdown("[Seite][ref]\n\n[ref]: https://example.org/\n\n*[x]: y"))
    assert '<a href="https://example.org/"' in first
    second = str(render_markdown("[Seite][ref] und [noch eine][ref]"))
    assert "<a " not in second and "[Seite][ref]" in second


# -- e-mail addresses --------------------------------------------------------------------------

EMAIL_TEXT = """Schreiben Sie an kontakt@netzwerk.example oder mailto:info@netzwerk.example.

- [die Koordination](mailto:koordination@netzwerk.example?subject=Frage&body=Hallo)
- [Groß](MAILTO:Gross%40Netzwerk.Example)
- <vorstand@netzwerk.example> und <mailto:kasse@netzwerk.example>
- [Liste](https://lists.example/join?mail=liste@netzwerk.example)
- [Seite](https://example.org/ "fragen Sie titel@netzwerk.example")
- `code@netzwerk.example` und müller@netzwerk.example, (klammer@netzwerk.example).

<a href="mailto:roh@netzwerk.example"><strong>roh</strong></a> <abbr title="abbr@netzwerk.example">A</abbr>
"""


def test_email_addresses_are_only_shown_protected() -> None:
    html = str(render_markdown(EMAIL_TEXT))
    assert_safe(html)
    assert "mailto" not in html.lower()
    tree = BeautifulSoup(html, "html.parser")
    assert not ADDRESS.search(tree.get_text()), ADDRESS.search(tree.get_text())
    without_rot13 = re.sub(r'data-rot13="[^"]*"', "", html)
    assert not ADDRESS.search(without_rot13), ADDRESS.search(without_rot13)
    for address in [
        "kontakt@netzwerk.example",
        "info@netzwerk.example",
        "koordination@netzwerk.example",
        "Gross@Netzwerk.Example",
        "vorstand@netzwerk.example",
        "kasse@netzwerk.example",
        "code@netzwerk.example",
        "müller@netzwerk.example",
        "klammer@netzwerk.example",
        "roh@netzwerk.example",
    ]:
        assert str(protected_email(address)) in html, address
    assert 'title="fragen Sie titel [at] netzwerk.example"' in html
    assert 'title="abbr [at] netzwerk.example"' in html
    assert tree.find(string="Liste") is not None and tree.find(string="Liste").find_parent("a") is None


def test_sixty_thousand_addresses_are_all_protected() -> None:
    text = " ".join(f"p{n}@v{n % 7}.de" for n in range(60_000))
    html = str(render_markdown(text))
    assert html.count('<span class="email"') == 60_000
    assert "p59999@v" not in html and str(protected_email(f"p59999@v{59_999 % 7}.de")) in html


def test_protect_emails_rewrites_sanitised_html() -> None:
    html = '<p><a href="mailto:a@b.example" rel="noopener noreferrer">a@b.example</a> und c@d.example</p>'
    assert protect_emails(html) == f"<p>{protected_email('a@b.example')} und {protected_email('c@d.example')}</p>"
    assert str(protected_email("anna@verein.example")) == (
        '<span class="email" dir="ltr" data-rot13="naan@irerva.rknzcyr">anna'
        '<span class="at"> [at] </span>verein.example</span>'
    )


# -- plain text ------------------------------------------------------------------------------------

REPRESENTATIVE = """# Netzwerktreffen im Dezember

Wir laden **alle Mitglieder** herzlich ein. Bitte meldet euch bis zum
*1. Dezember* an: [Anmeldung](https://example.org/anmeldung?id=1&amp;x=2) oder per
E-Mail an kontakt@netzwerk.example.

## Programm

1. Begrüßung
2. Berichte aus den AGs
    - Sprache
    - Arbeit
3. Ausblick auf 2027

- Ort: Rathaus, Raum&nbsp;101
- Eintritt: frei &ndash; Spenden willkommen

> Gemeinsam geht mehr.

Mehr unter <https://example.org/> und [https://example.org/faq](https://example.org/faq).
Schreiben Sie [uns](mailto:info@netzwerk.example?subject=Treffen) oder rufen Sie an: [0361 123](tel:+49361123).
Interne Seite: [Kontakt](/kontakt/). Gefährlich: [Klick](javascript:alert(1)).

<script>alert("x")</script><style>p { color: red }</style>
<b>fett</b> &amp; <abbr title="eingetragener Verein">e.V.</abbr> &lt;script&gt;kein Tag&lt;/script&gt;
Zeile eins
Zeile zwei

    Code bleibt
      wie er ist
""".replace("Zeile eins\n", "Zeile eins  \n")  # two spaces: a line break

REPRESENTATIVE_PLAIN = """Netzwerktreffen im Dezember

Wir laden alle Mitglieder herzlich ein. Bitte meldet euch bis zum 1. Dezember an: \
Anmeldung (https://example.org/anmeldung?id=1&x=2) oder per E-Mail an kontakt@netzwerk.example.

Programm

1. Begrüßung
2. Berichte aus den AGs
   - Sprache
   - Arbeit
3. Ausblick auf 2027

- Ort: Rathaus, Raum 101
- Eintritt: frei – Spenden willkommen

Gemeinsam geht mehr.

Mehr unter https://example.org/ und https://example.org/faq. Schreiben Sie uns (info@netzwerk.example) \
oder rufen Sie an: 0361 123 (+49361123). Interne Seite: Kontakt. Gefährlich: Klick.

fett & e.V. < script>kein Tag< /script> Zeile eins
Zeile zwei

Code bleibt
  wie er ist"""


def test_plain_text_of_a_representative_text() -> None:
    assert plain_text(REPRESENTATIVE) == REPRESENTATIVE_PLAIN


def test_plain_text_has_no_markup_and_is_deterministic() -> None:
    text = "<p onclick=x>a</p><img src=x onerror=alert(1)>\n\n<svg><style>b</style></svg> c &copy; &#x263A;"
    result = plain_text(text)
    assert result == "a\n\nc © ☺"
    assert plain_text(text) == result
    for hostile in DANGEROUS:
        assert not re.search(r"<[A-Za-z/!?]", plain_text(hostile))
    assert plain_text("") == ""


def test_plain_text_tables_and_numbered_lists() -> None:
    text = "<table><tr><th>Tag</th><th>Ort</th></tr><tr><td>Mo</td><td>Rathaus</td></tr></table>\n\n3. drei\n4. vier"
    assert plain_text(text) == "Tag | Ort\nMo | Rathaus\n\n1. drei\n2. vier"


# -- time linear in the input (about 1 MB each; 3 s is generous) ----------------------------------

SECONDS = 3.0
# A hundred kilobytes of ordinary Markdown: how fast this machine is right now (the suite runs other
# work beside these tests, and CI machines differ). The budget grows with it, and stays far below the
# minutes a quadratic blow-up of one megabyte takes.
ORDINARY = "Ein gewöhnlicher Absatz mit ganz normalen Wörtern.\n\n" * 2000


def budget() -> float:
    """SECONDS on a quiet machine; 12 times an ordinary megabyte's time where that is more."""
    took, _ = timed(render_markdown, ORDINARY + str(time.perf_counter_ns()))  # new text: not from the cache
    return max(SECONDS, 12 * took * 1_000_000 / len(ORDINARY))


MARKDOWN_INPUTS: dict[str, Callable[[], str]] = {
    "60,000 addresses in one paragraph": lambda: " ".join(f"person{n}@verein{n % 9}.example" for n in range(60_000)),
    "100,000 <abbr> tags": lambda: '<abbr title="t">x</abbr> ' * 40_000 + "<abbr>x</abbr> " * 60_000,
    "100,000 <b> tags": lambda: "<b>x</b> " * 100_000,
    "100,000 <a> tags without href": lambda: "<a>x</a> " * 100_000,
    "1 MB of one letter": lambda: "a" * 1_000_000,
    "1 MB of [": lambda: "[" * 1_000_000,
    "1 MB of ![": lambda: "![" * 500_000,
    "1 MB of <": lambda: "<" * 1_000_000,
    "1 MB of <a": lambda: "<a" * 500_000,
    "1 MB of <![": lambda: "<![" * 333_000,
    "1 MB of <a and space": lambda: "<a " * 333_000,
    "1 MB of &": lambda: "&" * 1_000_000,
    "1 MB of *": lambda: "*a" * 500_000,
    "1 MB of backticks": lambda: "`x` " * 250_000,
    "1 MB of backslashes": lambda: "\\" * 1_000_000,
    "1 MB of ](": lambda: "[x](" * 250_000,
    "nested brackets": lambda: "[" * 100_000 + "x" + "](y)" * 100_000,
    "nested emphasis": lambda: "*_" * 250_000 + "x" + "_*" * 250_000,
    "> 10,000 times": lambda: ">" * 10_000 + " x",
    "> and space 10,000 times": lambda: "> " * 10_000 + "x",
    "quote levels growing line by line": lambda: "\n".join(">" * n + " x" for n in range(1, 1400)),
    "- 10,000 times": lambda: "- " * 10_000 + "x",
    "list indented deeper line by line": lambda: "\n".join("    " * n + "- x" for n in range(700)),
    "100,000 nested <div>": lambda: "<div>" * 100_000,
    "60,000 nested <ul><li>": lambda: "<ul><li>" * 60_000,
    "unclosed formatting in every paragraph": lambda: "".join(f'<b title="{n}">x\n\n' for n in range(40_000)),
    "50,000 links": lambda: " ".join(f"[L{n}](https://e.example/{n})" for n in range(50_000)),
    "30,000 links in a list": lambda: "\n".join(f"- [Link {n}](https://example.org/{n})" for n in range(30_000)),
    "25,000 reference links": lambda: (
        " ".join(f"[l{n}]" for n in range(25_000))
        + "\n\n"
        + "\n".join(f"[l{n}]: https://e.example/{n}" for n in range(25_000))
    ),
    "250,000 rules": lambda: "---\n" * 250_000,
    "250,000 list items": lambda: "- x\n" * 250_000,
    "250,000 headings": lambda: "# h\n" * 250_000,
    "300,000 paragraphs": lambda: "x\n\n" * 300_000,
    "250,000 line breaks": lambda: "x  \n" * 250_000,
}

HTML_INPUTS: dict[str, Callable[[], str]] = {
    "60,000 addresses in one paragraph": lambda: "<p>" + " ".join(f"p{n}@example.org" for n in range(60_000)) + "</p>",
    "70,000 <abbr> tags": lambda: "<abbr>x</abbr> " * 70_000,
    "100,000 <b> tags": lambda: "<b>x</b> " * 100_000,
    "abbr and links": lambda: '<p><abbr title="t">A</abbr> <a href="https://x.example/">l</a></p>' * 15_000,
    "30,000 mailto links": lambda: "".join(f'<a href="mailto:a{n}@b.example">m</a> ' for n in range(30_000)),
    "1 MB of &": lambda: "<p>" + "&" * 1_000_000 + "</p>",
    "1 MB of <a": lambda: "<a" * 500_000,
    "1 MB of <!--": lambda: "<!--" * 250_000,
    "1 MB of </": lambda: "</" * 500_000,
    "1 MB of <![": lambda: "<![" * 333_000,
    "1 MB of unclosed quotes": lambda: "<a b='" * 160_000,
    "200,000 nested <div>": lambda: "<div>" * 200_000,
    "120,000 nested <ul><li>": lambda: "<ul><li>" * 120_000,
    "unclosed formatting in every paragraph": lambda: "".join(f'<p><b title="{n}">x</p>' for n in range(40_000)),
}


def assert_plausible(html: str, source: str) -> None:
    """No blow-up; a cheap look at large results (BeautifulSoup would take longer than the code)."""
    assert len(html) < 10 * len(source) + 1000
    if len(html) < 200_000:
        assert_safe(html)
    else:
        assert html.count("<a ") == html.count("</a>")
        assert "<script" not in html and "<div" not in html


def timed(function: Callable[[str], object], text: str) -> tuple[float, str]:
    started = time.perf_counter()
    result = str(function(text))
    return time.perf_counter() - started, result


@pytest.fixture(scope="module", autouse=True)
def _forget_large_results() -> Iterator[None]:
    yield
    render_markdown.cache_clear()


@pytest.mark.parametrize("name", list(MARKDOWN_INPUTS))
def test_markdown_takes_linear_time(name: str) -> None:
    text = MARKDOWN_INPUTS[name]()
    took, html = timed(render_markdown, text)
    limit = budget()
    assert took < limit, f"render_markdown: {name} took {took:.1f} s (limit {limit:.1f} s)"
    assert_plausible(html, text)


@pytest.mark.parametrize(
    "name", ["60,000 addresses in one paragraph", "100,000 <abbr> tags", "nested emphasis", "250,000 list items"]
)
def test_plain_text_takes_linear_time(name: str) -> None:
    text = MARKDOWN_INPUTS[name]() + "\n\nplain"  # not the text render_markdown has seen
    took, result = timed(plain_text, text)
    limit = budget()
    assert took < limit, f"plain_text: {name} took {took:.1f} s (limit {limit:.1f} s)"
    assert not re.search(r"<[A-Za-z/!?]", result)


@pytest.mark.parametrize("name", list(HTML_INPUTS))
def test_sanitise_takes_linear_time(name: str) -> None:
    html = HTML_INPUTS[name]()
    took, result = timed(sanitise, html)
    limit = budget()
    assert took < limit, f"sanitise: {name} took {took:.1f} s (limit {limit:.1f} s)"
    assert_plausible(result, html)


def test_nesting_is_bounded_and_closed() -> None:
    html = str(render_markdown(">" * 10_000 + " tief"))
    tree = assert_safe(html)
    assert len(tree.find_all("blockquote")) == MAX_BLOCK_NESTING
    assert "tief" in tree.get_text()
    html = str(render_markdown("- " * 10_000 + "tief"))
    assert len(assert_safe(html).find_all("ul")) <= MAX_BLOCK_NESTING
