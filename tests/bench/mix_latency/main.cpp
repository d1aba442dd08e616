// regie-mix-latency: publishes one input of a mix with a frame counter drawn in its picture,
// plays the mix output, reads the counter back in the input's rectangle and reports the
// latency from a frame being written to it being decoded from the output. See
// tests/bench/README.md and mix.sh.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

#include "av/av_handles.h"
#include "latency_report.h"
#include "options.h"
#include "player.h"
#include "publisher.h"

namespace {

using namespace regie::mix_latency;
using Clock = std::chrono::steady_clock;

Clock::duration seconds(double s) {
    return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(s));
}

// Sends one frame every 1/fps s until all are sent, the deadline passes or a write fails.
regie::core::Status publish(Publisher& publisher, const Options& o, Clock::time_point deadline,
                            std::vector<Clock::time_point>& sent) {
    const Clock::time_point start = Clock::now();
    for (int counter = 0; counter < o.frames; ++counter) {
        const auto due = start + seconds(static_cast<double>(counter) / o.fps);
        if (due >= deadline) {
            break;
        }
        std::this_thread::sleep_until(due);
        if (auto status = publisher.send(static_cast<std::uint32_t>(counter)); !status) {
            return status;
        }
        sent.push_back(Clock::now());
    }
    return regie::core::okStatus();
}

}  // namespace

int main(int argc, char** argv) {
    const auto options = parseOptions(argc, argv);
    if (!options) {
        return 2;
    }
    const Options& o = *options;
    regie::av::quietLibraryLogs();
    avformat_network_init();
    const Clock::time_point deadline = Clock::now() + seconds(o.timeoutSeconds);

    auto publisher = Publisher::open(
        {o.publishUrl, o.width, o.height, o.fps, std::int64_t{o.bitrateKbps} * 1000, deadline});
    if (!publisher) {
        std::fprintf(stderr, "regie-mix-latency: %s\n", publisher.error().message.c_str());
        return 1;
    }

    LatencyInput latency;
    latency.warmup =
        std::chrono::duration_cast<std::chrono::milliseconds>(seconds(o.warmupSeconds));
    std::atomic<bool> stopPlaying{false};
    regie::core::Status played = regie::core::okStatus();
    std::thread player([&] {
        played = play({o.playUrl, o.where, deadline}, stopPlaying, latency.played);
    });
    regie::core::Status published = publish(*publisher.value(), o, deadline, latency.sent);
    std::this_thread::sleep_until(std::min(deadline, Clock::now() + seconds(o.tailSeconds)));
    stopPlaying = true;
    player.join();

    std::printf("%s\n", latencyReport(latency).c_str());
    for (const regie::core::Status* status : {&published, &played}) {
        if (!*status) {
            std::fprintf(stderr, "regie-mix-latency: %s\n", status->error().message.c_str());
        }
    }
    return published && played ? 0 : 1;
}
