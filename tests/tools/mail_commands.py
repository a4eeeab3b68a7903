"""The kit's mail commands as a coordinator runs them, without the NETZWERK_* settings of whoever runs the tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def invoke(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`invoke <args>` in the project folder with only the NETZWERK_* variables given in `env`."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("NETZWERK_")}
    return subprocess.run(
        [sys.executable, "-m", "invoke", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env={**environment, **(env or {})},
    )
