// The portal's routes: the JSON API over the current state, and the static pages.
#pragma once

#include <memory>
#include <mutex>

#include "http/message.h"
#include "http/static_files.h"
#include "store/store.h"

namespace beitai::site {

class PortalApi {
public:
    PortalApi(std::shared_ptr<const StoredState> state, StaticFiles files);

    Response handle(const Request& request) const;

private:
    Response counties() const;
    Response proposals(const Request& request) const;
    Response proposal(const std::string& id) const;

    std::shared_ptr<const StoredState> state() const;

    // Replaced whole when writes arrive (issue 3); readers keep the snapshot they took.
    std::shared_ptr<const StoredState> state_;
    StaticFiles files_;
};

}  // namespace beitai::site
