"""Checking a frameworks file (indicators.yaml or --frameworks)."""

from __future__ import annotations

from .message import Message


class FrameworksFile:
    fw_unreadable = Message(
        en="cannot read frameworks file: {reason}", id="berkas kerangka tidak dapat dibaca: {reason}"
    )
    fw_schema = Message(en="{where}: {detail}", id="{where}: {detail}")
    fw_duplicate_framework = Message(en="framework id {id!r} appears twice", id="id kerangka {id!r} muncul dua kali")
    fw_value_range = Message(
        en="values.min must be below values.max", id="values.min harus lebih kecil dari values.max"
    )
    fw_duplicate_aspect = Message(en="aspect number {number} appears twice", id="nomor aspek {number} muncul dua kali")
    fw_undefined_scale = Message(
        en="aspect {number}: level scale {scale!r} is not defined in level_scales",
        id="aspek {number}: skala tingkat {scale!r} tidak didefinisikan di level_scales",
    )
    fw_duplicate_indicator = Message(en="indicator id {id!r} appears twice", id="id indikator {id!r} muncul dua kali")
    fw_group_weight = Message(
        en="{kind} {number} declares weight {declared} but its indicators sum to {actual}",
        id="{kind} {number} menyatakan bobot {declared} tetapi jumlah bobot indikatornya {actual}",
    )
    fw_multiple_weights = Message(
        en="aspect {number}: an indicator with `multiple` shares its aspect's weight equally, so all indicators of that aspect need equal weights",
        id="aspek {number}: indikator dengan `multiple` membagi bobot aspeknya sama rata, jadi semua indikator aspek itu harus berbobot sama",
    )
    fw_duplicate_domain = Message(en="domain number {number} appears twice", id="nomor domain {number} muncul dua kali")
    fw_total = Message(en="indicator weights total {total}, not 100", id="jumlah bobot indikator {total}, bukan 100")
    fw_scale_levels = Message(
        en="level scale {name!r} names levels outside {low}..{high}: {levels}",
        id="skala tingkat {name!r} menamai tingkat di luar {low}..{high}: {levels}",
    )
    fw_official_scale = Message(
        en="official_level_names lists scale {scale!r}, which level_scales does not define",
        id="official_level_names menyebut skala {scale!r}, yang tidak didefinisikan di level_scales",
    )
    fw_shared_level_name = Message(
        en="level scale {scale!r} gives more than one level the name {names}: a file could not say which it means",
        id="skala tingkat {scale!r} memberi nama {names} pada lebih dari satu tingkat: berkas tidak dapat menyatakan yang mana",
    )
    fw_band_order = Message(
        en="predikat bands must be listed from the highest to the lowest",
        id="rentang predikat harus diurutkan dari tertinggi ke terendah",
    )
    fw_band_distinct = Message(
        en="predikat bands need distinct names and distinct lower edges",
        id="rentang predikat memerlukan nama dan batas bawah yang berbeda",
    )
    fw_band_gap = Message(
        en="predikat bands leave values from {low} to {edge} uncovered",
        id="rentang predikat tidak mencakup nilai dari {low} sampai {edge}",
    )
    fw_band_high = Message(
        en="predikat band {name!r} starts above the maximum value {high}",
        id="rentang predikat {name!r} dimulai di atas nilai maksimum {high}",
    )
    fw_years = Message(en="years.last is before years.first", id="years.last sebelum years.first")
    fw_guideline_year = Message(
        en="guideline year {year} is outside the framework's years or given twice",
        id="tahun pedoman {year} di luar tahun kerangka atau tertulis dua kali",
    )
    fw_level_target = Message(
        en="level_target must be a level from {low} to {high}",
        id="level_target harus tingkat dari {low} sampai {high}",
    )
    fw_conversion_band = Message(
        en="conversion bands must follow each other without gaps, rise, and give values from {low} to {high}",
        id="rentang konversi harus bersambung tanpa celah, naik, dan memberi nilai dari {low} sampai {high}",
    )
    fw_conversion_scale = Message(
        en="the conversion bands must cover the whole scale of the source index",
        id="rentang konversi harus mencakup seluruh skala indeks sumber",
    )
    fw_conversion_example = Message(
        en="the worked example for {source} is not reproduced by the conversion bands",
        id="contoh perhitungan untuk {source} tidak dihasilkan oleh rentang konversi",
    )
    fw_indicator_case = Message(
        en="indicator id {id} differs from {other} only in upper and lower case; give them distinct ids",
        id="id indikator {id} berbeda dari {other} hanya pada huruf besar dan kecil; beri id yang berbeda",
    )
    fw_predikat_example_band = Message(
        en="predikat_rule example: {predikat!r} is not a predikat of this framework ({choices})",
        id="contoh predikat_rule: {predikat!r} bukan predikat kerangka ini ({choices})",
    )
    fw_predikat_example_exact = Message(
        en="predikat_rule example {institution} {year}: no index printed as {shown} is {predikat} when the predikat is decided on the exact index",
        id="contoh predikat_rule {institution} {year}: tidak ada indeks yang tercetak {shown} dengan predikat {predikat} bila predikat ditentukan dari indeks persisnya",
    )
    fw_predikat_example_shown = Message(
        en="predikat_rule example {institution} {year}: a figure printed as {shown} is not {predikat} when the predikat is decided on the shown 2-decimal figure",
        id="contoh predikat_rule {institution} {year}: angka yang tercetak {shown} tidak berpredikat {predikat} bila predikat ditentukan dari angka 2 desimal yang ditampilkan",
    )
    fw_predikat_confirmed = Message(
        en="a predikat_rule with status confirmed needs the published examples that confirm it",
        id="predikat_rule berstatus confirmed memerlukan contoh hasil terpublikasi yang menegaskannya",
    )
