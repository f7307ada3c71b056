"""The predikat as a reader sees it beside a shown figure.

The predikat is decided on the exact index (`Framework.predikat`), the figure is shown half-up to 2
decimals: an exact 2.5995 is shown 2.60, the lower edge of Baik, and is Cukup. Wherever such a
figure is shown, the predikat says why: "Cukup: exactly 2.5995, under the 2.60 edge of Baik".
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from ..i18n import M, Phrase
from .framework import Framework
from .numbers import round_half_up

SHOWN_PLACES = 4  # the exact index is shown to at least 4 decimals ...
EXACT_PLACES = 6  # ... and whole where it ends within 6


def explained(framework: Framework, index: Fraction | int) -> str | Phrase:
    """The predikat of an exact index: its name, or, where the shown figure reaches a higher band's edge
    the exact index does not, a phrase saying so (worded in the reader's language)."""
    name = framework.predikat(index)
    values = under_edge_values(framework, index)
    if values is None:
        return name
    message = M.predikat_under_edge if not values["cut"] else M.predikat_under_edge_cut
    return Phrase(message, predikat=name, exact=values["exact"], edge=values["edge"], band=values["band"])


def under_edge_values(framework: Framework, index: Fraction | int) -> dict[str, object] | None:
    """What a message needs to say why a figure on an edge has the band below: the exact index as written
    (`exact`, with `cut` "…" where it is cut), the edge and its band; None where nothing needs saying."""
    band = framework.under_edge(index)
    if band is None:
        return None
    figure, whole = edge_figure(Fraction(index))
    return {"exact": figure, "cut": "" if whole else "…", "edge": round_half_up(Fraction(band.min)), "band": band.name}


def edge_figure(index: Fraction) -> tuple[Decimal, bool]:
    """The exact index as written beside its edge, and whether it is whole: its own digits where they end
    within 6 decimals (at least 4 shown), else cut to 4 decimals (never rounded up onto the edge)."""
    for places in range(SHOWN_PLACES, EXACT_PLACES + 1):
        scaled = index * 10**places
        if scaled.denominator == 1:
            return Decimal(scaled.numerator).scaleb(-places), True
    cut = index.numerator * 10**SHOWN_PLACES // index.denominator  # floor: below the edge stays below it
    return Decimal(cut).scaleb(-SHOWN_PLACES), False
