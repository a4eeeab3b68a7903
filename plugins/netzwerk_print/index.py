"""The index of all calendar periods: the current one and those ahead first, then the earlier ones."""

from __future__ import annotations

from dataclasses import dataclass

from netzwerk_site.site_model import Period, SiteModel


@dataclass(frozen=True)
class PeriodIndex:
    current: Period | None
    ahead: tuple[Period, ...]  # the current period and those after it, in order
    earlier: tuple[Period, ...]  # the periods before the current one, newest first


def period_index(site: SiteModel) -> PeriodIndex:
    """Split SiteModel.periods at the current period (a template global)."""
    current = site.current_period
    if current is None:
        return PeriodIndex(None, (), ())
    ahead = tuple(p for p in site.periods if p.key >= current.key)
    earlier = tuple(reversed([p for p in site.periods if p.key < current.key]))
    return PeriodIndex(current, ahead, earlier)
