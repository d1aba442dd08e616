#include "proc_stats.h"

#include <sys/resource.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <string>

namespace regie::loadgen {
namespace {

std::optional<ProcSample> sampleProcess(pid_t pid) {
    std::string dir = "/proc/" + std::to_string(pid);
    std::ifstream statFile(dir + "/stat");
    std::string stat;
    if (!std::getline(statFile, stat)) {
        return std::nullopt;
    }
    // Fields after the command name, which may hold spaces, start at "state" (field 3);
    // utime and stime are fields 14 and 15.
    std::istringstream fields(stat.substr(stat.rfind(')') + 2));
    std::string skip;
    for (int field = 3; field < 14; ++field) {
        fields >> skip;
    }
    std::uint64_t utime = 0;
    std::uint64_t stime = 0;
    if (!(fields >> utime >> stime)) {
        return std::nullopt;
    }
    ProcSample sample;
    sample.cpuSeconds = static_cast<double>(utime + stime) / ::sysconf(_SC_CLK_TCK);
    std::ifstream status(dir + "/status");
    for (std::string line; std::getline(status, line);) {
        if (line.starts_with("VmRSS:")) {
            sample.rssKiB = std::stoull(line.substr(6));
        } else if (line.starts_with("VmHWM:")) {
            sample.peakRssKiB = std::stoull(line.substr(6));
        }
    }
    return sample;
}

}  // namespace

std::optional<ProcSample> sampleProcesses(const std::vector<pid_t>& pids) {
    ProcSample total;
    for (pid_t pid : pids) {
        auto one = sampleProcess(pid);
        if (!one) {
            return std::nullopt;
        }
        total.cpuSeconds += one->cpuSeconds;
        total.rssKiB += one->rssKiB;
        total.peakRssKiB += one->peakRssKiB;
    }
    return total;
}

double selfCpuSeconds() {
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    auto seconds = [](const timeval& t) { return t.tv_sec + t.tv_usec / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

}  // namespace regie::loadgen
