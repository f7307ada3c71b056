"""Headings, labels and short words every output uses."""

from __future__ import annotations

from .message import Message


class Labels:
    index = Message(en="Index", id="Indeks")
    predikat = Message(en="Predikat", id="Predikat")
    domain = Message(en="Domain", id="Domain")
    domains = Message(en="Domains", id="Domain")
    aspect = Message(en="Aspect", id="Aspek")
    aspects = Message(en="Aspects", id="Aspek")
    indicator = Message(en="Indicator", id="Indikator")
    indicators = Message(en="Indicators", id="Indikator")
    name = Message(en="Name", id="Nama")
    weight = Message(en="Weight", id="Bobot")
    value = Message(en="Value", id="Nilai")
    level = Message(en="Level", id="Tingkat")
    target = Message(en="Target", id="Target")
    institution = Message(en="Institution", id="Instansi")
    year = Message(en="Year", id="Tahun")
    framework = Message(en="Framework", id="Kerangka")
    rank = Message(en="Rank", id="Peringkat")
    old = Message(en="Old", id="Lama")
    new = Message(en="New", id="Baru")
    change = Message(en="Change", id="Perubahan")
    effect = Message(en="Effect on index", id="Pengaruh pada indeks")
    cost = Message(en="Cost", id="Biaya")
    to = Message(en="To", id="Ke")
    steps = Message(en="Steps", id="Langkah")
    summary = Message(en="Summary", id="Ringkasan")
    count = Message(en="Count", id="Jumlah")
    mean = Message(en="Mean", id="Rata-rata")
    median = Message(en="Median", id="Median")
    min = Message(en="Min", id="Terendah")
    max = Message(en="Max", id="Tertinggi")
    gap = Message(en="Gap", id="Selisih")
    offices = Message(en="Offices", id="OPD")
    office = Message(en="Office", id="OPD")
