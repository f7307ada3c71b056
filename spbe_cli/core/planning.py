"""The pure planner: the cheapest set of level raises that reaches a target index.

A step raises one indicator (or one service of a multi-service indicator) by one level; a decimal
value first rises to the next whole level. Each step of an indicator costs that indicator's cost.
Choosing how many steps to take for every entry is a multiple-choice knapsack; it is solved exactly
by dynamic programming, so the plan has the least total cost, and among plans of equal cost the one
reaching the highest index. The table runs over integer gain units (weight units x value units) when
that is small; otherwise over integer cost units, whose count does not depend on how many decimal
places the values have (a Pemdi value of 1.000001 would need a million gain units per level). When
both tables would be too large, the plan is refused with the reason (`PlanTooLarge`), never attempted.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from decimal import Decimal
from fractions import Fraction

from ..i18n import M, Message, Phrase
from .assessment import Assessment, Value
from .framework import Framework
from .numbers import decimal_places
from .scoring import ScoreResult, score
from .suggest import suggest_indicator


@dataclass(frozen=True)
class Costs:
    """What raising an indicator costs, in any unit the user chooses (days, rupiah, points).

    The base cost of one step is the indicator's own, else its aspect's, else `default`. Reaching
    level L costs the base times `levels[L]` (1 where not given): `levels: {4: 2, 5: 3}` makes the
    step to 4 cost twice the base and the step to 5 three times.
    """

    default: Fraction = Fraction(1)
    indicators: dict[str, Fraction] = field(default_factory=dict)
    aspects: dict[int, Fraction] = field(default_factory=dict)
    levels: dict[int, Fraction] = field(default_factory=dict)

    def of(self, indicator_id: str, aspect: int | None = None) -> Fraction:
        """The base cost of one step of an indicator."""
        if indicator_id in self.indicators:
            return self.indicators[indicator_id]
        return self.aspects.get(aspect, self.default) if aspect is not None else self.default

    def step(self, indicator_id: str, aspect: int | None, level: int) -> Fraction:
        """The cost of the step that reaches `level`."""
        return self.of(indicator_id, aspect) * self.levels.get(level, 1)


@dataclass(frozen=True)
class PlanStep:
    """All steps taken on one indicator (or one of its services)."""

    id: str
    name: str
    aspect: int
    service: int | None  # 1-based service number for multi-service indicators, else None
    start: Value
    end: Value
    steps: int
    cost: Fraction
    effect: Fraction  # exact change of the overall index
    pic: tuple[str, ...] = ()  # the offices responsible, from the assessment


@dataclass(frozen=True)
class PlanResult:
    current: ScoreResult
    target: Decimal  # the index to reach, compared with the exact index (a predikat's lower edge, or a number)
    target_predikat: str | None  # set when the target was given as a predikat
    reached: ScoreResult
    cost: Fraction
    steps: tuple[PlanStep, ...]  # most effective first
    locked_external: tuple[str, ...] = ()  # indicators kept because another agency's index sets them
    margin: Decimal = Decimal(0)  # planned to reach target + margin

    @property
    def slack(self) -> Fraction:
        """How far the reached exact index lies above the target."""
        return self.reached.index - exact_threshold(self.target)

    @property
    def smallest_step(self) -> Fraction | None:
        """The smallest effect of one level of a planned step: what one assessor's cut can take away."""
        return min((s.effect / s.steps for s in self.steps), default=None)

    @property
    def thin(self) -> bool:
        """Whether one level less on any planned indicator would lose the target."""
        smallest = self.smallest_step
        return smallest is not None and self.slack < smallest


class Unreachable(Exception):
    """No plan reaches the target under the locks and caps; `best` is the best reachable result.

    `capped_by_targets`: the file's per-indicator targets held some indicator back.
    """

    def __init__(self, best: ScoreResult, capped_by_targets: bool = False):
        super().__init__(f"best reachable index {best.shown}")
        self.best = best
        self.capped_by_targets = capped_by_targets


