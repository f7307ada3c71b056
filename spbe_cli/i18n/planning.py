"""spbe plan."""

from __future__ import annotations

from .message import Message


class Planning:
    plan_heading = Message(
        en="Plan for {institution} ({year}): reach {target}",
        id="Rencana untuk {institution} ({year}): mencapai {target}",
    )
    plan_current = Message(en="Current: {index} ({predikat})", id="Saat ini: {index} ({predikat})")
    plan_reached = Message(
        en="With the plan: {index} ({predikat}), total cost {cost}",
        id="Dengan rencana: {index} ({predikat}), total biaya {cost}",
    )
    plan_nothing = Message(
        en="Already at or above the target: nothing to raise.",
        id="Sudah mencapai atau melampaui target: tidak ada yang perlu dinaikkan.",
    )
    plan_external_locked = Message(
        en="Not raised: {ids} take their value from other agencies' indices (--unlock-external to include them).",
        id="Tidak dinaikkan: {ids} mengambil nilai dari indeks instansi lain (--unlock-external untuk menyertakannya).",
    )
    plan_thin_margin = Message(
        en="warning: the plan reaches {reached}, only {slack} above what {target} needs; one level less on any planned indicator (at least {step}) would lose it. --margin 0.05 plans with room to spare",
        id="peringatan: rencana mencapai {reached}, hanya {slack} di atas yang diperlukan {target}; satu tingkat kurang pada indikator mana pun dalam rencana (minimal {step}) akan menggagalkannya. --margin 0.05 merencanakan dengan cadangan",
    )
    plan_targets_capped = Message(
        en="the targets written in the file cap some indicators; --ignore-targets plans past them",
        id="target yang ditulis di berkas membatasi beberapa indikator; --ignore-targets merencanakan melewatinya",
    )
    plan_no_office = Message(en="(no office named)", id="(tanpa OPD)")
