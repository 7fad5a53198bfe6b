#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora, tests/fuzz/corpus/<target>/ (committed; run by hand
after changing a seed):

    python3 tests/fuzz/make_corpus.py

Every seed is hand-made here: valid documents in the shapes the servers are known to send
(numbers as numbers and as digit strings, -1, 未提供, NULL, namespace prefixes, empty lists,
bare arrays) and a few broken ones (truncated, wrong types, foreign namespace, too deep,
bad UTF-8). Small on purpose: the fuzzer grows its own corpus in build/fuzz/work/.
"""
import json
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
NS = "https://traffic.transportdata.tw/standard/parking/schema/"


def write(target, name, content):
    path = os.path.join(HERE, "corpus", target, name)
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)


def dumps(value, compact=False):
    if compact:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return json.dumps(value, ensure_ascii=False, indent=1)


# --------------------------------------------------------------------------- TDX JSON

CAR_PARK = {
    "CarParkID": "TPE-001",
    "CarParkName": {"Zh_tw": "示範停車場一", "En": "Sample 1"},
    "CarParkPosition": {"PositionLat": 25.0478, "PositionLon": 121.5170},
    "Address": "臺北市示範路1號",
    "FareDescription": "每小時30元",
    "CarParkType": 1,
    "LiveOccuppancyAvailable": 1,
    "WheelchairAccessible": 0,
    "EVRechargingAvailable": True,
    "TotalSpaces": 120,
}
CAR_PARK_STRINGS = {  # everything as text, the id a number, the name flattened
    "CarParkID": 2002,
    "CarParkName": "示範停車場二",
    "CarParkPosition": {"PositionLat": "25.03", "PositionLon": "121.56"},
    "CarParkType": "254",
    "LiveOccuppancyAvailable": "0",
    "WheelchairAccessible": "1",
    "EVRechargingAvailable": None,
    "TotalSpaces": "未提供",
}
CAR_PARK_UNKNOWNS = {
    "CarParkID": "TPE-003",
    "CarParkName": {"Zh_tw": "示範停車場三", "En": ""},
    "CarParkPosition": {"PositionLat": 25.1, "PositionLon": 121.6},
    "Address": "NULL",
    "CarParkType": -1,
    "TotalSpaces": -1,
}
AVAILABILITY = {
    "CarParkID": "TPE-001",
    "CarParkName": {"Zh_tw": "示範停車場一", "En": "Sample 1"},
    "TotalSpaces": 120,
    "AvailableSpaces": 35,
    "Availabilities": [
        {"SpaceType": 1, "NumberOfSpaces": 100, "AvailableSpaces": 30},
        {"SpaceType": 9, "NumberOfSpaces": 20, "AvailableSpaces": 5},
    ],
    "ServiceStatus": 1,
    "FullStatus": 0,
    "ChargeStatus": 1,
    "DataCollectTime": "2024-05-01T12:34:56+08:00",
}
AVAILABILITY_UNKNOWNS = {
    "CarParkID": "TPE-002",
    "TotalSpaces": "80",
    "AvailableSpaces": "未提供",
    "Availabilities": [{"SpaceType": "2", "NumberOfSpaces": "80", "AvailableSpaces": -1}],
    "ServiceStatus": "1",
    "FullStatus": "2",
    "ChargeStatus": None,
    "DataCollectTime": "2024-05-01T04:30:00Z",
}
AVAILABILITY_BARE = {"CarParkID": "TPE-003", "AvailableSpaces": 0.0, "ServiceStatus": 2, "FullStatus": 3,
                     "DataCollectTime": "2024-05-01T11:00:00.5+08:00"}


def tdx_json():
    t = "fuzz_tdx_json"
    write(t, "car_parks.json", dumps({"UpdateTime": "2024-05-01T12:00:00+08:00", "UpdateInterval": 86400,
                                      "AuthorityCode": "TPE", "CarParks": [CAR_PARK, CAR_PARK_STRINGS, CAR_PARK_UNKNOWNS]}))
    write(t, "car_parks_bare_array.json", dumps([CAR_PARK_STRINGS], compact=True))
    write(t, "car_parks_empty.json", '{"UpdateTime":"2024-05-01T12:00:00+08:00","CarParks":[]}')
    write(t, "car_parks_null.json", '{"CarParks":null}')
    write(t, "availability.json", dumps({"UpdateTime": "2024-05-01T12:35:00+08:00", "UpdateInterval": 60,
                                         "SrcUpdateTime": "2024-05-01T12:34:00+08:00", "SrcUpdateInterval": "300",
                                         "ParkingAvailabilities": [AVAILABILITY, AVAILABILITY_UNKNOWNS, AVAILABILITY_BARE]}))
    write(t, "availability_bare_array.json", dumps([AVAILABILITY_UNKNOWNS, AVAILABILITY_BARE], compact=True))
    write(t, "availability_empty.json", '{"UpdateInterval":-1,"ParkingAvailabilities":[]}')
    # Broken ones.
    write(t, "broken_truncated.json", dumps({"CarParks": [CAR_PARK]}, compact=True)[:150])
    write(t, "broken_wrong_types.json", '{"UpdateTime":7,"CarParks":{"CarParkID":"A"},"ParkingAvailabilities":"none"}')
    write(t, "broken_items.json", dumps({"ParkingAvailabilities": [
        {"CarParkID": "", "AvailableSpaces": "many"}, {"CarParkID": "B", "AvailableSpaces": 1.5},
        {"CarParkID": "C", "DataCollectTime": "2024-05-01 12:00"}, {"CarParkID": "D", "Availabilities": [7]}, 7, None]}, compact=True))
    write(t, "broken_outside_taiwan.json", dumps({"CarParks": [dict(CAR_PARK, CarParkPosition={
        "PositionLat": 0, "PositionLon": "1e999"})]}, compact=True))
    write(t, "broken_deep.json", '{"CarParks":' + "[" * 20 + "]" * 20 + "}")
    write(t, "broken_utf8.json", b'{"CarParks":[{"CarParkID":"\xff\xfe"}]}')


# --------------------------------------------------------------------------- TDX XML

def xml_leaf(name, value, prefix=""):
    if value is None:
        return f'<{prefix}{name} xsi:nil="true"/>'
    return f"<{prefix}{name}>{value}</{prefix}{name}>"


def tdx_xml():
    t = "fuzz_tdx_xml"
    decl = '<?xml version="1.0" encoding="utf-8"?>\n'
    xsi = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
    write(t, "car_parks.xml", decl + f"""<CarParkList {xsi} xmlns="{NS}">
  <UpdateTime>2024-05-01T12:00:00+08:00</UpdateTime>
  <UpdateInterval>86400</UpdateInterval>
  <CarParks>
    <CarPark>
      <CarParkID>KEE-001</CarParkID>
      <CarParkName><Zh_tw>示範停車場一</Zh_tw><En>Sample &amp; 1</En></CarParkName>
      <CarParkPosition><PositionLat>25.128</PositionLat><PositionLon>121.741</PositionLon></CarParkPosition>
      <Address><![CDATA[基隆市示範路 <1> 號]]></Address>
      <CarParkType>1</CarParkType>
      <LiveOccuppancyAvailable>1</LiveOccuppancyAvailable>
      <WheelchairAccessible>0</WheelchairAccessible>
      <EVRechargingAvailable>1</EVRechargingAvailable>
      <TotalSpaces> 120 </TotalSpaces>
    </CarPark>
    <CarPark>
      <CarParkID>KEE-002</CarParkID>
      <CarParkName><Zh_tw>示範停車場二</Zh_tw></CarParkName>
      <CarParkPosition><PositionLat>25.13</PositionLat><PositionLon>121.75</PositionLon></CarParkPosition>
      <FareDescription>未提供</FareDescription>
      <TotalSpaces>未提供</TotalSpaces>
      <CarParkType xsi:nil="true"/>
    </CarPark>
  </CarParks>
