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

# Where `make publish` delivers the site (docs/publish.md): "folder:PATH", "rsync:[user@]host:PATH"
# or "gh-pages" ("gh-pages:REMOTE:BRANCH"). The environment variable of the same name overrides it;
# write your target after `or` to make it the default, e.g. ... or "folder:/var/www/netzwerk/current".
PUBLISH_TARGET = os.environ.get("PUBLISH_TARGET") or ""
