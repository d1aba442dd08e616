// regie-loadgen: N RTMP or HTTP-FLV players of one stream on loopback; see tests/bench/README.md.
#include <sys/resource.h>

#include <cstdio>

#include "load_runner.h"
#include "options.h"
#include "summary.h"

namespace {

// Each player holds one descriptor; the default soft limit of 1024 is too low for large runs.
void raiseDescriptorLimit() {
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }
}

}  // namespace

int main(int argc, char** argv) {
    auto options = regie::loadgen::parseOptions(argc, argv);
    if (!options) {
        return 2;
    }
    raiseDescriptorLimit();
    regie::loadgen::LoadRunner runner(*options);
    auto result = runner.run();
    std::printf("%s\n", regie::loadgen::summaryJson(*options, result).c_str());
    return result.players.empty() ? 1 : 0;
}
