"""Command-line errors, gates, completion, output files and the template."""

from __future__ import annotations

from .message import Message


class Commands:
    from_ = Message(en="From", id="Dari")
    service_n = Message(en="service {n}", id="layanan {n}")
    score_heading = Message(en="{index_name} {year}: {institution}", id="{index_name} {year}: {institution}")
    framework_line = Message(en="Framework: {title} ({id})", id="Kerangka: {title} ({id})")
    result_line = Message(en="{index_name}: {index} ({predikat})", id="{index_name}: {index} ({predikat})")
    predikat_under_edge = Message(
        en="{predikat}: exactly {exact}, under the {edge} edge of {band}",
        id="{predikat}: persisnya {exact}, di bawah batas {edge} predikat {band}",
    )
    predikat_under_edge_cut = Message(
        en="{predikat}: {exact}…, under the {edge} edge of {band}",
        id="{predikat}: {exact}…, di bawah batas {edge} predikat {band}",
    )
    err_gate_fail_under = Message(
        en="{path}: index {index} is below --fail-under {threshold}",
        id="{path}: indeks {index} di bawah --fail-under {threshold}",
    )
    err_gate_min_predikat = Message(
        en="{path}: predikat {predikat} is below --min-predikat {wanted}",
        id="{path}: predikat {predikat} di bawah --min-predikat {wanted}",
    )
    err_gate_min_predikat_edge = Message(
        en="{path}: predikat {predikat} is below --min-predikat {wanted}: the index shown as {shown} is {exact}{cut}, under the {edge} edge of {band}",
        id="{path}: predikat {predikat} di bawah --min-predikat {wanted}: indeks yang ditampilkan {shown} sebenarnya {exact}{cut}, di bawah batas {edge} predikat {band}",
    )
    err_gate_drop = Message(en="index dropped: {old} -> {new}", id="indeks turun: {old} -> {new}")
    err_gate_predikat_drop = Message(en="predikat fell: {old} -> {new}", id="predikat turun: {old} -> {new}")
    err_unknown_predikat = Message(
        en="unknown predikat {name!r}; choose one of: {choices}",
        id="predikat {name!r} tidak dikenal; pilih salah satu: {choices}",
    )
    err_bad_number = Message(en="{value!r} is not a number", id="{value!r} bukan angka")
    err_exists = Message(
        en="{path} exists; use --force to overwrite it", id="{path} sudah ada; pakai --force untuk menimpanya"
    )
    err_internal_file = Message(
        en="{path}: internal error while reading it: {error}. This is a bug in spbe (please report it with the file); the other files are still read.",
        id="{path}: galat internal saat membacanya: {error}. Ini kesalahan di spbe (mohon laporkan beserta berkasnya); berkas lain tetap dibaca.",
    )
    err_internal = Message(
        en="internal error: {error}. This is a bug in spbe; run again with --debug for details.",
        id="galat internal: {error}. Ini kesalahan di spbe; jalankan lagi dengan --debug untuk rinciannya.",
    )
    err_unreachable = Message(
        en="target {target} cannot be reached: the best reachable index is {best} ({predikat})",
        id="target {target} tidak dapat dicapai: indeks terbaik yang dapat dicapai {best} ({predikat})",
    )
    err_no_files = Message(
        en="no assessment files found in {paths} (looked for *.yaml and *.yml with a top-level framework: key)",
        id="tidak ada berkas penilaian yang ditemukan di {paths} (dicari *.yaml dan *.yml dengan kunci framework: di tingkat atas)",
    )
    err_target_range = Message(
        en="target {target} is outside the value range {low} to {high}",
        id="target {target} di luar rentang nilai {low} sampai {high}",
    )
    msg_valid = Message(
        en="{path}: valid ({framework}, {count} indicators)", id="{path}: valid ({framework}, {count} indikator)"
    )
    err_cannot_write = Message(en="cannot write {path}: {reason}", id="tidak dapat menulis {path}: {reason}")
    err_not_one_of = Message(en="{value!r} is not one of: {choices}", id="{value!r} bukan salah satu dari: {choices}")
    err_choose_one_of = Message(en="choose one of: {choices}", id="pilih salah satu: {choices}")
    err_aborted = Message(en="aborted", id="dibatalkan")
    err_one_of_init = Message(
        en="give --framework ID, --from FILE, or both (to move a file to another framework)",
        id="berikan --framework ID, --from FILE, atau keduanya (untuk memindahkan berkas ke kerangka lain)",
    )
    err_unknown_framework = Message(
        en="unknown framework {id!r}; choose one of: {choices}",
        id="kerangka {id!r} tidak dikenal; pilih salah satu: {choices}",
    )
    err_empty = Message(en="must not be empty", id="tidak boleh kosong")
    err_target_not_number = Message(
        en="{target!r} is neither a number nor a predikat of {framework}",
        id="{target!r} bukan angka dan bukan predikat {framework}",
    )
    summary_truncated = Message(
        en="(The report was cut here to stay under GitHub's 1 MiB step summary limit.)",
        id="(Laporan dipotong di sini agar tetap di bawah batas ringkasan langkah GitHub 1 MiB.)",
    )
    msg_outside_years = Message(
        en="{path}: note: {year} is outside the years of {framework} ({years})",
        id="{path}: catatan: {year} di luar tahun berlaku {framework} ({years})",
    )
    err_unknown_ids = Message(
        en="unknown indicator(s) of {framework}: {ids}", id="indikator tidak dikenal di {framework}: {ids}"
    )
    err_max_level = Message(
        en="--max-level must be from {low} to {high}", id="--max-level harus dari {low} sampai {high}"
    )
    complete_table = Message(en="tables for the terminal", id="tabel untuk terminal")
    complete_json = Message(en="JSON for programs", id="JSON untuk program")
    complete_csv = Message(en="CSV for spreadsheets", id="CSV untuk lembar kerja")
    complete_markdown = Message(
        en="Markdown for reports and pull requests", id="Markdown untuk laporan dan pull request"
    )
    complete_xlsx = Message(en="an Excel workbook (needs --output)", id="buku kerja Excel (perlu --output)")
    complete_html = Message(en="a web page", id="halaman web")
    complete_color_auto = Message(en="colour on a terminal only", id="berwarna hanya di terminal")
    complete_color_always = Message(en="always colour", id="selalu berwarna")
    complete_color_never = Message(en="never colour", id="tanpa warna")
    complete_by_year = Message(en="one ranking per year", id="satu peringkat per tahun")
    complete_by_pic = Message(en="one list per office", id="satu daftar per unit kerja")
    complete_by_category = Message(
        en="with --among-published: among the category's published results",
        id="dengan --among-published: di antara hasil kategorinya yang dipublikasikan",
    )
    complete_by_province = Message(
        en="with --among-published: among the province's published results",
        id="dengan --among-published: di antara hasil provinsinya yang dipublikasikan",
    )
    stage_mandiri = Message(en="Self-assessment", id="Penilaian mandiri")
    stage_dokumen = Message(en="Document review", id="Penilaian dokumen")
    stage_interviu = Message(en="Interview", id="Penilaian interviu")
    stage_visitasi = Message(en="Site visit", id="Penilaian visitasi")
    stage_akhir = Message(en="Final", id="Hasil akhir")
    assessor_note = Message(en="Assessor's note", id="Catatan asesor")
    err_stages_one_file = Message(
        en="give OLD and NEW, or one FILE with --stages OLD_STAGE NEW_STAGE",
        id="berikan OLD dan NEW, atau satu FILE dengan --stages TAHAP_LAMA TAHAP_BARU",
    )
    heading_with_stage = Message(en="{heading}, {stage}", id="{heading}, {stage}")
    by_stage_line = Message(en="By stage: {items}", id="Per tahap: {items}")
    msg_valid_unfilled = Message(
        en="{path}: valid ({framework}, {count} indicators, {unfilled} not filled yet)",
        id="{path}: valid ({framework}, {count} indikator, {unfilled} belum diisi)",
    )
    tpl_title = Message(en="Assessment file: {title}", id="Berkas penilaian: {title}")
    tpl_values_whole = Message(
        en="Values: whole numbers from {low} to {high}. Predikat: {bands}.",
        id="Nilai: bilangan bulat dari {low} sampai {high}. Predikat: {bands}.",
    )
    tpl_values_decimal = Message(
        en="Values: decimals from {low} to {high} (written with a point: 2.50). Predikat: {bands}.",
        id="Nilai: desimal dari {low} sampai {high} (ditulis dengan titik: 2.50). Predikat: {bands}.",
    )
    tpl_scale = Message(en="Levels ({name}): {levels}", id="Tingkat ({name}): {levels}")
    tpl_empty_hint = Message(
        en="Every indicator is empty (not filled yet): write its value after the colon, e.g. `{example}`.",
        id="Setiap indikator masih kosong (belum diisi): tulis nilainya setelah titik dua, mis. `{example}`.",
    )
    tpl_from_hint = Message(
        en="Last year's final values, targets and offices: update each value as this year's work goes.",
        id="Nilai akhir, target dan OPD tahun lalu: perbarui setiap nilai sesuai pekerjaan tahun ini.",
    )
    tpl_category = Message(
        en="category: kabupaten   # optional: compared with its category's published averages; one of {categories} (without it: read from the institution's name)",
        id="category: kabupaten   # opsional: dibandingkan dengan rata-rata kategorinya yang dipublikasikan; salah satu dari {categories} (tanpa ini: dibaca dari nama instansi)",
    )
    tpl_entry_hint = Message(
        en="An indicator may also be written {example}.", id="Indikator juga dapat ditulis {example}."
    )
    tpl_domain = Message(en="Domain {number}. {name} ({weight} %)", id="Domain {number}. {name} ({weight} %)")
    tpl_aspect = Message(en="Aspect {number}. {name} ({weight} %)", id="Aspek {number}. {name} ({weight} %)")
    tpl_indicator = Message(en="{name} (weight {weight} %; {low}-{high})", id="{name} (bobot {weight} %; {low}-{high})")
    tpl_multiple = Message(en="one value per public service: [3, 2, 2]", id="satu nilai per layanan publik: [3, 2, 2]")
    tpl_external_number = Message(
        en="from the {title}: its number, or pending", id="dari {title}: angkanya, atau pending"
    )
    tpl_external_pending = Message(
        en="from the {title}: pending, or the value as level", id="dari {title}: pending, atau nilainya sebagai level"
    )
    tpl_derived = Message(en="from {source}", id="dari {source}")
    tpl_move_started = Message(
        en="Started from {path} ({framework}, {year}). No indicator is carried over:",
        id="Dimulai dari {path} ({framework}, {year}). Tidak ada indikator yang dibawa:",
    )
    tpl_move_no_concordance = Message(
        en="there is no official concordance between {old} and {new}.",
        id="tidak ada padanan resmi antara {old} dan {new}.",
    )
    tpl_move_offices = Message(
        en="Offices (PIC) named in {path}, to assign to the indicators below:",
        id="OPD (PIC) yang disebut di {path}, untuk dibagikan ke indikator di bawah:",
    )
    err_template_invalid = Message(
        en="the file written would not be valid (a bug in spbe; nothing was written)",
        id="berkas yang ditulis tidak akan valid (kesalahan di spbe; tidak ada yang ditulis)",
    )
    err_cell_too_long = Message(
        en="{what} has {length} characters, and a workbook cell holds at most {limit}: shorten it, or export to CSV, which keeps it whole",
        id="{what} berisi {length} karakter, padahal satu sel buku kerja memuat paling banyak {limit}: persingkat, atau ekspor ke CSV yang menyimpannya utuh",
    )
    err_into_not_yaml = Message(
        en="--into takes an assessment file (YAML), not {path}: import into the assessment's YAML file, or write a new one with -o",
        id="--into menerima berkas penilaian (YAML), bukan {path}: impor ke berkas YAML penilaiannya, atau tulis berkas baru dengan -o",
    )
    err_file_busy = Message(
        en="{path} is being filled by another spbe run (its lock {lock} is held): try again when that run has finished",
        id="{path} sedang diisi oleh proses spbe lain (kuncinya {lock} sedang dipegang): coba lagi setelah proses itu selesai",
    )
    err_cell_character = Message(
        en="{what} holds the character {character}, which no workbook can hold: remove it, or export to CSV, which keeps it",
        id="{what} memuat karakter {character}, yang tidak dapat dimuat buku kerja: hapus karakter itu, atau ekspor ke CSV yang menyimpannya",
    )
    err_import_shared_value = Message(
        en="this value is shared through the YAML anchor &{anchor}, which *{anchor} repeats elsewhere: import cannot change one place alone; write the value out in place of each *{anchor}, then import again",
        id="nilai ini dipakai bersama melalui jangkar YAML &{anchor}, yang diulang *{anchor} di tempat lain: impor tidak dapat mengubah satu tempat saja; tulis nilainya langsung di tempat setiap *{anchor}, lalu impor lagi",
    )
    err_import_not_kept = Message(
        en="{path}: the merge could not be written while keeping the file as it is ({reason}); nothing was written. Please report this with the file",
        id="{path}: hasil penggabungan tidak dapat ditulis dengan menjaga isi berkas ({reason}); tidak ada yang ditulis. Mohon laporkan beserta berkasnya",
    )
    err_xlsx_needs_output = Message(
        en="--format xlsx writes a workbook: give --output FILE.xlsx",
        id="--format xlsx menulis buku kerja: berikan --output BERKAS.xlsx",
    )
    err_sheet_output = Message(
        en="{path!r}: name the file .xlsx (a workbook) or .csv",
        id="{path!r}: beri nama berkas berakhiran .xlsx (buku kerja) atau .csv",
    )
    err_unknown_office = Message(
        en="no indicator has office {office!r} (offices: {offices})",
        id="tidak ada indikator dengan OPD {office!r} (OPD yang ada: {offices})",
    )
    err_one_of_import = Message(
        en="give exactly one of --output FILE (a new file) or --into FILE (fill an existing one)",
        id="berikan tepat satu dari --output BERKAS (berkas baru) atau --into BERKAS (mengisi berkas yang ada)",
    )
    err_not_a_sheet = Message(
        en="{path}: not a spreadsheet (import reads .xlsx and .csv sheets)",
        id="{path}: bukan lembar kerja (import membaca sheet .xlsx dan .csv)",
    )
    err_sheet_differs = Message(
        en="{field} is {given!r} here but {expected!r} in {where}: these do not belong together",
        id="{field} di sini {given!r} tetapi {expected!r} di {where}: keduanya bukan satu penilaian",
    )
    err_merge_conflict = Message(
        en="indicator {id} {field} is {value} here but {first_value} at {first}: settle it in one sheet; nothing was written",
        id="indikator {id} {field} di sini {value} tetapi {first_value} di {first}: putuskan di salah satu sheet; tidak ada yang ditulis",
    )
    err_merge_kinds = Message(
        en="indicator {id}: {field} {value} here, but {first} gives {first_field} {first_value}: give its value one way in every sheet (nilai holds for every stage, nilai_<stage> for one stage, eksternal from another agency's index), or import with --stage; nothing was written",
        id="indikator {id}: {field} {value} di sini, tetapi {first} memberi {first_field} {first_value}: tulis nilainya dengan satu cara di semua sheet (nilai berlaku di semua tahap, nilai_<tahap> untuk satu tahap, eksternal dari indeks instansi lain), atau impor dengan --stage; tidak ada yang ditulis",
    )
    err_merge_plain_into_stages = Message(
        en="indicator {id}: {field} {value} holds for every stage, but {path} records it per stage ({held}): say which stage it is (import with --stage STAGE, or name the column nilai_<stage>); nothing was written",
        id="indikator {id}: {field} {value} berlaku di semua tahap, tetapi {path} mencatatnya per tahap ({held}): sebutkan tahapnya (impor dengan --stage TAHAP, atau beri nama kolom nilai_<tahap>); tidak ada yang ditulis",
    )
    err_merge_value_into_external = Message(
        en="indicator {id}: {field} {value} here, but {path} takes its value from another agency's index ({held}): clear this cell, or remove external from the file; nothing was written",
        id="indikator {id}: {field} {value} di sini, tetapi {path} mengambil nilainya dari indeks instansi lain ({held}): kosongkan sel ini, atau hapus external dari berkas; tidak ada yang ditulis",
    )
    err_merge_external_into_value = Message(
        en="indicator {id}: {field} {value} here, but {path} records its value ({held}): clear this cell, or the value in the file; nothing was written",
        id="indikator {id}: {field} {value} di sini, tetapi {path} sudah mencatat nilainya ({held}): kosongkan sel ini, atau nilai di berkas; tidak ada yang ditulis",
    )
    merge_items = Message(en="{count} item(s)", id="{count} butir")
    msg_imported = Message(
        en="{path}: {sheets} sheet(s) merged: {added} value(s) added, {changed} change(s), {fields} other field(s) filled, {same} given as they were",
        id="{path}: {sheets} sheet digabung: {added} nilai baru, {changed} perubahan, {fields} isian lain diisi, {same} sama seperti sebelumnya",
    )
    msg_import_change = Message(en="  {id}: {before} -> {after}", id="  {id}: {before} -> {after}")
    msg_import_field_change = Message(
        en="  {id}: {field} {before} -> {after}", id="  {id}: {field} {before} -> {after}"
    )
    msg_import_kept = Message(
        en="{path}: the values for every stage (nilai) of indicator(s) {ids} are kept as stage {stage}, as the sheets give values per stage",
        id="{path}: nilai yang berlaku di semua tahap (nilai) untuk indikator {ids} disimpan sebagai tahap {stage}, karena sheet memberi nilai per tahap",
    )
    msg_import_stage = Message(
        en="{path}: stage {old} -> {new}, the stage the sheets have reached",
        id="{path}: tahap {old} -> {new}, tahap yang telah dicapai sheet",
    )
    err_one_of_export = Message(
        en="give -o NAME.xlsx (or NAME.csv), or --each-pic DIR (one workbook per office)",
        id="berikan -o NAMA.xlsx (atau NAMA.csv), atau --each-pic FOLDER (satu buku kerja per OPD)",
    )
    err_pic_or_each_pic = Message(
        en="--pic writes one office's sheet, --each-pic every office's: give one of them",
        id="--pic menulis sheet satu OPD, --each-pic sheet setiap OPD: berikan salah satunya",
    )
    err_stage_or_assessor = Message(
        en="--stage writes one stage's sheet, --assessor the assessors' stages: give one of them",
        id="--stage menulis sheet satu tahap, --assessor sheet tahap-tahap asesor: berikan salah satunya",
    )
    err_no_offices = Message(
        en="{path} names no office (pic) for any indicator: give each indicator its office first",
        id="{path} tidak menyebut OPD (pic) untuk indikator mana pun: isi OPD tiap indikator terlebih dahulu",
    )
    err_not_a_folder = Message(en="{path} is a file, not a folder", id="{path} adalah berkas, bukan folder")
    msg_each_pic = Message(
        en="{folder}: {count} workbook(s) written, one per office",
        id="{folder}: {count} buku kerja ditulis, satu per OPD",
    )
    msg_check_per_office = Message(
        en="{folder}: {count} file(s) written, one per office", id="{folder}: {count} berkas ditulis, satu per OPD"
    )
    err_sheet_option_needs_sheet = Message(
        en="{option} writes a workbook: give -o NAME.xlsx (or NAME.csv)",
        id="{option} menulis buku kerja: berikan -o NAMA.xlsx (atau NAMA.csv)",
    )
    err_pic_needs_sheet = Message(
        en="--pic writes one office's sheet: give -o NAME.xlsx (or NAME.csv)",
        id="--pic menulis sheet satu OPD: berikan -o NAMA.xlsx (atau NAMA.csv)",
    )
    err_no_browser = Message(
        en="no Chromium-family browser found to print the PDF; install Chromium (Debian or Ubuntu: sudo apt-get install chromium), Google Chrome or Microsoft Edge, or name its program with --browser PATH",
        id="tidak ditemukan peramban keluarga Chromium untuk mencetak PDF; pasang Chromium (Debian atau Ubuntu: sudo apt-get install chromium), Google Chrome atau Microsoft Edge, atau sebutkan programnya dengan --browser PATH",
    )
    err_browser_missing = Message(
        en="--browser {path}: no such program", id="--browser {path}: program tidak ditemukan"
    )
    err_pdf_failed = Message(
        en="the browser could not print {path}: {reason}", id="peramban gagal mencetak {path}: {reason}"
    )
    err_bad_date = Message(en="{value!r} is not a date (YYYY-MM-DD)", id="{value!r} bukan tanggal (YYYY-MM-DD)")
    msg_skipped_results = Message(
        en="note: skipped {count} of spbe's own results workbook(s) in folders (score, rank ... -f xlsx)",
        id="catatan: {count} buku kerja hasil spbe sendiri di dalam folder dilewati (score, rank ... -f xlsx)",
    )
    msg_skipped_other_yaml = Message(
        en="note: skipped {count} YAML file(s) in folders without a top-level framework: key (not assessments)",
        id="catatan: {count} berkas YAML di dalam folder dilewati karena tidak memiliki kunci framework: di tingkat atas (bukan berkas penilaian)",
    )
    err_max_raise = Message(en="--max-raise must be 1 or more", id="--max-raise harus 1 atau lebih")
    err_margin = Message(en="--margin must be 0 or more", id="--margin harus 0 atau lebih")
    heading_with_file = Message(en="{heading} ({path})", id="{heading} ({path})")
    out_empty = Message(
        en="{option} is empty: give a file name (or - for standard output)",
        id="{option} kosong: beri nama berkas (atau - untuk keluaran standar)",
    )
    out_same_file = Message(
        en="--output and --pdf both name {path}: give the page and the PDF a file each",
        id="--output dan --pdf sama-sama menunjuk {path}: beri halaman dan PDF masing-masing satu berkas",
    )
    out_folder = Message(
        en="{option} {path} is a folder: give a file name", id="{option} {path} adalah folder: beri nama berkas"
    )
    out_not_regular = Message(
        en="{option} {path} is not a regular file (a device, pipe, socket or broken link); spbe writes only regular files",
        id="{option} {path} bukan berkas biasa (perangkat, pipa, soket atau tautan rusak); spbe hanya menulis berkas biasa",
    )
    out_is_input = Message(
        en="{option} {path} is one of the input files; choose another name",
        id="{option} {path} adalah salah satu berkas masukan; pilih nama lain",
    )
    err_io = Message(en="input/output failed: {reason}", id="masukan/keluaran gagal: {reason}")
    err_io_path = Message(en="cannot use {path}: {reason}", id="tidak dapat memakai {path}: {reason}")
    err_plan_too_many_steps = Message(
        en="cannot plan this: more than {limit} possible level steps (the framework's value range is too wide); --max-level or --max-raise limits them",
        id="tidak dapat merencanakan ini: lebih dari {limit} kemungkinan langkah level (rentang nilai kerangka terlalu lebar); --max-level atau --max-raise membatasinya",
    )
    err_plan_too_fine = Message(
        en="cannot plan this exactly: both the values' decimal places (or tiny weights) and the costs' decimal places are too fine (more than {limit} table cells); use costs with fewer decimal places",
        id="tidak dapat merencanakan ini secara tepat: angka desimal nilai (atau bobot yang sangat kecil) dan angka desimal biaya sama-sama terlalu halus (lebih dari {limit} sel tabel); pakai biaya dengan lebih sedikit angka desimal",
    )
    err_places_option = Message(
        en="{option} {value} has more than {places} decimal places; the index is shown to {places}, and spbe never rounds what it is given",
        id="{option} {value} lebih dari {places} angka desimal; indeks ditampilkan dengan {places}, dan spbe tidak membulatkan masukan",
    )
    more_warnings = Message(
        en="... and {count} more warnings in this file (the first {shown} are shown)",
        id="... dan {count} peringatan lain dalam berkas ini ({shown} yang pertama ditampilkan)",
    )
    more_problems = Message(
        en="... and {count} more problems in this file (the first {shown} are shown)",
        id="... dan {count} masalah lain dalam berkas ini ({shown} yang pertama ditampilkan)",
    )
    folder_unreadable = Message(en="cannot list this folder: {reason}", id="folder ini tidak dapat dibuka: {reason}")
    err_init_year = Message(
        en="{path} is of {year}: the year after, {next}, is past the last year an assessment file may have ({last}); give --year",
        id="{path} untuk tahun {year}: tahun berikutnya, {next}, melewati tahun terakhir yang boleh ada di berkas penilaian ({last}); beri --year",
    )
    err_stdin_twice = Message(
        en="standard input (-) can be read only once", id="masukan standar (-) hanya dapat dibaca sekali"
    )