</CarParkList>
""")
    write(t, "car_parks_prefix.xml", f'<p:CarParkList xmlns:p="{NS}"><p:UpdateTime>2024-05-01T12:00:00+08:00</p:UpdateTime>'
          "<p:CarParks><p:CarPark><p:CarParkID>KEE-003</p:CarParkID><p:CarParkName><p:Zh_tw>示範三</p:Zh_tw></p:CarParkName>"
          "<p:CarParkPosition><p:PositionLat>25.1</p:PositionLat><p:PositionLon>121.7</p:PositionLon></p:CarParkPosition>"
          "<p:TotalSpaces>-1</p:TotalSpaces></p:CarPark></p:CarParks></p:CarParkList>")
    write(t, "car_parks_bare_list.xml", "<CarParks><CarPark><CarParkID>4</CarParkID><CarParkName>示範四</CarParkName>"
          "<CarParkPosition><PositionLat>25.0</PositionLat><PositionLon>121.5</PositionLon></CarParkPosition>"
          "</CarPark></CarParks>")
    write(t, "car_parks_empty.xml", f'<CarParkList xmlns="{NS}"><CarParks/></CarParkList>')
    write(t, "availability.xml", decl + f"""<ParkingAvailabilityList {xsi} xmlns="{NS}">
  <UpdateTime>2024-05-01T12:35:00+08:00</UpdateTime>
  <UpdateInterval>60</UpdateInterval>
  <SrcUpdateInterval>300</SrcUpdateInterval>
  <!-- as the county servers write it -->
  <ParkingAvailabilities>
    <ParkingAvailability>
      <CarParkID>KEE-001</CarParkID>
      <TotalSpaces>120</TotalSpaces>
      <AvailableSpaces>35</AvailableSpaces>
      <Availabilities>
        <Availability><SpaceType>1</SpaceType><NumberOfSpaces>100</NumberOfSpaces><AvailableSpaces>30</AvailableSpaces></Availability>
        <Availability><SpaceType>9</SpaceType><NumberOfSpaces>20</NumberOfSpaces><AvailableSpaces>-1</AvailableSpaces></Availability>
      </Availabilities>
      <ServiceStatus>1</ServiceStatus>
      <FullStatus>0</FullStatus>
      <ChargeStatus>1</ChargeStatus>
      <DataCollectTime>2024-05-01T12:34:56+08:00</DataCollectTime>
    </ParkingAvailability>
    <ParkingAvailability>
      <CarParkID>KEE-002</CarParkID>
      <AvailableSpaces>未提供</AvailableSpaces>
      <Availabilities/>
      <ServiceStatus>2</ServiceStatus>
      <FullStatus>NULL</FullStatus>
      <DataCollectTime>2024-05-01T04:30:00Z</DataCollectTime>
    </ParkingAvailability>
  </ParkingAvailabilities>
