#include "options.h"

#include <charconv>
#include <cstdio>
#include <string_view>

namespace regie::room_loadgen {

namespace {

template <typename T>
bool number(std::string_view text, T& out) {
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size();
}

void usage() {
    std::fprintf(stderr,
                 "usage: regie-room-loadgen --port HTTP_PORT --app-id N --secret S\n"
                 "       [--clients 10000] [--rooms 100] [--big-room 1000] [--threads 2]\n"
                 "       [--in-flight 200] [--broadcasts 20] [--interval-ms 200]\n"
                 "       [--timeout 180] [--server-pid PID]\n");
}

}  // namespace

std::optional<Options> parseOptions(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; i += 2) {
        const std::string_view flag = argv[i];
        if (i + 1 >= argc) {
            usage();
            return std::nullopt;
        }
        const std::string_view value = argv[i + 1];
        bool ok = true;
        if (flag == "--port") {
            ok = number(value, o.port);
        } else if (flag == "--app-id") {
            ok = number(value, o.appId);
        } else if (flag == "--secret") {
            o.secret = value;
        } else if (flag == "--clients") {
            ok = number(value, o.clients);
        } else if (flag == "--rooms") {
            ok = number(value, o.rooms);
        } else if (flag == "--big-room") {
            ok = number(value, o.bigRoomUsers);
        } else if (flag == "--threads") {
            ok = number(value, o.threads);
        } else if (flag == "--in-flight") {
            ok = number(value, o.inFlight);
        } else if (flag == "--broadcasts") {
            ok = number(value, o.broadcasts);
        } else if (flag == "--interval-ms") {
            ok = number(value, o.intervalMs);
        } else if (flag == "--timeout") {
            ok = number(value, o.timeoutSeconds);
        } else if (flag == "--server-pid") {
            pid_t pid = 0;
            ok = number(value, pid);
            o.serverPid = pid;
        } else {
            ok = false;
        }
        if (!ok) {
            std::fprintf(stderr, "regie-room-loadgen: bad option %s %s\n", argv[i], argv[i + 1]);
            usage();
            return std::nullopt;
        }
    }
    if (o.port == 0 || o.appId == 0 || o.secret.empty() || o.clients < 1 || o.rooms < 2 ||
        o.bigRoomUsers < 1 || o.bigRoomUsers > o.clients || o.threads < 1 || o.inFlight < 1 ||
        o.broadcasts < 0 || o.intervalMs < 0 || o.timeoutSeconds <= 0) {
        usage();
        return std::nullopt;
    }
    return o;
}

}  // namespace regie::room_loadgen
