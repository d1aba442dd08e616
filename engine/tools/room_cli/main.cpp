// regie-room: room client tools (docs/room-cli.md).
//
//   regie-room token --app-id N --secret S --user U [--room R] [--publish 0|1] [--ttl SECONDS]
//   regie-room join --url ws://HOST:PORT/room/ws --room R --user U
//                   (--token T | --app-id N --secret S) [--name NAME] [--announce STREAM_ID]...

#include <iostream>
#include <span>
#include <string_view>
#include <vector>

#include "cli_options.h"
#include "join_session.h"
#include "room_token.h"
#include "ws_url.h"

namespace {

using namespace regie::room_cli;

int usage(const std::string& problem) {
    if (!problem.empty()) {
        std::cerr << "regie-room: " << problem << "\n";
    }
    std::cerr << "usage: regie-room token --app-id N --secret S --user U [--room R] "
                 "[--publish 0|1] [--ttl SECONDS]\n"
                 "       regie-room join --url ws://HOST:PORT/room/ws --room R --user U\n"
                 "                       (--token T | --app-id N --secret S) [--name NAME]\n"
                 "                       [--announce STREAM_ID]...\n";
    return kJoinUsage;
}

// The token, or nullopt after saying why none could be made.
std::optional<std::string> built(const TokenOptions& options) {
    auto token = makeToken(options);
    if (const auto* error = std::get_if<regie::service::rooms::TokenBuildError>(&token)) {
        std::cerr << "regie-room: " << error->message << " (" << error->code << ")\n";
        return std::nullopt;
    }
    return std::get<std::string>(token);
}

int runToken(std::span<const std::string_view> args) {
    auto options = parseTokenOptions(args);
    if (const auto* error = std::get_if<UsageError>(&options)) {
        return usage(error->message);
    }
    auto token = built(std::get<TokenOptions>(options));
    if (!token) {
        return 1;
    }
    std::cout << *token << "\n";
    return 0;
}

int runJoin(std::span<const std::string_view> args) {
    auto parsed = parseJoinOptions(args);
    if (const auto* error = std::get_if<UsageError>(&parsed)) {
        return usage(error->message);
    }
    auto& options = std::get<JoinOptions>(parsed);
    auto url = parseWsUrl(options.url);
    if (!url) {
        return usage("--url must be ws://HOST:PORT/PATH");
    }
    auto token = std::holds_alternative<std::string>(options.credentials)
                     ? std::optional(std::get<std::string>(options.credentials))
                     : built(std::get<TokenOptions>(options.credentials));
    if (!token) {
        return kJoinUsage;
    }
    auto io = std::make_shared<boost::asio::io_context>();
    auto session = std::make_shared<JoinSession>(io, *url, std::move(options), *token);
    session->start();
    io->run();
    return session->status();
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string_view> args(argv + 1, argv + argc);
    if (args.empty()) {
        return usage({});
    }
    const auto rest = std::span(args).subspan(1);
    if (args[0] == "token") {
        return runToken(rest);
    }
    if (args[0] == "join") {
        return runJoin(rest);
    }
    return usage("unknown subcommand " + std::string(args[0]));
}
