"""spbe plan."""

from __future__ import annotations

from .message import Message


class Planning:
    plan_heading = Message(
        en="Plan for {institution}, for the {for_year} evaluation (from the {year} assessment): reach {target}",
        id="Rencana untuk {institution}, evaluasi {for_year} (dari penilaian {year}): mencapai {target}",
    )
    plan_targets_written = Message(
        en="{path}: the plan's levels written as target for {count} indicator(s)",
        id="{path}: tingkat rencana ditulis sebagai target untuk {count} indikator",
    )
    err_targets_framework = Message(
        en="{path} is a {other} file, the plan is for {framework}: targets do not carry across frameworks",
        id="{path} berkas {other}, rencana ini untuk {framework}: target tidak dapat dibawa ke kerangka lain",
    )
    err_targets_yaml = Message(
        en="{path}: --write-targets writes into an assessment file (YAML); export a workbook from it afterwards",
        id="{path}: --write-targets menulis ke berkas penilaian (YAML); ekspor buku kerja darinya sesudahnya",
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
