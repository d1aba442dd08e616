#pragma once
// The ZLM stream object (MediaSourceJson, spec/zlm/endpoints.md) for one schema of a source.

#include <boost/json/object.hpp>
#include <string_view>

#include "media/media_source.h"

namespace regie::api::zlm {

// The schemas a live source is registered under. Only RTMP (which also serves HTTP-FLV and
// WS-FLV) is produced today.
inline constexpr std::string_view kRtmpSchema = "rtmp";

boost::json::object streamJson(const media::MediaSource& source, std::string_view schema,
                               bool withLoss);

}  // namespace regie::api::zlm
