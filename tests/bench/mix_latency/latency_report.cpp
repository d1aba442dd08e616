#include "latency_report.h"

#include <algorithm>
#include <boost/json.hpp>
#include <cmath>
#include <optional>

namespace regie::mix_latency {

namespace {

namespace json = boost::json;
using Clock = std::chrono::steady_clock;

double ms(Clock::duration d) {
    return std::round(std::chrono::duration<double, std::milli>(d).count() * 10) / 10;
}

// Nearest rank of a sorted, non-empty list.
Clock::duration percentile(const std::vector<Clock::duration>& sorted, double p) {
    const auto rank =
        static_cast<std::size_t>(std::ceil(p / 100 * static_cast<double>(sorted.size())));
    return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

bool readable(const LatencyInput& input, const Observation& o) {
    return o.counter && *o.counter < input.sent.size();
}

std::optional<Clock::time_point> firstReadableFrame(const LatencyInput& input) {
    for (const auto& o : input.played.observations) {
        if (readable(input, o)) {
            return o.decoded;
        }
    }
    return std::nullopt;
}

}  // namespace

std::string latencyReport(const LatencyInput& input) {
    json::object report{{"published", input.sent.size()},
                        {"corruptPackets", input.played.corruptPackets}};
    const auto firstReadable = firstReadableFrame(input);
    if (!firstReadable) {
        report["outputFrames"] = input.played.observations.size();
        report["error"] = "no output frame showed a readable counter";
        return json::serialize(report);
    }
    const Clock::time_point measureFrom = *firstReadable + input.warmup;
    // Once the publisher stops, the tile falls back to the background: not a reading failure.
    const Clock::time_point measureUntil = input.sent.back();

    std::vector<std::optional<Clock::time_point>> firstSeen(input.sent.size());
    std::size_t outputFrames = 0;
    std::size_t unreadable = 0;
    for (const auto& o : input.played.observations) {
        if (o.decoded < measureFrom) {
            continue;
        }
        const bool hasCounter = readable(input, o);
        if (o.decoded <= measureUntil) {
            ++outputFrames;
            unreadable += hasCounter ? 0 : 1;
        }
        if (hasCounter && !firstSeen[*o.counter]) {
            firstSeen[*o.counter] = o.decoded;
        }
    }
    std::vector<Clock::duration> latencies;
    std::size_t measured = 0;
    for (std::size_t counter = 0; counter < input.sent.size(); ++counter) {
        if (input.sent[counter] < measureFrom) {
            continue;
        }
        ++measured;
        if (firstSeen[counter]) {
            latencies.push_back(*firstSeen[counter] - input.sent[counter]);
        }
    }
    std::sort(latencies.begin(), latencies.end());
    report["outputFrames"] = outputFrames;
    report["measured"] = measured;
    report["seen"] = latencies.size();
    report["missed"] = measured - latencies.size();
    report["unreadable"] = unreadable;
    json::object latency{{"count", latencies.size()}};
    if (!latencies.empty()) {
        latency["p50"] = ms(percentile(latencies, 50));
        latency["p90"] = ms(percentile(latencies, 90));
        latency["p99"] = ms(percentile(latencies, 99));
        latency["max"] = ms(latencies.back());
    }
    report["latencyMs"] = std::move(latency);
    return json::serialize(report);
}

}  // namespace regie::mix_latency
