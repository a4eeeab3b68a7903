"""The network's data: one loader, strict validation, shared by every plugin."""

from __future__ import annotations

from .loader import Dataset, load_dataset
from .occurrences import Occurrence, expand
from .problems import DataError, Problem
from .values import Localized, Translatable

__all__ = ["DataError", "Dataset", "Localized", "Occurrence", "Problem", "Translatable", "expand", "load_dataset"]


def _attach_dataset(pelican: object) -> None:
    """Load the data once per build; every plugin reads settings["NETWORK_DATASET"].

    The build command has already loaded and checked it and passes it in; only a plain
    `pelican` run loads it here.
    """
    from pathlib import Path

    settings = pelican.settings  # type: ignore[attr-defined]
    dataset = settings.get("NETWORK_DATASET") or load_dataset(Path(settings["NETWORK_DATA"]), Path(settings["PATH"]))
    settings["NETWORK_DATASET"] = dataset
    settings["DEFAULT_LANG"] = dataset.default_language
    settings["SITENAME"] = dataset.network.short_name


def register() -> None:
    from pelican import signals

    signals.initialized.connect(_attach_dataset)
