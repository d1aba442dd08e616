#pragma once
// The command-line options of regie-room's subcommands, parsed into values or a usage error.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace regie::room_cli {

// What a Token04 is made from (regie-room token, or join without --token).
struct TokenOptions {
    std::uint32_t appId = 0;
    std::string secret;
    std::string userId;
    std::optional<std::string> roomId;  // with roomId or publish: a privilege payload
    std::optional<bool> publish;
    std::int64_t ttlSeconds = 3600;
};

struct JoinOptions {
    std::string url;
    std::string roomId;
    std::string userId;
    std::string userName;
    std::variant<std::string, TokenOptions> credentials;  // a token, or how to make one
    std::vector<std::string> announce;                    // stream ids to announce after login
};

// Why the command line is not usable.
struct UsageError {
    std::string message;
};

std::variant<TokenOptions, UsageError> parseTokenOptions(std::span<const std::string_view> args);
std::variant<JoinOptions, UsageError> parseJoinOptions(std::span<const std::string_view> args);

}  // namespace regie::room_cli
