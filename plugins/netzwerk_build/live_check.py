"""Before going live: what must not reach the public site, every finding with file, line and what to do.

Refused: placeholders left in content pages ("[vom Träger zu ergänzen]"), required pages
missing in the site's first language, example addresses (.example, example.com) in the data
and content, and a public address that is missing, not https, this computer or an example.
Drafts are skipped: the build leaves them out, and they are checked once they are published.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from netzwerk_data.content import Field, read_metadata
from netzwerk_data.problems import relative, shown_safely

# The pages every public site of the network needs (German law: Impressum, privacy policy,
# accessibility statement), by Slug, with the name a coordinator knows them by.
REQUIRED_PAGES = {
    "imprint": "the Impressum (legal notice)",
    "privacy": "the privacy policy (Datenschutzerklärung)",
    "accessibility": "the accessibility statement (Erklärung zur Barrierefreiheit)",
    "contact": "the contact page (Kontakt)",
}

# Words the shipped pages use to mark what the coordinator still has to write, in every language,
# also when the brackets around them were lost. Arabic is matched without its vowel marks.
_MARKER_WORDS = re.compile(
    r"zu ergänzen|to be completed|to be added|\bTODO\b|\bTBD\b|\bFIXME\b|يستكمل|تستكمل|سيستكمل|يضاف لاحقا",
    re.IGNORECASE,
)
# Square-bracketed text that is not Markdown: not a link or image ([text](url), ![alt](src)), not a
# reference ([text][id], [id]: url), not a footnote ([^1]) and not escaped (\[).
_BRACKETED = re.compile(r"(?<![\\!\]])\[(?P<text>[^\[\]\n]+)\](?![(\[:])")
_REFERENCE = re.compile(r"^ {0,3}\[(?P<label>[^\]\n]+)\]:\s*\S")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")

# A host name under .example, or example.com/.org/.net: reserved for examples (RFC 2606), never real.
_LABEL = r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"
_EXAMPLE_HOST = re.compile(
    rf"(?<![\w.-])(?P<host>(?:{_LABEL}\.)+example|(?:{_LABEL}\.)*example\.(?:com|org|net))(?![\w-]|\.[a-z0-9])",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[^\s\"'<>(){}\[\],]+")


@dataclass(frozen=True, order=True)
class Finding:
    """One thing that keeps the site from going live: `file:line: what; fix`."""

    file: str
    line: int  # 0: the file as a whole (or a setting)
    what: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return shown_safely(f"{where}: {self.what}; {self.fix}")


@dataclass(frozen=True)
class PublicAddress:
    """The site's public address and where it was set (for the message that names it)."""

    value: str
    file: str
    line: int
    field: str


def public_address(siteurl: str, siteurl_source: str, network_file: Path, website: str) -> PublicAddress:
    """SITEURL when set, else the network's website (the same choice as routes.public_base)."""
    from netzwerk_site.routes import public_base

    value = public_base({"SITEURL": siteurl}, website)
    if siteurl:
        return PublicAddress(value, siteurl_source, 0, "SITEURL")
    shown = relative(network_file, network_file.parent.parent)
    return PublicAddress(value, shown, _line_of_key(network_file, "website"), "website")


def check_live(data: Path, content: Path, first_language: str, address: PublicAddress) -> list[Finding]:
    """Every finding, sorted by file and line; empty when the site may go live."""
    findings = [*_address_findings(address), *_required_page_findings(content, first_language)]
    for path in _markdown_files(content):
        text = path.read_text(encoding="utf-8", errors="replace")
        if _is_draft(read_metadata(text)[0]):
            continue  # not published; checked when the draft line is removed
        shown = relative(path, content.parent)
        findings += _placeholder_findings(shown, text)
        findings += _example_findings(shown, _published_lines(text))
    for path in sorted(p for p in data.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()):
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        numbered = ((n, line) for n, line in enumerate(lines, 1) if not line.lstrip().startswith("#"))
        findings += _example_findings(relative(path, data.parent), numbered)
    return sorted(set(findings))


def report(findings: list[Finding]) -> str:
    """Every finding, one line each, for the coordinator."""
    count = len(findings)
    lines = [f"Not ready to go live: {count} thing{'s' if count != 1 else ''} to fix first:"]
    lines += [f"  {finding}" for finding in findings]
    files = len({finding.file for finding in findings})
    lines.append(f"({count} in {files} file{'s' if files != 1 else ''}.) Fix them, then run make check-live again.")
    return "\n".join(lines)


# -- the public address ---------------------------------------------------------------------------