</ParkingAvailabilityList>
""")
    write(t, "availability_prefix.xml", f'<t:ParkingAvailabilityList xmlns:t="{NS}"><t:ParkingAvailabilities>'
          "<t:ParkingAvailability><t:CarParkID>KEE-005</t:CarParkID><t:AvailableSpaces>0</t:AvailableSpaces>"
          "<t:Availabilities><t:Availability><t:SpaceType>2</t:SpaceType><t:AvailableSpaces>3</t:AvailableSpaces>"
          "</t:Availability></t:Availabilities></t:ParkingAvailability></t:ParkingAvailabilities></t:ParkingAvailabilityList>")
    write(t, "availability_empty.xml", "<ParkingAvailabilityList><UpdateInterval/><ParkingAvailabilities>\n"
          "</ParkingAvailabilities></ParkingAvailabilityList>")
    # Broken ones.
    write(t, "broken_mismatch.xml", "<CarParkList>\n  <CarParks>\n   <CarPark></CarParks>\n</CarParkList>")
    write(t, "broken_foreign_ns.xml", '<CarParkList xmlns="urn:other"><CarParks/></CarParkList>')
    write(t, "broken_undeclared_prefix.xml", "<CarParkList><q:CarParks/></CarParkList>")
    write(t, "broken_doctype_entities.xml", '<!DOCTYPE x [<!ENTITY e "boom"><!ENTITY f SYSTEM "file:///etc/passwd">]>\n'
          "<CarParkList><CarParks><CarPark><CarParkID>&e;&f;</CarParkID></CarPark></CarParks></CarParkList>")
    write(t, "broken_deep.xml", "<a>" * 40 + "x" + "</a>" * 40)
    write(t, "broken_two_roots.xml", "<CarParkList/>\n<CarParkList/> trailing")
    write(t, "broken_utf8.xml", b"<CarParkList><UpdateTime>\xff\xfe</UpdateTime></CarParkList>")
    write(t, "broken_surrogate.xml", "<CarParkList><CarParks><CarPark><CarParkID>&#xD800;</CarParkID></CarPark></CarParks></CarParkList>")


# --------------------------------------------------------------------------- Taipei (TCMSV)

TAIPEI_PARK = {  # the shape of TCMSV_alldesc's items; the telephone number is made up
    "id": "001", "area": "信義區", "name": "示範市政府停車場", "type": "1", "summary": "示範用",
    "address": "臺北市信義區示範路1號", "tel": "02-0000-0000", "payex": "小型車每小時40元",
    "serviceTime": "00:00:00~23:59:59", "tw97x": "307000.0000", "tw97y": "2769500.0000", "totalcar": 120,
    "totalmotor": 40, "FareInfo": {"WorkingDay": [{"Period": "00~24", "Fare": "40"}]},
    "EntranceCoord": {"EntrancecoordInfo": [{"Xcod": "25.0330", "Ycod": "121.5660", "Address": "示範路口"}]},
}
TAIPEI_PARK_ENTRANCE = {"id": 2, "name": "示範入口停車場", "tw97x": "", "tw97y": "abc", "totalcar": "-9",
                        "EntranceCoord": {"EntrancecoordInfo": {"Xcod": 25.0478, "Ycod": 121.517}}}
TAIPEI_PARK_NUMBERS = {"id": "003", "name": "示範數字停車場", "tw97x": 296700, "tw97y": 2767200.5, "totalcar": "85",
                       "FareInfo": "NULL"}
TAIPEI_AVAILABLE = [
    {"id": "001", "availablecar": 12, "availablemotor": 30, "availablebus": 0,
     "ChargeStation": {"scoketStatusList": [{"spot_abrv": "A01", "spot_status": "充電中"}]}},
    {"id": "002", "availablecar": -9, "availablemotor": -9},
    {"id": 3, "availablecar": "7", "ChargeStation": None},
    {"id": "004", "availablecar": "-9", "availablemotor": "0"},
]


def taipei_json():
    t = "fuzz_taipei_json"
    when = "Sun Jul 27 16:12:00 CST 2025"
    write(t, "alldesc.json", dumps({"data": {"UPDATETIME": when,
                                             "park": [TAIPEI_PARK, TAIPEI_PARK_ENTRANCE, TAIPEI_PARK_NUMBERS]}}))
    write(t, "alldesc_inner.json", dumps({"UPDATETIME": "2025-07-27 16:12:00", "park": [TAIPEI_PARK_NUMBERS]}, compact=True))
    write(t, "alldesc_null.json", '{"data":{"UPDATETIME":"Sun Jul 27 16:12:00 CST 2025","park":null}}')
    write(t, "allavailable.json", dumps({"data": {"UPDATETIME": when, "park": TAIPEI_AVAILABLE}}))
    write(t, "allavailable_other_time.json", dumps({"data": {"UPDATETIME": "2025/07/27 16:12:00.5",
                                                             "park": TAIPEI_AVAILABLE[1:]}}, compact=True))
    # Broken ones.
    write(t, "broken_positions.json", dumps({"data": {"park": [
        dict(TAIPEI_PARK, tw97x="1e999", EntranceCoord={"EntrancecoordInfo": [{"Xcod": "121.5", "Ycod": "25.0"}]}),
        {"id": "x", "name": "y", "tw97x": "0", "tw97y": "0"}, {"id": "z", "name": "w"}]}}, compact=True))
    write(t, "broken_counts.json", dumps({"data": {"UPDATETIME": "Sun Jul 27 16:12:00 EST 2025", "park": [
        {"id": "1", "availablecar": -3}, {"id": "2", "availablecar": True, "availablemotor": {}}, {"availablecar": 1}, 7]}},
        compact=True))
    write(t, "broken_shapes.json", '{"data":[{"park":[]}],"park":{"id":"1"}}')
    write(t, "broken_truncated.json", dumps({"data": {"park": [TAIPEI_PARK]}}, compact=True)[:200])


# --------------------------------------------------------------------------- Yilan

YILAN = [
    {"ID": "YL001", "CName": "示範宜蘭轉運站停車場", "CAddress": "宜蘭縣宜蘭市示範路1號", "TotalCar": 120,
     "AvailableCar": 35, "X": 121.7530, "Y": 24.7570, "Updatetime": "2025-07-27T16:12:00"},
    {"ID": "YL002", "CName": "示範羅東停車場", "CAddress": None, "TotalCar": "80", "AvailableCar": -1,
     "X": "121.7700", "Y": "24.6770", "Updatetime": None},
    {"ID": 3, "CName": "示範礁溪停車場", "TotalCar": -1, "AvailableCar": "0", "X": 121.77, "Y": 24.83,
     "Updatetime": "2025/07/27 16:14:30"},
    {"ID": "YL004", "CName": "示範頭城停車場", "AvailableCar": 5, "X": 121.82, "Y": 24.86,
     "Updatetime": "Sun Jul 27 16:10:00 CST 2025", "Remark": {"anything": True}},
]


def yilan_json():
    t = "fuzz_yilan_json"
    write(t, "parking.json", dumps(YILAN))
    write(t, "parking_compact.json", dumps(YILAN[1:3], compact=True))
    write(t, "parking_empty.json", "[]")
    write(t, "parking_null.json", "null")
    # Broken ones.
    write(t, "broken_swapped.json", dumps([dict(YILAN[0], X=24.757, Y=121.753), YILAN[1]], compact=True))
    write(t, "broken_items.json", dumps([{"ID": "", "CName": "a", "X": 121.7, "Y": 24.7},
                                         {"ID": "b", "CName": "b", "X": 121.7, "Y": 24.7, "AvailableCar": -9},
                                         {"ID": "c", "CName": "c", "X": 121.7, "Y": 24.7, "Updatetime": "昨天"},
                                         {"ID": "d", "CName": "d", "X": "1e999", "Y": 24.7}, 7, None], compact=True))
    write(t, "broken_object.json", '{"ID":"YL001","X":121.75,"Y":24.75}')
    write(t, "broken_truncated.json", dumps(YILAN, compact=True)[:150])


# --------------------------------------------------------------------------- /api/parking

def api_car_park(county, pid, live, **extra):
    park = {"key": f"{county}/{pid}", "id": pid, "county": county, "name": "示範停車場", "name_en": "Sample",
            "lat": 25.04, "lon": 121.51, "address": "示範地址", "fare": "", "wheelchair": False, "ev": True,
            "publishes_live": live, "level": "plenty", "live": live, "available": 40 if live else None, "total": 100,
            "service": "open" if live else None, "fullness": "space" if live else None,
            "collected": "2024-05-01T12:39:00+08:00" if live else None, "age_s": 60, "stale": False}
    park.update(extra)
    return park


def api_feed(county, **extra):
    feed = {"county": county, "sample": True, "publishes_live": True, "stale_after_s": 300,
            "last_success": "2024-05-01T12:39:40+08:00", "data_updated": "2024-05-01T12:39:35+08:00",
            "last_attempt": "2024-05-01T12:39:40+08:00", "last_error": "", "last_error_at": None,
            "consecutive_failures": 0, "breaker_open": False, "next_attempt": "2024-05-01T12:40:40+08:00",
            "car_parks": 2, "live_items": 1, "rejected_items": 0, "age_s": 25, "stale": False}
    feed.update(extra)
    return feed


def parking_api():
    t = "fuzz_parking_api"
    body = {"sample": True, "now": "2024-05-01T12:40:00+08:00", "count": 3,
            "car_parks": [api_car_park("Taipei", "TPE-001", True),
                          api_car_park("Taipei", "TPE-002", False, level="unknown"),
                          api_car_park("Keelung", "KEE-001", True, available=0, level="full", fullness="full")],
            "feeds": [api_feed("Taipei"), api_feed("Keelung", publishes_live=False, last_error="timeout",
                                                   last_error_at="2024-05-01T12:30:00+08:00", consecutive_failures=2)]}
    event = {"now": "2024-05-01T12:40:05+08:00",
             "changed": [api_car_park("Taipei", "TPE-002", True, available=3, level="few"),
                         api_car_park("Keelung", "KEE-009", True, total=None)],
             "removed": ["Taipei/TPE-001", "Nowhere/X"],
             "feeds": [api_feed("Taipei", last_success="2024-05-01T12:40:05+08:00"), api_feed("Hsinchu")]}
    second = {"now": "2024-05-01T12:40:10+08:00", "changed": [], "removed": ["Keelung/KEE-001"], "feeds": []}
    text = dumps(body, compact=True)
    write(t, "body.json", text)
    write(t, "body_and_events.bin", text + "\0" + dumps(event, compact=True) + "\0" + dumps(second, compact=True))
    write(t, "empty_and_event.bin", '{"sample":false,"now":"2024-05-01T12:40:00+08:00","count":0,"car_parks":[],"feeds":[]}'
          "\0" + dumps({"now": "2024-05-01T12:40:05+08:00", "feeds": [api_feed("YilanCounty")],
                        "changed": [api_car_park("YilanCounty", "ILA-1", False)]}, compact=True))
    # Broken ones.
    write(t, "broken_feeds.json", '{"car_parks":[],"feeds":{"county":"Taipei"}}')
    write(t, "broken_time.bin", '{"car_parks":[],"feeds":[{"county":"Taipei","last_success":"soon"}]}'
          '\0{"changed":[{"id":"x"}]}\0{"removed":[7]}\0[]\0{')
    write(t, "broken_car_park.json", dumps({"feeds": [api_feed("Taipei")],
                                            "car_parks": [api_car_park("Taipei", "TPE-1", True, lat="25", available=1.5)]},
                                           compact=True))


# --------------------------------------------------------------------------- /api/snapshot, /api/bikenet/route

def api_json():
    t = "fuzz_api_json"
    root = os.path.join(HERE, "..", "..", "content")
    with open(os.path.join(root, "counties.json"), encoding="utf-8") as f:
        counties = json.load(f)[:2]
    with open(os.path.join(root, "groups.json"), encoding="utf-8") as f:
        groups = json.load(f)[:1]
    with open(os.path.join(root, "proposals", "111.json"), encoding="utf-8") as f:
        proposal = json.load(f)[0]
    record = dict(proposal, version=2, updated="2023-08-08", status_history=[])
    write(t, "snapshot.json", dumps({"counties": counties, "groups": groups, "records": [record]}, compact=True))
    write(t, "snapshot_empty.json", '{"counties":[],"groups":[],"records":[]}')
    point = lambda lat, lon: {"lat": lat, "lon": lon}
    write(t, "route.json", dumps({
        "found": True, "message": "", "length_m": 2715.5, "off_network_m": 300.25,
        "counties": ["Taipei", "NewTaipei"], "routes": ["Taipei-01", "NewTaipei-02"],
        "breaks": [{"from": point(25.0, 121.51), "to": point(25.0, 121.513), "distance_m": 300.25,
                    "county_from": "Taipei", "county_to": "NewTaipei"}],
        "start": point(25.0, 121.5), "end": point(25.0, 121.525),
        "path": {"type": "LineString", "coordinates": [[121.5, 25.0], [121.51, 25.0], [121.513, 25.0], [121.525, 25.0]]},
        "sample": True}, compact=True))
    write(t, "route_none.json", '{"found":false,"message":"no way along the routes and their breaks joins the two points",'
          '"length_m":0,"off_network_m":0,"counties":[],"routes":[],"breaks":[],"start":{"lat":0,"lon":0},'
          '"end":{"lat":0,"lon":0},"path":{"type":"LineString","coordinates":[]},"sample":false}')
    write(t, "broken_route.json", '{"found":true,"path":{"type":"Point","coordinates":[121.5,25]},"start":{"lat":"n"}}')
    write(t, "broken_snapshot.json", '{"counties":[{"id":"X"}],"groups":{},"records":[{"id":7}]}')


# --------------------------------------------------------------------------- feeds config

def feeds_config():
    t = "fuzz_feeds_config"
    write(t, "full.json", dumps({
        "base_url": "https://tdx.transportdata.tw/api/basic",
        "auth": {"token_url": "https://tdx.transportdata.tw/auth/realms/TDXConnect/protocol/openid-connect/token",
                 "client_id_env": "TDX_CLIENT_ID", "client_secret_env": "TDX_CLIENT_SECRET"},
        "defaults": {"format": "json", "interval_s": 60, "car_parks_interval_s": 3600, "connect_timeout_ms": 3000,
                     "timeout_ms": 10000, "max_body_bytes": 20971520, "stale_after_s": 300},
        "backoff": {"initial_s": 1, "factor": 1.6, "max_s": 120, "jitter": 0.2},
        "breaker": {"failures_to_open": 5, "open_s": 60},
        "counties": [{"county": "Taipei"}, {"county": "Keelung", "format": "xml"},
                     {"county": "MiaoliCounty", "live": False},
                     {"county": "Hsinchu", "car_parks_url": "https://example.org/cp",
                      "availability_url": "http://example.org/av", "sample": True}]}))
    write(t, "county_formats.json", dumps({"defaults": {}, "counties": [
        {"county": "Taipei", "format": "taipei", "car_parks_url": "https://example.org/TCMSV_alldesc.json",
         "availability_url": "https://example.org/TCMSV_allavailable.json"},
        {"county": "YilanCounty", "format": "yilan", "availability_url": "https://example.org/yilan/parking"},
        {"county": "Keelung", "format": "taipei", "car_parks_url": "https://example.org/d", "live": False}]}, compact=True))
    write(t, "broken_county_formats.json", dumps({"defaults": {"format": "yilan"}, "counties": [
        {"county": "Taipei", "format": "taipei"}, {"county": "YilanCounty", "car_parks_url": "https://example.org/y"},
        {"county": "Hsinchu", "live": False, "availability_url": "ftp://x"}]}, compact=True))
    write(t, "minimal.json", '{"defaults":{},"counties":[]}')
    write(t, "defaults_null.json", '{"defaults":null,"counties":[{"county":"YilanCounty","interval_s":86400}]}')
    write(t, "broken_values.json", dumps({
        "auth": {"token_url": "", "client_id_env": "UNSET", "client_secret_env": "EMPTY"},
        "backoff": {"initial_s": 0, "factor": 0.5, "jitter": 1},
        "breaker": {"failures_to_open": 0},
        "counties": [{"county": "Atlantis"}, {"county": "Taipei", "format": "csv", "interval_s": 0},
                     {"county": "Taipei", "car_parks_url": "ftp://x", "max_body_bytes": 1e12}],
        "typo": 1}, compact=True))
    write(t, "broken_syntax.json", '{"counties": [{"county": "Taipei",}]')


if __name__ == "__main__":
    for target, make in [("fuzz_tdx_json", tdx_json), ("fuzz_tdx_xml", tdx_xml),
                         ("fuzz_taipei_json", taipei_json), ("fuzz_yilan_json", yilan_json),
                         ("fuzz_parking_api", parking_api), ("fuzz_feeds_config", feeds_config),
                         ("fuzz_api_json", api_json)]:
        shutil.rmtree(os.path.join(HERE, "corpus", target), ignore_errors=True)
        os.makedirs(os.path.join(HERE, "corpus", target))
        make()
