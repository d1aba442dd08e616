#pragma once
// The engine as a whole: identity, uptime, thread loads, object counts, configuration changes
// and restart. Shared by the ZLM server endpoints and the event feed, so each fact has one
// source.

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/config.h"
#include "core/config_file.h"
#include "core/log.h"
#include "core/loop_pool.h"
#include "core/object_stats.h"
#include "core/result.h"
#include "core/store.h"

namespace regie::service {

struct ServerDeps {
    core::Config& config;
    core::ConfigFile& configFile;
    core::Store& store;
    core::LoopPool& io;
    core::LoopPool& workers;
    core::Logger& log;
    const core::Clock& clock;
    std::function<void(std::string reason)> requestRestart;
};

class ServerService {
public:
    explicit ServerService(ServerDeps deps);

    std::int64_t startedAtMs() const { return m_startedAtMs; }
    std::int64_t uptimeMs() const;

    void ioLoads(std::function<void(std::vector<core::LoopLoad>)> done);
    void workerLoads(std::function<void(std::vector<core::LoopLoad>)> done);
    std::vector<std::pair<std::string_view, std::int64_t>> statistic() const;

    // Persists (store and file, on a worker thread) and applies the keys that change, then
    // calls `done` (on that worker thread). Unknown and protected keys are ignored.
    void setConfig(std::vector<std::pair<std::string, std::string>> updates,
                   std::function<void(core::Result<core::ConfigChange>)> done);

    // Answers first, then stops the engine about a second later for an in-place restart.
    void restart(std::string reason);

private:
    ServerDeps m_deps;
    std::int64_t m_startedAtMs;
    std::chrono::steady_clock::time_point m_startedSteady;
    std::mutex m_configWrite;
};

}  // namespace regie::service
