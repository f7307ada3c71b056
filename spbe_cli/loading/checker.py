"""The assessment checker: a read document (YAML or sheet) to a validated Assessment, or every problem.

The document's data is checked against the framework's Pydantic model and against what one model
cannot say (keys that exclude or must match each other, portal evidence codes); Pydantic's errors are
turned into problems in the user's terms, located where the document says each value stands.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from ..core.assessment import EVIDENCE_STATUSES, Assessment
from ..core.categories import CATEGORY_KEYS
from ..core.framework import Framework, Indicator
from ..core.numbers import plain_number, round_half_up
from ..core.stages import STAGES, position
from ..core.suggest import suggest_indicator, suggest_key
from ..i18n import M, Phrase
from ..problems import InvalidInput, KeyPath, Problem
from .catalog import Catalog
from .keys import (
    DISCRIMINATOR_TAGS,
    ENTRY_KEYS,
    EVIDENCE_KEYS,
    EXTERNAL_KEY,
    MAX_DECIMAL_PLACES,
    TEXT_KEYS,
    TOP_KEYS,
    YEAR_MAX,
    YEAR_MIN,
)
from .levelnames import read_names, refusal
from .locate import Document
from .quickcheck import plain_assessment
from .yamlread import YamlDocument, describe, key_text


def validate_document(document: Document, catalog: Catalog) -> Assessment:
    """Check an already-read document (a YAML file's, or a spreadsheet's, which locates by cell)."""
    return AssessmentChecker(document).assessment(catalog)


def validate_data(data: dict[str, Any], catalog: Catalog, source: str = "<data>") -> Assessment:
    """Validate an assessment given as Python data (library use). Raises InvalidInput."""
    return AssessmentChecker(YamlDocument(data, source)).assessment(catalog)


_DECIMAL_COMMA = re.compile(r"^\s*[+-]?[0-9]+,[0-9]+\s*$")  # 3,5: how Indonesians write 3.5


def _text_keys(value: Any) -> Any:
    """The document with every mapping key as text (`key_text`), values unchanged."""
    if isinstance(value, dict):
        return {
            key if type(key) is str else key_text(key): _text_keys(item) if isinstance(item, _NESTED) else item
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_text_keys(item) if isinstance(item, _NESTED) else item for item in value]
    return value


_NESTED = (dict, list)


def _inside(parts: KeyPath) -> Phrase | str:
    """Where inside an indicator, in words: ` evidence item 2 status`, never `evidence[2]`."""
    words: Phrase | str = ""
    for part in parts:
        if isinstance(part, int):  # a list position, counted from 1
            words = Phrase(M.where_item, before=words, n=part + 1)
        else:
            words = Phrase(M.where_key, before=words, key=part)
    return words


class AssessmentChecker:
    """Checks one read document and puts its problems in the user's terms."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self._keys_at: dict[KeyPath, set[str]] = {}

    def problem(self, path: KeyPath, phrase: Phrase, *, key: bool = False, kind: str = "value") -> Problem:
        return self.document.problem(path, phrase, key=key, kind=kind)

    # --- assessments -------------------------------------------------------------------------

    def assessment(self, catalog: Catalog) -> Assessment:
        framework = self.framework_of(catalog)
        # Keys may be numbers (12:, or 5: inside an entry) or text ("12"); the reader already refused
        # collisions. As text, a number key is reported as an unknown key, never as a list position.
        data = _text_keys(self.document.data)
        plain = plain_assessment(data, framework, self.document.path)
        if plain is not None:  # the commonest valid file, as the model would give it (quickcheck.py)
            return plain
        # Pydantic loads only for a file the quick path leaves to the model: a one-file run saves its import
        from pydantic import ValidationError

        from .models import assessment_model, to_assessment

        model = assessment_model(framework)
        try:
            try:
                validated = model.model_validate(data)
            except ValidationError:
                # `level: Rintisan` is 1 where the name is official: looked for only in a file the model
                # refuses, so a valid file pays nothing for it. Read as numbers, checked again.
                if not read_names(data, framework):
                    raise
                validated = model.model_validate(data)
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
        return to_assessment(validated, framework, self.document.path)

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
            if isinstance(raw, dict) and indicator.id not in skip:
                yield from self.one_entry_problems(indicator, raw, declared)
                if indicator.id.startswith("I"):
                    yield from self.evidence_code_problems(raw.get("evidence"), indicator.id, framework)

    def one_entry_problems(
        self, indicator: Indicator, raw: Mapping[str, Any], declared: str | None
    ) -> Iterable[Problem]:
        """One indicator's mapping: a value (level, values per stage, or external), not two kinds of
        them; no stage after the file's; as many values as services."""
        here: KeyPath = ("levels", indicator.id)
        where = Phrase(M.where_indicator, id=indicator.id, rest="")
        stages = [stage for stage in STAGES if stage in raw]
        has_level = "level" in raw or raw.get(EXTERNAL_KEY) is not None
        if stages and has_level:
            yield self.level_and_stages(here, raw, stages)
        elif not stages and not has_level and indicator.external is not None:
            message = Phrase(M.val_external_none, where=where, index=indicator.external.short_name)
            yield self.problem(here, message, kind="structure")
        elif not stages and not has_level:
            message = Phrase(M.val_no_value, where=where, stages=", ".join(STAGES))
            yield self.problem(here, message, kind="structure")
        for stage in stages:
            if declared is not None and position(stage) > position(declared):
                message = Phrase(M.val_stage_after, where=where, stage=stage, declared=declared)
                yield self.problem((*here, stage), message, key=True)
        service = raw.get("service")
        if indicator.multiple and isinstance(service, (str, list)):
            services = 1 if isinstance(service, str) else len(service)
            written = [raw.get(key) for key in ("level", *stages)]
            counts = {1 if not isinstance(v, list) else len(v) for v in written if v is not None}
            if counts - {services}:
                counted = ", ".join(map(str, sorted(counts)))
                message = Phrase(M.val_service_count, where=where, services=services, values=counted)
                yield self.problem((*here, "service"), message)

    def level_and_stages(self, here: KeyPath, raw: Mapping[str, Any], stages: list[str]) -> Problem:
        """One value for every stage and values per stage: in a sheet, at the cell of the former and in
        the sheet's words (its columns), else at the indicator with the file's keys."""
        single = "level" if "level" in raw else EXTERNAL_KEY
        named = self.document.where((*here, single))
        if named is None:
            where = Phrase(M.where_indicator, id=here[1], rest="")
            message = Phrase(M.val_level_and_stages, where=where, stages=", ".join(stages))
            return self.problem(here, message, key=True, kind="structure")
        columns = ", ".join(f"nilai_{stage}" for stage in stages)
        message = Phrase(M.val_level_and_stages_sheet, where=named, columns=columns)
        return self.problem((*here, single), message, kind="structure")

    def evidence_code_problems(self, evidence: Any, indicator_id: str, framework: Framework) -> Iterable[Problem]:
        """pemdi-2026 portal codes `I<n>-L<level>-<nn>`: the indicator they sit under, a level of the scale."""
        if not isinstance(evidence, list):
            return
        from ..core.evidence import LEVEL_CODE  # with the evidence types: loaded only for evidence lists

        for index, item in enumerate(evidence):
            code = item.get("code") if isinstance(item, dict) else None
            if not isinstance(code, str):
                continue
            path: KeyPath = ("levels", indicator_id, "evidence", index, "code")
            where = self.where(path)
            match = LEVEL_CODE.fullmatch(code.strip())
            if match is None:
                yield self.problem(path, Phrase(M.val_evidence_code, where=where, given=code, example="I4-L2-01"))
            elif f"I{int(match[1])}" != indicator_id:
                message = Phrase(M.val_evidence_code_indicator, where=where, code=code, id=indicator_id)
                yield self.problem(path, message)
            elif not framework.min_value <= int(match[2]) <= framework.max_value:
                low, high = framework.min_value, framework.max_value
                yield self.problem(path, Phrase(M.val_evidence_code_level, where=where, code=code, low=low, high=high))

    def framework_of(self, catalog: Catalog) -> Framework:
        data = self.document.data
        if not isinstance(data, dict):
            keys = ", ".join(k for k in TOP_KEYS if k not in ("stage", "category"))  # the required ones
            message = Phrase(M.val_not_mapping, keys=keys, found=describe(data))
            raise InvalidInput([self.problem((), message, kind="structure")])
        if "framework" not in data:
            raise InvalidInput(
                [self.problem((), self.document.no_framework(", ".join(catalog.ids)), kind="structure")]
                + self.unknown_keys((), data, TOP_KEYS)
            )
        framework_id = data["framework"]
        if not isinstance(framework_id, str) or framework_id not in catalog:
            guess = suggest_key(str(framework_id), catalog.ids)
            hint = Phrase(M.val_did_you_mean, suggestion=guess) if guess else ""
            message = Phrase(
                M.val_unknown_framework, given=describe(framework_id), hint=hint, known=", ".join(catalog.ids)
            )
            raise InvalidInput([self.problem(("framework",), message, kind="structure")])
        return catalog.get(framework_id)

    def validation_problems(self, errors: Sequence[Mapping[str, Any]], framework: Framework) -> Iterable[Problem]:
        missing_ids: list[str] = []
        for error in errors:
            loc: KeyPath = tuple(
                key_text(p) if not isinstance(p, int) else p for p in error["loc"] if p not in DISCRIMINATOR_TAGS
            )
            kind = error["type"]
            if kind == "missing" and loc[:-1] == ("levels",):
                missing_ids.append(str(loc[-1]))
                continue
            if kind == "extra_forbidden":
                yield from self.unknown_keys(loc[:-1], {loc[-1]: None}, self.valid_keys(loc[:-1], framework), framework)
                continue
            if kind == "external_and_level" and self.document.where((*loc, EXTERNAL_KEY)) is not None:
                loc = (*loc, EXTERNAL_KEY)  # a sheet: its eksternal cell, in the sheet's words
            yield self.problem(
                loc, self.message(loc, error, framework), kind="structure" if kind == "missing" else "value"
            )
        if missing_ids:
            name = M.val_missing_indicator if len(missing_ids) == 1 else M.val_missing_indicators
            message = Phrase(name, count=len(missing_ids), framework=framework.id, ids=", ".join(missing_ids))
            yield self.problem(("levels",), message, key=True, kind="structure")

    @staticmethod
    def valid_keys(parent: KeyPath, framework: Framework) -> tuple[str, ...]:
        if parent == ():
            return TOP_KEYS
        if parent == ("levels",):
            return tuple(framework.by_id)
        if len(parent) >= 2 and isinstance(parent[-1], int) and parent[-2] == "evidence":
            return EVIDENCE_KEYS
        return ENTRY_KEYS

    def unknown_keys(
        self, parent: KeyPath, data: Mapping[Any, Any], valid: Sequence[str], framework: Framework | None = None
    ) -> list[Problem]:
        problems = []
        for written in data:
            key = key_text(written)
            if key in valid:
                continue
            of_indicators = parent == ("levels",)
            if of_indicators:
                guess = suggest_indicator(key, list(valid), self.keys_at(parent))
            elif parent == () and key.casefold() in ENTRY_KEYS:
                problems.append(self.entry_key_at_top(key))
                continue
            else:
                guess = suggest_key(key, valid, self.keys_at(parent))
            hint: Phrase | str = Phrase(M.val_did_you_mean, suggestion=guess) if guess else ""
            if not hint and of_indicators and framework is not None:
                first, last = framework.indicators[0].id, framework.indicators[-1].id
                hint = Phrase(M.val_indicator_range, framework=framework.id, first=first, last=last)
            message = Phrase(M.val_unknown_indicator if of_indicators else M.val_unknown_key, key=key, hint=hint)
            problems.append(self.problem((*parent, key), message, key=True, kind="structure"))
        return problems

    def keys_at(self, parent: KeyPath) -> set[str]:
        """The keys already written in the mapping at parent: never suggested for another key."""
        known = self._keys_at.get(parent)
        if known is None:  # once per mapping: a file of thousands of unknown keys stays linear
            known = self._keys_at[parent] = self._collect_keys(parent)
        return known

    def _collect_keys(self, parent: KeyPath) -> set[str]:
        node: Any = self.document.data
        for part in parent:
            if not isinstance(node, dict):
                return set()
            node = node.get(part)
        return {key_text(k) for k in node} if isinstance(node, dict) else set()

    def entry_key_at_top(self, key: str) -> Problem:
        """`target:` (or `note:` ...) written at the top of the file: it belongs to each indicator."""
        return self.problem((key,), Phrase(M.val_entry_key_at_top, key=key), key=True, kind="structure")

    def message(self, loc: KeyPath, error: Mapping[str, Any], framework: Framework) -> Phrase:
        """Pydantic's error at `loc`, in the user's terms: the first of the MESSAGES that words it."""
        if error["type"] == "missing":
            if len(loc) == 1:
                return Phrase(M.val_missing_key, key=loc[-1])
            return Phrase(M.val_missing_key_in, where=self.where(loc[:-1]), key=loc[-1])
        raw = error.get("input")
        failed = Failed(loc, error["type"], raw, self.where(loc), framework, self.document.shown(raw))
        for words in MESSAGES:
            phrase = words(failed)
            if phrase is not None:
                return phrase
        return Phrase(M.val_other, where=failed.where, detail=error["msg"])

    def where(self, loc: KeyPath) -> Phrase | str:
        named = self.document.where(loc)  # a spreadsheet names the column (and row)
        if named is not None:
            return named
        if len(loc) >= 2 and loc[0] == "levels":
            return Phrase(M.where_indicator, id=loc[1], rest=_inside(loc[2:]))
        return ".".join(str(part) for part in loc)


