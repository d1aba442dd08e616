// regie-room: room client tools. `regie-room token` prints a Token04 (GCM) for a user.
//
//   regie-room token --app-id N --secret S --user U [--room R] [--publish 0|1] [--ttl SECONDS]
//
// With --room or --publish the token carries a privilege payload (token04.md §4).

#include <chrono>
#include <cstdint>
#include <iostream>
#include <map>
#include <string>

#include "core/text.h"
#include "service/rooms/token04.h"

namespace {

constexpr std::int64_t kDefaultTtl = 3600;

int usage() {
    std::cerr << "usage: regie-room token --app-id N --secret S --user U [--room R] "
                 "[--publish 0|1] [--ttl SECONDS]\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace regie;
    if (argc < 2 || std::string(argv[1]) != "token") {
        return usage();
    }
    std::map<std::string, std::string> flags;
    for (int i = 2; i + 1 < argc; i += 2) {
        flags[argv[i]] = argv[i + 1];
    }
    const auto appId = core::parseUint64(flags["--app-id"]);
    const auto ttl = flags.count("--ttl") ? core::parseInt64(flags["--ttl"]) : kDefaultTtl;
    if (!appId || *appId > 0xffffffffULL || !ttl || flags["--user"].empty()) {
        return usage();
    }
    std::string payload;
    if (flags.count("--room") || flags.count("--publish")) {
        payload =
            service::rooms::privilegePayload(flags["--room"], true, flags["--publish"] != "0", {});
    }
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    auto built = service::rooms::generateToken04({static_cast<std::uint32_t>(*appId),
                                                  flags["--user"], flags["--secret"], now, *ttl,
                                                  payload, std::nullopt, std::nullopt});
    if (const auto* error = std::get_if<service::rooms::TokenBuildError>(&built)) {
        std::cerr << "regie-room: " << error->message << " (" << error->code << ")\n";
        return 1;
    }
    std::cout << std::get<std::string>(built) << "\n";
    return 0;
}
