"""Markdown from editors, rendered and sanitised; e-mail addresses kept from harvesters.

Editors are untrusted and a text may be up to 1 MB, so every step takes time in proportion to
the size of its input. HTML is changed by parsers only: regular expressions merely find
addresses in text and decide whether a '<' starts a complete tag (`_complete_markup_only`).

1. Markdown: one reused `markdown.Markdown` with `EditorMarkdown` (bounded nesting and work,
   raw HTML read tag by tag, inline syntax parsed in pieces of bounded size).
2. `_Normaliser` (one pass of html.parser, after `_complete_markup_only`): allowed tags only,
   every element closed inside its block, bounded nesting, short text runs: HTML that nh3's
   parser reads in linear time.
3. nh3 (ammonia) decides what is allowed: tags, attributes, URL schemes, relative URLs.
4. `_Finisher` (one pass of html.parser over nh3's well-formed output): links without an
   allowed address keep their text only; mailto links and e-mail addresses in text become
   `protected_email` markup.

`sanitise` (Pelican's content) runs steps 2 to 4; `plain_text` reads the HTML of step 3.
"""

from __future__ import annotations

import codecs
import re
import threading
import xml.etree.ElementTree as etree
from collections.abc import Iterable, Iterator
from functools import lru_cache
from html.parser import HTMLParser
from typing import Any, ClassVar
from urllib.parse import unquote

import markdown
import nh3
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString
from markupsafe import Markup

ALLOWED_TAGS = {
    "p", "br", "a", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li",
    "h2", "h3", "h4", "hr", "table", "thead", "tbody", "tr", "th", "td", "abbr", "span",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}, "h2": {"id"}, "h3": {"id"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}

# -- limits (each keeps one step linear; none is reached by a text written for people) --------
MAX_BLOCK_NESTING = 16  # nested blockquotes and lists; deeper lines are shown as text
MAX_BLOCK_LINES = 250  # lines in one block: a longer run of lines gets a blank line inserted
MAX_BLOCK_STEPS = 20_000  # blocks read per text; the rest of a longer text is shown as text
MAX_INLINE_SYNTAX = 30_000  # characters of inline syntax parsed per text; later pieces stay text
INLINE_PIECE = 2000  # characters of inline Markdown parsed at once (cut at a line end if possible)
INLINE_PIECE_SYNTAX = 200  # ... and at most this many characters that may start inline syntax
INLINE_BATCH = 8000  # characters handed to Python-Markdown's inline parser in one call
LINK_SCAN = 2048  # a link's [text] or (destination) is looked for this far
MAX_DEPTH = 48  # open elements in the HTML given to nh3; deeper tags are dropped, text kept
TEXT_RUN = 2000  # characters of text between two tags given to nh3
MAX_ATTRIBUTE = 8192  # longer attribute values are dropped

_VOID = {"br", "hr", "img"}
_DROP_CONTENT = {"script", "style", "template"}  # dropped with their content (nh3 drops script and style so)
_TAGS = ALLOWED_TAGS | {"h1"}  # Markdown's h1 becomes h2 in render_markdown


# -- e-mail addresses ------------------------------------------------------------------------

_ADDRESS_RUN = re.compile(r"[\w.%+@-]+")  # characters an address is made of
_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}")


