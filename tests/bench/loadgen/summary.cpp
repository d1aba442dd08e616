#include "summary.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace regie::loadgen {
namespace {

double milliseconds(Clock::duration d) {
    return std::chrono::duration<double, std::milli>(d).count();
}

// Nearest-rank percentile of sorted values.
double percentile(const std::vector<double>& sorted, double p) {
    if (sorted.empty()) {
        return 0;
    }
    auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * sorted.size()));
    return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

std::string number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.3f", value);
    std::string out(text);
    out.erase(out.find_last_not_of('0') + 1);
    if (out.back() == '.') {
        out.pop_back();
    }
    return out;
}

std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char escape[8];
            std::snprintf(escape, sizeof escape, "\\u%04x", c);
            out += escape;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

std::string spread(std::vector<double> values, bool withP99) {
    std::sort(values.begin(), values.end());
    std::string out = "{\"min\":" + number(values.empty() ? 0 : values.front()) +
                      ",\"p50\":" + number(percentile(values, 50));
    if (withP99) {
        out += ",\"p99\":" + number(percentile(values, 99));
    }
    return out + ",\"max\":" + number(values.empty() ? 0 : values.back()) + "}";
}

}  // namespace

std::string summaryJson(const Options& options, const RunResult& result) {
    int connected = 0;
    int playing = 0;
    int notKey = 0;
    int stalls = 0;
    std::uint64_t bytes = 0;
    double longestGapMs = 0;
    std::map<std::string, int> reasons;
    std::vector<double> ttff;
    std::vector<double> kbps;
    for (const auto& player : result.players) {
        connected += player.connected;
        bytes += player.bytes;
        if (player.firstFrame) {
            ++playing;
            notKey += !player.firstFrameKey;
            ttff.push_back(milliseconds(*player.firstFrame - player.created));
        }
        if (!player.failure.empty()) {
            ++reasons[player.failure];
            continue;
        }
        if (result.windowSeconds > 0) {
            double gapMs = milliseconds(player.longestWindowGap);
            longestGapMs = std::max(longestGapMs, gapMs);
            stalls += gapMs > options.stallSeconds * 1000;
            kbps.push_back((player.windowEndBytes - player.windowStartBytes) * 8.0 / 1000 /
                           result.windowSeconds);
        }
    }
    int failures = 0;
    std::string reasonList;
    for (const auto& [reason, count] : reasons) {
        failures += count;
        reasonList +=
            (reasonList.empty() ? "" : ",") + quoted(reason) + ":" + std::to_string(count);
    }

    std::string out = "{";
    out += "\"url\":" + quoted(options.urlText);
    out += ",\"protocol\":" +
           quoted(options.url.protocol == StreamProtocol::rtmp ? "rtmp" : "http-flv");
    out += ",\"players\":" + std::to_string(options.players);
    out += ",\"launched\":" + std::to_string(result.players.size());
    out += ",\"connected\":" + std::to_string(connected);
    out += ",\"playing\":" + std::to_string(playing);
    out += ",\"failures\":" + std::to_string(failures);
    out += ",\"failureReasons\":{" + reasonList + "}";
    out += ",\"ratePerSecond\":" + number(options.rate);
    out += ",\"rampSeconds\":" + number(result.rampSeconds);
    out += ",\"windowSeconds\":" + number(result.windowSeconds);
    out += ",\"windowComplete\":" + std::string(result.windowComplete ? "true" : "false");
    out += ",\"ttffMs\":" + spread(ttff, true);
    out += ",\"firstFrameNotKey\":" + std::to_string(notKey);
    out += ",\"throughputKbps\":" + spread(kbps, false);
    out += ",\"bytesTotal\":" + std::to_string(bytes);
    out += ",\"stalls\":" + std::to_string(stalls);
    out += ",\"stallThresholdMs\":" + number(options.stallSeconds * 1000);
    out += ",\"longestGapMs\":" + number(longestGapMs);
    out += ",\"loadgenBatchMs\":" + spread(result.batchMs, true);
    if (result.windowSeconds > 0) {
        out +=
            ",\"loadgenCpuPercent\":" + number(100 * result.selfCpuSeconds / result.windowSeconds);
    }
    if (result.serverBefore && result.serverWindowStart && result.serverWindowEnd) {
        std::string pids;
        for (auto pid : options.serverPids) {
            pids += (pids.empty() ? "" : ",") + std::to_string(pid);
        }
        double cpu = result.serverWindowEnd->cpuSeconds - result.serverWindowStart->cpuSeconds;
        auto before = static_cast<double>(result.serverBefore->rssKiB);
        auto after = static_cast<double>(result.serverWindowEnd->rssKiB);
        out += ",\"server\":{\"pids\":[" + pids + "]";
        out += ",\"cpuPercent\":" + number(100 * cpu / result.windowSeconds);
        out += ",\"rssBeforeKiB\":" + number(before);
        out += ",\"rssAfterKiB\":" + number(after);
        out += ",\"rssGrowthPerPlayerKiB\":" + number((after - before) / options.players);
        out += "}";
    }
    return out + "}";
}

}  // namespace regie::loadgen
