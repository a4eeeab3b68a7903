"""What the build keeps in .cache/ between builds: the same bytes as made afresh, keyed by what matters."""

from __future__ import annotations

import os
from pathlib import Path

import segno

from netzwerk_print.kept import KeptFiles
from netzwerk_print.pdf import theme_files
from netzwerk_print.qr import QrCodes

URL = "https://www.netzwerk-integration-erfurt.example/en/events/calendar/2026-11/"


def test_a_kept_qr_code_is_the_code_made_afresh_and_reads_back(tmp_path: Path) -> None:
    fresh = QrCodes()(URL, "QR code: this calendar online")
    kept = QrCodes(tmp_path)
    assert kept(URL, "QR code: this calendar online") == fresh  # made and kept
    (entry,) = tmp_path.glob("*.svg")
    assert kept(URL, "QR code: this calendar online") == fresh  # read back
    assert kept(URL, "QR-Code: dieser Kalender online") != fresh  # the label is the page's, not kept
    # the kept code is segno's code of the text (not of another text)
    assert entry.read_text(encoding="utf-8").count("<path") == 1
    modules = segno.make(URL, error="m", micro=False).symbol_size(scale=1, border=4)
    assert f'viewBox="0 0 {modules[0]} {modules[1]}"' in fresh


def test_kept_files_drop_the_ones_used_longest_ago(tmp_path: Path) -> None:
    kept = KeptFiles(tmp_path, ".bin", entries=3)
    for number in range(3):
        kept.keep(f"k{number}", b"x")
        os.utime(tmp_path / f"k{number}.bin", (1000 + number, 1000 + number))
    assert kept.get("k0") == b"x"  # used now: k1 is now the one used longest ago
    kept.keep("k3", b"y")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["k0.bin", "k2.bin", "k3.bin"]


def test_the_pdf_key_follows_the_styles_not_the_scripts(tmp_path: Path) -> None:
    theme = tmp_path / "theme"
    (theme / "css").mkdir(parents=True)
    (theme / "js").mkdir()
    (theme / "css" / "site.css").write_text("body { color: black }")
    (theme / "js" / "search.js").write_text("let a = 1;")
    before = theme_files(tmp_path)
    (theme / "js" / "search.js").write_text("let a = 2;")
    assert theme_files(tmp_path) == before  # WeasyPrint runs no scripts
    (theme / "css" / "site.css").write_text("body { color: navy }")
    assert theme_files(tmp_path) != before
