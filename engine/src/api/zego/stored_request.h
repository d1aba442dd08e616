#pragma once
// A task body the store kept, read again by the parser of the Action that carried it (task
// resume after a restart), so that every parameter comes back exactly as it was accepted.

#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "api/zego/mix_request.h"
#include "service/mix/mix_service.h"

namespace regie::api::zego {

// nullopt when that Action or that body is no longer accepted.
std::optional<service::mix::StoredRequest> rereadStoredRequest(const std::string& action,
                                                               const boost::json::object& body,
                                                               const MixLimits& limits);

}  // namespace regie::api::zego