# --- Pydantic's errors in the user's terms ------------------------------------------------------


class Failed(NamedTuple):
    """One error of the model, as the message rules read it."""

    loc: KeyPath  # where, discriminator tags left out: ("levels", "12", "evidence", 0, "status")
    kind: str  # Pydantic's error type: int_parsing, too_long, external_no_conversion ...
    input: Any  # the value as read
    where: Phrase | str  # how the message names the place
    framework: Framework
    shown: Phrase | str | None = None  # how the file's kind shows the value, where not as YAML does

    @property
    def given(self) -> Phrase | str:
        return describe(self.input) if self.shown is None else self.shown

    @property
    def in_levels(self) -> bool:
        """Whether it is about an indicator: at or below `levels.<id>`."""
        return len(self.loc) >= 2 and self.loc[0] == "levels"

    @property
    def inner(self) -> list[str]:
        """The keys below the indicator (list positions left out)."""
        return [part for part in self.loc[2:] if isinstance(part, str)]


def _top_level(failed: Failed) -> Phrase | None:
    """year, institution, levels, stage and category, each with what it must be."""
    given = failed.given
    if failed.loc == ("year",):
        return Phrase(M.val_year, low=YEAR_MIN, high=YEAR_MAX, given=given)
    if failed.loc == ("institution",):
        return Phrase(M.val_institution, given=given)
    if failed.loc == ("levels",):
        return Phrase(M.val_levels, given=given)
    if failed.loc == ("stage",):
        return Phrase(M.val_stage, given=given, stages=", ".join(STAGES))
    if failed.loc == ("category",):
        return Phrase(M.val_category, given=given, categories=", ".join(CATEGORY_KEYS))
    return None


