"""An institution's assessment as plain, immutable data: what scoring, diff and planning take.

The model, for readers building on it:

- `Assessment` holds one `Entry` per indicator of the framework, in framework order.
- An `Entry` records either a *plain* value (`12: 3` or `{level: 3}`: it holds at every stage) or a
  value per stage (`stage_values`, e.g. `{"mandiri": (4,), "akhir": (3,)}`, official stage order).
  Values are tuples: one item, or one per service for a `multiple` indicator (spbe-2018 no. 35).
  A value of `None` means *not filled yet* (`7:` in the file, or a stage value left empty).
- `Entry.values` is always the value at `Assessment.stage`, so code that only needs "the value"
  (scoring, planning, ranking) reads `entry.values` and never thinks about stages.
- `Assessment.stage` is the stage the file is read at: its top-level `stage`, else the latest stage
  recorded anywhere, else None (a file that records no stage). `Assessment.stages` are the stages
  recorded anywhere in the file.
- `assessment.at(S)` is the same assessment read at stage S: every entry's `values` re-resolved. It
  raises `NotFilled` naming every indicator without a value at S; `gaps(S)` lists them without
  raising. Scoring at a stage is therefore always `score(assessment.at(S), framework)`: one path.
- Around the value, an entry carries what the year's work needs: `target`, `note` (penjelasan),
  `evidence` (items with code, link, title, status, note), `pic` (offices, a tuple), `service`
  (the public service(s) an indicator covers; one per value for a multi-service indicator),
  `assessor_note` (catatan asesor) and `recommendation` (rekomendasi).
- `places` (set by the loader when asked, else None) tells where a key path such as
  `("levels", "12", "evidence", 0)` stands in the file (a line and column, or a cell), so findings
  can be located.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import NamedTuple

from ..problems import Locator
from .external import ExternalValue
from .stages import position

Value = int | Fraction  # an indicator value: an integer level, or an exact decimal or fraction (pemdi-2026)
Values = tuple[Value, ...]  # one value, or one per service

# Portal statuses of an evidence item: not submitted, uploaded, accepted, revision requested, rejected.
EVIDENCE_STATUSES: tuple[str, ...] = ("draf", "diunggah", "diterima", "revisi", "ditolak")


class Evidence(NamedTuple):
    """One evidence item (bukti dukung). A bare string in the file is a `link` (URL) or a `title`."""

    code: str | None = None  # the portal's code, e.g. I4-L2-01 for pemdi-2026
    link: str | None = None
    title: str | None = None
    status: str | None = None  # one of EVIDENCE_STATUSES
    note: str | None = None

    @classmethod
    def from_text(cls, text: str) -> Evidence:
        looks_like_link = text.lower().startswith(("http://", "https://", "www."))
        return cls(link=text) if looks_like_link else cls(title=text)

    def as_dict(self) -> dict[str, str | None]:
        return self._asdict()


class Entry(NamedTuple):
    """One indicator's record, as the assessment file gives it (see the module docstring).

    values: the value at the assessment's stage: one value, or one per assessed service for a
        `multiple` indicator (spbe-2018 35); an int for SPBE levels, an exact Fraction for Pemdi
        decimals; None when not filled yet.
    value: their mean (a property).
    target: the level the institution aims for, or None.
    note: the justification (penjelasan), or None.
    evidence: Evidence items supporting the value.
    pic: the responsible offices (OPD / PIC), possibly none.
    service: the public service(s) covered.
    assessor_note, recommendation: the assessors' catatan and rekomendasi, or None.
    stage_values: stage -> values as recorded (empty for a plain value).
    external: where the value came from another agency's index (an ExternalValue), or None.

    A NamedTuple rather than a frozen dataclass: thousands of files make millions of these.
    """

    values: Values | None  # the value at the assessment's stage; None = not filled yet (at that stage)
    target: Value | None = None
    note: str | None = None  # penjelasan
    evidence: tuple[Evidence, ...] = ()
    pic: tuple[str, ...] = ()  # the responsible offices (OPD / PIC)
    service: tuple[str, ...] = ()  # the public service(s) covered: one, or one per value of a multi-service indicator
    assessor_note: str | None = None  # catatan asesor
    recommendation: str | None = None  # rekomendasi
    stage_values: Mapping[str, Values | None] = {}  # stage -> value, official order; empty for a plain value
    external: ExternalValue | None = None  # set where the value came from another agency's index

    @property
    def value(self) -> Value:
        """The indicator's value: the mean of its services where it has several. Needs a filled entry."""
        values = self.values
        if values is None:
            raise ValueError("indicator not filled yet")
        if len(values) == 1:
            return values[0]
        return Fraction(sum(values), len(values))

    @property
    def filled_values(self) -> Values:
        """`values`, for code that runs only on filled entries (scoring refuses the others first)."""
        if self.values is None:
            raise ValueError("indicator not filled yet")
        return self.values

    @property
    def filled(self) -> bool:
        return self.values is not None

    def recorded_stage_at(self, stage: str | None) -> str | None:
        """The latest recorded stage up to and including `stage` (None: none, or a plain entry)."""
        if not self.stage_values or stage is None:
            return None
        limit = position(stage)
        found = None
        for recorded in self.stage_values:
            if position(recorded) <= limit:
                found = recorded
        return found

    def values_at(self, stage: str | None) -> Values | None:
        """The value at `stage`; None when not filled (or nothing recorded up to it)."""
        if not self.stage_values:
            return self.values
        if stage is None:
            stage = next(reversed(tuple(self.stage_values)))
        recorded = self.recorded_stage_at(stage)
        return None if recorded is None else self.stage_values[recorded]

    def at(self, stage: str | None) -> Entry:
        """This entry with `values` resolved at `stage`."""
        if not self.stage_values:
            return self
        return self._replace(values=self.values_at(stage))