# Bounds on the work of one plan, so that no input can make it run for hours or exhaust memory.
MAX_OPTIONS = 100_000  # step options over all entries (a framework scale of 1..10^9 would have 10^9 each)
MAX_TABLE_WORK = 5_000_000  # table cells x options of the dynamic programme (a few seconds at most)


class PlanTooLarge(Exception):
    """The plan cannot be computed exactly within the bounds above; `message` and `values` say why."""

    def __init__(self, message: Message, **values: object):
        super().__init__(message, values)
        self.message = message
        self.values = values


SHOWN_PLACES = 2  # an index is shown to 2 decimal places: a target or margin is given to at most as many


def exact_threshold(target: Decimal) -> Fraction:
    """The least exact index that reaches `target`: the target itself. A target is compared with the exact
    index, as the predikat is: a plan "to Baik" reaches an exact 2.60, never a 2.5995 shown as 2.60."""
    return Fraction(target)


@dataclass(frozen=True)
class _Option:
    steps: int
    gain: int  # integer gain units
    cost: Fraction
    end: Value


@dataclass(frozen=True)
class _Entry:
    indicator_id: str
    service: int | None
    position: int  # index into the entry's values
    start: Value
    weight: Fraction  # percent of the index: the indicator's, split evenly among its services
    options: tuple[_Option, ...]  # options[k] = take k + 1 steps