def _addresses(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every e-mail address in plain text, left to right.

    Linear: each run of address characters is read once, each part between two '@' once.
    """
    find = text.find
    for run in _ADDRESS_RUN.finditer(text):
        start, end = run.span()
        at = find("@", start, end)
        begin = start
        while at != -1:
            following = find("@", at + 1, end)
            stop = following if following != -1 else end
            domain = _DOMAIN.match(text, at + 1, stop) if at > begin else None
            if domain is not None:
                yield begin, domain.end()
                begin = domain.end()
            else:
                begin = at + 1
            at = following


def _address_of(mailto: str) -> str | None:
    """The one address of a mailto: URL, or None."""
    address = unquote(mailto[len("mailto:") :].partition("?")[0]).strip()
    spans = list(_addresses(address))
    return address if spans == [(0, len(address))] else None


def protected_email(address: str) -> Markup:
    """Readable for people, useless for harvesters, no JavaScript needed.

    The text shows 'name [at] domain'; site.js turns it into a mailto link from the
    ROT13 data attribute. Written left-to-right even on right-to-left pages.
    """
    user, _, domain = address.partition("@")
    encoded = codecs.encode(address, "rot13")
    return Markup('<span class="email" dir="ltr" data-rot13="{0}">{1}<span class="at"> [at] </span>{2}</span>').format(
        encoded, user, domain
    )


# -- escaping ---------------------------------------------------------------------------------


def _escape_text(text: str) -> str:
    # As html5ever (nh3) writes text, so markup that passes unchanged stays byte for byte the same.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\xa0", "&nbsp;")


def _escape_attribute(value: str) -> str:
    return (
        value.replace("&", "&amp;")
        .replace('"', "&quot;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\xa0", "&nbsp;")
    )


def _text_with_protected_emails(text: str) -> str:
    """Escaped text; e-mail addresses (and a 'mailto:' right before one) as protected markup."""
    pieces: list[str] = []
    done = 0
    for start, end in _addresses(text):
        cut = start
        if start - 7 >= done and text[start - 7 : start].lower() == "mailto:":
            cut = start - 7
        pieces.append(_escape_text(text[done:cut]))
        pieces.append(str(protected_email(text[start:end])))
        done = end
    if not pieces:
        return _escape_text(text)
    pieces.append(_escape_text(text[done:]))
    return "".join(pieces)


def _without_addresses(text: str) -> str:
    """Attribute values cannot hold markup: an address there reads 'name [at] domain'."""
    pieces: list[str] = []
    done = 0
    for start, end in _addresses(text):
        user, _, domain = text[start:end].partition("@")
        pieces.append(f"{text[done:start]}{user} [at] {domain}")
        done = end
    return "".join(pieces) + text[done:] if pieces else text


# -- links ------------------------------------------------------------------------------------

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_URL_SPACE = "".join(chr(c) for c in range(0x21))  # stripped by browsers around a URL


def _url_kind(href: str | None) -> str | None:
    """'mailto', 'tel', 'web' (http/https), 'relative', or None for a link that must not be one.

    Browsers drop tabs and line breaks inside a URL and treat '\\' like '/': '//host', '\\\\host'
    and '/\\host' lead to another site while looking like a path on this one, so they are refused.
    """
    if href is None:
        return None
    probe = href.strip(_URL_SPACE).replace("\t", "").replace("\n", "").replace("\r", "")
    if not probe:
        return None
    scheme = _SCHEME.match(probe)
    if scheme is None:
        return None if probe[:2].replace("\\", "/") == "//" else "relative"
    name = scheme.group(1).lower()
    if name not in URL_SCHEMES:
        return None
    return "web" if name in ("http", "https") else name


def _link_kind(href: str | None) -> str | None:
    """`_url_kind` for the page: a web or relative address with an e-mail address in it is
    no link either (harvesters read href attributes too); its text stays."""
    kind = _url_kind(href)
    if kind in ("web", "relative") and href and "@" in href:
        return None if next(_addresses(unquote(href)), None) is not None else kind
    return kind


def _relative_url(url: str) -> str | None:
    """nh3's test for URLs without a scheme: paths, #fragments and Pelican's {filename} pass."""
    return url if _url_kind(url) == "relative" else None


def _cleaner(tags: set[str]) -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=tags,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        url_relative=_relative_url,
        link_rel="noopener noreferrer",
    )


_CLEANER = _cleaner(ALLOWED_TAGS)
_MARKDOWN_CLEANER = _cleaner(_TAGS)


# -- markup that html.parser can read in linear time --------------------------------------------

_MARKUP = re.compile(
    r"""<(?:
        /?+[A-Za-z][^\s/>"'=<\x00]*+                              # a start or end tag: name,
        (?:[\s/]++[^\s/>"'=<\x00]++                               # attribute name,
            (?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s>"'=<`]++))?+    # value
        )*+[\s/]*+>
      | !--(?:(?!<!--|--\s*>).)*+--\s*>                            # a comment
    )""",
    re.VERBOSE | re.DOTALL,
)


def _complete_markup_only(html: str) -> str:
    """Every '<' that does not start a complete tag or comment becomes '&lt;' (text).

    html.parser (Python 3.11) takes quadratic time on unclosed constructs ('<a<a<a…',
    '<!--<!--…') and fails on some ('<![<![…'); browsers show such text or drop it at the
    end of the document. Each '<' is looked at once; a look never reads past the next
    '<' (or, inside a quoted value, the next quote of its kind), so this is linear.
    """
    find, match = html.find, _MARKUP.match
    pieces: list[str] = []
    done = 0
    position = find("<")
    while position != -1:
        found = match(html, position)
        if found is None:
            pieces.append(html[done:position])
            pieces.append("&lt;")
            done = position + 1
            position = find("<", done)
        else:
            position = find("<", found.end())
    if not pieces:
        return html
    pieces.append(html[done:])
    return "".join(pieces)


# -- one pass over HTML -------------------------------------------------------------------------


class _Pass(HTMLParser):
    """Reads HTML once and writes it back: allowed tags and attributes only, all escaped,
    every element closed. Subclasses decide about links, text and limits."""

    attributes: ClassVar[dict[str, set[str]]] = ALLOWED_ATTRIBUTES

    def __init__(self, tags: set[str] = _TAGS, rename: dict[str, str] | None = None) -> None:
        super().__init__(convert_charrefs=True)
        self.tags = tags
        self.rename = rename or {}
        self.out: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, written) of open elements
        self.open: dict[str, int] = {}  # tag -> how often on the stack
        self.dropping: str | None = None  # inside this element nothing is written ...
        self.drop_depth = 0  # ... until as many of its end tags as start tags were read
        self.text: list[str] = []

    def run(self, html: str) -> str:
        self.feed(html)
        self.close()
        if self.text:
            self.flush()
        while self.stack:
            self.pop()
        return "".join(self.out)

    # the parser's events

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.dropping is not None:
            if tag == self.dropping:
                self.drop_depth += 1
            return
        if self.text:
            self.flush()
        if self.rename:
            tag = self.rename.get(tag, tag)
        if tag in self.tags:
            self.start(tag, attrs)
        elif tag in _DROP_CONTENT:
            self.dropping, self.drop_depth = tag, 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if self.rename.get(tag, tag) not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.dropping is not None:
            if tag == self.dropping:
                self.drop_depth -= 1
                if not self.drop_depth:
                    self.dropping = None
            return
        if self.rename:
            tag = self.rename.get(tag, tag)
        if self.open.get(tag):
            if self.text:
                self.flush()
            while self.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self.dropping is None:
            self.text.append(data)

    # writing

    def start(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.write_start(tag, self.allowed(tag, attrs) if attrs else {})

    def allowed(self, tag: str, attrs: list[tuple[str, str | None]]) -> dict[str, str]:
        names = self.attributes.get(tag)
        kept: dict[str, str] = {}
        if names:
            for name, value in attrs:
                if name in names and name not in kept:
                    kept[name] = value or ""
        return kept

    def write_start(self, tag: str, attrs: dict[str, str]) -> None:
        if attrs:
            written = "".join(f' {name}="{_escape_attribute(value)}"' for name, value in attrs.items())
            self.out.append(f"<{tag}{written}>")
        else:
            self.out.append(f"<{tag}>")
        if tag not in _VOID:
            self.stack.append((tag, True))
            self.open[tag] = self.open.get(tag, 0) + 1

    def push(self, tag: str, written: bool) -> None:
        self.stack.append((tag, written))
        self.open[tag] = self.open.get(tag, 0) + 1

    def pop(self) -> str:
        tag, written = self.stack.pop()
        self.open[tag] -= 1
        if written:
            self.out.append(f"</{tag}>")
        return tag

    def flush(self) -> None:
        text = "".join(self.text)
        self.text = []
        self.write_text(text)

    def write_text(self, text: str) -> None:
        self.out.append(_escape_text(text))


class _Normaliser(_Pass):
    """HTML before nh3, whose parser (html5ever) slows down on deep nesting and on long text
    runs with many '&', and reopens unclosed formatting elements in every later paragraph
    (60 KB of '<p><b title=n>x</p>' became 600 MB).

    Here every element ends inside the block it was opened in (as a browser would end it at
    the next block, except formatting), nesting stops at MAX_DEPTH (deeper tags are left out,
    their text stays) and an empty comment splits long text runs (nh3 drops comments, so
    the text is unchanged). Input must have been through `_complete_markup_only`.
    """

    _CLOSES_P: ClassVar[set[str]] = {
        "p", "div", "ul", "ol", "dl", "blockquote", "pre", "table", "hr", "h1", "h2", "h3", "h4", "h5", "h6",
        "section", "article", "aside", "header", "footer", "nav", "main", "figure", "address", "details",
        "fieldset", "form", "menu", "center", "listing", "xmp",
    }  # fmt: skip
    # A start tag closes the nearest open element of the first set, looking no further than the second.
    _IMPLIED: ClassVar[dict[str, tuple[set[str], set[str]]]] = {
        "li": ({"li"}, {"ul", "ol", "table"}),
        "tr": ({"tr", "td", "th"}, {"table"}),
        "td": ({"td", "th"}, {"tr", "table"}),
        "th": ({"td", "th"}, {"tr", "table"}),
        "thead": ({"thead", "tbody", "tr", "td", "th"}, {"table"}),
        "tbody": ({"thead", "tbody", "tr", "td", "th"}, {"table"}),
    }
    _P_SCOPE: ClassVar[set[str]] = {"table", "td", "th", "button", "li", "blockquote"}
    attributes: ClassVar[dict[str, set[str]]] = {**ALLOWED_ATTRIBUTES, "h1": set()}

    def __init__(self, tags: set[str] = _TAGS, attributes: dict[str, set[str]] | None = None) -> None:
        super().__init__(tags)
        if attributes is not None:
            self.attributes = attributes
        self.run_length = 0  # characters of text since the last tag

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.dropping is None:
            if self.text:
                self.flush()
            if tag in self._CLOSES_P and self.open.get("p"):
                self.close_implied({"p"}, self._P_SCOPE)
            implied = self._IMPLIED.get(tag)
            if implied is not None and any(self.open.get(name) for name in implied[0]):
                self.close_implied(*implied)
        super().handle_starttag(tag, attrs)

    def close_implied(self, names: set[str], scope: set[str]) -> None:
        for tag, _written in reversed(self.stack):
            if tag in names:
                while self.pop() != tag:
                    pass
                return
            if tag in scope:
                return

    def start(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if len(self.stack) >= MAX_DEPTH and tag not in _VOID:
            return
        kept = {name: value for name, value in self.allowed(tag, attrs).items() if len(value) <= MAX_ATTRIBUTE}
        self.write_start(tag, kept)
        self.run_length = 0

    def pop(self) -> str:
        self.run_length = 0
        if self.stack[-1][0] == "p" and self.out[-1] == "<p>":  # nothing in it: leave it out
            self.stack.pop()
            self.open["p"] -= 1
            self.out.pop()
            return "p"
        return super().pop()

    def write_text(self, text: str) -> None:
        start = 0
        while self.run_length + len(text) - start > TEXT_RUN:
            cut = start + TEXT_RUN - self.run_length
            self.out.append(_escape_text(text[start:cut]) + "<!---->")
            start = cut
            self.run_length = 0
        self.out.append(_escape_text(text[start:] if start else text))
        self.run_length += len(text) - start


class _Finisher(_Pass):
    """nh3's output for the page: links without an allowed address keep only their text,
    mailto links and addresses in text become `protected_email`, titles hide addresses."""

    attributes: ClassVar[dict[str, set[str]]] = {**ALLOWED_ATTRIBUTES, "a": {"href", "title", "rel"}}

    def start(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        kept = self.allowed(tag, attrs)
        if "title" in kept:
            kept["title"] = _without_addresses(kept["title"])
        if tag == "a":
            href = kept.get("href")
            kind = _link_kind(href)
            if kind is None:
                self.push(tag, False)  # the text stays, the link goes
                return
            if kind == "mailto":
                address = _address_of(href or "")
                if address is None:
                    self.push(tag, False)
                    return
                # The address replaces the whole link, as on every other page of the site.
                self.out.append(str(protected_email(address)))
                self.dropping, self.drop_depth = "a", 1
                return
        self.write_start(tag, kept)

    def write_text(self, text: str) -> None:
        self.out.append(_text_with_protected_emails(text) if "@" in text else _escape_text(text))


# -- plain text ---------------------------------------------------------------------------------

_BREAK = "\x00"  # a <br> while a block's text is collected
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _without_blank_ends(lines: list[str]) -> list[str]:
    first = next((n for n, line in enumerate(lines) if line), len(lines))
    last = next((n for n in range(len(lines) - 1, first - 1, -1) if lines[n]), first - 1)
    return lines[first : last + 1]


class _PlainText(HTMLParser):
    """Sanitised HTML as plain text: blocks separated by a blank line, list items and table rows
    by a line break, links as 'text (URL)'."""

    _BLOCKS: ClassVar[set[str]] = {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "div", "hr", "table", "thead", "tbody",
    }  # fmt: skip

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.inline: list[str] = []
        self.lists: list[list[Any]] = []  # [tag, items so far, indent of the list, indent of the item's text]
        self.links: list[tuple[int, str | None]] = []
        self.marker: str | None = None  # "- " or "1. " waiting for the first block of an item
        self.cells = 0
        self.tables = 0
        self.grouped = False  # the last block was a list item or table row
        self.pre: list[str] | None = None
        self.dropping: str | None = None
        self.drop_depth = 0

    def run(self, html: str) -> str:
        self.feed(html)
        self.close()
        self.block()
        text = "".join(self.out).strip("\n")
        return _TAG_START.sub("< ", _CONTROL.sub("", text))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.dropping is not None:
            self.drop_depth += tag == self.dropping
            return
        if tag in _DROP_CONTENT:
            self.dropping, self.drop_depth = tag, 1
        elif self.pre is not None:
            if tag == "br":
                self.pre.append("\n")
        elif tag in self._BLOCKS:
            self.block()
            self.tables += tag == "table"
        elif tag in ("ul", "ol"):
            self.block()
            base = self.lists[-1][3] if self.lists else 0  # a nested list starts under its item's text
            self.lists.append([tag, 0, base, base])
        elif tag == "li":
            self.block()
            if self.lists:
                current = self.lists[-1]
                current[1] += 1
                self.marker = "- " if current[0] == "ul" else f"{current[1]}. "
                current[3] = current[2] + len(self.marker)
        elif tag == "tr":
            self.block()
            self.cells = 0
        elif tag in ("td", "th"):
            if self.cells:
                self.inline.append(" | ")
            self.cells += 1
        elif tag == "br":
            self.inline.append(_BREAK)
        elif tag == "pre":
            self.block()
            self.pre = []
        elif tag == "a":
            self.links.append((len(self.inline), dict(attrs).get("href")))

    def handle_endtag(self, tag: str) -> None:
        if self.dropping is not None:
            if tag == self.dropping:
                self.drop_depth -= 1
                if not self.drop_depth:
                    self.dropping = None
            return
        if tag == "pre" and self.pre is not None:
            lines = [line.rstrip() for line in "".join(self.pre).split("\n")]
            self.pre = None
            self.add(_without_blank_ends(lines))
        elif self.pre is not None:
            return
        elif tag in self._BLOCKS or tag in ("li", "tr"):
            self.block()
            if tag == "table" and self.tables:
                self.tables -= 1
                self.grouped = self.grouped and bool(self.tables or self.lists)
        elif tag in ("ul", "ol"):
            self.block()
            if self.lists:
                self.lists.pop()
            self.grouped = self.grouped and bool(self.tables or self.lists)
        elif tag == "a" and self.links:
            self.end_link(*self.links.pop())

    def handle_data(self, data: str) -> None:
        if self.dropping is not None:
            return
        if self.pre is not None:
            self.pre.append(data)
        else:
            self.inline.append(data.replace(_BREAK, ""))

    def end_link(self, index: int, href: str | None) -> None:
        text = " ".join("".join(self.inline[index:]).replace(_BREAK, " ").split())
        kind = _link_kind(href)
        target: str | None = None
        if kind == "web":
            target = (href or "").strip(_URL_SPACE)
        elif kind == "mailto":
            target = _address_of(href or "")
        elif kind == "tel":
            target = unquote((href or "").strip(_URL_SPACE)[4:])
        if target is None:
            return
        del self.inline[index:]
        if not text or text in (target, href, target.rstrip("/")):
            self.inline.append(target)
        else:
            self.inline.append(f"{text} ({target})")

    def block(self) -> None:
        """The collected inline text becomes a block."""
        self.links.clear()
        if not self.inline:
            return
        parts = "".join(self.inline).split(_BREAK)
        self.inline = []
        lines = [" ".join(part.split()) for part in parts]
        # <br><br> is one empty line, however many there are
        self.add(_without_blank_ends([line for n, line in enumerate(lines) if line or (n and lines[n - 1])]))

    def add(self, lines: list[str]) -> None:
        if not lines:
            return
        if self.lists:
            indent = " " * self.lists[-1][3]
            first = indent
            if self.marker is not None:
                first = " " * self.lists[-1][2] + self.marker
                self.marker = None
        else:
            first = indent = ""
        text = "\n".join([first + lines[0]] + [indent + line if line else line for line in lines[1:]])
        grouped = bool(self.lists or self.tables)
        self.out.append("\n" if grouped and self.grouped else "\n\n")
        self.out.append(text)
        self.grouped = grouped


# -- Markdown -----------------------------------------------------------------------------------


class _Budget(Preprocessor):
    """Per text: how much work Python-Markdown may still do; also cuts very long blocks.

    Runs first. Block processors re-read the rest of a block after each heading, rule or
    reference they take from it, so a block gets a blank line after every MAX_BLOCK_LINES lines.
    """

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.steps = self.syntax = self.link_scan = 0
        self.settled: list[etree.Element] = []  # see _settle_plain_text

    def run(self, lines: list[str]) -> list[str]:
        size = sum(len(line) + 1 for line in lines)
        self.steps = MAX_BLOCK_STEPS
        self.syntax = MAX_INLINE_SYNTAX
        self.link_scan = 2 * size + 20_000
        self.settled = []
        cut: list[str] = []
        run = 0
        for line in lines:
            if not line.strip():
                run = 0
            elif run == MAX_BLOCK_LINES:
                cut.append("")
                run = 1
            else:
                run += 1
            cut.append(line)
        return cut


class _Blocks:
    """The blocks a Python-Markdown parser still has to read, kept back to front.

    Its block processors take `blocks.pop(0)` and give back `blocks.insert(0, rest)`; on a list
    each moves all other blocks, which made a text of many paragraphs quadratic. Once the text's
    MAX_BLOCK_STEPS are used up the parser sees no more blocks (see `_bounded_parser`).
    """

    __slots__ = ("_budget", "_reversed")

    def __init__(self, blocks: Iterable[str], budget: _Budget) -> None:
        self._reversed = list(blocks)[::-1]
        self._budget = budget

    def __len__(self) -> int:
        return len(self._reversed) if self._budget.steps > 0 else 0

    def __iter__(self) -> Iterator[str]:
        return reversed(self._reversed)

    def __getitem__(self, index: int) -> str:
        size = len(self._reversed)
        return self._reversed[size - 1 - (index + size if index < 0 else index)]

    def pop(self, index: int = -1) -> str:
        self._budget.steps -= 1
        size = len(self._reversed)
        return self._reversed.pop(size - 1 - (index + size if index < 0 else index))

    def insert(self, index: int, block: str) -> None:
        size = len(self._reversed)
        index = min(max(index + size if index < 0 else index, 0), size)
        self._reversed.insert(size - index, block)

    def clear(self) -> None:
        self._reversed.clear()


def _literal(parent: etree.Element, blocks: Iterable[str]) -> None:
    """What the parser will not read any more: one paragraph of text, no Markdown in it."""
    text = "\n\n".join(blocks).strip()
    if text:
        etree.SubElement(parent, "p").text = AtomicString(text)


def _bounded_parser(parser: Any, budget: _Budget) -> None:
    """O(1) block lists and limits on nesting and on work for one Python-Markdown block parser.

    Each blockquote, list and list item parses its content one level deeper; below
    MAX_BLOCK_NESTING levels the rest is one paragraph of text (Python-Markdown would recurse
    until Python's recursion limit, and re-read every line once per level).
    """
    parse_blocks = parser.parseBlocks
    level = [0]

    def bounded(parent: etree.Element, blocks: Any) -> None:
        if level[0] >= MAX_BLOCK_NESTING or budget.steps <= 0:
            _literal(parent, blocks)
            blocks.clear()
            return
        remaining = blocks if isinstance(blocks, _Blocks) else _Blocks(blocks, budget)
        level[0] += 1
        try:
            parse_blocks(parent, remaining)
        finally:
            level[0] -= 1
        if budget.steps <= 0:
            _literal(parent, remaining)
            remaining.clear()

    parser.parseBlocks = bounded


_INLINE_SYNTAX = "`\\[<&*_\x02"  # characters that may start inline Markdown (and placeholders)
_MAY_HAVE_SYNTAX = re.compile(r"[`\\\[<&*_\x02]|  \n")
_PIECE = "netzwerk-piece"  # a temporary element around one piece of inline Markdown


def _syntax_count(text: str, start: int, end: int) -> int:
    return sum(text.count(char, start, end) for char in _INLINE_SYNTAX) + text.count("  \n", start, end)


def _cuts(text: str, piece: int, syntax: int | None = None) -> Iterator[int]:
    """Where to cut `text` into pieces of at most `piece` characters (and about `syntax`
    characters of inline syntax): in the second half of a piece after a line break, else
    after ') ' (a link), '. ' or a space; never inside a placeholder (STX ... ETX) nor between
    a backslash and what it escapes. Yields the end of each piece, the last one len(text)."""
    start, size = 0, len(text)
    while True:
        limit = min(start + piece, size)
        if syntax is not None:
            count = _syntax_count(text, start, limit)
            if count > syntax:
                limit = start + max(16, (limit - start) * syntax // count)
        if limit >= size:
            yield size
            return
        low = start + (limit - start) // 2
        for mark in ("\n", ") ", ". ", " "):  # ') ': after a link
            found = text.rfind(mark, low, limit - len(mark) + 1)
            if found != -1:
                cut = found + len(mark)
                break
        else:
            cut = limit
        opened = text.rfind("\x02", start, cut)
        if opened != -1 and text.rfind("\x03", opened, cut) == -1:
            closed = text.find("\x03", cut)
            cut = opened if opened > start else (closed + 1 if closed != -1 else size)
        slashes = cut
        while slashes > start and text[slashes - 1] == "\\":
            slashes -= 1
        if (cut - slashes) % 2 and cut - 1 > start:
            cut -= 1
        yield cut
        if cut >= size:
            return
        start = cut


def _split(text: str, piece: int, syntax: int | None = None) -> list[str]:
    parts = []
    start = 0
    for end in _cuts(text, piece, syntax):
        parts.append(text[start:end])
        start = end
    return parts


def _replace_texts(root: etree.Element, replace: Any) -> list[etree.Element]:
    """Call `replace(text)` for the text and each tail in the tree; where it returns
    (new text, elements), the text becomes the new text followed by the elements.
    Returns the parents whose children changed."""
    changed = []
    for parent in list(root.iter()):
        children = list(parent)
        new: list[etree.Element] = []
        made = replace(parent.text)
        if made is not None:
            parent.text = made[0]
            new.extend(made[1])
        for child in children:
            new.append(child)
            made = replace(child.tail)
            if made is not None:
                child.tail = made[0]
                new.extend(made[1])
        if len(new) != len(children):
            parent[:] = new
            changed.append(parent)
    return changed


class _PiecewiseInline(Treeprocessor):
    """Python-Markdown's inline parser, given the text in pieces of bounded size.

    It rebuilds the whole text for every match and keeps one queue for the whole document, so
    its time grows with the square of a paragraph's length and of the number of elements.
    Here each text (or each piece of a long text) is parsed on its own, a few at a time; text
    with no inline syntax is not parsed at all, and once the text's MAX_INLINE_SYNTAX is used
    up, further pieces stay as they are. The pieces are unwrapped afterwards.
    """

    def __init__(self, md: markdown.Markdown, inline: Treeprocessor, budget: _Budget) -> None:
        super().__init__(md)
        self.inline = inline
        self.budget = budget

    def __getattr__(self, name: str) -> Any:
        # Inline patterns read the parser's state (stashed_nodes) through md.treeprocessors["inline"].
        return getattr(self.inline, name)

    def run(self, root: etree.Element, ancestors: list[str] | None = None) -> None:
        pieces: list[etree.Element] = []

        def cut(text: str | None) -> tuple[None, list[etree.Element]] | None:
            if not text or isinstance(text, AtomicString) or _MAY_HAVE_SYNTAX.search(text) is None:
                return None
            made = []
            for part in _split(text, INLINE_PIECE, INLINE_PIECE_SYNTAX):
                piece = etree.Element(_PIECE)
                self.budget.syntax -= _syntax_count(part, 0, len(part))
                piece.text = part if self.budget.syntax >= 0 else AtomicString(part)
                made.append(piece)
            pieces.extend(made)
            return None, made

        parents = _replace_texts(root, cut)
        batch: list[etree.Element] = []
        size = 0
        for piece in pieces:
            batch.append(piece)
            size += len(piece.text or "")
            if size >= INLINE_BATCH:
                self._parse(batch, ancestors)
                batch, size = [], 0
        if batch:
            self._parse(batch, ancestors)
        for parent in parents:
            _unwrap_pieces(parent)
        for element in self.budget.settled:  # later tree processors (abbr) may read them again
            element.text = str(element.text)
        self.budget.settled = []

    def _parse(self, batch: list[etree.Element], ancestors: list[str] | None) -> None:
        holder = etree.Element(_PIECE)
        holder.extend(batch)  # the pieces stay where they are in the document, too
        self.inline.run(holder, ancestors)


def _unwrap_pieces(parent: etree.Element) -> None:
    """Put the content of the piece elements back into `parent`, texts joined once."""
    new: list[etree.Element] = []
    owner: etree.Element | None = None  # whose tail the collected text is, None: parent.text
    texts = [parent.text or ""]

    def settle() -> None:
        joined = "".join(texts) or None
        if owner is None:
            parent.text = joined
        else:
            owner.tail = joined

    for child in list(parent):
        if child.tag != _PIECE:
            settle()
            new.append(child)
            owner, texts = child, [child.tail or ""]
            continue
        texts.append(child.text or "")
        for grandchild in list(child):
            settle()
            new.append(grandchild)
            owner, texts = grandchild, [grandchild.tail or ""]
        texts.append(child.tail or "")
    settle()
    parent[:] = new


class _ShortTextRuns(Treeprocessor):
    """An empty comment after every TEXT_RUN characters of text: nh3's parser takes time in
    proportion to the length of a text run for each '&' in it (and '<', '>', '&' are written
    as entities). nh3 removes comments; the text is unchanged."""

    def run(self, root: etree.Element) -> None:
        def cut(text: str | None) -> tuple[str, list[etree.Element]] | None:
            if not text or len(text) <= TEXT_RUN:
                return None
            first, *rest = _split(text, TEXT_RUN)
            comments = []
            for part in rest:
                comment = etree.Comment("")
                comment.tail = part
                comments.append(comment)
            return first, comments

        _replace_texts(root, cut)


def _bracketed_text(data: str, index: int) -> tuple[str, int, bool]:
    """Python-Markdown's `getText` (the [text] of a link), reading with str.find and str.count.

    The original walks character by character to the end of the text for every '['.
    """
    depth = 1
    limit = min(len(data), index + LINK_SCAN)
    position = index
    while True:
        close = data.find("]", position, limit)
        if close == -1:
            return "", index, False
        depth += data.count("[", position, close) - 1
        if depth == 0:
            return data[index:close], close + 1, True
        position = close + 1


def _settle_plain_text(handle_match: Any, budget: _Budget) -> Any:
    """An inline pattern's `handleMatch`, and the text of the element it makes is marked as
    parsed if it has no inline syntax: Python-Markdown would try every later pattern on it."""

    def settled(match: re.Match[str], data: str) -> Any:
        node, start, end = handle_match(match, data)
        if isinstance(node, etree.Element) and not len(node):
            text = node.text
            if text and not isinstance(text, AtomicString) and _MAY_HAVE_SYNTAX.search(text) is None:
                node.text = AtomicString(text)
                budget.settled.append(node)
        return node, start, end

    return settled


def _link_end(data: str, index: int, limit: int) -> int:
    """Where Python-Markdown's `getLink` stops reading `(destination "title")` (from the '(' at
    `index`) in the usual cases: at the ')' that balances it (no quotes before), or at the first
    ')' after a closed title with only spaces between. Otherwise `limit` (it may read that far)."""
    if not data.startswith("(", index):
        return index + 1  # not a link: it stops at once
    quote = min((q for q in (data.find('"', index, limit), data.find("'", index, limit)) if q != -1), default=-1)
    depth, position = 0, index
    for _ in range(32):
        close = data.find(")", position, limit)
        if close == -1:
            break
        if quote != -1 and quote < close:  # a title: it ends at its closing quote
            closing = data.find(data[quote], quote + 1, limit)
            close = data.find(")", closing + 1, limit) if closing != -1 else -1
            return close + 1 if close != -1 and not data[closing + 1 : close].strip() else limit
        depth += data.count("(", position, close) - 1
        if depth == 0:
            return close + 1
        position = close + 1
    return limit


def _bounded_get_link(get_link: Any, budget: _Budget) -> Any:
    """Python-Markdown's `getLink` walks character by character to the ')' that closes a link,
    or to the end of the text if none does. What it may read is charged to the text's budget
    (twice the text's length, plus a little); a link found when it is used up stays text."""

    def bounded(data: str, index: int) -> tuple[str, str | None, int, bool]:
        limit = min(len(data), index + LINK_SCAN)
        if data.find(")", index, limit) == -1:
            return "", None, index, False
        cost = _link_end(data, index, limit) - index
        if budget.link_scan < cost:
            return "", None, index, False
        budget.link_scan -= cost
        return get_link(data[:limit], index)

    return bounded


class _NormaliseOutput(Postprocessor):
    """`_Normaliser` over the HTML if raw HTML from the text is in it."""

    def run(self, text: str) -> str:
        stash = self.md.htmlStash.rawHtmlBlocks
        if any(isinstance(block, str) and block.lstrip().startswith("<") for block in stash):
            return _Normaliser().run(_complete_markup_only(text))
        return text


class EditorMarkdown(Extension):
    """Python-Markdown for untrusted editors, in time linear in the text's length.

    - Raw HTML is recognised tag by tag (inline), not by Python-Markdown's HTML block reader,
      which is quadratic on unclosed markup (60 KB of '<![' took minutes). A block of raw HTML
      is therefore read like a paragraph containing tags; Markdown inside it is interpreted.
    - Blockquotes and lists nest at most MAX_BLOCK_NESTING deep; deeper lines stay text.
      A block of more than MAX_BLOCK_LINES lines is read as several blocks; after
      MAX_BLOCK_STEPS blocks the rest of the text is one paragraph of text.
    - Inline syntax is parsed in pieces (`_PiecewiseInline`); a link or emphasis that spans
      a cut of a very long paragraph (more than INLINE_PIECE characters) stays plain text,
      as does everything after the first MAX_INLINE_SYNTAX characters of inline syntax.
    - The HTML is written with short text runs and, if the text has raw HTML, rewritten by
      `_Normaliser` (allowed tags only, bounded nesting, every element closed in its block).

    Pelican's Markdown reader can use it too: "netzwerk_site.richtext:EditorMarkdown".
    """

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        if "netzwerk_budget" in md.preprocessors:
            return  # already extended
        budget = _Budget(md)
        md.preprocessors.register(budget, "netzwerk_budget", 15)
        if "html_block" in md.preprocessors:
            md.preprocessors.deregister("html_block")
        _bounded_parser(md.parser, budget)
        for name in ("reference", "link", "image_link", "image_reference", "short_reference", "short_image_ref"):
            if name in md.inlinePatterns:
                pattern: Any = md.inlinePatterns[name]
                pattern.getText = _bracketed_text
                pattern.getLink = _bounded_get_link(pattern.getLink, budget)
        for pattern in md.inlinePatterns:
            pattern.handleMatch = _settle_plain_text(pattern.handleMatch, budget)
        inline = md.treeprocessors["inline"]
        md.treeprocessors.register(_PiecewiseInline(md, inline, budget), "inline", 20)
        md.treeprocessors.register(_ShortTextRuns(md), "netzwerk_short_text_runs", -10)
        md.postprocessors.register(_NormaliseOutput(md), "netzwerk_normalise", 0)


class _EditorMarkdownRenderer:
    """One Markdown instance, reset between texts; a lock, since it holds state while converting."""

    def __init__(self) -> None:
        self.md = markdown.Markdown(extensions=["sane_lists", EditorMarkdown()], output_format="html")
        self.lock = threading.Lock()

    def convert(self, text: str) -> str:
        with self.lock:
            self.md.reset()
            return self.md.convert(text)


_RENDERER = _EditorMarkdownRenderer()


# -- the public functions -----------------------------------------------------------------------


def _finish(html: str, tags: set[str], rename: dict[str, str] | None = None) -> str:
    """`_Finisher` over nh3's output; without links, addresses or renamed tags there is
    nothing to change (it writes what nh3 writes), so it is left out."""
    if "@" in html or "<a " in html or "<a>" in html or any(f"<{tag}" in html for tag in rename or {}):
        return _Finisher(tags=tags, rename=rename).run(html)
    return html


def protect_emails(fragment: str) -> str:
    """Replace mailto links and bare addresses in sanitised (nh3's well-formed) HTML."""
    return _Finisher(tags=ALLOWED_TAGS).run(fragment)


# Content pages and info mails may show images: files of the site ({static}), each with a text alternative.
CONTENT_TAGS = ALLOWED_TAGS | {"img"}
CONTENT_ATTRIBUTES = {**ALLOWED_ATTRIBUTES, "img": {"src", "alt", "width", "height"}}


def _local_images_only(tag: str, attribute: str, value: str) -> str | None:
    """An image from another host would tell it who reads the page: only the site's own files."""
    if tag == "img" and attribute == "src" and _url_kind(value) != "relative":
        return None
    return value


_CONTENT_CLEANER = nh3.Cleaner(
    tags=CONTENT_TAGS,
    attributes=CONTENT_ATTRIBUTES,
    url_schemes=URL_SCHEMES,
    url_relative=_relative_url,
    link_rel="noopener noreferrer",
    attribute_filter=_local_images_only,
)


class _ContentFinisher(_Finisher):
    """As `_Finisher`, and an image without a text alternative or a source is left out."""

    attributes: ClassVar[dict[str, set[str]]] = {**_Finisher.attributes, "img": CONTENT_ATTRIBUTES["img"]}

    def start(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            kept = self.allowed(tag, attrs)
            if not kept.get("alt", "").strip() or not kept.get("src"):
                return
        super().start(tag, attrs)


@lru_cache(maxsize=2048)  # `make serve` builds again and again from mostly the same pages and info mails
def sanitise_content(fragment: str) -> str:
    """`sanitise` for Pelican's content (pages, info mails): images of the site itself are allowed."""
    tame = _Normaliser(CONTENT_TAGS, {**_Normaliser.attributes, "img": CONTENT_ATTRIBUTES["img"]}).run(
        _complete_markup_only(fragment)
    )
    return _ContentFinisher(tags=CONTENT_TAGS).run(_CONTENT_CLEANER.clean(tame))


def sanitise(fragment: str) -> str:
    """Only harmless tags, attributes and link schemes survive; e-mail addresses are protected.

    Any HTML (Pelican's content): first made readable for html.parser and normalised (nh3's
    parser is slow on deep nesting, long text runs with many '&', and unclosed formatting
    elements, which it reopens in every later paragraph), then nh3, then `_Finisher`.
    """
    tame = _Normaliser().run(_complete_markup_only(fragment))
    return _finish(_CLEANER.clean(tame), ALLOWED_TAGS)


@lru_cache(maxsize=64)
def _sanitised_markdown(text: str) -> str:
    """Markdown from a data file as nh3's sanitised HTML (still with h1, with plain addresses)."""
    return _MARKDOWN_CLEANER.clean(_RENDERER.convert(text))


@lru_cache(maxsize=1024)
def render_markdown(text: str) -> Markup:
    """Markdown from a data file as safe HTML (headings start at h2: the page owns h1)."""
    return Markup(_finish(_sanitised_markdown(text), _TAGS, {"h1": "h2"}))


@lru_cache(maxsize=4096)  # a record's text is described by its page, its cards and its calendar entries
def plain_text(markdown_text: str) -> str:
    """Markdown from a data file as plain text, for iCalendar DESCRIPTION and text e-mails.

    Read from the same sanitised HTML as the page: paragraphs and headings separated by a blank
    line, list items as '- item' or '1. item', table rows as 'cell | cell', links as
    'text (https://…)' (only the address when the text is the address; relative links keep their
    text only), e-mail addresses in the clear, entities decoded, no tags. A '<' that could start
    a tag is followed by a space, for calendar programs that read the text as HTML.
    """
    return _PlainText().run(_sanitised_markdown(markdown_text))
