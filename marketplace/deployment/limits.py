"""Rate limits counted in the default cache (ocop_catalog.limits)."""

from ocop_catalog.limits import counted_within

__all__ = ["counted_within"]
