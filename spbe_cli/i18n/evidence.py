"""Evidence items, external indices and spbe evidence."""

from __future__ import annotations

from .message import Message


class Evidence:
    evidence_count = Message(en="Evidence", id="Bukti")
    ext_section = Message(en="Values from other agencies' indices", id="Nilai dari indeks instansi lain")
    ext_from = Message(en="from the {index} index {number}; {status}", id="dari Indeks {index} {number}; {status}")
    ext_pending = Message(
        en="{index} index pending: {value} until it is published",
        id="Indeks {index} belum terbit: {value} sampai dipublikasikan",
    )
    ext_estimate = Message(en="estimated conversion", id="konversi perkiraan")
    ext_confirmed = Message(en="confirmed conversion", id="konversi terkonfirmasi")
    ext_source_column = Message(en="Source of value", id="Asal nilai")
    ext_pending_word = Message(en="pending", id="belum terbit")
    ext_until_published = Message(en="{value} until it is published", id="{value} sampai dipublikasikan")
    ev_heading = Message(
        en="Evidence: {institution}, {index_name} {year}", id="Bukti dukung: {institution}, {index_name} {year}"
    )
    ev_queue = Message(
        en="Work queue: what blocks each next level, the most index at stake or to gain first",
        id="Antrean kerja: penghambat tiap tingkat berikutnya, indeks yang paling berisiko atau dapat naik dahulu",
    )
    ev_queue_empty = Message(
        en="No open level: no indicator has a coded item still to be accepted or a level above to reach.",
        id="Tidak ada tingkat terbuka: tidak ada indikator dengan butir berkode yang belum diterima atau tingkat di atasnya.",
    )
    ev_items = Message(en="Items per indicator and level", id="Butir per indikator dan tingkat")
    ev_secured = Message(en="Secured", id="Terpenuhi")
    ev_next = Message(en="Next level", id="Tingkat berikutnya")
    ev_to_finish = Message(en="Items to finish", id="Butir yang harus diselesaikan")
    ev_code = Message(en="Code", id="Kode")
    ev_link = Message(en="Link", id="Tautan")
    ev_sheet_queue = Message(en="Work queue", id="Antrean kerja")
    ev_sheet_items = Message(en="Items", id="Butir")
    ev_item = Message(en="Item", id="Butir")
    ev_status = Message(en="Status", id="Status")
    ev_note = Message(en="Note", id="Catatan")
    ev_none_recorded = Message(
        en="no item recorded for level {level} yet", id="belum ada butir tercatat untuk tingkat {level}"
    )
    ev_no_code = Message(en="no level code", id="tanpa kode tingkat")
    ev_accepted = Message(en="{accepted} of {total} accepted", id="{accepted} dari {total} diterima")
    ev_effect_meaning = Message(
        en="Effect on index: the exact change of the index if the value reached the next level (0 if it is there already); at risk: what the index loses if a value above what its accepted items secure fell to that level. Ordered by the two together.",
        id="Pengaruh pada indeks: perubahan indeks yang tepat bila nilai mencapai tingkat berikutnya (0 bila sudah di sana); berisiko: penurunan indeks bila nilai yang melebihi tingkat yang dijamin butir yang diterima turun ke tingkat itu. Diurutkan menurut keduanya.",
    )
    ev_at_risk = Message(
        en="at risk {stake}: the value {value} is above level {secured}, what its accepted items secure",
        id="berisiko {stake}: nilai {value} di atas tingkat {secured}, yang dijamin butir yang diterima",
    )
    ev_at_stake = Message(en="At stake", id="Berisiko")
    ev_effect_unfilled = Message(en="value not filled", id="nilai belum diisi")
    ev_effect_external = Message(en="set by the {index} index", id="ditentukan Indeks {index}")
    ev_rule_unpublished = Message(
        en="Values are the assessors'. The official rule turning item statuses into a value is not published, so spbe derives none.",
        id="Nilai berasal dari asesor. Aturan resmi yang mengubah status butir menjadi nilai belum dipublikasikan, sehingga spbe tidak menurunkannya.",
    )
    ev_no_level_codes = Message(
        en="No item carries a level code (I<n>-L<level>-<nn>): the items are listed per indicator, but no level secured and no work queue can be derived.",
        id="Tidak ada butir yang berkode tingkat (I<n>-L<tingkat>-<nn>): butir dicantumkan per indikator, tetapi tingkat terpenuhi dan antrean kerja tidak dapat diturunkan.",
    )
    ev_uncoded = Message(
        en="{count} item(s) without a level code are listed under their indicator and count toward no level.",
        id="{count} butir tanpa kode tingkat dicantumkan di bawah indikatornya dan tidak dihitung untuk tingkat mana pun.",
    )
    ev_without_items = Message(en="No evidence item recorded: {ids}", id="Belum ada butir bukti dukung: {ids}")
    ev_no_items = Message(en="The file records no evidence items.", id="Berkas ini tidak mencatat butir bukti dukung.")