def plan(
    assessment: Assessment,
    framework: Framework,
    target: Decimal,
    *,
    costs: Costs | None = None,
    locked: frozenset[str] = frozenset(),
    max_level: int | None = None,
    target_predikat: str | None = None,
    unlock_external: bool = False,
    ignore_targets: bool = False,
    max_raise: int | None = None,
    margin: Decimal = Decimal(0),
) -> PlanResult:
    """The least-cost plan whose exact index reaches `target` + `margin`. Raises Unreachable.

    Indicators valued from another agency's index (I5 from the SDI, ...) are locked unless
    `unlock_external`: no office of the institution can raise them directly. An indicator's
    `target` in the file caps its raise unless `ignore_targets`; `max_raise` caps the levels one
    indicator (or service) rises in one plan.
    """
    costs = costs or Costs()
    locked_external = () if unlock_external else tuple(i.id for i in framework.indicators if i.external is not None)
    locked = locked | frozenset(locked_external)
    current = score(assessment, framework)
    aim = target + margin
    if current.index >= aim:
        return PlanResult(current, target, target_predikat, current, Fraction(0), (), locked_external, margin)
    cap = framework.max_value if max_level is None else min(max_level, framework.max_value)
    targets = {} if ignore_targets else {i: e.target for i, e in assessment.entries.items() if e.target is not None}
    entries, gain_scale = _entries(assessment, framework, current, costs, locked, cap, targets, max_raise)
    capped_by_targets = any(
        Fraction(t) < cap and any(Fraction(v) < cap for v in assessment.entries[i].filled_values)
        for i, t in targets.items()
        if i not in locked
    )
    # An index change of d needs sum(weight% x value change) = 100 x d, in gain units x gain_scale.
    needed = math.ceil((exact_threshold(aim) - current.index) * 100 * gain_scale)
    divisor = math.gcd(*(option.gain for entry in entries for option in entry.options)) if entries else 1
    if divisor > 1:
        needed = -(-needed // divisor)
        entries = [replace(e, options=tuple(replace(o, gain=o.gain // divisor) for o in e.options)) for e in entries]
    choice = _solve(entries, needed)
    if choice is None:
        best = _apply(assessment, framework, entries, {i: len(e.options) for i, e in enumerate(entries) if e.options})
        raise Unreachable(score(best, framework), capped_by_targets)
    reached = score(_apply(assessment, framework, entries, choice), framework)
    steps = _steps(assessment, framework, entries, choice)
    total = sum((s.cost for s in steps), Fraction(0))
    return PlanResult(current, target, target_predikat, reached, total, steps, locked_external, margin)


def _steps(
    assessment: Assessment, framework: Framework, entries: list[_Entry], choice: dict[int, int]
) -> tuple[PlanStep, ...]:
    """The chosen options as plan steps, most effective first (then in the framework's order)."""
    steps = []
    for position, taken in choice.items():
        entry = entries[position]
        option = entry.options[taken - 1]
        indicator = framework.by_id[entry.indicator_id]
        steps.append(
            PlanStep(
                id=entry.indicator_id,
                name=indicator.name,
                aspect=indicator.aspect,
                service=entry.service,
                start=entry.start,
                end=option.end,
                steps=option.steps,
                cost=option.cost,
                effect=entry.weight * (Fraction(option.end) - Fraction(entry.start)) / 100,
                pic=assessment.entries[entry.indicator_id].pic,
            )
        )
    order = {indicator.id: n for n, indicator in enumerate(framework.indicators)}
    return tuple(sorted(steps, key=lambda s: (-s.effect, order[s.id], s.service or 0)))


def _entries(
    assessment: Assessment,
    framework: Framework,
    current: ScoreResult,
    costs: Costs,
    locked: frozenset[str],
    cap: int,
    targets: dict[str, Value] | None = None,
    max_raise: int | None = None,
) -> tuple[list[_Entry], int]:
    """Every raisable entry with its step options, and the factor that makes all gains integers."""
    weights = {indicator.id: indicator.weight for indicator in current.indicators}
    raw: list[tuple[str, int | None, int, Value, Fraction, list[tuple[int, Fraction, Fraction, Value]]]] = []
    counted = 0
    for indicator in framework.indicators:
        if indicator.id in locked:
            continue
        values = assessment.entries[indicator.id].filled_values
        entry_weight = weights[indicator.id] / len(values)
        limit = (targets or {}).get(indicator.id)  # the file's target caps the raise
        for position, value in enumerate(values):
            options: list[tuple[int, Fraction, Fraction, Value]] = []
            level: Value = value
            steps = 0
            cost = Fraction(0)
            while max_raise is None or steps < max_raise:
                following = math.floor(level) + 1
                if following > cap or (limit is not None and following > limit):
                    break
                counted += 1
                if counted > MAX_OPTIONS:
                    raise PlanTooLarge(M.err_plan_too_many_steps, limit=MAX_OPTIONS)
                level = following
                steps += 1
                cost += costs.step(indicator.id, indicator.aspect, following)
                options.append((steps, entry_weight * (Fraction(level) - Fraction(value)), cost, level))
            if options:
                raw.append(
                    (indicator.id, position + 1 if len(values) > 1 else None, position, value, entry_weight, options)
                )
    # Gains (percent x value) and costs are exact rationals; scale each to integers for the solver.
    scale = math.lcm(*(Fraction(gain).denominator for *_, options in raw for _, gain, _, _ in options), 1)
    entries = [
        _Entry(
            indicator_id=indicator_id,
            service=service,
            position=position,
            start=value,
            weight=weight,
            options=tuple(_Option(steps, int(gain * scale), cost, end) for steps, gain, cost, end in options),
        )
        for indicator_id, service, position, value, weight, options in raw
    ]
    return entries, scale


def _solve(entries: list[_Entry], needed: int) -> dict[int, int] | None:
    """Multiple-choice knapsack: least cost (then most gain) reaching `needed` gain units.

    Over gain units when that table is small enough, else over cost units (see the module
    docstring); PlanTooLarge when neither is."""
    if needed <= 0:
        return {}
    cost_scale = math.lcm(*(option.cost.denominator for entry in entries for option in entry.options), 1)
    options = sum(len(entry.options) for entry in entries)
    if (needed + 1) * options <= MAX_TABLE_WORK:
        return _solve_by_gain(entries, needed, cost_scale)
    total_cost = sum(int(entry.options[-1].cost * cost_scale) for entry in entries if entry.options)
    if (total_cost + 1) * options <= MAX_TABLE_WORK:
        return _solve_by_cost(entries, needed, cost_scale, total_cost)
    raise PlanTooLarge(M.err_plan_too_fine, limit=MAX_TABLE_WORK)


def _solve_by_cost(entries: list[_Entry], needed: int, cost_scale: int, total_cost: int) -> dict[int, int] | None:
    """best[c] = the most gain at total cost exactly c units: the least c whose gain reaches `needed`
    is the least cost, and best[c] the highest index at that cost. Gains stay exact integers of any size."""
    best: list[int | None] = [None] * (total_cost + 1)
    best[0] = 0
    history: list[list[tuple[int, int] | None]] = []
    reach = 0  # the highest total cost reachable so far
    for entry in entries:
        new = list(best)
        picks: list[tuple[int, int] | None] = [None] * (total_cost + 1)
        options = [(k, option.gain, int(option.cost * cost_scale)) for k, option in enumerate(entry.options, start=1)]
        for spent in range(reach + 1):
            gained = best[spent]
            if gained is None:
                continue
            for k, gain, step_cost in options:
                at = spent + step_cost
                reached = new[at]
                if reached is None or gained + gain > reached:
                    new[at] = gained + gain
                    picks[at] = (k, spent)
        reach += options[-1][2] if options else 0
        history.append(picks)
        best = new
    least = next((c for c, gained in enumerate(best) if gained is not None and gained >= needed), None)
    if least is None:
        return None
    return _backtrack(history, least)


def _backtrack(history: list[list[tuple[int, int] | None]], end: int) -> dict[int, int]:
    """The option picked per entry on the best path to table cell `end`, walking the tables back."""
    choice: dict[int, int] = {}
    state = end
    for position in range(len(history) - 1, -1, -1):
        pick = history[position][state]
        if pick is None:
            continue  # this entry was not raised on the best path to `state`
        k, previous = pick
        choice[position] = k
        state = previous
    return choice


def _solve_by_gain(entries: list[_Entry], needed: int, cost_scale: int) -> dict[int, int] | None:
    # best[s] = (cost, -gain) of the best way to reach clipped gain s with the entries seen so far;
    # ties on cost go to the larger gain, so an equal-cost plan reaching a higher index wins.
    best: list[tuple[int, int] | None] = [None] * (needed + 1)
    best[0] = (0, 0)
    history: list[list[tuple[int, int] | None]] = []
    for entry in entries:
        new = list(best)
        picks: list[tuple[int, int] | None] = [None] * (needed + 1)
        options = [(k, option.gain, int(option.cost * cost_scale)) for k, option in enumerate(entry.options, start=1)]
        for state, value in enumerate(best):
            if value is None:
                continue
            cost, negative_gain = value
            for k, gain, step_cost in options:
                target = min(needed, state + gain)
                candidate = (cost + step_cost, negative_gain - gain)
                current = new[target]
                if current is None or candidate < current:
                    new[target] = candidate
                    picks[target] = (k, state)
        history.append(picks)
        best = new
    if best[needed] is None:
        return None
    return _backtrack(history, needed)


def _apply(assessment: Assessment, framework: Framework, entries: list[_Entry], choice: dict[int, int]) -> Assessment:
    changed: dict[str, list[Value]] = {}
    for position, taken in choice.items():
        entry = entries[position]
        values = changed.setdefault(entry.indicator_id, list(assessment.entries[entry.indicator_id].filled_values))
        values[entry.position] = entry.options[taken - 1].end
    new_entries = dict(assessment.entries)
    for indicator_id, values in changed.items():
        # a raised value no longer comes from the other index: drop its provenance
        new_entries[indicator_id] = new_entries[indicator_id]._replace(values=tuple(values), external=None)
    return replace(assessment, entries=new_entries)


class TargetError(ValueError):
    """A target that is not usable; `message` and `values` word it in the user's language."""

    def __init__(self, message: Message, **values: object):
        super().__init__(message, values)
        self.message = message
        self.values = values


def target_from_text(text: str, framework: Framework) -> tuple[Decimal, str | None]:
    """A target given as a number ("3.00", "2,6") or a predikat name ("Sangat Baik"). Raises TargetError."""
    band = framework.band(text)
    if band is not None:
        return band.min, band.name
    try:
        value = Decimal(text.strip().replace(",", "."))
    except ArithmeticError:
        value = Decimal("NaN")
    if not value.is_finite():
        raise TargetError(M.err_target_not_number, target=text, framework=framework.id)
    if decimal_places(value) > SHOWN_PLACES:  # 3.00000000000000000001 would be planned as 3.01 and shown as 3.00
        raise TargetError(M.err_places_option, option="--target", value=text, places=SHOWN_PLACES)
    if not framework.min_value <= value <= framework.max_value:
        raise TargetError(M.err_target_range, target=text, low=framework.min_value, high=framework.max_value)
    return value, None


@dataclass(frozen=True)
class OptionProblem:
    """What is wrong with one option of a request, worded where it is shown, in the reader's language."""

    option: str  # as the user typed it: "--margin"
    phrase: Phrase
    hint: Phrase | None = None  # said right after the phrase: "; did you mean I5, I6?"


@dataclass(frozen=True)
class PlanRequest:
    """What a plan is asked for, as given: the policy on the options lives here, not in the command.

    It is checked in two steps, so that a mistake stops the run before any file is read when it can:
    `problems()` needs nothing else; `problems_with(framework)` needs the assessment's framework
    (the target may be a predikat; indicator ids and levels are the framework's). `plan` then plans.
    """

    target: str  # an index ("3.00", "2,6"), reached exactly, or a predikat name ("Sangat Baik")
    margin: Decimal = Decimal(0)
    lock: tuple[str, ...] = ()  # indicator ids as given, each maybe a comma list: ("12,13", "44")
    max_level: int | None = None
    max_raise: int | None = None
    ignore_targets: bool = False
    unlock_external: bool = False

    @property
    def locked(self) -> frozenset[str]:
        return frozenset(part.strip() for item in self.lock for part in item.split(",") if part.strip())

    def problems(self) -> list[OptionProblem]:
        """What is wrong whatever the framework: --max-raise below 1, a margin finer than shown or below 0."""
        found = []
        if self.max_raise is not None and self.max_raise < 1:
            found.append(OptionProblem("--max-raise", Phrase(M.err_max_raise)))
        if decimal_places(self.margin) > SHOWN_PLACES:
            phrase = Phrase(M.err_places_option, option="--margin", value=self.margin, places=SHOWN_PLACES)
            found.append(OptionProblem("--margin", phrase))
        elif self.margin < 0:
            found.append(OptionProblem("--margin", Phrase(M.err_margin)))
        return found

    def problems_with(self, framework: Framework) -> list[OptionProblem]:
        """What is wrong for `framework`: the target, --lock ids it does not have, --max-level off its scale."""
        found = []
        try:
            target_from_text(self.target, framework)
        except TargetError as error:
            found.append(OptionProblem("--target", Phrase(error.message, **error.values)))
        unknown = sorted(self.locked - set(framework.by_id))
        if unknown:
            guesses = [suggest_indicator(item, framework.by_id) for item in unknown]
            hint = Phrase(M.hint_did_you_mean_ids, ids=", ".join(g for g in guesses if g)) if all(guesses) else None
            phrase = Phrase(M.err_unknown_ids, framework=framework.id, ids=", ".join(unknown))
            found.append(OptionProblem("--lock", phrase, hint))
        if self.max_level is not None and not framework.min_value <= self.max_level <= framework.max_value:
            phrase = Phrase(M.err_max_level, low=framework.min_value, high=framework.max_value)
            found.append(OptionProblem("--max-level", phrase))
        return found

    def plan(self, assessment: Assessment, framework: Framework, costs: Costs | None = None) -> PlanResult:
        """The plan asked for, once `problems_with(framework)` found nothing. Raises Unreachable, PlanTooLarge."""
        target, predikat = target_from_text(self.target, framework)
        return plan(
            assessment,
            framework,
            target,
            costs=costs,
            locked=self.locked,
            max_level=self.max_level,
            target_predikat=predikat,
            unlock_external=self.unlock_external,
            ignore_targets=self.ignore_targets,
            max_raise=self.max_raise,
            margin=self.margin,
        )
