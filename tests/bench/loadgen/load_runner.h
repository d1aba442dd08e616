#pragma once

#include <optional>
#include <vector>

#include "options.h"
#include "player.h"
#include "proc_stats.h"

namespace regie::loadgen {

struct RunResult {
    std::vector<PlayerRecord> players;  // one per launched player
    double rampSeconds = 0;
    double windowSeconds = 0;  // as measured; 0 when the hard stop came first
    bool windowComplete = false;
    std::optional<ProcSample> serverBefore;
    std::optional<ProcSample> serverWindowStart;
    std::optional<ProcSample> serverWindowEnd;
    double selfCpuSeconds = 0;  // the load generator's, over the window
    // How long each non-empty epoll batch took to handle: a bound on the delay the load
    // generator itself adds to a player's TTFF.
    std::vector<double> batchMs;
};

// Ramps players up at the configured rate on one epoll loop, then measures a steady window.
// Stops at the end of the window or at the hard stop, whichever comes first.
class LoadRunner {
public:
    explicit LoadRunner(const Options& options);
    RunResult run();

private:
    std::unique_ptr<ProtocolClient> makeClient() const;

    const Options& m_options;
};

}  // namespace regie::loadgen
