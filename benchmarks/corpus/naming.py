"""Ids from names, and the sub-networks (strands) a larger scale adds."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .vocabulary import STRANDS

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue"})


def slug(text: str, most: int = 80) -> str:
    """An id as editors make one: lowercase ASCII letters, digits and hyphens, cut at a hyphen."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(_UMLAUTS)).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(words) <= most:
        return words
    return words[:most].rsplit("-", 1)[0]


class Ids:
    """Hands out unique ids: a second 'caritas-erfurt' becomes 'caritas-erfurt-2'."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def __contains__(self, candidate: str) -> bool:
        return candidate in self._taken

    def new(self, base: str) -> str:
        candidate, number = base, 1
        while candidate in self._taken:
            number += 1
            candidate = f"{base}-{number}"
        self._taken.add(candidate)
        return candidate


@dataclass(frozen=True)
class Strand:
    """One sub-network: the whole network at scale 1, plus district networks at larger scales."""

    index: int

    @property
    def names(self) -> tuple[str, str, str]:
        if self.index < len(STRANDS):
            return STRANDS[self.index]
        return (f"Bezirk {self.index}", f"District {self.index}", f"المنطقة {self.index}")

    @property
    def suffix(self) -> str:
        """Appended to ids: '' for the main network, '-nord' for the northern district network."""
        return f"-{slug(self.names[0])}" if self.index else ""

    def titled(self, de: str, en: str, ar: str = "") -> tuple[str, str, str]:
        """A name or title with the district added ('Netzwerkcafé Nord')."""
        if not self.index:
            return de, en, ar
        strand_de, strand_en, strand_ar = self.names
        return f"{de} {strand_de}", f"{en} ({strand_en})" if en else "", f"{ar} ({strand_ar})" if ar else ""
