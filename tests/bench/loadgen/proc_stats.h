#pragma once

#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <vector>

namespace regie::loadgen {

// CPU time and resident memory of a set of server processes, summed.
struct ProcSample {
    double cpuSeconds = 0;         // utime + stime
    std::uint64_t rssKiB = 0;      // VmRSS
    std::uint64_t peakRssKiB = 0;  // VmHWM
};

std::optional<ProcSample> sampleProcesses(const std::vector<pid_t>& pids);

// This process's own CPU time (user + system), to show what the load generator costs.
double selfCpuSeconds();

}  // namespace regie::loadgen
