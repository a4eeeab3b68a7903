"""Data files parsed and validated by the last load, by their text, for the next load in the same process.

Only `make serve` keeps a LoadMemo across its rebuilds: an edit then costs the files it changed, not all
of them. A file whose text is unchanged gives the very same parsed document and record (both are only
read afterwards); every check across files runs again on every load. Entries the last load did not use
are dropped, so the memo holds one version of each file.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")


class LoadMemo:
    def __init__(self) -> None:
        self._entries: dict[Hashable, Any] = {}
        self._used: set[Hashable] = set()

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        """The value made for `key` by this load or the last one; else make() now."""
        if key not in self._entries:
            self._entries[key] = make()
        self._used.add(key)
        return self._entries[key]

    def finish(self) -> None:
        """A load is done: forget what it did not use."""
        self._entries = {key: value for key, value in self._entries.items() if key in self._used}
        self._used = set()
