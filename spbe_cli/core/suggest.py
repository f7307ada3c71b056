"""What a user probably meant: close spellings, Indonesian key names, indicator ids in another form.

A suggestion is only worth making when it is close and not already there: "did you mean '8'?" for
`48:` in a file that has 8 helps no one, so numbers are never guessed by spelling and an id the file
already has is never offered.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterable

# Indonesian words coordinators write as keys, and the key each stands for. Several keys per word
# where the word fits more than one place (the one valid where it was written is chosen).
INDONESIAN_KEYS: dict[str, tuple[str, ...]] = {
    "tahun": ("year",),
    "instansi": ("institution",),
    "lembaga": ("institution",),
    "nama_instansi": ("institution",),
    "kerangka": ("framework",),
    "catatan": ("note",),
    "keterangan": ("note",),
    "bukti": ("evidence",),
    "bukti_dukung": ("evidence",),
    "dokumen": ("evidence",),
    "opd": ("pic",),
    "penanggung_jawab": ("pic",),
    "nilai": ("level", "levels"),
    "tingkat": ("level", "levels"),
    "tingkat_kematangan": ("level", "levels"),
    "indikator": ("levels",),
    "sasaran": ("target",),
    "tahap": ("stage",),
    "layanan": ("service",),
    "sektor": ("service",),
    "catatan_asesor": ("assessor_note",),
    "rekomendasi": ("recommendation",),
    "penjelasan": ("note",),
}

CLOSE = 0.7  # difflib ratio: "yeer" -> "year" (0.75) is close; "tahun" -> "year" (0.22) is not


def suggest_key(word: str, choices: Iterable[str], present: Collection[str] = ()) -> str | None:
    """The valid key the user most likely meant by `word`, or None when no guess is close."""
    available = [c for c in choices if c not in present]
    folded = {c.casefold(): c for c in available}
    key = word.strip().casefold().replace(" ", "_").replace("-", "_")
    for meant in INDONESIAN_KEYS.get(key, ()):
        if meant.casefold() in folded:
            return folded[meant.casefold()]
    if key.isdigit():
        return None
    match = difflib.get_close_matches(word.casefold(), list(folded), n=1, cutoff=CLOSE)
    if match:
        return folded[match[0]]
    starts = [c for f, c in folded.items() if len(key) >= 3 and f.startswith(key)]
    return starts[0] if len(starts) == 1 else None


def suggest_indicator(word: str, ids: Collection[str], present: Collection[str] = ()) -> str | None:
    """An indicator id written in another form: `5` for `I5` (Pemdi), `I5` or `05` for `5` (SPBE), `i5`.

    Never a different number: 48 is not a misspelling of 8.
    """
    text = word.strip().upper().replace(" ", "")
    number = text[1:] if text.startswith("I") else text
    if not (number.isascii() and number.isdigit() and len(number) <= 9):  # ² and 5,000 digits are no id
        return None
    number = str(int(number))
    for candidate in (number, "I" + number):
        if candidate in ids and candidate not in present and candidate != word:
            return candidate
    return None
