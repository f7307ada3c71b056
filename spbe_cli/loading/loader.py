"""From bytes to a validated Assessment, or to every located problem of the file.

Three separate steps: parse (strict YAML with positions), check (the framework's Pydantic model),
report (Pydantic's errors turned into `PATH:LINE:COL: message` problems in the user's terms and
language).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from pydantic import ValidationError

from ..core.assessment import EVIDENCE_STATUSES, Assessment
from ..core.evidence import LEVEL_CODE
from ..core.framework import Framework
from ..core.numbers import display, plain_number
from ..core.readiness import Place
from ..core.stages import STAGES, position
from ..core.suggest import suggest_indicator, suggest_key
from ..i18n import M, Phrase
from ..problems import InvalidInput, Problem
from .catalog import Catalog
from .levelnames import read_names, refusal
from .models import (
    DISCRIMINATOR_TAGS,
    ENTRY_KEYS,
    EVIDENCE_KEYS,
    EXTERNAL_KEY,
    MAX_DECIMAL_PLACES,
    TEXT_KEYS,
    TOP_KEYS,
    YEAR_MAX,
    YEAR_MIN,
    assessment_model,
    to_assessment,
)
from .sheetformat import is_sheet
from .yamlread import YamlDocument, key_text, read_capped, read_yaml


def read_bytes(path: str) -> bytes:
    """A file's bytes, capped in size; `-` reads standard input. Raises InvalidInput."""
    try:
        data = read_capped(path)
    except IsADirectoryError:
        raise InvalidInput([Problem.at(path, None, None, Phrase(M.file_is_folder), "file")]) from None
    except FileNotFoundError:
        raise InvalidInput([Problem.at(path, None, None, Phrase(M.file_missing), "file")]) from None
    except OSError as error:
        raise InvalidInput(
            [Problem.at(path, None, None, Phrase(M.file_unreadable, reason=error.strerror or str(error)), "file")]
        ) from None
    return data


def load_file(
    path: str,
    catalog: Catalog,
    *,
    locate: bool = False,
    warn: Callable[[Problem], None] | None = None,
    encoding: str | None = None,
) -> Assessment:
    """An assessment from a YAML file, an XLSX workbook or a CSV sheet (warnings, if any, go to `warn`;
    `encoding`: a CSV sheet's, when it is not UTF-8)."""
    return parse_any(read_bytes(path), path, catalog, locate=locate, warn=warn, encoding=encoding)


def parse_any(
    data: bytes,
    path: str,
    catalog: Catalog,
    *,
    locate: bool = False,
    warn: Callable[[Problem], None] | None = None,
    encoding: str | None = None,
) -> Assessment:
    """Bytes of any assessment file: a workbook (by content or name), a CSV sheet (by name), else YAML."""
    if is_sheet(path, data):  # the sheet reader (and its libraries) only for a sheet
        from .assessment_sheet import SheetOptions, parse_sheet

        return parse_sheet(data, path, catalog, SheetOptions(encoding=encoding), warn=warn)
    return parse_assessment(data, path, catalog, locate=locate)


def load_located(
    path: str, catalog: Catalog, *, warn: Callable[[Problem], None] | None = None, encoding: str | None = None
) -> tuple[Assessment, Callable[[tuple, bool], Place]]:
    """An assessment and a function giving where a key path stands in it: `PATH:LINE:COL` in YAML,
    `PATH:Sheet!B14` in a workbook (`key`: the key's own place rather than its value's)."""
    from .assessment_sheet import SheetOptions, sheet_document

    data = read_bytes(path)
    if is_sheet(path, data):
        document: Any = sheet_document(data, path, catalog, SheetOptions(encoding=encoding), warn=warn)
    else:
        document = read_yaml(data, path)
    assessment = _Reporter(document).assessment(catalog)

    def location(key_path: tuple, key: bool) -> Place:
        found = document.problem(key_path, Phrase(M.chk_error), key=key)
        return Place(found.path, found.line, found.col, found.cell)

    return assessment, location


