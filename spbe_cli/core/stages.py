"""The stages of one evaluation year, in the official order of PermenPANRB 59/2020 reports.

An assessment file may record an indicator's value at any subset of these stages; the value at
stage S is the one recorded at the latest stage up to and including S.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..i18n import M, Message

# penilaian mandiri (self-assessment), penilaian dokumen, penilaian interviu, penilaian visitasi, hasil akhir
STAGES: tuple[str, ...] = ("mandiri", "dokumen", "interviu", "visitasi", "akhir")
FIRST, FINAL = STAGES[0], STAGES[-1]

LABELS: dict[str, Message] = {
    "mandiri": M.stage_mandiri,
    "dokumen": M.stage_dokumen,
    "interviu": M.stage_interviu,
    "visitasi": M.stage_visitasi,
    "akhir": M.stage_akhir,
}


def position(stage: str) -> int:
    """0 for `mandiri` up to 4 for `akhir`. Raises ValueError for an unknown stage id."""
    return STAGES.index(stage)


def ordered(stages: Iterable[str]) -> tuple[str, ...]:
    """The given stage ids once each, in the official order."""
    wanted = set(stages)
    return tuple(stage for stage in STAGES if stage in wanted)
