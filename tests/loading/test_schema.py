"""The JSON Schema of assessment files (`spbe schema`) knows every key the loader reads, for every
framework."""

from __future__ import annotations

import json

import pytest

from spbe_cli.loading.catalog import load_catalog
from spbe_cli.loading.models import ENTRY_KEYS, EVIDENCE_KEYS, EXTERNAL_KEY, TOP_KEYS

CATALOG = load_catalog()


@pytest.mark.parametrize("framework_id", CATALOG.ids)
def test_the_schema_knows_every_key(spbe, framework_id):
    schema = json.loads(spbe("schema", "--framework", framework_id).out)
    assert set(schema["properties"]) == set(TOP_KEYS)
    entries = [d for name, d in schema["$defs"].items() if name.startswith("Entry_")]
    assert entries
    for entry in entries:
        assert set(ENTRY_KEYS) <= set(entry["properties"]), set(ENTRY_KEYS) - set(entry["properties"])
    assert set(schema["$defs"]["EvidenceItem"]["properties"]) == set(EVIDENCE_KEYS)
    framework = CATALOG.get(framework_id)
    external = [name for name in schema["$defs"] if EXTERNAL_KEY in schema["$defs"][name].get("properties", {})]
    assert len(external) == sum(1 for i in framework.indicators if i.external is not None and not i.multiple)
    levels = next(d for name, d in schema["$defs"].items() if name.startswith("Levels_"))
    assert set(levels["properties"]) == set(framework.by_id)
