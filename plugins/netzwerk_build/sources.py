"""Check everything editors wrote (data, content, language catalogues) in one pass, all problems together."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from netzwerk_data import DataError, Dataset, Problem, load_dataset
from netzwerk_data.content import check_content
from netzwerk_data.memo import LoadMemo
from netzwerk_data.models import Network
from netzwerk_data.problems import report
from netzwerk_data.values import language_codes
from netzwerk_i18n import MissingCatalogue, load_catalogue


@dataclass
class SourceCheck:
    dataset: Dataset | None
    data_problems: list[Problem] = field(default_factory=list)
    content_problems: list[Problem] = field(default_factory=list)
    other: list[str] = field(default_factory=list)  # problems that belong to no file line (catalogues)

    @property
    def ok(self) -> bool:
        return self.dataset is not None and not (self.data_problems or self.content_problems or self.other)

    def report(self) -> str:
        problems = self.data_problems + self.content_problems
        subject = (
            "The data and content have"
            if self.data_problems and self.content_problems
            else ("The content has" if self.content_problems else "The data has")
        )
        parts = [report(problems, subject=subject)] if problems else []
        return "\n".join(parts + self.other)


def check_sources(data: Path, content: Path, translations: Path, memo: LoadMemo | None = None) -> SourceCheck:
    """Load and check the data, then the content with the data's languages, then the catalogues.
    memo: the data files of an earlier load in this process (`make serve`)."""
    check = SourceCheck(dataset=None)
    network = None
    try:
        check.dataset = load_dataset(data, content, memo)
        network = check.dataset.network
    except DataError as error:
        check.data_problems = list(error.problems)
        network = error.network
    languages, default = _languages(network)
    check.content_problems = check_content(content, languages, default, check.dataset)
    if check.dataset is not None:
        for lang in languages:
            try:
                load_catalogue(str(translations), lang)
            except MissingCatalogue as error:
                check.other.append(str(error))
    return check


def _languages(network: Network | None) -> tuple[tuple[str, ...], str]:
    """The site's languages; when network.yaml itself is broken, every known code passes."""
    if network is not None:
        return tuple(network.languages), network.default_language
    return tuple(sorted(language_codes())), "de"
