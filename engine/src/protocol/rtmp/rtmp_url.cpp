#include "protocol/rtmp/rtmp_url.h"

#include <cctype>
#include <charconv>
#include <utility>

namespace regie::rtmp {

namespace {

// Splits "name?params" at the first '?'.
std::pair<std::string_view, std::string_view> splitQuery(std::string_view s) {
    auto q = s.find('?');
    if (q == std::string_view::npos) {
        return {s, {}};
    }
    return {s.substr(0, q), s.substr(q + 1)};
}

std::string_view trimSlashes(std::string_view s) {
    while (!s.empty() && s.front() == '/') {
        s.remove_prefix(1);
    }
    while (!s.empty() && s.back() == '/') {
        s.remove_suffix(1);
    }
    return s;
}

std::string joinParams(std::string_view a, std::string_view b) {
    if (a.empty() || b.empty()) {
        return std::string(a.empty() ? b : a);
    }
    return std::string(a) + "&" + std::string(b);
}

}  // namespace

core::Result<RtmpUrl> parseRtmpUrl(std::string_view url) {
    auto sep = url.find("://");
    if (sep == std::string_view::npos) {
        return core::Error{"rtmp url: no scheme"};
    }
    RtmpUrl out;
    out.scheme = std::string(url.substr(0, sep));
    for (auto& c : out.scheme) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (out.scheme == "rtmps") {
        out.port = 443;
    } else if (out.scheme != "rtmp") {
        return core::Error{"rtmp url: unsupported scheme " + out.scheme};
    }
    auto rest = url.substr(sep + 3);
    auto authorityEnd = rest.find_first_of("/?");
    auto authority = rest.substr(0, authorityEnd);
    rest = authorityEnd == std::string_view::npos ? std::string_view{} : rest.substr(authorityEnd);

    std::string_view portText;
    if (!authority.empty() && authority.front() == '[') {
        auto close = authority.find(']');
        if (close == std::string_view::npos) {
            return core::Error{"rtmp url: unterminated IPv6 address"};
        }
        out.host = std::string(authority.substr(1, close - 1));
        auto after = authority.substr(close + 1);
        if (!after.empty()) {
            if (after.front() != ':') {
                return core::Error{"rtmp url: junk after IPv6 address"};
            }
            portText = after.substr(1);
        }
    } else {
        auto colon = authority.rfind(':');
        out.host = std::string(authority.substr(0, colon));
        if (colon != std::string_view::npos) {
            portText = authority.substr(colon + 1);
        }
    }
    if (out.host.empty()) {
        return core::Error{"rtmp url: no host"};
    }
    if (!portText.empty()) {
        unsigned port = 0;
        auto [end, ec] = std::from_chars(portText.data(), portText.data() + portText.size(), port);
        if (ec != std::errc() || end != portText.data() + portText.size() || port == 0 ||
            port > 65535) {
            return core::Error{"rtmp url: bad port"};
        }
        out.port = static_cast<std::uint16_t>(port);
    }

    auto [path, params] = splitQuery(rest);
    out.params = std::string(params);
    path = trimSlashes(path);
    auto slash = path.find('/');
    out.app = std::string(path.substr(0, slash));
    if (slash != std::string_view::npos) {
        out.stream = std::string(trimSlashes(path.substr(slash + 1)));
    }
    return out;
}

std::string queryValue(std::string_view params, std::string_view key) {
    std::string found;
    while (!params.empty()) {
        auto amp = params.find('&');
        auto pair = params.substr(0, amp);
        auto eq = pair.find('=');
        if (pair.substr(0, eq) == key) {
            found = eq == std::string_view::npos ? std::string() : std::string(pair.substr(eq + 1));
        }
        params = amp == std::string_view::npos ? std::string_view{} : params.substr(amp + 1);
    }
    return found;
}

core::Result<StreamTarget> resolveStreamTarget(std::string_view tcUrl, std::string_view app,
                                               std::string_view streamName) {
    RtmpUrl url;
    if (!tcUrl.empty()) {
        auto parsed = parseRtmpUrl(tcUrl);
        if (!parsed) {
            return parsed.error();
        }
        url = std::move(parsed.value());
    }
    auto [appName, appParams] = splitQuery(app);
    appName = trimSlashes(appName);
    if (appName.empty()) {
        appName = url.app;
    }
    if (appParams.empty()) {
        appParams = url.params;
    }
    auto [stream, streamParams] = splitQuery(streamName);
    stream = trimSlashes(stream);
    if (appName.empty() || stream.empty()) {
        return core::Error{"rtmp: empty app or stream name"};
    }
    StreamTarget target;
    target.app = std::string(appName);
    target.stream = std::string(stream);
    target.params = joinParams(appParams, streamParams);
    target.vhost = queryValue(target.params, "vhost");
    if (target.vhost.empty()) {
        target.vhost = url.host;
    }
    return target;
}

}  // namespace regie::rtmp
