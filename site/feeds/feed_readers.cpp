#include "feeds/feed_readers.h"

#include "parking/taipei_json.h"
#include "parking/tdx_json.h"
#include "parking/tdx_xml.h"
#include "parking/yilan_json.h"

namespace beitai::site {

bool one_document(FeedFormat format) { return format == FeedFormat::yilan; }

Result<parking::CarParkList> read_car_parks_document(FeedFormat format, std::string_view body, const std::string& county) {
    switch (format) {
        case FeedFormat::json: return parking::read_car_parks_json(body, county);
        case FeedFormat::xml: return parking::read_car_parks_xml(body, county);
        case FeedFormat::taipei: return parking::read_taipei_car_parks_json(body, county);
        case FeedFormat::yilan: break;
    }
    auto both = read_combined_document(format, body, county);
    if (!both) return Error{both.error()};
    return std::move(both->car_parks);
}

Result<parking::AvailabilityList> read_availability_document(FeedFormat format, std::string_view body) {
    switch (format) {
        case FeedFormat::json: return parking::read_availability_json(body);
        case FeedFormat::xml: return parking::read_availability_xml(body);
        case FeedFormat::taipei: return parking::read_taipei_availability_json(body);
        case FeedFormat::yilan: break;
    }
    auto both = read_combined_document(format, body, "");
    if (!both) return Error{both.error()};
    return std::move(both->availability);
}

Result<parking::CarParksWithAvailability> read_combined_document(FeedFormat format, std::string_view body,
                                                                 const std::string& county) {
    if (format != FeedFormat::yilan) return Error{"this county's format has two documents, not one"};
    return parking::read_yilan_json(body, county);
}

}  // namespace beitai::site
