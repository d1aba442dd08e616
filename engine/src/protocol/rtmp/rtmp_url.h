#pragma once
// RTMP URLs and the stream a publish/play names. Publishers put query parameters on the app
// (connect's "app" and tcUrl) or on the stream name; both count, the stream name's win.

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace regie::rtmp {

struct RtmpUrl {
    std::string scheme;  // "rtmp" or "rtmps"
    std::string host;    // IPv6 without brackets
    std::uint16_t port = 1935;
    std::string app;
    std::string stream;  // empty for a tcUrl
    std::string params;  // the query, without '?'
};

// scheme://host[:port]/app[/stream][?params]: app is the first path segment, the stream the
// rest of the path.
core::Result<RtmpUrl> parseRtmpUrl(std::string_view url);

// The value of `key` in an a=b&c=d query; empty when absent.
std::string queryValue(std::string_view params, std::string_view key);

struct StreamTarget {
    std::string vhost;   // `vhost=` from the params, else the tcUrl host
    std::string app;     // without params
    std::string stream;  // without params
    std::string params;  // app params then stream params, joined by '&'
};

// `tcUrl` and `app` as sent in connect (either may be empty, not both), `streamName` as sent in
// publish/play.
core::Result<StreamTarget> resolveStreamTarget(std::string_view tcUrl, std::string_view app,
                                               std::string_view streamName);

}  // namespace regie::rtmp
