#pragma once

#include <netinet/in.h>

#include <optional>
#include <string>

namespace regie::loadgen {

enum class StreamProtocol { rtmp, httpFlv };

// rtmp://host:port/app/stream or http://host:port/app/stream.live.flv on a loopback address.
struct StreamUrl {
    StreamProtocol protocol = StreamProtocol::rtmp;
    std::string host;
    sockaddr_in address{};
    std::string hostPort;  // as written, for tcUrl and the Host header
    std::string path;      // HTTP: the request target
    std::string app;       // RTMP
    std::string stream;    // RTMP
};

// Refuses anything but 127.0.0.0/8 and localhost: the load must never leave this machine.
std::optional<StreamUrl> parseStreamUrl(const std::string& text, std::string& error);

}  // namespace regie::loadgen
