// regie-engine: the headless media server (docs/engine-cli.md).

#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "core/clock.h"
#include "core/log.h"
#include "engine_app.h"

namespace {

void usage() {
    std::fprintf(stderr,
                 "usage: regie-engine [-c <config.ini>] [--ready-file <path>] "
                 "[--log-level trace|debug|info|warn|error]\n");
}

std::string defaultConfigPath() {
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? "config.ini" : (exe.parent_path() / "config.ini").string();
}

}  // namespace

int main(int argc, char** argv) {
    regie::EngineOptions options{defaultConfigPath(), {}};
    regie::core::LogLevel level = regie::core::LogLevel::info;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        bool hasValue = i + 1 < argc;
        if ((arg == "-c" || arg == "--config") && hasValue) {
            options.configPath = argv[++i];
        } else if (arg == "--ready-file" && hasValue) {
            options.readyFile = argv[++i];
        } else if (arg == "--log-level" && hasValue) {
            auto parsed = regie::core::parseLogLevel(argv[++i]);
            if (!parsed) {
                usage();
                return 2;
            }
            level = *parsed;
        } else if (arg == "-h" || arg == "--help") {
            usage();
            return 0;
        } else {
            usage();
            return 2;
        }
    }

    // Signals are taken synchronously by the engine's control loop; block them in every
    // thread it starts.
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);

    regie::core::Logger log;
    log.addSink(std::make_shared<regie::core::StderrSink>(level));
    auto logDir = std::filesystem::absolute(options.configPath).parent_path() / "log";
    log.addSink(std::make_shared<regie::core::RotatingFileSink>(
        level, (logDir / "regie-engine.log").string(), 10 * 1024 * 1024, 5));

    regie::core::SystemClock clock;
    regie::BoundPorts ports;
    for (;;) {
        regie::EngineApp app(options, log, clock);
        switch (app.run(ports)) {
            case regie::EngineOutcome::restart:
                continue;
            case regie::EngineOutcome::stopped:
                return 0;
            case regie::EngineOutcome::failed:
                return 1;
        }
    }
}
