#include "stream_url.h"

#include <arpa/inet.h>

#include <charconv>

namespace regie::loadgen {

std::optional<StreamUrl> parseStreamUrl(const std::string& text, std::string& error) {
    StreamUrl url;
    std::string_view rest(text);
    std::uint16_t defaultPort = 0;
    if (rest.starts_with("rtmp://")) {
        url.protocol = StreamProtocol::rtmp;
        defaultPort = 1935;
        rest.remove_prefix(7);
    } else if (rest.starts_with("http://")) {
        url.protocol = StreamProtocol::httpFlv;
        defaultPort = 80;
        rest.remove_prefix(7);
    } else {
        error = "the URL must start with rtmp:// or http://";
        return std::nullopt;
    }
    auto slash = rest.find('/');
    if (slash == std::string_view::npos) {
        error = "the URL has no path";
        return std::nullopt;
    }
    url.hostPort = std::string(rest.substr(0, slash));
    url.path = std::string(rest.substr(slash));
    auto colon = url.hostPort.rfind(':');
    url.host = url.hostPort.substr(0, colon);
    std::uint16_t port = defaultPort;
    if (colon != std::string::npos) {
        const char* first = url.hostPort.data() + colon + 1;
        const char* last = url.hostPort.data() + url.hostPort.size();
        auto [ptr, ec] = std::from_chars(first, last, port);
        if (ec != std::errc{} || ptr != last || port == 0) {
            error = "bad port in " + url.hostPort;
            return std::nullopt;
        }
    }
    std::string ip = url.host == "localhost" ? "127.0.0.1" : url.host;
    url.address.sin_family = AF_INET;
    url.address.sin_port = htons(port);
    if (inet_pton(AF_INET, ip.c_str(), &url.address.sin_addr) != 1 ||
        (ntohl(url.address.sin_addr.s_addr) >> 24) != 127) {
        error = "only loopback IPv4 addresses (127.0.0.0/8, localhost) are allowed";
        return std::nullopt;
    }
    if (url.protocol == StreamProtocol::rtmp) {
        auto appEnd = url.path.find('/', 1);
        if (appEnd == std::string::npos || appEnd + 1 == url.path.size()) {
            error = "an RTMP URL needs /app/stream";
            return std::nullopt;
        }
        url.app = url.path.substr(1, appEnd - 1);
        url.stream = url.path.substr(appEnd + 1);
    }
    return url;
}

}  // namespace regie::loadgen