def parse_assessment(data: bytes, path: str, catalog: Catalog, *, locate: bool = False) -> Assessment:
    """Parse and validate one assessment file's bytes. Raises InvalidInput with every problem.

    The result carries the positions of its keys (`Assessment.positions`) when `locate` is true, and
    whenever the file records stages or leaves values empty (what a command may have to refuse).
    """
    if not locate:
        document = read_yaml(data, path, positions=False)  # most files never need positions
        try:
            assessment = _Reporter(document).assessment(catalog)
        except InvalidInput:
            pass  # read again below, recording positions, to locate the problems
        else:
            if not assessment.stages and not assessment.unfilled:
                return assessment
    document = read_yaml(data, path)
    return _Reporter(document).assessment(catalog)


def not_filled_problems(assessment: Assessment, stage: str | None) -> list[Problem]:
    """Every indicator without a value at `stage`, located (empty when all are filled)."""
    problems = []
    for gap in assessment.gaps(stage):
        where = Phrase(M.where_indicator, id=gap.indicator_id, rest="")
        if gap.reason == "no_stage":
            recorded = ", ".join(assessment.entries[gap.indicator_id].stage_values)
            message = Phrase(M.val_no_stage_value, where=where, stage=gap.stage, recorded=recorded)
            path: tuple = ("levels", gap.indicator_id)
        else:
            if gap.stage is None:
                message = Phrase(M.val_not_filled, where=where)
            else:
                message = Phrase(M.val_not_filled_at, where=where, stage=gap.stage)
            path = _empty_path(assessment, gap.indicator_id, gap.stage)
        line, col = assessment.position(path)
        problems.append(Problem.at(assessment.source or "-", line, col, message, cell=assessment.cell(path)))
    return problems


def _empty_path(assessment: Assessment, indicator_id: str, stage: str | None) -> tuple:
    entry = assessment.entries[indicator_id]
    recorded = entry.recorded_stage_at(stage) if stage is not None else None
    if recorded is not None:
        return ("levels", indicator_id, recorded)
    return ("levels", indicator_id)


def declares_framework(data: bytes) -> bool:
    """Whether a YAML file looks like an assessment: a top-level `framework:` key (quoted or not)."""
    import re

    return re.search(rb"""(?m)^(?:\xef\xbb\xbf)?["']?framework["']?[ \t]*:""", data) is not None


def other_yaml(data: bytes) -> bool:
    """Whether a file is YAML that is not an assessment: it parses, and has no top-level `framework` key
    (a costs file, a GitHub workflow, notes). A file that does not parse is not "other": reading it as
    an assessment reports why, so flow style, JSON or UTF-16 assessments are never skipped unread.

    "Parses" is YAML's own grammar, not spbe's stricter reading: a workflow's `on:` key is fine here.
    """
    if declares_framework(data):
        return False  # the common case, without a second parse
    from .yamlread import top_level_keys

    keys = top_level_keys(data)
    return keys is not None and "framework" not in keys


def validate_document(document: YamlDocument, catalog: Catalog) -> Assessment:
    """Check an already-read document (a YAML file's, or a spreadsheet's, which locates by cell)."""
    return _Reporter(document).assessment(catalog)


def validate_data(data: dict[str, Any], catalog: Catalog, source: str = "<data>") -> Assessment:
    """Validate an assessment given as Python data (library use). Raises InvalidInput."""
    return _Reporter(YamlDocument(data, source)).assessment(catalog)


_DECIMAL_COMMA = re.compile(r"^\s*[+-]?\d+,\d+\s*$")  # 3,5: how Indonesians write 3.5


