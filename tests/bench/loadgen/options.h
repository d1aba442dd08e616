#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

#include "stream_url.h"

namespace regie::loadgen {

struct Options {
    StreamUrl url;
    std::string urlText;
    int players = 100;
    double rate = 100;            // new connections per second
    double settleSeconds = 2;     // after the last connection, before the window
    double windowSeconds = 10;    // the steady window measured
    double durationSeconds = 60;  // hard stop, counted from the first connection
    double stallSeconds = 2;
    std::vector<pid_t> serverPids;
};

// Empty after printing usage or an error to stderr.
std::optional<Options> parseOptions(int argc, char** argv);

}  // namespace regie::loadgen
