#include "cli_options.h"

#include <algorithm>
#include <map>

#include "core/text.h"

namespace regie::room_cli {

namespace {

using Flags = std::multimap<std::string, std::string, std::less<>>;

// `--name value` pairs; every flag must be one of `known`.
std::variant<Flags, UsageError> readFlags(std::span<const std::string_view> args,
                                          std::span<const std::string_view> known) {
    Flags flags;
    for (std::size_t i = 0; i < args.size(); i += 2) {
        if (std::find(known.begin(), known.end(), args[i]) == known.end()) {
            return UsageError{"unknown option " + std::string(args[i])};
        }
        if (i + 1 >= args.size()) {
            return UsageError{std::string(args[i]) + " needs a value"};
        }
        flags.emplace(args[i], args[i + 1]);
    }
    return flags;
}

std::optional<std::string> single(const Flags& flags, std::string_view name) {
    auto it = flags.find(name);
    if (it == flags.end()) {
        return std::nullopt;
    }
    return it->second;
}

// The app id and secret, shared by both subcommands.
std::optional<UsageError> readSecret(const Flags& flags, TokenOptions& options) {
    const auto appId = core::parseUint64(single(flags, "--app-id").value_or(""));
    if (!appId || *appId == 0 || *appId > 0xffffffffULL) {
        return UsageError{"--app-id must be a number from 1 to 4294967295"};
    }
    options.appId = static_cast<std::uint32_t>(*appId);
    options.secret = single(flags, "--secret").value_or("");
    return std::nullopt;
}

}  // namespace

std::variant<TokenOptions, UsageError> parseTokenOptions(std::span<const std::string_view> args) {
    constexpr std::string_view kKnown[] = {"--app-id", "--secret",  "--user",
                                           "--room",   "--publish", "--ttl"};
    auto read = readFlags(args, kKnown);
    if (auto* error = std::get_if<UsageError>(&read)) {
        return *error;
    }
    const auto& flags = std::get<Flags>(read);
    TokenOptions options;
    if (auto error = readSecret(flags, options)) {
        return *error;
    }
    options.userId = single(flags, "--user").value_or("");
    if (options.userId.empty()) {
        return UsageError{"--user is required"};
    }
    options.roomId = single(flags, "--room");
    if (auto publish = single(flags, "--publish")) {
        options.publish = *publish != "0";
    }
    if (auto ttl = single(flags, "--ttl")) {
        auto seconds = core::parseInt64(*ttl);
        if (!seconds || *seconds <= 0) {
            return UsageError{"--ttl must be a positive number of seconds"};
        }
        options.ttlSeconds = *seconds;
    }
    return options;
}

std::variant<JoinOptions, UsageError> parseJoinOptions(std::span<const std::string_view> args) {
    constexpr std::string_view kKnown[] = {"--url",   "--room",   "--user",   "--name",
                                           "--token", "--app-id", "--secret", "--announce"};
    auto read = readFlags(args, kKnown);
    if (auto* error = std::get_if<UsageError>(&read)) {
        return *error;
    }
    const auto& flags = std::get<Flags>(read);
    for (std::string_view name : kKnown) {
        if (name != "--announce" && flags.count(name) > 1) {
            return UsageError{std::string(name) + " given twice"};
        }
    }
    JoinOptions options;
    options.url = single(flags, "--url").value_or("");
    options.roomId = single(flags, "--room").value_or("");
    options.userId = single(flags, "--user").value_or("");
    if (options.url.empty() || options.roomId.empty() || options.userId.empty()) {
        return UsageError{"--url, --room and --user are required"};
    }
    options.userName = single(flags, "--name").value_or(options.userId);
    if (auto token = single(flags, "--token")) {
        if (flags.contains("--app-id") || flags.contains("--secret")) {
            return UsageError{"give either --token or --app-id and --secret"};
        }
        options.credentials = *token;
    } else {
        TokenOptions make;
        if (auto error = readSecret(flags, make)) {
            return UsageError{"give --token, or --app-id and --secret: " + error->message};
        }
        make.userId = options.userId;
        make.roomId = options.roomId;
        make.publish = true;
        options.credentials = make;
    }
    auto [first, last] = flags.equal_range("--announce");
    for (auto it = first; it != last; ++it) {
        options.announce.push_back(it->second);
    }
    return options;
}

}  // namespace regie::room_cli
