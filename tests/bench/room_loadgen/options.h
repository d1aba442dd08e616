#pragma once

#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <string>

namespace regie::room_loadgen {

struct Options {
    std::string host = "127.0.0.1";
    std::uint16_t port = 0;  // the engine's HTTP port: /room/ws and the ZEGO API
    std::uint32_t appId = 0;
    std::string secret;  // [zego] serverSecret: tokens and API signatures
    int clients = 10'000;
    int rooms = 100;
    int bigRoomUsers = 1'000;  // in room bench-0; the others share the remaining rooms
    int threads = 2;
    int inFlight = 200;  // logins under way at once
    int broadcasts = 20;
    int intervalMs = 200;         // between broadcast starts (the Action allows 10/s a room)
    double timeoutSeconds = 180;  // hard stop for the whole run
    std::optional<pid_t> serverPid;
};

// Empty after printing usage or an error to stderr.
std::optional<Options> parseOptions(int argc, char** argv);

}  // namespace regie::room_loadgen
