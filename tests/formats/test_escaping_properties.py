"""Whatever the user text, no human output carries a raw control character or a workflow command."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ..helpers import CASES, RAW_CONTROL, command_lines

DENPASAR = (CASES / "denpasar-2021.yaml").read_text(encoding="utf-8")

CONTROL_TEXT = st.lists(
    st.one_of(
        st.characters(codec="utf-8", categories=["Cc", "Cf", "Zl", "Zp", "Zs"]),
        st.sampled_from(["::", "##[", "\x1b[2J", "\x1b]8;;x\x07", "%", ",", "&#8238;", "<b>", "=1+1", "a", "Kota"]),
    ),
    min_size=1,
    max_size=30,
).map("".join)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(institution=CONTROL_TEXT, fmt=st.sampled_from(["table", "markdown", "csv"]))
def test_control_characters_never_reach_a_human_output_raw(spbe, tmp_path, institution, fmt):
    path = tmp_path / "a.yaml"
    path.write_text(
        DENPASAR.replace("institution: Pemerintah Kota Denpasar", f"institution: {json.dumps(institution)}"),
        encoding="utf-8",
    )
    code, out, err = spbe("score", path, "-f", fmt)
    assert code in (0, 3), err  # 3: a name of only invisible characters is empty
    for text in (out, err):
        assert RAW_CONTROL.search(text) is None
        assert command_lines(text) == []
