#include "options.h"

#include <charconv>
#include <cstdio>
#include <string_view>

namespace regie::loadgen {
namespace {

constexpr const char* kUsage =
    "usage: regie-loadgen <rtmp://127.0.0.1:port/app/stream | "
    "http://127.0.0.1:port/app/stream.live.flv>\n"
    "         [--players N (100, at most 5000)] [--rate per-second (100)]\n"
    "         [--settle s (2)] [--window s (10)] [--duration s (60, hard stop, at most 600)]\n"
    "         [--stall s (2)] [--server-pid PID[,PID...]]\n"
    "Opens N players, one every 1/rate s; measures the window that starts `settle` s after\n"
    "the last one; prints a JSON summary on stdout.\n";

template <typename T>
bool parseNumber(std::string_view text, T& value, T low, T high) {
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc{} && ptr == text.data() + text.size() && value >= low && value <= high;
}

bool parsePids(std::string_view text, std::vector<pid_t>& pids) {
    while (!text.empty()) {
        auto comma = text.find(',');
        pid_t pid = 0;
        if (!parseNumber<pid_t>(text.substr(0, comma), pid, 1, 1 << 30)) {
            return false;
        }
        pids.push_back(pid);
        text = comma == std::string_view::npos ? "" : text.substr(comma + 1);
    }
    return !pids.empty();
}

}  // namespace

std::optional<Options> parseOptions(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        std::string_view value = i + 1 < argc ? argv[i + 1] : "";
        bool ok = true;
        if (arg == "-h" || arg == "--help") {
            std::fputs(kUsage, stdout);
            return std::nullopt;
        } else if (!arg.starts_with("--")) {
            options.urlText = arg;
            continue;
        } else if (arg == "--players") {
            ok = parseNumber(value, options.players, 1, 5000);
        } else if (arg == "--rate") {
            ok = parseNumber(value, options.rate, 0.1, 10000.0);
        } else if (arg == "--settle") {
            ok = parseNumber(value, options.settleSeconds, 0.0, 600.0);
        } else if (arg == "--window") {
            ok = parseNumber(value, options.windowSeconds, 0.1, 600.0);
        } else if (arg == "--duration") {
            ok = parseNumber(value, options.durationSeconds, 0.1, 600.0);
        } else if (arg == "--stall") {
            ok = parseNumber(value, options.stallSeconds, 0.01, 600.0);
        } else if (arg == "--server-pid") {
            ok = parsePids(value, options.serverPids);
        } else {
            ok = false;
        }
        if (!ok) {
            std::fprintf(stderr, "bad option %s %s\n%s", argv[i], value.data(), kUsage);
            return std::nullopt;
        }
        ++i;
    }
    std::string error;
    auto url = parseStreamUrl(options.urlText, error);
    if (!url) {
        std::fprintf(stderr, "%s\n%s", error.c_str(), kUsage);
        return std::nullopt;
    }
    options.url = *url;
    return options;
}

}  // namespace regie::loadgen