def _address_findings(address: PublicAddress) -> Iterator[Finding]:
    where = f"{address.field}: " if address.field else ""
    how = (
        "set SITEURL=https://… in the environment or in publishconf.py"
        if address.field == "SITEURL"
        else 'write the site\'s address as website: "https://…" in network.yaml, or set SITEURL=https://…'
    )
    value = address.value
    if not value:
        yield Finding(address.file, address.line, f"{where}the site has no public address", how)
        return
    parts = urlsplit(value)
    host = (parts.hostname or "").lower()
    if parts.scheme != "https" or not host:
        yield Finding(
            address.file,
            address.line,
            f"{where}the public address '{value}' does not start with https://",
            f"{how}: links in feeds, calendars and e-mails use it, and browsers warn about plain http",
        )
    elif host == "localhost" or host.endswith(".localhost") or host.startswith("127.") or host in ("::1", "0.0.0.0"):
        yield Finding(
            address.file,
            address.line,
            f"{where}the public address '{value}' is this computer, which nobody else can reach",
            how,
        )
    elif _EXAMPLE_HOST.fullmatch(host):
        yield Finding(address.file, address.line, f"{where}the public address '{value}' is an example address", how)
    elif "." not in host:
        yield Finding(
            address.file,
            address.line,
            f"{where}the public address '{value}' is not a public host name (it has no dot)",
            how,
        )


# -- content pages --------------------------------------------------------------------------------


def _markdown_files(content: Path) -> list[Path]:
    return sorted(p for p in content.rglob("*.md") if p.is_file())


def _required_page_findings(content: Path, language: str) -> Iterator[Finding]:
    found: set[str] = set()
    for path in _markdown_files(content / "pages"):
        fields = read_metadata(path.read_text(encoding="utf-8", errors="replace"))[0]
        if not _is_draft(fields) and _value(fields, "lang") == language:
            found.add(_value(fields, "slug"))
    pages = relative(content / "pages", content.parent)
    for slug, name in REQUIRED_PAGES.items():
        if slug not in found:
            yield Finding(
                pages,
                0,
                f"{name} is missing in the site's first language '{language}' (a page with Slug: {slug}, "
                f"Lang: {language}, not a draft)",
                f"write it as {pages}/{slug}.md; every public site of the network needs it",
            )


def _value(fields: dict[str, Field], key: str) -> str:
    return fields[key].value if key in fields else ""


def _is_draft(fields: dict[str, Field]) -> bool:
    return _value(fields, "status").lower() == "draft"


def _published_lines(text: str) -> Iterator[tuple[int, str]]:
    """Lines as (number, text) with HTML comments blanked out: notes there are never published."""
    in_comment = False
    for number, line in enumerate(text.splitlines(), 1):
        kept, rest = "", line
        while rest:
            if in_comment:
                end = rest.find("-->")
                if end < 0:
                    rest = ""
                else:
                    rest, in_comment = rest[end + 3 :], False
            else:
                start = rest.find("<!--")
                if start < 0:
                    kept, rest = kept + rest, ""
                else:
                    kept, rest, in_comment = kept + rest[:start], rest[start + 4 :], True
        yield number, kept


def _placeholder_findings(shown: str, text: str) -> Iterator[Finding]:
    lines = list(_published_lines(text))
    references = {m["label"].strip().lower() for _n, line in lines if (m := _REFERENCE.match(line))}
    in_code = False
    for number, line in lines:
        if _FENCE.match(line):
            in_code = not in_code
            continue
        if in_code or _REFERENCE.match(line):
            continue
        prose = _CODE_SPAN.sub(" ", line)
        for match in _BRACKETED.finditer(prose):
            inner = match["text"].strip()
            if not inner or inner.startswith("^") or inner.lower() in references:
                continue  # a footnote, or a link to a reference defined elsewhere in the file
            yield Finding(
                shown,
                number,
                f"placeholder '{match[0]}' is still there",
                "write the real text in its place (without the brackets)",
            )
        rest = _BRACKETED.sub(" ", prose)
        for match in _MARKER_WORDS.finditer(_without_arabic_marks(rest)):
            yield Finding(
                shown,
                number,
                f"the words '{match[0]}' mark text that is still to be written",
                "write the real text in their place",
            )


def _without_arabic_marks(text: str) -> str:
    """Arabic without its vowel marks (harakat), so يُستكمل and يستكمل are the same word; other text stays."""
    if text.isascii():
        return text
    return "".join(c for c in text if not ("\u064b" <= c <= "\u065f" and unicodedata.category(c) == "Mn"))


# -- example addresses ----------------------------------------------------------------------------


def _example_findings(shown: str, lines: Iterable[tuple[int, str]]) -> Iterator[Finding]:
    for number, line in lines:
        for token in _TOKEN.finditer(line):
            word = token[0].rstrip(".;:!?")
            for match in _EXAMPLE_HOST.finditer(word):
                yield Finding(
                    shown,
                    number,
                    f"'{word}' is an example address ({match['host']} does not exist)",
                    "put in the real address, or delete it",
                )


def _line_of_key(path: Path, key: str) -> int:
    """The line of a top-level `key:` in a YAML file, 0 when it is not there."""
    pattern = re.compile(rf"^{re.escape(key)}\s*:")
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return 0
    return next((n for n, line in enumerate(lines, 1) if pattern.match(line)), 0)
