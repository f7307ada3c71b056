"""spbe serve: the command, its lines on standard error and the texts of its pages."""

from __future__ import annotations

from .message import Message


class Web:
    # --- the command ---------------------------------------------------------------------------
    help_serve = Message(
        en="Serve the workspace (a folder of assessment files) as a local web page: overview, report, uploads of office sheets.",
        id="Sajikan ruang kerja (folder berkas penilaian) sebagai halaman web lokal: ikhtisar, laporan, unggahan lembar OPD.",
    )
    help_serve_folder = Message(
        en="The workspace folder (default: the current one).", id="Folder ruang kerja (bawaan: folder saat ini)."
    )
    help_serve_host = Message(
        en="The address to listen on (default 127.0.0.1: this machine only; another one lets other machines in).",
        id="Alamat yang didengarkan (bawaan 127.0.0.1: hanya mesin ini; alamat lain membuka akses dari mesin lain).",
    )
    help_serve_port = Message(
        en="The port to listen on (0: any free port; the printed address shows it).",
        id="Port yang didengarkan (0: port bebas mana saja; alamat yang dicetak menunjukkannya).",
    )
    help_serve_open = Message(
        en="Open the address in the browser once the server is listening.",
        id="Buka alamat di peramban setelah server siap.",
    )
    help_serve_token = Message(
        en="The token that opens the pages (default: SPBE_TOKEN, else a fresh random one each start).",
        id="Token pembuka halaman (bawaan: SPBE_TOKEN, atau token acak baru setiap kali dijalankan).",
    )
    help_serve_allow_host = Message(
        en="Also accept this host name in requests (a name the offices type, e.g. spbe.kantor.local); repeatable.",
        id="Terima juga nama host ini dalam permintaan (nama yang diketik OPD, mis. spbe.kantor.local); bisa diulang.",
    )
    help_serve_lang = Message(
        en="Language of the pages and messages: id or en (default: the browser's Accept-Language).",
        id="Bahasa halaman dan pesan: id atau en (bawaan: Accept-Language peramban).",
    )
    web_serving = Message(
        en="serving {folder} at {address} (Ctrl+C stops)", id="menyajikan {folder} di {address} (Ctrl+C menghentikan)"
    )
    web_host_warning = Message(
        en="--host {host}: the pages can be reached from other machines; anyone with the address and its token can change the workspace's files",
        id="--host {host}: halaman dapat diakses dari mesin lain; siapa pun yang memegang alamat dan tokennya dapat mengubah berkas ruang kerja",
    )
    web_short_token = Message(
        en="the token is {length} characters long: a short token can be guessed; use 16 or more",
        id="token hanya {length} karakter: token pendek dapat ditebak; pakai 16 karakter atau lebih",
    )
    err_serve_token = Message(
        en="a token may hold only letters, digits and - . _ ~", id="token hanya boleh berisi huruf, angka dan - . _ ~"
    )
    err_serve_listen = Message(
        en="cannot listen on {host} port {port}: {reason}",
        id="tidak dapat mendengarkan di {host} port {port}: {reason}",
    )
    err_serve_folder = Message(en="{path} is not a folder", id="{path} bukan folder")
    web_stopped = Message(en="stopped", id="berhenti")
    web_logged = Message(
        en="{path}: {who} wrote {file}: {changes} change(s) ({log})",
        id="{path}: {who} menulis {file}: {changes} perubahan ({log})",
    )
    web_bug = Message(
        en="internal error on {page}: {error}. This is a bug in spbe; run again with --debug for details.",
        id="galat internal di {page}: {error}. Ini kesalahan di spbe; jalankan lagi dengan --debug untuk rinciannya.",
    )
    # --- every page ----------------------------------------------------------------------------
    web_workspace = Message(en="Workspace", id="Ruang kerja")
    web_nav_overview = Message(en="Overview", id="Ikhtisar")
    web_nav_upload = Message(en="Upload a sheet", id="Unggah lembar")
    web_nav_compare = Message(en="Compare", id="Bandingkan")
    web_nav_plan = Message(en="Plan", id="Rencana")
    web_nav_rank = Message(en="Rank", id="Peringkat")
    web_language = Message(en="Language", id="Bahasa")
    web_footer = Message(
        en="spbe {version} · the files in {folder} are the only record; this page only reads and fills them",
        id="spbe {version} · berkas di {folder} adalah satu-satunya catatan; halaman ini hanya membaca dan mengisinya",
    )
    # --- the overview --------------------------------------------------------------------------
    web_assessments = Message(en="Assessments", id="Penilaian")
    web_file = Message(en="File", id="Berkas")
    web_check = Message(en="Check", id="Pemeriksaan")
    web_unfilled = Message(en="unfilled", id="belum diisi")
    web_errors = Message(en="errors", id="kesalahan")
    web_warnings = Message(en="warnings", id="peringatan")
    web_check_counts = Message(
        en="{errors} error(s), {warnings} warning(s), {unfilled} unfilled",
        id="{errors} kesalahan, {warnings} peringatan, {unfilled} belum diisi",
    )
    web_not_scored = Message(
        en="not yet: {count} value(s) missing at {stage}", id="belum: {count} nilai belum ada pada tahap {stage}"
    )
    web_no_stage = Message(en="(no stages)", id="(tanpa tahap)")
    web_owed = Message(en="What each office still owes", id="Yang masih harus diselesaikan tiap OPD")
    web_owed_note = Message(
        en="From spbe check --by pic: an indicator shared by two offices is owed by both.",
        id="Dari spbe check --by pic: indikator milik dua OPD menjadi tanggungan keduanya.",
    )
    web_nothing_owed = Message(
        en="Nothing is owed: every check is clean.", id="Tidak ada tunggakan: semua pemeriksaan bersih."
    )
    web_unreadable = Message(en="Files that cannot be read", id="Berkas yang tidak dapat dibaca")
    web_other_files = Message(
        en="Other YAML files (not assessments: costs files, notes)",
        id="Berkas YAML lain (bukan penilaian: berkas biaya, catatan)",
    )
    web_no_files = Message(
        en="No assessment files in this folder yet. Start one with: spbe init --framework spbe-2020 -o penilaian.yaml",
        id="Belum ada berkas penilaian di folder ini. Mulai dengan: spbe init --framework spbe-2020 -o penilaian.yaml",
    )
    web_too_many = Message(
        en="Only the first {count} files of the folder are listed.",
        id="Hanya {count} berkas pertama di folder yang ditampilkan.",
    )
    web_more_problems = Message(en="and {count} more", id="dan {count} lainnya")
    web_recent = Message(en="Recent uploads", id="Unggahan terakhir")
    web_when = Message(en="When (UTC)", id="Waktu (UTC)")
    web_who = Message(en="Who", id="Oleh")
    web_into = Message(en="Into", id="Ke")
    web_changes = Message(en="Changes", id="Perubahan")
    # --- one assessment ------------------------------------------------------------------------
    web_by_stage = Message(en="Index per stage", id="Indeks per tahap")
    web_downloads = Message(en="Downloads", id="Unduhan")
    web_dl_report = Message(en="Report (web page)", id="Laporan (halaman web)")
    web_dl_pdf = Message(en="Report (PDF)", id="Laporan (PDF)")
    web_dl_results = Message(en="Results workbook", id="Buku kerja hasil")
    web_dl_master = Message(en="Assessment workbook", id="Buku kerja penilaian")
    web_dl_offices = Message(en="Each office's sheet", id="Lembar tiap OPD")
    web_no_browser = Message(
        en="PDF: no Chromium-family browser is installed where spbe serve runs",
        id="PDF: tidak ada peramban keluarga Chromium terpasang di mesin spbe serve",
    )
    web_report_needs = Message(
        en="The report and the results need every value at stage {stage}: {count} missing (see the findings below).",
        id="Laporan dan hasil memerlukan semua nilai pada tahap {stage}: {count} belum ada (lihat temuan di bawah).",
    )
    web_findings = Message(en="Findings (spbe check)", id="Temuan (spbe check)")
    web_ready = Message(en="Ready: nothing found.", id="Siap: tidak ada temuan.")
    web_report_frame = Message(en="The report", id="Laporan")
    web_open_alone = Message(en="open it on its own", id="buka tersendiri")
    web_written = Message(
        en="Written: {changes} change(s) from {file} into {path}.",
        id="Ditulis: {changes} perubahan dari {file} ke {path}.",
    )
    # --- uploads -------------------------------------------------------------------------------
    web_upload_title = Message(en="Upload an office's sheet", id="Unggah lembar OPD")
    web_upload_into = Message(en="Into the assessment", id="Ke penilaian")
    web_upload_file = Message(en="The sheet (.xlsx or .csv)", id="Lembar (.xlsx atau .csv)")
    web_upload_who = Message(en="Your name (recorded in the log)", id="Nama Anda (dicatat di log)")
    web_upload_button = Message(en="Check the sheet", id="Periksa lembar")
    web_upload_note = Message(
        en="Nothing is written until you confirm: first the page shows what would change.",
        id="Tidak ada yang ditulis sebelum Anda konfirmasi: halaman lebih dulu menunjukkan apa yang akan berubah.",
    )
    web_no_masters = Message(
        en="No YAML assessment file in the workspace to fill.",
        id="Tidak ada berkas penilaian YAML di ruang kerja untuk diisi.",
    )
    web_preview_title = Message(en="What {file} would change in {path}", id="Yang akan diubah {file} pada {path}")
    web_received = Message(
        en="Received {file} ({size} bytes, SHA-256 {sha}) from {who}.",
        id="Diterima {file} ({size} bita, SHA-256 {sha}) dari {who}.",
    )
    web_cell = Message(en="Cell", id="Sel")
    web_field = Message(en="Column", id="Kolom")
    web_before = Message(en="Before", id="Sebelum")
    web_after = Message(en="After", id="Sesudah")
    web_no_changes = Message(
        en="The sheet changes nothing in {path}: it holds what the file holds already.",
        id="Lembar tidak mengubah apa pun di {path}: isinya sudah sama dengan berkas.",
    )
    web_sheet_problems = Message(en="Problems in the sheet", id="Masalah pada lembar")
    web_refused = Message(
        en="Nothing can be written while these stand: correct the sheet and upload it again.",
        id="Tidak ada yang dapat ditulis selama masalah ini ada: perbaiki lembar lalu unggah lagi.",
    )
    web_sheet_warnings = Message(en="Notes on the sheet", id="Catatan pada lembar")
    web_still_missing = Message(
        en="Still missing in {path} after this sheet", id="Masih kurang di {path} setelah lembar ini"
    )
    web_index_change = Message(
        en="{index_name} at {stage}: {before} → {after}", id="{index_name} pada tahap {stage}: {before} → {after}"
    )
    web_confirm = Message(en="Write these changes into {path}", id="Tulis perubahan ini ke {path}")
    web_cancel = Message(en="Cancel", id="Batal")
    web_changed_meanwhile = Message(
        en="{path} changed since this sheet was checked (another upload was written): look at the changes again, then confirm.",
        id="{path} berubah sejak lembar ini diperiksa (unggahan lain sudah ditulis): periksa lagi perubahannya, lalu konfirmasi.",
    )
    web_need_name = Message(
        en="Type your name: the log records who wrote what.", id="Ketik nama Anda: log mencatat siapa menulis apa."
    )
    web_need_file = Message(en="Choose the sheet file to upload.", id="Pilih berkas lembar yang diunggah.")
    web_unknown_upload = Message(
        en="That upload is not kept under .spbe/uploads (any more): upload the sheet again.",
        id="Unggahan itu tidak (lagi) tersimpan di .spbe/uploads: unggah lembar lagi.",
    )
    web_not_kept = Message(
        en="The upload could not be kept under .spbe/uploads: {reason}",
        id="Unggahan tidak dapat disimpan di .spbe/uploads: {reason}",
    )
    web_bad_form = Message(en="The form could not be read: {reason}", id="Formulir tidak dapat dibaca: {reason}")
    # --- compare, plan, rank -------------------------------------------------------------------
    web_compare_title = Message(en="Compare two files or two stages", id="Bandingkan dua berkas atau dua tahap")
    web_compare_files = Message(en="Two files", id="Dua berkas")
    web_compare_stages = Message(en="Two stages of one file", id="Dua tahap satu berkas")
    web_own_stage = Message(en="its own stage", id="tahapnya sendiri")
    web_compare_button = Message(en="Compare", id="Bandingkan")
    web_plan_title = Message(
        en="Plan: what to raise to reach a target", id="Rencana: apa yang dinaikkan untuk mencapai target"
    )
    web_plan_target = Message(
        en="Target: an index (3.5) or a predikat (Baik)", id="Target: indeks (3,5) atau predikat (Baik)"
    )
    web_plan_costs = Message(en="Costs file (optional)", id="Berkas biaya (opsional)")
    web_none = Message(en="(none)", id="(tidak ada)")
    web_plan_button = Message(en="Plan", id="Susun rencana")
    web_rank_title = Message(en="The workspace's institutions ranked", id="Peringkat instansi di ruang kerja")
    web_rank_none = Message(
        en="No assessment in the workspace has every value filled at its stage: nothing to rank.",
        id="Belum ada penilaian di ruang kerja yang terisi lengkap pada tahapnya: belum ada yang diperingkat.",
    )
    web_rank_left_out = Message(
        en="Left out (not every value filled at its stage): {files}",
        id="Tidak diikutkan (belum terisi lengkap pada tahapnya): {files}",
    )
    # --- refusals and errors -------------------------------------------------------------------
    web_refused_title = Message(en="Not allowed", id="Tidak diizinkan")
    web_refused_host = Message(
        en="This server does not answer to that host name. Open the address spbe serve printed, or start it with --allow-host NAME.",
        id="Server ini tidak melayani nama host itu. Buka alamat yang dicetak spbe serve, atau jalankan dengan --allow-host NAMA.",
    )
    web_refused_method = Message(
        en="That kind of request is not served here.", id="Jenis permintaan itu tidak dilayani di sini."
    )
    web_refused_no_token = Message(
        en="Open the address spbe serve printed: its token opens these pages.",
        id="Buka alamat yang dicetak spbe serve: tokennya membuka halaman ini.",
    )
    web_refused_token = Message(
        en="The token in this address is not this server's: open the address spbe serve printed.",
        id="Token di alamat ini bukan milik server ini: buka alamat yang dicetak spbe serve.",
    )
    web_refused_cookie = Message(
        en="This browser holds the key of another start of spbe serve: open the address it printed this time.",
        id="Peramban ini memegang kunci dari sesi spbe serve lain: buka alamat yang dicetaknya kali ini.",
    )
    web_refused_origin = Message(
        en="Refused: a change must be sent from these pages themselves.",
        id="Ditolak: perubahan harus dikirim dari halaman ini sendiri.",
    )
    web_refused_too_large = Message(
        en="Refused: the upload is larger than {limit} MB, the largest sheet spbe reads.",
        id="Ditolak: unggahan lebih besar dari {limit} MB, lembar terbesar yang dibaca spbe.",
    )
    web_not_found = Message(
        en="No such page or file in this workspace.", id="Halaman atau berkas itu tidak ada di ruang kerja ini."
    )
    web_internal = Message(
        en="Internal error: this is a bug in spbe. The terminal where spbe serve runs says more; nothing was written.",
        id="Galat internal: ini kesalahan di spbe. Terminal tempat spbe serve berjalan memuat rinciannya; tidak ada yang ditulis.",
    )
    web_internal_file = Message(
        en="internal error while reading it ({error}): this is a bug in spbe",
        id="galat internal saat membacanya ({error}): ini kesalahan di spbe",
    )
    web_back = Message(en="Back to the overview", id="Kembali ke ikhtisar")