def _evidence(failed: Failed) -> Phrase | None:
    """An indicator's evidence: an item's status, the list, an item."""
    loc, where, given, inner = failed.loc, failed.where, failed.given, failed.inner
    if inner[-1:] == ["status"] and "evidence" in inner:
        return Phrase(M.val_evidence_status, where=where, given=given, statuses=", ".join(EVIDENCE_STATUSES))
    if loc[-1] == "evidence":
        return Phrase(M.val_evidence, where=where, given=given, keys=", ".join(EVIDENCE_KEYS))
    if len(loc) >= 4 and loc[-2] == "evidence":
        return Phrase(M.val_evidence_item, where=where, given=given, keys=", ".join(EVIDENCE_KEYS))
    return None


def _text_or_places(failed: Failed) -> Phrase | None:
    """A text key that is not text; a decimal with more places than a value may have."""
    if any(part in TEXT_KEYS for part in failed.inner):
        return Phrase(M.val_text, where=failed.where, given=failed.given)
    if failed.kind == "decimal_max_places":
        return Phrase(M.val_places, where=failed.where, given=failed.given, places=MAX_DECIMAL_PLACES)
    return None


def _external(failed: Failed) -> Phrase | None:
    """A value taken from another agency's index (pemdi-2026 I5, I6, I7, I18)."""
    if not failed.kind.startswith("external_"):
        return None
    where, kind = failed.where, failed.kind
    source = failed.framework.by_id[str(failed.loc[1])].external
    assert source is not None  # only indicators with a source have `external`
    in_sheet = isinstance(where, Phrase) and where.message is M.sheet_where  # a sheet's words, not YAML keys
    if kind == "external_and_level":
        return Phrase(M.val_external_both_sheet if in_sheet else M.val_external_both, where=where)
    if kind == "external_or_level":
        return Phrase(M.val_external_none, where=where, index=source.short_name)
    if kind == "external_no_conversion":
        pending = round_half_up(source.pending, 2)  # a Decimal: worded the reader's way (1,00)
        message = M.val_external_no_conversion_sheet if in_sheet else M.val_external_no_conversion
        return Phrase(message, where=where, index=source.short_name, pending=pending, given=failed.given)
    low, high = source.scale_min, source.scale_max
    return Phrase(
        M.val_external_value,
        where=where,
        index=source.short_name,
        low=plain_number(low) if low is not None else "?",
        high=plain_number(high) if high is not None else "?",
        given=failed.given,
    )


