// The address on the web of what a kiosk visitor is looking at, for the QR code in the
// kiosk's footer: scanned, it opens the same view on the visitor's phone, in the language
// the visitor chose, to carry on away from the lobby.
//
//   Home       /                      (/?lang=en)
//   Map        /map?lat=…&lon=…&zoom=…
//   Proposals  /proposals?county=…&group=…&status=…   or /proposals/{id} with one open
//   Parking    /map?layers=parking&lat=…&lon=…&zoom=16   (the lobby's car parks)
//   Campaign   /raffle/{campaign}     (/raffle without one)
#pragma once

#include <string>

#include "render/kiosk_config.h"
#include "render/kiosk_session.h"

namespace beitai::render {

// A path with its query (no scheme, host or fragment): the kiosk's page puts its own
// origin in front. `campaign` is the id of the campaign the Campaign screen shows ("" none).
std::string kiosk_handoff_path(const KioskVisit& visit, const KioskConfig& config, const std::string& campaign);

}  // namespace beitai::render
