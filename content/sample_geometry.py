"""Geometry the sample-data generators share (content/maps, content/parking): distances in
metres between (lon, lat) positions, and metres per degree near a latitude. Imported, not run."""
import math

EARTH_R = 6371008.8


def haversine_m(a, b):
    """Great-circle distance in metres between two (lon, lat) positions."""
    lon1, lat1 = math.radians(a[0]), math.radians(a[1])
    lon2, lat2 = math.radians(b[0]), math.radians(b[1])
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_R * math.asin(min(1.0, math.sqrt(h)))


def metres_per_degree(lat):
    """Metres per degree of longitude and of latitude near `lat` (flat-earth, for short steps)."""
    return 111320.0 * math.cos(math.radians(lat)), 110540.0
