"""The kinds and categories of institution KemenPANRB's reports group results by.

Small on purpose: the assessment model names them (`category:`) on every run, while the published
figures (core/published.py) are imported only when a command compares with them.
"""

from __future__ import annotations

KINDS = ("kabupaten", "kota", "provinsi", "pusat")
REGIONAL = ("kabupaten", "kota", "provinsi")
# Central institutions fall into the categories the reports average: Kementerian, LPNK, LNS and the rest.
CENTRAL = ("kementerian", "lpnk", "lns", "lainnya")
CATEGORIES = (*REGIONAL, *CENTRAL)
# What an assessment file's `category:` may say: a category, or `pusat` for a central institution
# whose category (Kementerian, LPNK, LNS, other) is left to its published row.
CATEGORY_KEYS = (*CATEGORIES, "pusat")


def kind_of(category: str) -> str:
    """The kind of a category: a central category is `pusat`."""
    return "pusat" if category in CENTRAL else category
