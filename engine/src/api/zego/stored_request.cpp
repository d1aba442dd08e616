#include "api/zego/stored_request.h"

#include "api/zego/transcode_request.h"

namespace regie::api::zego {

namespace {

template <typename Request, typename Parsed>
std::optional<service::mix::StoredRequest> accepted(Parsed parsed) {
    if (auto* request = std::get_if<Request>(&parsed)) {
        return service::mix::StoredRequest(std::move(*request));
    }
    return std::nullopt;
}

}  // namespace

std::optional<service::mix::StoredRequest> rereadStoredRequest(const std::string& action,
                                                               const boost::json::object& body,
                                                               const MixLimits& limits) {
    if (action == "StartMix") {
        return accepted<service::mix::MixRequest>(parseStartMix(body, limits));
    }
    if (action == "StartCloudTranscode") {
        return accepted<service::mix::TranscodeRequest>(parseStartCloudTranscode(body, limits));
    }
    return std::nullopt;
}

}  // namespace regie::api::zego
