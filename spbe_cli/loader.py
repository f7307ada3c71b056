"""From bytes to a validated Assessment, or to every located problem of the file.

Three separate steps: parse (strict YAML with positions), check (the framework's Pydantic model),
report (Pydantic's errors turned into `PATH:LINE:COL: message` problems in the user's terms).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any

from pydantic import ValidationError

from .assessment import Assessment
from .catalog import Catalog
from .framework import Framework
from .models import ENTRY_KEYS, TOP_KEYS, YEAR_MAX, YEAR_MIN, assessment_model, to_assessment
from .problems import InvalidInput, Problem
from .yamlread import MAX_BYTES, YamlDocument, read_yaml


def read_bytes(path: str) -> bytes:
    """A file's bytes, capped in size; `-` reads standard input. Raises InvalidInput."""
    try:
        if path == "-":
            import sys

            data = sys.stdin.buffer.read(MAX_BYTES + 1)
        else:
            with open(path, "rb") as handle:
                data = handle.read(MAX_BYTES + 1)
    except IsADirectoryError:
        raise InvalidInput([Problem(path, None, None, "is a folder, not a file")]) from None
    except FileNotFoundError:
        raise InvalidInput([Problem(path, None, None, "no such file")]) from None
    except OSError as error:
        raise InvalidInput([Problem(path, None, None, f"cannot read: {error.strerror or error}")]) from None
    return data


def load_file(path: str, catalog: Catalog) -> Assessment:
    return parse_assessment(read_bytes(path), path, catalog)


def parse_assessment(data: bytes, path: str, catalog: Catalog) -> Assessment:
    """Parse and validate one assessment file's bytes. Raises InvalidInput with every problem."""
    document = read_yaml(data, path, positions=False)  # valid files never need positions
    try:
        return check_document(document, _framework_of(document, catalog))
    except InvalidInput:
        document = read_yaml(data, path)  # read again, recording positions, to locate the problems
        return check_document(document, _framework_of(document, catalog))


def validate_data(data: dict[str, Any], catalog: Catalog, source: str = "<data>") -> Assessment:
    """Validate an assessment given as Python data (library use). Raises InvalidInput."""
    document = YamlDocument(data, source)
    return check_document(document, _framework_of(document, catalog))


def _framework_of(document: YamlDocument, catalog: Catalog) -> Framework:
    data = document.data
    if not isinstance(data, dict):
        raise InvalidInput(
            [document.problem((), f"expected a mapping with keys {', '.join(TOP_KEYS)}, found {_describe(data)}")]
        )
    if "framework" not in data:
        raise InvalidInput(
            [document.problem((), f"missing key 'framework' (one of: {', '.join(catalog.ids)})")]
            + _unknown_keys(document, (), data, TOP_KEYS)
        )
    framework_id = data["framework"]
    if not isinstance(framework_id, str) or framework_id not in catalog:
        hint = _did_you_mean(str(framework_id), catalog.ids)
        raise InvalidInput(
            [
                document.problem(
                    ("framework",),
                    f"unknown framework {_describe(framework_id)}{hint} (known: {', '.join(catalog.ids)})",
                )
            ]
        )
    return catalog.get(framework_id)


def check_document(document: YamlDocument, framework: Framework) -> Assessment:
    data = document.data
    levels = data.get("levels")
    if isinstance(levels, dict):
        # Keys in the file may be numbers (12:) or text ("12"); the reader already refused collisions.
        data = {**data, "levels": {_key(k): v for k, v in levels.items()}}
    model = assessment_model(framework)
    try:
        validated = model.model_validate(data)
    except ValidationError as error:
        raise InvalidInput(list(_problems(error.errors(include_url=False), document, framework))) from None
    return to_assessment(validated, framework, document.path)


def _key(key: Any) -> str:
    return str(key).lower() if isinstance(key, bool) else str(key)


def _problems(errors: list[dict[str, Any]], document: YamlDocument, framework: Framework) -> Iterable[Problem]:
    missing_ids: list[str] = []
    for error in errors:
        loc = tuple(_key(part) if not isinstance(part, int) else part for part in error["loc"] if not str(part).startswith("<"))
        kind = error["type"]
        if kind == "missing" and loc[:-1] == ("levels",):
            missing_ids.append(str(loc[-1]))
            continue
        if kind == "extra_forbidden":
            yield from _unknown_keys(document, loc[:-1], {loc[-1]: None}, _valid_keys(loc[:-1], framework), framework)
            continue
        yield document.problem(loc, _message(loc, error, framework))
    if missing_ids:
        shown = ", ".join(missing_ids)
        yield document.problem(
            ("levels",),
            f"missing {len(missing_ids)} indicator{'s' if len(missing_ids) > 1 else ''} of {framework.id}: {shown}",
            key=True,
        )


def _valid_keys(parent: tuple, framework: Framework) -> tuple[str, ...]:
    if parent == ():
        return TOP_KEYS
    if parent == ("levels",):
        return tuple(framework.by_id)
    return ENTRY_KEYS


