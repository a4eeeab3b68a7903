"""Lines in a page or info mail that pull facts from the data at build time (e.g. the events of a period)."""

from __future__ import annotations

from typing import Any


def expand_directives(html: str, lang: str, settings: dict[str, Any]) -> str:
    """The content's HTML with every directive replaced by what it stands for (placeholder)."""
    return html
