#include "options.h"

#include <charconv>
#include <cstdio>
#include <string_view>

namespace regie::mix_latency {

namespace {

template <typename T>
bool number(std::string_view text, T& out) {
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size();
}

// "LEFT,TOP,WIDTH,HEIGHT"
bool rect(std::string_view text, Rect& out) {
    int* fields[] = {&out.left, &out.top, &out.width, &out.height};
    for (std::size_t i = 0; i < std::size(fields); ++i) {
        const auto comma = text.find(',');
        const bool last = i + 1 == std::size(fields);
        if ((comma == std::string_view::npos) != last) {
            return false;
        }
        if (!number(text.substr(0, comma), *fields[i])) {
            return false;
        }
        text.remove_prefix(last ? text.size() : comma + 1);
    }
    return true;
}

// "WIDTHxHEIGHT"
bool size(std::string_view text, int& width, int& height) {
    const auto x = text.find('x');
    return x != std::string_view::npos && number(text.substr(0, x), width) &&
           number(text.substr(x + 1), height);
}

bool loopback(std::string_view url, std::string_view scheme) {
    return url.starts_with(scheme) && url.substr(scheme.size()).starts_with("://127.0.0.1:");
}

void usage() {
    std::fprintf(stderr,
                 "usage: regie-mix-latency --publish rtmp://127.0.0.1:PORT/APP/STREAM\n"
                 "       --play http://127.0.0.1:PORT/APP/OUT.live.flv --rect LEFT,TOP,W,H\n"
                 "       [--size 1280x720] [--fps 25] [--bitrate-kbps 1500] [--frames 750]\n"
                 "       [--warmup 3] [--tail 2] [--timeout 60]\n");
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
        if (flag == "--publish") {
            o.publishUrl = value;
        } else if (flag == "--play") {
            o.playUrl = value;
        } else if (flag == "--rect") {
            ok = rect(value, o.where);
        } else if (flag == "--size") {
            ok = size(value, o.width, o.height);
        } else if (flag == "--fps") {
            ok = number(value, o.fps);
        } else if (flag == "--bitrate-kbps") {
            ok = number(value, o.bitrateKbps);
        } else if (flag == "--frames") {
            ok = number(value, o.frames);
        } else if (flag == "--warmup") {
            ok = number(value, o.warmupSeconds);
        } else if (flag == "--tail") {
            ok = number(value, o.tailSeconds);
        } else if (flag == "--timeout") {
            ok = number(value, o.timeoutSeconds);
        } else {
            ok = false;
        }
        if (!ok) {
            std::fprintf(stderr, "regie-mix-latency: bad option %s %s\n", argv[i], argv[i + 1]);
            usage();
            return std::nullopt;
        }
    }
    if (!loopback(o.publishUrl, "rtmp") || !loopback(o.playUrl, "http") || o.where.width <= 0 ||
        o.where.height <= 0 || o.width < 16 || o.height < 16 || o.width % 2 != 0 ||
        o.height % 2 != 0 || o.fps < 1 || o.bitrateKbps < 1 || o.frames < 1 ||
        o.frames > static_cast<int>(kCounterLimit) || o.warmupSeconds < 0 || o.tailSeconds < 0 ||
        o.timeoutSeconds <= 0) {
        usage();
        return std::nullopt;
    }
    return o;
}

}  // namespace regie::mix_latency
