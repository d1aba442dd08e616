#pragma once
// ws://host:port/path, as the join subcommand takes it.

#include <optional>
#include <string>
#include <string_view>

namespace regie::room_cli {

struct WsUrl {
    std::string host;        // for resolving: no brackets around an IPv6 address
    std::string port;        // "80" when the URL has none
    std::string hostHeader;  // host[:port] as written in the URL
    std::string target;      // path and query, "/" at least
};

// Only plain ws:// URLs (the engine's signalling has no TLS of its own).
std::optional<WsUrl> parseWsUrl(std::string_view url);

}  // namespace regie::room_cli
