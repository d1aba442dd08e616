#include "room_token.h"

#include <chrono>

namespace regie::room_cli {

service::rooms::TokenBuild makeToken(const TokenOptions& options) {
    std::string payload;
    if (options.roomId || options.publish) {
        payload = service::rooms::privilegePayload(options.roomId.value_or(""), true,
                                                   options.publish.value_or(true), {});
    }
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    return service::rooms::generateToken04({options.appId, options.userId, options.secret, now,
                                            options.ttlSeconds, payload, std::nullopt,
                                            std::nullopt});
}

}  // namespace regie::room_cli
