"""The site's pages: home, members, working groups, events, info mail and content pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pelican import signals

from .directives import expand_directives
from .documents import DocumentIndex, human_size
from .generator import SiteGenerator
from .publication import hold_back, use_strict_dates
from .richtext import sanitise_content


def _generators(pelican: Any) -> type[SiteGenerator]:
    return SiteGenerator


def _sanitise_content(content: Any) -> None:
    # Markdown pages and info mails get the same sanitising as data texts, after their
    # directives (facts from the data, e.g. the events of a period) are expanded.
    if getattr(content, "_content", None):
        expanded = expand_directives(content._content, content.lang, content.settings)
        content._content = sanitise_content(expanded)
    if getattr(content, "_summary", None):
        content._summary = sanitise_content(content._summary)


def _documents(settings: dict[str, Any]) -> DocumentIndex:
    """The build's documents (one index per run, shared by every generator)."""
    if "NETWORK_DOCUMENTS" not in settings:
        settings["NETWORK_DOCUMENTS"] = DocumentIndex(settings["NETWORK_DATASET"], Path(settings["PATH"]))
    return settings["NETWORK_DOCUMENTS"]


def _install_documents(generator: Any) -> None:
    # Event and working-group pages list documents; the lists are made in documents.py.
    generator.env.globals.update(documents=_documents(generator.settings), human_size=human_size)


def _keep_compiled_templates(generator: Any) -> None:
    # `make serve`: templates compiled by one rebuild serve the next (before any template is loaded).
    cache = generator.settings.get("NETWORK_OUTPUT_CACHE")
    if cache is not None and hasattr(generator, "env"):
        generator.env.bytecode_cache = cache.templates


def _publish_documents(pelican: Any) -> None:
    # Only the files the data names are published, at the same path under the site root.
    _documents(pelican.settings).publish(Path(pelican.output_path))


def register() -> None:
    use_strict_dates()
    signals.get_generators.connect(_generators)
    signals.article_generator_context.connect(hold_back)
    signals.page_generator_context.connect(hold_back)
    signals.content_object_init.connect(_sanitise_content)
    signals.generator_init.connect(_install_documents)
    signals.generator_init.connect(_keep_compiled_templates)
    signals.finalized.connect(_publish_documents)