def _unknown_keys(
    document: YamlDocument, parent: tuple, data: dict, valid: Iterable[str], framework: Framework | None = None
) -> list[Problem]:
    problems = []
    for key in data:
        if _key(key) in valid:
            continue
        of_indicators = parent in (("levels",), ("indicators",))  # an assessment's or a costs file's ids
        what = "indicator" if of_indicators else "key"
        hint = _did_you_mean(_key(key), list(valid))
        if not hint and of_indicators and framework is not None:
            first, last = framework.indicators[0].id, framework.indicators[-1].id
            hint = f" ({framework.id} has indicators {first} to {last})"
        problems.append(document.problem(parent + (_key(key),), f"unknown {what} {_key(key)!r}{hint}", key=True))
    return problems


def _did_you_mean(word: str, choices: list[str]) -> str:
    folded = {choice.casefold(): choice for choice in choices}
    match = difflib.get_close_matches(word.casefold(), list(folded), n=1, cutoff=0.6)
    return f"; did you mean {folded[match[0]]!r}?" if match else ""


def _message(loc: tuple, error: dict[str, Any], framework: Framework) -> str:
    kind = error["type"]
    given = error.get("input")
    if kind == "missing":
        return f"missing key {loc[-1]!r}" if len(loc) == 1 else f"{_where(loc[:-1])}: missing key {loc[-1]!r}"
    where = _where(loc)
    if loc == ("year",):
        return f"year must be a whole number from {YEAR_MIN} to {YEAR_MAX}, not {_describe(given)}"
    if loc == ("institution",):
        return f"institution must be a non-empty text, not {_describe(given)}"
    if loc == ("levels",):
        return f"levels must be a mapping of indicator id to value, not {_describe(given)}"
    if len(loc) >= 2 and loc[0] == "levels" and loc[-1] in ("note", "pic") or (len(loc) >= 3 and loc[-2] == "evidence"):
        return f"{where} must be text, not {_describe(given)}"
    if len(loc) >= 2 and loc[0] == "levels" and loc[-1] == "evidence":
        return f"{where} must be a list of texts, not {_describe(given)}"
    if len(loc) >= 2 and loc[0] == "levels":
        indicator = framework.by_id.get(str(loc[1]))
        if isinstance(given, list) and indicator is not None and not indicator.multiple:
            return f"{where} takes one value, not a list (only indicators assessed per service take a list)"
        if kind in ("too_short", "too_long"):
            return f"{where} needs from 1 to 50 values, one per service"
        if isinstance(given, dict):
            return f"{where} must be a value or a mapping with keys {', '.join(ENTRY_KEYS)}"
        return f"{where} must be {_expected(framework)}, not {_describe(given)}"
    return f"{where}: {error['msg']}"


def _where(loc: tuple) -> str:
    if len(loc) >= 2 and loc[0] == "levels":
        rest = [str(part) if isinstance(part, str) else f"[{part + 1}]" for part in loc[2:]]
        detail = f" {' '.join(rest)}" if rest else ""
        return f"indicator {loc[1]}{detail}".replace(" [", "[")
    return ".".join(str(part) for part in loc)


def _expected(framework: Framework) -> str:
    low, high = framework.min_value, framework.max_value
    if framework.integer_values:
        return f"a whole number from {low} to {high}"
    return f"a number from {low} to {high} (decimals such as 2.25 allowed)"


def _describe(value: Any) -> str:
    """A value as the user wrote it in YAML terms."""
    if value is None:
        return "null (empty)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return {"NaN": ".nan", "Infinity": ".inf", "-Infinity": "-.inf"}.get(str(value), str(value))
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return f"text {value!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def display_path(path: str) -> str:
    """Paths as the user typed them; kept as a function so every message agrees."""
    return str(Path(path)) if path != "-" else "<stdin>"


def parse_costs(data: bytes, path: str, framework: Framework):
    """A costs file (`default: 1`, `indicators: {42: 5}`) for `spbe plan`. Raises InvalidInput."""
    from fractions import Fraction

    from pydantic import BaseModel, ConfigDict, Field

    from .planning import Costs

    Positive = Field(gt=0, allow_inf_nan=False)

    class CostsFile(BaseModel):
        model_config = ConfigDict(extra="forbid")
        default: Decimal = Field(Decimal(1), gt=0, allow_inf_nan=False)
        indicators: dict[str, Annotated[Decimal, Positive]] = {}

    document = read_yaml(data, path)
    if not isinstance(document.data, dict):
        raise InvalidInput([document.problem((), "expected a mapping with keys default and indicators")])
    raw = dict(document.data)
    if isinstance(raw.get("indicators"), dict):
        raw["indicators"] = {_key(k): v for k, v in raw["indicators"].items()}
    problems: list[Problem] = []
    for indicator_id in raw["indicators"] if isinstance(raw.get("indicators"), dict) else ():
        if indicator_id not in framework.by_id:
            problems += _unknown_keys(document, ("indicators",), {indicator_id: None}, list(framework.by_id), framework)
    try:
        model = CostsFile.model_validate(raw)
    except ValidationError as error:
        for item in error.errors(include_url=False):
            loc = tuple(_key(p) if not isinstance(p, int) else p for p in item["loc"])
            if item["type"] == "extra_forbidden":
                problems += _unknown_keys(document, loc[:-1], {loc[-1]: None}, ("default", "indicators"))
            else:
                shown = ".".join(map(str, loc))
                problems.append(document.problem(loc, f"{shown} must be a positive number, not {_describe(item.get('input'))}"))
    if problems:
        raise InvalidInput(problems)
    return Costs(Fraction(model.default), {k: Fraction(v) for k, v in model.indicators.items()})