def _text_keys(value: Any) -> Any:
    """The document with every mapping key as text (`key_text`), values unchanged."""
    if isinstance(value, dict):
        return {key_text(k): _text_keys(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_text_keys(item) for item in value]
    return value


def _inside(parts: tuple) -> Phrase | str:
    """Where inside an indicator, in words: ` evidence item 2 status`, never `evidence[2]`."""
    words: Phrase | str = ""
    for part in parts:
        if isinstance(part, int):  # a list position, counted from 1
            words = Phrase(M.where_item, before=words, n=part + 1)
        else:
            words = Phrase(M.where_key, before=words, key=part)
    return words


class _Reporter:
    """Checks one parsed document and puts its problems in the user's terms."""

    def __init__(self, document: YamlDocument):
        self.document = document
        self._keys_at: dict[tuple, set[str]] = {}

    def problem(self, path: tuple, phrase: Phrase, *, key: bool = False, kind: str = "value") -> Problem:
        return self.document.problem(path, phrase, key=key, kind=kind)

    # --- assessments -------------------------------------------------------------------------

    def assessment(self, catalog: Catalog) -> Assessment:
        framework = self.framework_of(catalog)
        # Keys may be numbers (12:, or 5: inside an entry) or text ("12"); the reader already refused
        # collisions. As text, a number key is reported as an unknown key, never as a list position.
        data = _text_keys(self.document.data)
        read_names(data, framework)  # `level: Rintisan` is 1 where the name is official
        try:
            validated = assessment_model(framework).model_validate(data)
        except ValidationError as error:
            errors = error.errors(include_url=False)
            problems = list(self.validation_problems(errors, framework))
            # Report every problem of the file at once: the checks across keys too, for the
            # indicators the model found nothing wrong inside.
            inside = {str(e["loc"][1]) for e in errors if len(e["loc"]) > 2 and e["loc"][0] == "levels"}
            problems += self.entry_problems(data, framework, inside)
            raise InvalidInput(problems) from None
        problems = list(self.entry_problems(data, framework, set()))
        if problems:
            raise InvalidInput(problems)
        assessment = to_assessment(validated, framework, self.document.path)
        if self.document.values:
            from dataclasses import replace

            located = {**self.document.values, **self.document.keys}  # a key's own line where it has one
            assessment = replace(assessment, positions=located)
        return assessment

    def entry_problems(self, data: Mapping[str, Any], framework: Framework, skip: set[str]) -> Iterable[Problem]:
        """What one model cannot say about an indicator: keys that exclude or must match each other.

        Read from the raw mappings, so these are reported together with the model's own problems;
        indicators in `skip` (the model already found something inside them) are left alone.
        """
        declared = data.get("stage") if data.get("stage") in STAGES else None
        levels = data.get("levels")
        if not isinstance(levels, dict):
            return
        for indicator in framework.indicators:
            raw = levels.get(indicator.id)
            if not isinstance(raw, dict) or indicator.id in skip:
                continue
            keys = {key_text(key) for key in raw}
            here = ("levels", indicator.id)
            where = Phrase(M.where_indicator, id=indicator.id, rest="")
            stages = [stage for stage in STAGES if stage in keys]
            has_level = "level" in keys or raw.get(EXTERNAL_KEY) is not None
            if stages and has_level:
                message = Phrase(M.val_level_and_stages, where=where, stages=", ".join(stages))
                yield self.problem(here, message, key=True, kind="structure")
            elif not stages and not has_level and indicator.external is not None:
                message = Phrase(M.val_external_none, where=where, index=indicator.external.short_name)
                yield self.problem(here, message, kind="structure")
            elif not stages and not has_level:
                yield self.problem(
                    here, Phrase(M.val_no_value, where=where, stages=", ".join(STAGES)), kind="structure"
                )
            if declared is not None:
                for stage in stages:
                    if position(stage) > position(declared):
                        message = Phrase(M.val_stage_after, where=where, stage=stage, declared=declared)
                        yield self.problem(here + (stage,), message, key=True)
            service = raw.get("service")
            if indicator.multiple and isinstance(service, (str, list)):
                services = 1 if isinstance(service, str) else len(service)
                written = [raw.get(key) for key in ("level", *stages)]
                counts = {1 if not isinstance(v, list) else len(v) for v in written if v is not None}
                if counts - {services}:
                    counted = ", ".join(map(str, sorted(counts)))
                    message = Phrase(M.val_service_count, where=where, services=services, values=counted)
                    yield self.problem(here + ("service",), message)
            if indicator.id.startswith("I"):
                yield from self.evidence_code_problems(raw.get("evidence"), indicator.id, framework)

    def evidence_code_problems(self, evidence: Any, indicator_id: str, framework: Framework) -> Iterable[Problem]:
        """pemdi-2026 portal codes `I<n>-L<level>-<nn>`: the indicator they sit under, a level of the scale."""
        if not isinstance(evidence, list):
            return
        for index, item in enumerate(evidence):
            code = item.get("code") if isinstance(item, dict) else None
            if not isinstance(code, str):
                continue
            path = ("levels", indicator_id, "evidence", index, "code")
            where = self.where(path)
            match = LEVEL_CODE.fullmatch(code.strip())
            if match is None:
                yield self.problem(path, Phrase(M.val_evidence_code, where=where, given=code, example="I4-L2-01"))
            elif f"I{int(match[1])}" != indicator_id:
                message = Phrase(M.val_evidence_code_indicator, where=where, code=code, id=indicator_id)
                yield self.problem(path, message)
            elif not framework.min_value <= int(match[2]) <= framework.max_value:
                message = Phrase(
                    M.val_evidence_code_level, where=where, code=code, low=framework.min_value, high=framework.max_value
                )
                yield self.problem(path, message)

    def framework_of(self, catalog: Catalog) -> Framework:
        data = self.document.data
        if not isinstance(data, dict):
            found = self.describe(data)
            raise InvalidInput(
                [
                    self.problem(
                        (),
                        Phrase(M.val_not_mapping, keys=", ".join(k for k in TOP_KEYS if k != "stage"), found=found),
                        kind="structure",
                    )
                ]
            )
        if "framework" not in data:
            raise InvalidInput(
                [self.problem((), Phrase(M.val_no_framework, known=", ".join(catalog.ids)), kind="structure")]
                + self.unknown_keys((), data, TOP_KEYS)
            )
        framework_id = data["framework"]
        if not isinstance(framework_id, str) or framework_id not in catalog:
            hint = self.did_you_mean(str(framework_id), catalog.ids)
            message = Phrase(
                M.val_unknown_framework, given=self.describe(framework_id), hint=hint, known=", ".join(catalog.ids)
            )
            raise InvalidInput([self.problem(("framework",), message, kind="structure")])
        return catalog.get(framework_id)

    def validation_problems(self, errors: Sequence[Mapping[str, Any]], framework: Framework) -> Iterable[Problem]:
        missing_ids: list[str] = []
        for error in errors:
            loc = tuple(
                key_text(p) if not isinstance(p, int) else p for p in error["loc"] if p not in DISCRIMINATOR_TAGS
            )
            kind = error["type"]
            if kind == "missing" and loc[:-1] == ("levels",):
                missing_ids.append(str(loc[-1]))
                continue
            if kind == "extra_forbidden":
                yield from self.unknown_keys(loc[:-1], {loc[-1]: None}, self.valid_keys(loc[:-1], framework), framework)
                continue
            yield self.problem(
                loc, self.message(loc, error, framework), kind="structure" if kind == "missing" else "value"
            )
        if missing_ids:
            name = M.val_missing_indicator if len(missing_ids) == 1 else M.val_missing_indicators
            message = Phrase(name, count=len(missing_ids), framework=framework.id, ids=", ".join(missing_ids))
            yield self.problem(("levels",), message, key=True, kind="structure")

    @staticmethod
    def valid_keys(parent: tuple, framework: Framework) -> tuple[str, ...]:
        if parent == ():
            return TOP_KEYS
        if parent == ("levels",):
            return tuple(framework.by_id)
        if len(parent) >= 2 and isinstance(parent[-1], int) and parent[-2] == "evidence":
            return EVIDENCE_KEYS
        return ENTRY_KEYS

    def unknown_keys(
        self, parent: tuple, data: dict, valid: Iterable[str], framework: Framework | None = None
    ) -> list[Problem]:
        problems = []
        for key in data:
            if key_text(key) in valid:
                continue
            of_indicators = parent in (("levels",), ("indicators",))  # an assessment's or a costs file's ids
            present = self.keys_at(parent)
            if of_indicators:
                guess = suggest_indicator(key_text(key), list(valid), present)
            elif parent == () and key_text(key).casefold() in ENTRY_KEYS:
                problems.append(self.entry_key_at_top(key_text(key)))
                continue
            else:
                guess = suggest_key(key_text(key), valid, present)
            hint = Phrase(M.val_did_you_mean, suggestion=guess) if guess else ""
            if not hint and of_indicators and framework is not None:
                first, last = framework.indicators[0].id, framework.indicators[-1].id
                hint = Phrase(M.val_indicator_range, framework=framework.id, first=first, last=last)
            message = Phrase(
                M.val_unknown_indicator if of_indicators else M.val_unknown_key, key=key_text(key), hint=hint
            )
            problems.append(self.problem(parent + (key_text(key),), message, key=True, kind="structure"))
        return problems

    def did_you_mean(self, word: str, choices: list[str]) -> Phrase | str:
        guess = suggest_key(word, choices)
        return Phrase(M.val_did_you_mean, suggestion=guess) if guess else ""

    def keys_at(self, parent: tuple) -> set[str]:
        """The keys already written in the mapping at parent: never suggested for another key."""
        known = self._keys_at.get(parent)
        if known is None:  # once per mapping: a file of thousands of unknown keys stays linear
            known = self._keys_at[parent] = self._collect_keys(parent)
        return known

    def _collect_keys(self, parent: tuple) -> set[str]:
        node: Any = self.document.data
        for part in parent:
            if not isinstance(node, dict):
                return set()
            node = node.get(part)
        return {key_text(k) for k in node} if isinstance(node, dict) else set()

    def entry_key_at_top(self, key: str) -> Problem:
        """`target:` (or `note:` ...) written at the top of the file: it belongs to each indicator."""
        return self.problem((key,), Phrase(M.val_entry_key_at_top, key=key), key=True, kind="structure")

    def message(self, loc: tuple, error: Mapping[str, Any], framework: Framework) -> Phrase:
        kind = error["type"]
        given = self.describe(error.get("input"))
        if kind == "missing":
            if len(loc) == 1:
                return Phrase(M.val_missing_key, key=loc[-1])
            return Phrase(M.val_missing_key_in, where=self.where(loc[:-1]), key=loc[-1])
        where = self.where(loc)
        if loc == ("year",):
            return Phrase(M.val_year, low=YEAR_MIN, high=YEAR_MAX, given=given)
        if loc == ("institution",):
            return Phrase(M.val_institution, given=given)
        if loc == ("levels",):
            return Phrase(M.val_levels, given=given)
        if loc == ("stage",):
            return Phrase(M.val_stage, given=given, stages=", ".join(STAGES))
        in_levels = len(loc) >= 2 and loc[0] == "levels"
        inner = [part for part in loc[2:] if isinstance(part, str)]
        if in_levels and inner[-1:] == ["status"] and "evidence" in inner:
            return Phrase(M.val_evidence_status, where=where, given=given, statuses=", ".join(EVIDENCE_STATUSES))
        if in_levels and loc[-1] == "evidence":
            return Phrase(M.val_evidence, where=where, given=given, keys=", ".join(EVIDENCE_KEYS))
        if in_levels and len(loc) >= 4 and loc[-2] == "evidence":
            return Phrase(M.val_evidence_item, where=where, given=given, keys=", ".join(EVIDENCE_KEYS))
        if in_levels and any(part in TEXT_KEYS for part in inner):
            return Phrase(M.val_text, where=where, given=given)
        if in_levels and kind == "decimal_max_places":
            return Phrase(M.val_places, where=where, given=given, places=MAX_DECIMAL_PLACES)
        if in_levels and kind.startswith("external_"):
            return self.external_message(loc, kind, given, framework)
        if in_levels:
            indicator = framework.by_id.get(str(loc[1]))
            raw = error.get("input")
            if isinstance(raw, list) and indicator is not None and not indicator.multiple:
                return Phrase(M.val_no_list, where=where)
            if kind in ("too_short", "too_long"):
                return Phrase(M.val_services, where=where)
            if isinstance(raw, dict) and len(loc) == 2:
                return Phrase(M.val_entry, where=where, keys=", ".join(ENTRY_KEYS))
            if isinstance(raw, str) and _DECIMAL_COMMA.match(raw):
                written = raw.strip()
                return Phrase(M.val_decimal_comma, where=where, written=written, fixed=written.replace(",", "."))
            expected = Phrase(
                M.expect_whole if framework.integer_values else M.expect_decimal,
                low=framework.min_value,
                high=framework.max_value,
            )
            named = None
            if isinstance(raw, str) and indicator is not None:
                named = refusal(where, raw, indicator, framework, expected, given)
            return named or Phrase(M.val_value, where=where, expected=expected, given=given)
        return Phrase(M.val_other, where=where, detail=error["msg"])

    def external_message(self, loc: tuple, kind: str, given: Phrase | str, framework: Framework) -> Phrase:
        where = self.where(loc)
        source = framework.by_id[str(loc[1])].external
        assert source is not None  # only indicators with a source have `external`
        if kind == "external_and_level":
            return Phrase(M.val_external_both, where=where)
        if kind == "external_or_level":
            return Phrase(M.val_external_none, where=where, index=source.short_name)
        if kind == "external_no_conversion":
            pending = display(source.pending)
            return Phrase(
                M.val_external_no_conversion, where=where, index=source.short_name, pending=pending, given=given
            )
        low, high = source.scale_min, source.scale_max
        return Phrase(
            M.val_external_value,
            where=where,
            index=source.short_name,
            low=plain_number(low) if low is not None else "?",
            high=plain_number(high) if high is not None else "?",
            given=given,
        )

    def where(self, loc: tuple) -> Phrase | str:
        in_sheet = getattr(self.document, "where", None)  # a spreadsheet names the column (and row)
        if in_sheet is not None and (named := in_sheet(loc)) is not None:
            return named
        if len(loc) >= 2 and loc[0] == "levels":
            return Phrase(M.where_indicator, id=loc[1], rest=_inside(loc[2:]))
        return ".".join(str(part) for part in loc)

    def describe(self, value: Any) -> Phrase | str:
        """A value as the user wrote it in YAML terms."""
        if value is None:
            return Phrase(M.desc_null)
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, Decimal):
            shown = {"NaN": ".nan", "Infinity": ".inf", "-Infinity": "-.inf"}.get(str(value), str(value))
            if value.is_finite() and "." not in shown:  # !!float 3 or 3e0: looks whole, was read as a decimal
                return Phrase(M.desc_decimal_whole, value=shown)
            return shown
        if isinstance(value, (int, float)):
            return str(value)
        if isinstance(value, str):
            return Phrase(M.desc_text, value=value)
        if isinstance(value, list):
            return Phrase(M.desc_list)
        if isinstance(value, dict):
            return Phrase(M.desc_mapping)
        return type(value).__name__
