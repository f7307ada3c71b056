"""A level written by its name (`level: Rintisan`): read as its number where the name is official.

The frameworks file says which scales carry the regulation's own names (`official_level_names`):
spbe-2020's process and service scales, pemdi-2026's levels. There a name stands for exactly one
number on the indicator's own scale, and is read as that number. Anything else stays as written and
is refused by validation; `refusal` then says which number to write: a name of another scale, a name
of spbe-2018 (whose names are paraphrases, not the regulation's), a predikat, any other text.
"""

from __future__ import annotations

import re
from typing import Any

from ..core.framework import Framework, Indicator, folded, levels_by_name
from ..core.stages import STAGES
from ..i18n import M, Phrase

# Where an entry holds a value: `{level: ..., mandiri: ..., target: ...}`
VALUE_KEYS = ("level", *STAGES, "target")
# A number written as text ("3", '2.5', "7/6 "): its refusal says enough, a list of level names would
# mislead. Compiled when first refused (re's cache), not when every run imports this module.
_NUMBER_TEXT = r"\s*[+-]?(\d+([.,]\d*)?|[.,]\d+)(\s*/\s*\d+)?\s*"


def read_names(data: Any, framework: Framework) -> bool:
    """Official level names in `levels` replaced by their numbers, in place (`data` is the checker's
    own copy of the document); whether any was."""
    levels = data.get("levels") if isinstance(data, dict) else None
    if not isinstance(levels, dict) or not framework.official_level_names:
        return False
    read = False
    for key, entry in levels.items():
        places = [(levels, key)] if isinstance(entry, (str, list)) else []
        if isinstance(entry, dict):
            places = [(entry, value_key) for value_key in VALUE_KEYS if value_key in entry]
        for holder, at in places:
            value = holder[at]
            numbered = _numbered(value, str(key), framework)
            if numbered is not value and numbered != value:
                holder[at], read = numbered, True
    return read


def _numbered(value: Any, indicator_id: str, framework: Framework) -> Any:
    if isinstance(value, list):  # one value per service
        return [_numbered(item, indicator_id, framework) for item in value]
    if isinstance(value, str):
        level = framework.level_named(indicator_id, value)
        if level is not None:
            return level
    return value


def refusal(
    where: Phrase | str, written: str, indicator: Indicator, framework: Framework, expected: Phrase, given: Phrase | str
) -> Phrase | None:
    """Why text given for a value is refused, with the number to write; None for a number written as
    text, or where the indicator's scale names no level (the plain refusal says enough)."""
    scale = framework.level_scales.get(indicator.scale) or {}
    if not scale or re.fullmatch(_NUMBER_TEXT, written):
        return None
    own = levels_by_name(scale).get(folded(written))
    if own is not None:  # a name of its own scale, where names are not the regulation's (spbe-2018)
        return Phrase(M.val_level_name_not_official, where=where, name=written, number=own, framework=framework.id)
    listed = ", ".join(f"{level} {label}" for level, label in sorted(scale.items()))
    return Phrase(M.val_value_levels, where=where, expected=expected, given=given, levels=listed)