class Gap(NamedTuple):
    """An indicator without a value at a stage."""

    indicator_id: str
    reason: str  # "unfilled" (left empty) or "no_stage" (records stages, but none up to the stage)
    stage: str | None


class NotFilled(ValueError):
    """An assessment read at a stage where some indicators have no value."""

    def __init__(self, gaps: list[Gap]):
        super().__init__(", ".join(gap.indicator_id for gap in gaps))
        self.gaps = gaps


@dataclass(frozen=True)
class Assessment:
    """One institution's assessment for one year, validated against its framework.

    framework: the framework id ("spbe-2018", "spbe-2020", "pemdi-2026").
    institution: the institution's name, as written in the file.
    year: the assessment year.
    entries: indicator id ("12", "I12") -> Entry, for every indicator of the framework, in its order.
    source: the file it came from (for messages), or None.
    stage: the stage the entries' values are at; stages: the stages recorded in the file;
    declared_stage: its top-level `stage`; places: where each key path stands in the file, when located.
    category: its top-level `category` (kabupaten, kota, provinsi, pusat, kementerian, lpnk, lns, lainnya),
    or None: the category is then read from the institution's name or its published row.
    at(stage): the assessment read at another stage (raises NotFilled); gaps(stage), unfilled.
    """

    framework: str
    institution: str
    year: int
    entries: dict[str, Entry]  # every indicator of the framework, in framework order
    source: str | None = field(default=None, compare=False)  # the file it came from, for messages
    stage: str | None = None  # the stage `entries[...].values` are at (see the module docstring)
    stages: tuple[str, ...] = ()  # the stages recorded anywhere in the file, official order
    declared_stage: str | None = None  # the file's top-level `stage`, as written
    category: str | None = None  # the file's top-level `category`, as written
    places: Locator | None = field(default=None, compare=False, repr=False)  # where its values stand in the file

    def levels(self) -> dict[str, Values | None]:
        return {indicator_id: entry.values for indicator_id, entry in self.entries.items()}

    def gaps(self, stage: str | None = None) -> list[Gap]:
        """Every indicator without a value at `stage` (default: the assessment's stage)."""
        stage = self.stage if stage is None else stage
        found = []
        for indicator_id, entry in self.entries.items():
            if not entry.stage_values:  # a plain value (most entries): values_at(stage) is values
                if entry.values is None:
                    found.append(Gap(indicator_id, "unfilled", stage))
            elif stage is not None and entry.recorded_stage_at(stage) is None:
                found.append(Gap(indicator_id, "no_stage", stage))
            elif entry.values_at(stage) is None:
                found.append(Gap(indicator_id, "unfilled", stage))
        return found

    @property
    def unfilled(self) -> list[str]:
        """Indicators with a value left empty at any stage they record (or left empty altogether)."""
        return [
            indicator_id
            for indicator_id, entry in self.entries.items()
            if (entry.values is None and not entry.stage_values)
            or any(values is None for values in entry.stage_values.values())
        ]

    def resolved(self, stage: str | None) -> Assessment:
        """The assessment read at `stage`, unfilled values left as None."""
        if stage == self.stage:
            return self
        entries = {key: entry.at(stage) for key, entry in self.entries.items()}
        return replace(self, entries=entries, stage=stage)

    def at(self, stage: str | None = None) -> Assessment:
        """The assessment read at `stage` (default: its own), every value filled. Raises NotFilled."""
        stage = self.stage if stage is None else stage
        gaps = self.gaps(stage)
        if gaps:
            raise NotFilled(gaps)
        return self.resolved(stage)
