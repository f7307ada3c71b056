"""The safety scan reads a workbook's attributes by local name (`x:r` as `r`), the first of each name
winning, as readers match them; looked up once per element instead of once per attribute wanted."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from spbe_cli.loading.archive import _by_local_name, _count

NAMES = st.sampled_from(["r", "t", "s", "count", "uniqueCount", "ref", "x:r", "x:t", "y:r", "a:b:r", ":r", "r:"])


@given(st.dictionaries(NAMES, st.sampled_from(["A1", "e", "s", "2000001", "B14", ""]), max_size=6))
def test_attributes_by_local_name_are_what_the_scan_found_one_by_one(attributes):
    local = _by_local_name(attributes)
    for name in ("r", "t", "count", "uniqueCount", "ref", "b", ""):
        assert local.get(name) == _count(attributes, name)


def test_a_prefixed_reference_is_read_and_the_first_of_two_wins():
    assert _by_local_name({"x:r": "A1", "r": "B2"})["r"] == "A1"
    assert _by_local_name({"r": "B2", "x:r": "A1"})["r"] == "B2"
    assert _by_local_name({"r": "C3", "t": "e"}) == {"r": "C3", "t": "e"}
