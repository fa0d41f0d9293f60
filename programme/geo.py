"""Distances and boxes on the Earth, for the agri-tourism map: pure functions and their SQL twins.

Haversine on a sphere of the mean Earth radius: within 0.5 % of the ellipsoid, plenty for "within 20 km".
`distance_km_expression` is the same formula as a database expression (PostgreSQL has the functions; Django
registers them on SQLite), so a query can filter and sort by distance; `bbox_around` is the cheap
prefilter that lets it skip rows far away.
"""

import math
from dataclasses import dataclass

from django.db.models import F, FloatField, Value
from django.db.models.expressions import Expression
from django.db.models.functions import ASin, Cos, Least, Power, Radians, Sin, Sqrt

EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG)
KM_PER_DEGREE_LATITUDE = math.pi * EARTH_RADIUS_KM / 180


@dataclass(frozen=True)
class BBox:
    """A box in degrees, as GeoJSON orders it: west, south, east, north (west ≤ east: none crosses 180°)."""

    west: float
    south: float
    east: float
    north: float

    def contains(self, *, latitude: float, longitude: float) -> bool:
        return self.south <= latitude <= self.north and self.west <= longitude <= self.east

    def as_list(self) -> list[float]:
        return [self.west, self.south, self.east, self.north]

    def normalised(self, *, digits: int = 4) -> "BBox":
        """Rounded outward to `digits` decimals (about 11 m at 4): nearby views share one cache entry and
        the rounded box still holds every point of the asked one."""
        scale = 10**digits
        return BBox(
            west=max(-180.0, math.floor(self.west * scale) / scale),
            south=max(-90.0, math.floor(self.south * scale) / scale),
            east=min(180.0, math.ceil(self.east * scale) / scale),
            north=min(90.0, math.ceil(self.north * scale) / scale),
        )


class BBoxError(ValueError):
    """A bounding box that cannot be used; the message says why (shown to the API's caller)."""


def bbox_parse(text: str) -> BBox:
    """`west,south,east,north` in decimal degrees → BBox. Raises BBoxError on anything else: not four numbers,
    a number out of range, west > east or south > north (a box across the antimeridian is not accepted)."""
    parts = [part.strip() for part in text.split(",")]
    if len(parts) != 4:
        raise BBoxError("bbox is four numbers: west,south,east,north.")
    try:
        west, south, east, north = (float(part) for part in parts)
    except ValueError:
        raise BBoxError("bbox is four numbers: west,south,east,north.") from None
    if not all(math.isfinite(value) for value in (west, south, east, north)):
        raise BBoxError("bbox numbers must be finite.")
    if not (-180 <= west <= 180 and -180 <= east <= 180):
        raise BBoxError("bbox longitudes must be between -180 and 180.")
    if not (-90 <= south <= 90 and -90 <= north <= 90):
        raise BBoxError("bbox latitudes must be between -90 and 90.")
    if west > east:
        raise BBoxError("bbox west must not be greater than east.")
    if south > north:
        raise BBoxError("bbox south must not be greater than north.")
    return BBox(west=west, south=south, east=east, north=north)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points given in degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    half_dphi, half_dlambda = math.radians(lat2 - lat1) / 2, math.radians(lon2 - lon1) / 2
    a = math.sin(half_dphi) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(half_dlambda) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def bbox_around(*, latitude: float, longitude: float, km: float) -> BBox:
    """The smallest lat/lon box holding every point within `km` of the centre (clamped at the poles and at ±180°,
    so near them it holds more: it is a prefilter, the exact distance decides)."""
    dlat = km / KM_PER_DEGREE_LATITUDE
    cos_lat = math.cos(math.radians(latitude))
    dlon = 180.0 if cos_lat < 1e-6 else min(180.0, km / (KM_PER_DEGREE_LATITUDE * cos_lat))
    return BBox(
        west=max(-180.0, longitude - dlon),
        south=max(-90.0, latitude - dlat),
        east=min(180.0, longitude + dlon),
        north=min(90.0, latitude + dlat),
    )


def distance_km_expression(*, latitude: float, longitude: float, lat_field: str, lon_field: str) -> Expression:
    """The haversine distance in km from a fixed point to the row's (`lat_field`, `lon_field`), in SQL."""
    lat0 = Value(math.radians(latitude), output_field=FloatField())
    lon0 = Value(math.radians(longitude), output_field=FloatField())
    lat, lon = Radians(F(lat_field)), Radians(F(lon_field))
    a = Power(Sin((lat - lat0) / 2), 2) + Value(math.cos(math.radians(latitude))) * Cos(lat) * Power(Sin((lon - lon0) / 2), 2)
    # Least(…, 1): rounding may push `a` a hair above 1, where ASIN fails.
    return Value(2 * EARTH_RADIUS_KM) * ASin(Least(Sqrt(a), Value(1.0)))
