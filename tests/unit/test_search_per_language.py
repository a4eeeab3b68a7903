"""A large site's search index is made one language at a time (netzwerk_search/per_language.py): it must
be the very index one Pagefind run over the whole site makes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from netzwerk_search import language_globs
from netzwerk_search.per_language import index

WORDS = {
    "de": ["Sprachcafé", "Beratung", "Netzwerktreffen", "Ehrenamt"],
    "en": ["language café", "counselling", "network meeting", "volunteering"],
    "ar": ["مقهى اللغة", "استشارة", "اجتماع الشبكة", "تطوع"],
}


def _site(root: Path) -> Path:
    for lang, words in WORDS.items():
        prefix = "" if lang == "de" else f"{lang}/"
        for number, word in enumerate(words):
            page = root / f"{prefix}events/e{number}/index.html"
            page.parent.mkdir(parents=True, exist_ok=True)
            body = f"<main data-pagefind-body><h1>{word} {number}</h1><p>{' '.join(words)}</p></main>"
            page.write_text(
                f'<!DOCTYPE html><html lang="{lang}"><head><title>{word}</title></head><body>{body}</body></html>'
            )
        (root / f"{prefix}index.html").write_text(
            f'<!DOCTYPE html><html lang="{lang}"><head><title>x</title></head>'
            f"<body><main data-pagefind-body><p>{words[0]}</p></main></body></html>"
        )
    (root / "theme").mkdir()
    (root / "theme" / "site.css").write_text("body{}")
    return root


def _files(folder: Path) -> dict[str, bytes]:
    found = {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
    entry = json.loads(found.pop("pagefind-entry.json"))
    entry["languages"] = dict(sorted(entry["languages"].items()))
    found["pagefind-entry.json"] = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode()
    return found


def test_one_language_at_a_time_makes_the_index_one_run_makes(tmp_path: Path) -> None:
    site = _site(tmp_path / "site")
    whole, apart = tmp_path / "whole", tmp_path / "apart"
    subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(whole), "--silent"], check=True
    )
    globs = language_globs(site, site / "pagefind")
    assert globs == ["ar/**/*.html", "en/**/*.html", "{events/**/*.html,index.html,theme/**/*.html}"]
    assert index(site, apart, globs) == 0
    made = _files(apart)
    assert made.pop("more.json") == b"{}"  # no language in parts
    assert made == _files(whole)
    assert list(json.loads(made["pagefind-entry.json"])["languages"]) == ["ar", "de", "en"]
    assert sum(name.startswith("fragment/de_") for name in made) == 5  # the German pages are there


def test_a_site_in_one_language_is_one_glob(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "events").mkdir(parents=True)
    (site / "index.html").write_text('<html lang="de"><body><main data-pagefind-body>x</main></body></html>')
    assert language_globs(site, site / "pagefind") == ["**/*.html"]


def test_a_large_language_is_indexed_in_parts_each_page_once(tmp_path: Path) -> None:
    site = _site(tmp_path / "site")
    # Lists that are not for the index, last in path order: no part may hold them alone (Pagefind would
    # index a part without any marked page whole).
    for number in range(4):
        listing = site / f"en/zz-lists/{number}/index.html"
        listing.parent.mkdir(parents=True)
        listing.write_text(
            f'<html lang="en"><body><main><p>list {number} of data-pagefind-body</p></main></body></html>'
        )
    whole, parted = tmp_path / "whole", site / "pagefind"
    subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(whole), "--silent"], check=True
    )
    assert index(site, parted, language_globs(site, parted), pages_per_run=2) == 0
    more = json.loads((parted / "more.json").read_text(encoding="utf-8"))
    # 5 pages per language in parts of at most 2: parts of 2, 2 and 1, the first in the bundle itself
    assert more == {lang: [f"more/{n}-2/", f"more/{n}-3/"] for n, lang in enumerate(["ar", "en", "de"], start=1)}
    fragments = sorted(p.name for p in parted.rglob("fragment/*"))
    assert fragments == sorted(p.name for p in whole.rglob("fragment/*"))
    assert not list(site.glob(".pagefind*")), "the folder of links is left behind"
    for parts in more.values():
        for part in parts:
            assert (parted / part / "pagefind.js").is_file()
