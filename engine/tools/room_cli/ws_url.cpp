#include "ws_url.h"

#include <boost/url/parse.hpp>

namespace regie::room_cli {

std::optional<WsUrl> parseWsUrl(std::string_view url) {
    auto parsed = boost::urls::parse_uri(url);
    if (!parsed || parsed->scheme() != "ws" || parsed->host_address().empty()) {
        return std::nullopt;
    }
    WsUrl out;
    out.host = parsed->host_address();
    out.port = parsed->has_port() ? std::string(parsed->port()) : "80";
    out.hostHeader = parsed->encoded_host_and_port();
    out.target = parsed->encoded_target();
    if (out.target.empty()) {
        out.target = "/";
    }
    return out;
}

}  // namespace regie::room_cli
