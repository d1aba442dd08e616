#pragma once

#include <string>

#include "load_runner.h"
#include "options.h"

namespace regie::loadgen {

// The run as one JSON object: counts, failures by reason, TTFF percentiles, per-player
// throughput over the window, stalls, and the server's CPU and memory when its pid was given.
std::string summaryJson(const Options& options, const RunResult& result);

}  // namespace regie::loadgen