def _value(failed: Failed) -> Phrase:
    """The value itself: a list where one value goes, services, an entry's keys, a decimal comma, the range."""
    where, raw, framework = failed.where, failed.input, failed.framework
    indicator = framework.by_id.get(str(failed.loc[1]))
    if isinstance(raw, list) and indicator is not None and not indicator.multiple:
        return Phrase(M.val_no_list, where=where)
    if failed.kind in ("too_short", "too_long"):
        return Phrase(M.val_services, where=where)
    if isinstance(raw, dict) and len(failed.loc) == 2:
        return Phrase(M.val_entry, where=where, keys=", ".join(ENTRY_KEYS))
    if isinstance(raw, str) and any(char.isdigit() and not char.isascii() for char in raw):
        return Phrase(M.val_ascii_digits, where=where, given=failed.given)
    if isinstance(raw, str) and _DECIMAL_COMMA.match(raw):
        written = raw.strip()
        return Phrase(M.val_decimal_comma, where=where, written=written, fixed=written.replace(",", "."))
    expected = Phrase(
        M.expect_whole if framework.integer_values else M.expect_decimal,
        low=framework.min_value,
        high=framework.max_value,
    )
    named = None
    if isinstance(raw, str) and indicator is not None:  # a level's name, or other text: the number to write
        named = refusal(where, raw, indicator, framework, expected, failed.given)
    return named or Phrase(M.val_value, where=where, expected=expected, given=failed.given)


def _in_levels(rule: Callable[[Failed], Phrase | None]) -> Callable[[Failed], Phrase | None]:
    """A rule for an indicator's values: it says nothing of the top-level keys."""
    return lambda failed: rule(failed) if failed.in_levels else None


# How an error of the model is worded: the first rule that words it, in this order (an evidence item's
# status before its other text; anything else below an indicator is its value). Else `val_other`.
MESSAGES: tuple[Callable[[Failed], Phrase | None], ...] = (
    _top_level,
    _in_levels(_evidence),
    _in_levels(_text_or_places),
    _in_levels(_external),
    _in_levels(_value),
)
