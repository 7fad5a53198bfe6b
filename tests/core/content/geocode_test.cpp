// Geocoders' wire formats: Nominatim's and the TGOS-style answer, and the request for each.
#include <doctest/doctest.h>

#include "content/geocode.h"

using namespace beitai;
using content::GeocoderKind;

TEST_CASE("the address asked: no postcode, 臺 for 台") {
    CHECK(content::geocoder_address("100台北市中正區思源街1號") == "臺北市中正區思源街1號");
    CHECK(content::geocoder_address("宜蘭縣羅東鎮") == "宜蘭縣羅東鎮");
}

TEST_CASE("the request: Nominatim's /search, TGOS's parameters, the address encoded") {
    CHECK(content::geocode_url(GeocoderKind::nominatim, "http://127.0.0.1:9/", {{"countrycodes", "tw"}}, "臺北市 1號") ==
          "http://127.0.0.1:9/search?q=%E8%87%BA%E5%8C%97%E5%B8%82%201%E8%99%9F&format=json&limit=1&countrycodes=tw");
    CHECK(content::geocode_url(GeocoderKind::tgos, "https://tgos.example/QueryAddr", {{"oAPPId", "a&b"}}, "宜蘭縣") ==
          "https://tgos.example/QueryAddr?oAPPId=a%26b&oAddress=%E5%AE%9C%E8%98%AD%E7%B8%A3&oSRS=EPSG%3A4326&oResultDataType=JSON");
}

TEST_CASE("Nominatim's answer: the first place, lat/lon as strings or numbers; [] is not found") {
    auto p = content::read_geocode_answer(GeocoderKind::nominatim, R"([{"lat": "25.0110", "lon": "121.5290"}, {"lat": "0", "lon": "0"}])");
    REQUIRE_MESSAGE(p.ok(), p.error());
    CHECK(p->lat == doctest::Approx(25.011));
    CHECK(p->lon == doctest::Approx(121.529));
    CHECK(content::read_geocode_answer(GeocoderKind::nominatim, R"([{"lat": 25.0, "lon": 121.5}])").ok());
    CHECK(content::read_geocode_answer(GeocoderKind::nominatim, "[]").error() == "not found");
    CHECK_FALSE(content::read_geocode_answer(GeocoderKind::nominatim, R"({"lat": "25"})").ok());
    CHECK_FALSE(content::read_geocode_answer(GeocoderKind::nominatim, R"([{"lat": "north", "lon": "121"}])").ok());
    CHECK_FALSE(content::read_geocode_answer(GeocoderKind::nominatim, R"([{"lat": "95", "lon": "121"}])").ok());
    CHECK_FALSE(content::read_geocode_answer(GeocoderKind::nominatim, "<html>busy</html>").ok());
}

TEST_CASE("the TGOS-style answer: AddressList's X/Y, inside an XML <string> or not") {
    auto p = content::read_geocode_answer(
        GeocoderKind::tgos, R"(<?xml version="1.0"?><string xmlns="http://tempuri.org/">{"Info":[{"IsSuccess":"True"}],"AddressList":[{"FULL_ADDR":"x","X":"121.77","Y":"24.68"}]}</string>)");
    REQUIRE_MESSAGE(p.ok(), p.error());
    CHECK(p->lat == doctest::Approx(24.68));
    CHECK(p->lon == doctest::Approx(121.77));
    CHECK(content::read_geocode_answer(GeocoderKind::tgos, R"({"AddressList": []})").error() == "not found");
    CHECK_FALSE(content::read_geocode_answer(GeocoderKind::tgos, R"({"Info": []})").ok());
    CHECK_FALSE(content::read_geocode_answer(GeocoderKind::tgos, "no json").ok());
}
