"""Organisation names: splitting and expanding unit lists, classifying unit types."""

from zzgov.units.names import split_leaders, split_list, split_units
from zzgov.units.types import unit_type

__all__ = ["split_leaders", "split_list", "split_units", "unit_type"]
