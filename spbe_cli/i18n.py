"""Every user-facing label and message, in English and Bahasa Indonesia. JSON keys stay English.

The language comes from --lang, else SPBE_LANG, else LANG starting with "id", else English.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

LANGUAGES = ("en", "id")

MESSAGES: dict[str, dict[str, str]] = {
    "en": {
        # headings and labels
        "index": "Index",
        "predikat": "Predikat",
        "domain": "Domain",
        "domains": "Domains",
        "aspect": "Aspect",
        "aspects": "Aspects",
        "indicator": "Indicator",
        "indicators": "Indicators",
        "name": "Name",
        "weight": "Weight",
        "value": "Value",
        "level": "Level",
        "target": "Target",
        "institution": "Institution",
        "year": "Year",
        "framework": "Framework",
        "rank": "Rank",
        "old": "Old",
        "new": "New",
        "change": "Change",
        "effect": "Effect on index",
        "cost": "Cost",
        "from": "From",
        "to": "To",
        "steps": "Steps",
        "summary": "Summary",
        "count": "Count",
        "mean": "Mean",
        "median": "Median",
        "min": "Min",
        "max": "Max",
        "failed": "Failed",
        "per_predikat": "Per predikat",
        "file": "File",
        "service_n": "service {n}",
        # sentences
        "score_heading": "{index_name} {year}: {institution}",
        "framework_line": "Framework: {title} ({id})",
        "result_line": "{index_name}: {index} ({predikat})",
        "diff_heading": "Change in {index_name}: {old_institution} {old_year} -> {new_institution} {new_year}",
        "diff_overall": "Index: {old} ({old_predikat}) -> {new} ({new_predikat}), change {delta}",
        "diff_predikat_up": "Predikat rose: {old} -> {new}",
        "diff_predikat_down": "Predikat fell: {old} -> {new}",
        "diff_predikat_same": "Predikat unchanged: {predikat}",
        "diff_cross_framework": (
            "The two files use different frameworks ({old} and {new}): the indices are measured on different "
            "instruments, and indicators cannot be compared one by one. Domains and aspects are matched by name."
        ),
        "diff_other_institution": "The files are of different institutions: {old} and {new}.",
        "diff_no_change": "No indicator changed.",
        "diff_changed_indicators": "Indicators that changed (largest effect first)",
        "plan_heading": "Plan for {institution} ({year}): reach {target}",
        "plan_current": "Current: {index} ({predikat})",
        "plan_reached": "With the plan: {index} ({predikat}), total cost {cost}",
        "plan_nothing": "Already at or above the target: nothing to raise.",
        "rank_heading": "Ranking: {framework}",
        "rank_group_heading": "Ranking: {framework}, {year}",
        "rank_failed_files": "{count} file(s) could not be scored",
        "rank_files": "{scored} of {total} files scored",
        "group_column": "{kind} {number}",
        # errors and gates
        "err_gate_fail_under": "{path}: index {index} is below --fail-under {threshold}",
        "err_gate_min_predikat": "{path}: predikat {predikat} is below --min-predikat {wanted}",
        "err_gate_drop": "index dropped: {old} -> {new}",
        "err_gate_predikat_drop": "predikat fell: {old} -> {new}",
        "err_unknown_predikat": "unknown predikat {name!r}; choose one of: {choices}",
        "err_bad_number": "{value!r} is not a number",
        "err_exists": "{path} exists; use --force to overwrite it",
        "err_internal": "internal error: {error}. This is a bug in spbe; run again with --debug for details.",
        "err_unreachable": "target {target} cannot be reached: the best reachable index is {best} ({predikat})",
        "err_no_files": "no assessment files found",
        "err_target_range": "target {target} is outside the value range {low} to {high}",
        "msg_valid": "{path}: valid ({framework}, {count} indicators)",
        "msg_written": "written to {path}",
        "msg_outside_years": "{path}: note: {year} is outside the years of {framework} ({years})",
        "err_unknown_ids": "unknown indicator(s) of {framework}: {ids}",
        "err_max_level": "--max-level must be from {low} to {high}",
    },
    "id": {
        "index": "Indeks",
        "predikat": "Predikat",
        "domain": "Domain",
        "domains": "Domain",
        "aspect": "Aspek",
        "aspects": "Aspek",
        "indicator": "Indikator",
        "indicators": "Indikator",
        "name": "Nama",
        "weight": "Bobot",
        "value": "Nilai",
        "level": "Tingkat",
        "target": "Target",
        "institution": "Instansi",
        "year": "Tahun",
        "framework": "Kerangka",
        "rank": "Peringkat",
        "old": "Lama",
        "new": "Baru",
        "change": "Perubahan",
        "effect": "Pengaruh pada indeks",
        "cost": "Biaya",
        "from": "Dari",
        "to": "Ke",
        "steps": "Langkah",
        "summary": "Ringkasan",
        "count": "Jumlah",
        "mean": "Rata-rata",
        "median": "Median",
        "min": "Terendah",
        "max": "Tertinggi",
        "failed": "Gagal",
        "per_predikat": "Per predikat",
        "file": "Berkas",
        "service_n": "layanan {n}",
        "score_heading": "{index_name} {year}: {institution}",
        "framework_line": "Kerangka: {title} ({id})",
        "result_line": "{index_name}: {index} ({predikat})",
        "diff_heading": "Perubahan {index_name}: {old_institution} {old_year} -> {new_institution} {new_year}",
        "diff_overall": "Indeks: {old} ({old_predikat}) -> {new} ({new_predikat}), perubahan {delta}",
        "diff_predikat_up": "Predikat naik: {old} -> {new}",
        "diff_predikat_down": "Predikat turun: {old} -> {new}",
        "diff_predikat_same": "Predikat tetap: {predikat}",
        "diff_cross_framework": (
            "Kedua berkas memakai kerangka berbeda ({old} dan {new}): indeksnya diukur dengan instrumen berbeda, "
            "dan indikator tidak dapat dibandingkan satu per satu. Domain dan aspek dicocokkan menurut nama."
        ),
        "diff_other_institution": "Kedua berkas milik instansi berbeda: {old} dan {new}.",
        "diff_no_change": "Tidak ada indikator yang berubah.",
        "diff_changed_indicators": "Indikator yang berubah (pengaruh terbesar lebih dulu)",
        "plan_heading": "Rencana untuk {institution} ({year}): mencapai {target}",
        "plan_current": "Saat ini: {index} ({predikat})",
        "plan_reached": "Dengan rencana: {index} ({predikat}), total biaya {cost}",
        "plan_nothing": "Sudah mencapai atau melampaui target: tidak ada yang perlu dinaikkan.",
        "rank_heading": "Peringkat: {framework}",
        "rank_group_heading": "Peringkat: {framework}, {year}",
        "rank_failed_files": "{count} berkas tidak dapat dinilai",
        "rank_files": "{scored} dari {total} berkas dinilai",
        "group_column": "{kind} {number}",
        "err_gate_fail_under": "{path}: indeks {index} di bawah --fail-under {threshold}",
        "err_gate_min_predikat": "{path}: predikat {predikat} di bawah --min-predikat {wanted}",
        "err_gate_drop": "indeks turun: {old} -> {new}",
        "err_gate_predikat_drop": "predikat turun: {old} -> {new}",
        "err_unknown_predikat": "predikat {name!r} tidak dikenal; pilih salah satu: {choices}",
        "err_bad_number": "{value!r} bukan angka",
        "err_exists": "{path} sudah ada; pakai --force untuk menimpanya",
        "err_internal": "galat internal: {error}. Ini kesalahan di spbe; jalankan lagi dengan --debug untuk rinciannya.",
        "err_unreachable": "target {target} tidak dapat dicapai: indeks terbaik yang dapat dicapai {best} ({predikat})",
        "err_no_files": "tidak ada berkas penilaian yang ditemukan",
        "err_target_range": "target {target} di luar rentang nilai {low} sampai {high}",
        "msg_valid": "{path}: valid ({framework}, {count} indikator)",
        "msg_written": "ditulis ke {path}",
        "msg_outside_years": "{path}: catatan: {year} di luar tahun berlaku {framework} ({years})",
        "err_unknown_ids": "indikator tidak dikenal di {framework}: {ids}",
        "err_max_level": "--max-level harus dari {low} sampai {high}",
    },
}


def default_language(environ: Mapping[str, str] | None = None) -> str:
    """SPBE_LANG if it names a known language, else Indonesian when LANG starts with "id"."""
    environ = os.environ if environ is None else environ
    chosen = environ.get("SPBE_LANG", "").strip().lower()[:2]
    if chosen in LANGUAGES:
        return chosen
    return "id" if environ.get("LANG", "").lower().startswith("id") else "en"


class Messages:
    """Messages of one language: messages("key", name=...) formats one."""

    def __init__(self, language: str = "en"):
        self.language = language if language in LANGUAGES else "en"
        self._table = MESSAGES[self.language]

    def __call__(self, key: str, **values: object) -> str:
        return self._table[key].format(**values)


def messages(language: str | None = None) -> Messages:
    return Messages(language or default_language())
