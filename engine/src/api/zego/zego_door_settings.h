#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace regie::api::zego {

struct ZegoDoorSettings {
    std::uint32_t appId = 0;  // 0: no app configured, every call gets 100000010
    std::string serverSecret;
    bool rejectReplayedNonce = true;
    std::string app = "live";  // RTMP app the ZEGO stream ids live under
    // Calls with IsTest=false are refused with 100000016 when the app has no production side.
    bool hasProductionEnvironment = true;
    // Per-Action app-wide limits (requests per second) replacing the registered defaults.
    std::map<std::string, double, std::less<>> rateLimits;
};

}  // namespace regie::api::zego
