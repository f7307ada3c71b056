"""spbe check: readiness findings."""

from __future__ import annotations

from .message import Message


class Check:
    chk_placeholder = Message(
        en="institution is still the template's placeholder {name!r}: write the institution's name",
        id="institution masih isian contoh templat {name!r}: tulis nama instansi",
    )
    chk_no_evidence = Message(
        en="{where} claims {value} with no evidence (bukti dukung)", id="{where} mengklaim {value} tanpa bukti dukung"
    )
    chk_no_note = Message(
        en="{where} claims {value} with no note (penjelasan)", id="{where} mengklaim {value} tanpa penjelasan (note)"
    )
    chk_no_pic = Message(en="{where} has no office (pic)", id="{where} belum punya OPD penanggung jawab (pic)")
    # {n} counts from 1 in the order the file lists the indicator's evidence
    chk_rejected = Message(
        en="{where}: evidence item {n} ({item!r}) was rejected (ditolak)",
        id="{where}: bukti dukung ke-{n} ({item!r}) ditolak",
    )
    chk_revision = Message(
        en="{where}: evidence item {n} ({item!r}) needs revision (revisi)",
        id="{where}: bukti dukung ke-{n} ({item!r}) perlu direvisi (revisi)",
    )
    chk_raised = Message(
        en="{where} rises from {old} ({old_stage}) to {new} ({stage}); assessors rarely raise a value",
        id="{where} naik dari {old} ({old_stage}) ke {new} ({stage}); asesor jarang menaikkan nilai",
    )
    chk_error = Message(en="error", id="kesalahan")
    chk_warning = Message(en="warning", id="peringatan")
    chk_ready = Message(en="{path}: ready, nothing found", id="{path}: siap, tidak ada temuan")
    chk_summary = Message(
        en="{errors} error(s), {warnings} warning(s) in {files} file(s)",
        id="{errors} kesalahan, {warnings} peringatan dalam {files} berkas",
    )
    chk_summary_failed = Message(
        en="; {count} file(s) could not be read (see above)", id="; {count} berkas tidak dapat dibaca (lihat di atas)"
    )
    chk_office_sheet = Message(
        en="{path}: the sheet of {office}: its {count} indicator(s) checked",
        id="{path}: lembar OPD {office}: {count} indikatornya diperiksa",
    )
    chk_title = Message(en="Readiness check", id="Pemeriksaan kesiapan")
    chk_office = Message(en="{office}: {count} finding(s)", id="{office}: {count} temuan")
    chk_no_office = Message(en="(no office)", id="(tanpa OPD)")
    chk_location = Message(en="Location", id="Lokasi")
    chk_severity = Message(en="Severity", id="Tingkat keparahan")
    chk_finding = Message(en="Finding", id="Temuan")
