"""Settings for deployment: `invoke build --settings publishconf.py`."""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pelicanconf import *  # noqa: F403

# The public address, used for canonical and alternate links; set it for your host.
SITEURL = os.environ.get("SITEURL", "")
RELATIVE_URLS = False
