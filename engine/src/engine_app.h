#pragma once
// The composition root of regie-engine: builds the services, the API doors and the listeners
// from the configuration, runs until a signal or a restart request, then tears everything
// down. One EngineApp lives per start; restartServer builds a fresh one in the same process.

#include <map>
#include <string>

#include "core/clock.h"
#include "core/log.h"

namespace regie {

struct EngineOptions {
    std::string configPath;
    std::string readyFile;  // empty: none
};

// Ports a previous run in this process bound for listeners configured with port 0; an in-place
// restart takes them again so clients find the engine where it was.
using BoundPorts = std::map<std::string, int>;

enum class EngineOutcome { stopped, restart, failed };

class EngineApp {
public:
    EngineApp(EngineOptions options, core::Logger& log, const core::Clock& clock);
    EngineOutcome run(BoundPorts& ports);

private:
    EngineOptions m_options;
    core::Logger& m_log;
    const core::Clock& m_clock;
};

}  // namespace regie
