"""JSON Schemas for editors' tools, generated from the models that validate the data."""

from __future__ import annotations

import json
from pathlib import Path

from .models import KINDS

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_of(kind: str) -> dict:
    schema = KINDS[kind].model_json_schema(mode="validation")
    return {"$schema": SCHEMA_DIALECT, "title": f"{kind} (data contract)", **schema}


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in KINDS:
        path = folder / f"{kind}.schema.json"
        path.write_text(
            json.dumps(schema_of(kind), indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8"
        )
        written.append(path)
    return written
