"""Reading files: YAML syntax, file access, decoding."""

from __future__ import annotations

from .message import Message


class Reading:
    file_too_large = Message(en="file is larger than {mb} MB", id="berkas lebih besar dari {mb} MB")
    file_binary = Message(
        en="not a text file (it contains NUL bytes): save it as UTF-8 YAML",
        id="bukan berkas teks (berisi byte NUL): simpan sebagai YAML UTF-8",
    )
    file_not_utf8 = Message(
        en="not UTF-8 text (byte 0x{byte}): save the file as UTF-8",
        id="bukan teks UTF-8 (byte 0x{byte}): simpan berkas sebagai UTF-8",
    )
    file_empty = Message(en="file is empty", id="berkas kosong")
    file_no_document = Message(en="file is empty (no YAML document)", id="berkas kosong (tidak ada dokumen YAML)")
    file_is_folder = Message(en="is a folder, not a file", id="adalah folder, bukan berkas")
    file_missing = Message(en="no such file", id="berkas tidak ada")
    file_unreadable = Message(en="cannot read: {reason}", id="tidak dapat dibaca: {reason}")
    # Why the system refused a file (OSError), worded for the reader; English as Linux says it
    os_missing = Message(en="No such file or directory", id="berkas atau folder tidak ada")
    os_denied = Message(en="Permission denied", id="izin ditolak")
    os_is_folder = Message(en="Is a directory", id="adalah folder")
    os_not_folder = Message(en="Not a directory", id="bagian jalurnya bukan folder")
    os_disk_full = Message(en="No space left on device", id="ruang disk habis")
    os_read_only = Message(en="Read-only file system", id="sistem berkas hanya-baca")
    os_name_too_long = Message(en="File name too long", id="nama berkas terlalu panjang")
    os_exists = Message(en="File exists", id="berkas sudah ada")
    os_busy = Message(en="Device or resource busy", id="sedang dipakai program lain")
    os_too_many_links = Message(
        en="Too many levels of symbolic links", id="tautan simbolik berputar atau terlalu dalam"
    )
    yaml_tag = Message(
        en="tag {tag!r} is not allowed (only plain YAML data)", id="tag {tag!r} tidak diizinkan (hanya data YAML biasa)"
    )
    yaml_bad_scalar = Message(en="{value!r} is not a valid {kind}", id="{value!r} bukan {kind} yang sah")
    yaml_duplicate_key = Message(
        en="duplicate key {key!r} (first defined at line {line})",
        id="kunci ganda {key!r} (pertama ditulis di baris {line})",
    )
    yaml_merge = Message(
        en="a merge key (<<) needs a mapping or a list of mappings",
        id="kunci gabung (<<) memerlukan pemetaan atau daftar pemetaan",
    )
    yaml_complex_key = Message(
        en="a mapping or list cannot be used as a key", id="pemetaan atau daftar tidak dapat dipakai sebagai kunci"
    )
    yaml_too_many_nodes = Message(
        en="document has more than {limit} nodes", id="dokumen memiliki lebih dari {limit} simpul"
    )
    yaml_too_deep = Message(en="nesting deeper than {limit} levels", id="bersarang lebih dalam dari {limit} tingkat")
    yaml_undefined_alias = Message(
        en="alias *{anchor} refers to no anchor defined before it",
        id="alias *{anchor} tidak merujuk ke jangkar yang ditulis sebelumnya",
    )
    yaml_alias_bomb = Message(
        en="aliases expand to more than {limit} nodes", id="alias berkembang menjadi lebih dari {limit} simpul"
    )
    yaml_documents = Message(
        en="more than one YAML document (---): put one assessment per file",
        id="lebih dari satu dokumen YAML (---): tulis satu penilaian per berkas",
    )
    yaml_syntax = Message(en="YAML syntax error: {detail}", id="galat sintaks YAML: {detail}")
    yaml_error = Message(en="YAML error: {detail}", id="galat YAML: {detail}")
    where_indicator = Message(en="indicator {id}{rest}", id="indikator {id}{rest}")
    where_key = Message(en="{before} {key}", id="{before} {key}")
    where_item = Message(en="{before} item {n}", id="{before} butir ke-{n}")
    expect_whole = Message(en="a whole number from {low} to {high}", id="bilangan bulat dari {low} sampai {high}")
    expect_decimal = Message(
        en="a number from {low} to {high} (decimals such as 2.25, or an exact fraction such as 7/6)",
        id="bilangan dari {low} sampai {high} (desimal seperti 2.25, atau pecahan tepat seperti 7/6)",
    )
    desc_null = Message(en="null (empty)", id="null (kosong)")
    desc_text = Message(en="text {value!r}", id="teks {value!r}")
    desc_list = Message(en="a list", id="sebuah daftar")
    desc_mapping = Message(en="a mapping", id="sebuah pemetaan")
    yaml_decimal_comma = Message(
        en="{written} is read as two items because of the comma; write {fixed} (a decimal point)",
        id="{written} dibaca sebagai dua butir karena koma; tulis {fixed} (dengan titik desimal)",
    )
    yaml_tab = Message(
        en="a tab character: YAML indents with spaces only; replace the tab with spaces",
        id="ada karakter tab: YAML hanya memakai spasi untuk indentasi; ganti tab dengan spasi",
    )
    yaml_unclosed_quote = Message(
        en="a quote opened here is never closed: end the text with the same quote (\" or ')",
        id="tanda kutip yang dibuka di sini tidak pernah ditutup: akhiri teks dengan tanda kutip yang sama (\" atau ')",
    )
    yaml_unclosed_bracket = Message(
        en="the bracket opened on line {line} is not closed here: close it with {close}, separate items with commas, and put a text that holds a comma or colon in quotes",
        id="kurung yang dibuka di baris {line} tidak ditutup di sini: tutup dengan {close}, pisahkan butir dengan koma, dan beri tanda kutip pada teks yang memuat koma atau titik dua",
    )
    yaml_colon_in_text = Message(
        en='a colon followed by a space inside a text: put the text in quotes, e.g. note: "Rapat: 3 Maret"',
        id='ada titik dua diikuti spasi di dalam teks: beri tanda kutip pada teks itu, mis. note: "Rapat: 3 Maret"',
    )
    yaml_indent = Message(
        en="this line is indented wrongly: items of one list or mapping start in the same column (indent with spaces, like the lines above)",
        id="indentasi baris ini salah: butir dalam satu daftar atau pemetaan dimulai di kolom yang sama (indentasi dengan spasi, seperti baris di atasnya)",
    )
    hint_did_you_mean_ids = Message(en="; did you mean {ids}?", id="; maksud Anda {ids}?")
    yaml_number_too_long = Message(
        en="a number of {length} characters; at most {limit} are read",
        id="angka sepanjang {length} karakter; paling banyak {limit} yang dibaca",
    )
    yaml_number_form = Message(
        en="{value!r} is not a plain number: write digits only (2024, 3.5), or quote it if it is text",
        id="{value!r} bukan angka biasa: tulis angka saja (2024, 3,5 ditulis 3.5), atau beri tanda kutip bila teks",
    )
    yaml_key_type = Message(
        en="key {key} must be text or a whole number; quote it if it is text",
        id="kunci {key} harus teks atau bilangan bulat; beri tanda kutip bila teks",
    )
    desc_decimal_whole = Message(
        en="{value} (read as a decimal number: remove the !!float tag or the exponent)",
        id="{value} (dibaca sebagai bilangan desimal: hapus tag !!float atau eksponennya)",
    )
