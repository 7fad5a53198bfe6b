// Which core reader reads a county's documents, by the county's format (feed_config.h): TDX's
// JSON or XML, Taipei's TCMSV pair, or Yilan's one document holding both lists. The poller
// reads every fetched body through these; nothing else in site/ picks a reader.
#pragma once

#include <string>
#include <string_view>

#include "feeds/feed_config.h"
#include "parking/model.h"
#include "text/result.h"

namespace beitai::site {

// True when one document holds the car parks and their availability (Yilan's): the poller
// then fetches availability_url alone and takes both lists from it.
bool one_document(FeedFormat format);

Result<parking::CarParkList> read_car_parks_document(FeedFormat format, std::string_view body, const std::string& county);
Result<parking::AvailabilityList> read_availability_document(FeedFormat format, std::string_view body);
// For a format of one_document().
Result<parking::CarParksWithAvailability> read_combined_document(FeedFormat format, std::string_view body,
                                                                 const std::string& county);

}  // namespace beitai::site
