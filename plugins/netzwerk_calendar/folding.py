"""A fast path in front of icalendar's line folding (RFC 5545 §3.1), with the very same output.

icalendar 7 folds every content line character by character (about 60 µs a line; a 20-year site writes
some 80,000 lines per language). A line of fewer than 75 octets is never folded (icalendar folds before a
character that would bring a line to 75 octets), so it is returned as it is. A longer one is cut on its
UTF-8 octets with icalendar's rule: each part ends at the last character that fits in 74 octets, and a
part that would end in "\\" or "^" leaves that character to the next (icalendar's issue #1501). A line
with a line break goes to icalendar's own function (which refuses it). tests/unit/test_ics_folding.py
compares both on many lines.
"""

from __future__ import annotations

from collections.abc import Callable

from icalendar.parser import content_line

LIMIT = 75  # icalendar's default: a folded line holds at most 74 octets

_original: Callable[..., str] | None = None


def _fast_foldline(line: str, limit: int = LIMIT, fold_sep: str = "\r\n ") -> str:
    if "\n" in line or limit < 6:  # below, a part may not hold an escape and a 4-octet character
        assert _original is not None
        return _original(line, limit, fold_sep)
    if len(line) < limit and len(line.encode("utf-8")) < limit:
        return line  # icalendar returns it unchanged
    return _fold_octets(line.encode("utf-8"), limit - 1, fold_sep)


# A continuation octet of a UTF-8 character (10xxxxxx): never the first octet of a part.
_CONTINUATION = 0x80
_KEPT_TOGETHER = (ord("\\"), ord("^"))  # the escapes icalendar never ends a part with


def _fold_octets(octets: bytes, most: int, fold_sep: str) -> str:
    """Cut UTF-8 `octets` into parts of at most `most` octets on character boundaries, as icalendar does."""
    parts = []
    start, total = 0, len(octets)
    while total - start > most:
        end = start + most
        while octets[end] & 0xC0 == _CONTINUATION:  # back to the start of the character that does not fit
            end -= 1
        if octets[end - 1] in _KEPT_TOGETHER and end - 1 > start:
            end -= 1  # the escape character opens the next part
        parts.append(octets[start:end].decode("utf-8"))
        start = end
    parts.append(octets[start:].decode("utf-8"))
    return fold_sep.join(parts)


def install() -> None:
    """Put the fast path in front of icalendar's folding (once; a no-op where icalendar has none)."""
    global _original
    found = getattr(content_line, "_foldline", None)
    if found is None or found is _fast_foldline:
        return
    _original = found
    content_line._foldline = _fast_foldline


def icalendar_foldline() -> Callable[..., str]:
    """icalendar's own folding, for the tests that compare."""
    return _original or content_line._foldline
