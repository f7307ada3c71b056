"""The keys and bounds of an assessment file, without the Pydantic models that check them (`models.py`)."""

from __future__ import annotations

from ..core.assessment import Entry
from ..core.stages import STAGES

YEAR_MIN, YEAR_MAX = 2000, 2100
TOP_KEYS = ("framework", "institution", "year", "stage", "category", "levels")
ENTRY_KEYS = (
    "level",
    *STAGES,
    "target",
    "note",
    "evidence",
    "pic",
    "service",
    "assessor_note",
    "recommendation",
)
TEXT_KEYS = ("note", "pic", "service", "assessor_note", "recommendation", "code", "link", "title")
EVIDENCE_KEYS = ("code", "link", "title", "status", "note")
EXTERNAL_KEY = "external"  # pemdi-2026 I5, I6, I7, I18: the source index's number, or pending

# Decimal values (Pemdi) are read to at most this many decimal places; more is refused, not rounded.
MAX_DECIMAL_PLACES = 6

# Discriminator tags appear in error locations; their angle brackets let the loader drop them.
VALUE_TAG, LIST_TAG, ENTRY_TAG, TEXT_TAG = "<value>", "<list>", "<entry>", "<text>"
DISCRIMINATOR_TAGS = (VALUE_TAG, LIST_TAG, ENTRY_TAG, TEXT_TAG)  # a user's key "<<" is not one of them

# An indicator given as a plain whole number (most of a file): one shared Entry per number.
PLAIN_ENTRIES = {number: Entry(values=(number,)) for number in range(0, 101)}
