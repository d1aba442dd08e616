#include "load_runner.h"

#include <sys/epoll.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>

#include "http_flv_client.h"
#include "rtmp_client.h"

namespace regie::loadgen {
namespace {

constexpr std::size_t kReadBufferSize = 256 * 1024;
constexpr int kMaxEvents = 512;
constexpr int kMaxWaitMs = 100;

double seconds(Clock::duration d) {
    return std::chrono::duration<double>(d).count();
}

Clock::duration fromSeconds(double s) {
    return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(s));
}

}  // namespace

LoadRunner::LoadRunner(const Options& options) : m_options(options) {}

std::unique_ptr<ProtocolClient> LoadRunner::makeClient() const {
    const StreamUrl& url = m_options.url;
    if (url.protocol == StreamProtocol::httpFlv) {
        return std::make_unique<HttpFlvClient>(url.hostPort, url.path);
    }
    return std::make_unique<RtmpClient>("rtmp://" + url.hostPort + "/" + url.app, url.app,
                                        url.stream);
}

RunResult LoadRunner::run() {
    RunResult result;
    int epollFd = ::epoll_create1(EPOLL_CLOEXEC);
    if (epollFd < 0) {
        std::perror("epoll_create1");
        return result;
    }
    std::vector<std::unique_ptr<Player>> players;
    players.reserve(static_cast<std::size_t>(m_options.players));
    std::vector<std::uint8_t> buffer(kReadBufferSize);
    std::array<epoll_event, kMaxEvents> events{};
    const auto& pids = m_options.serverPids;

    if (!pids.empty()) {
        result.serverBefore = sampleProcesses(pids);
    }
    const auto start = Clock::now();
    const auto hardStop = start + fromSeconds(m_options.durationSeconds);
    const auto interval = fromSeconds(1.0 / m_options.rate);
    std::optional<Clock::time_point> windowStart;
    std::optional<Clock::time_point> windowEnd;
    std::optional<Clock::time_point> windowBegun;
    double selfCpuAtStart = 0;

    auto endWindow = [&](Clock::time_point now) {
        for (auto& player : players) {
            if (player->active()) {
                player->endWindow(now);
            }
        }
        if (!pids.empty()) {
            result.serverWindowEnd = sampleProcesses(pids);
        }
        result.selfCpuSeconds = selfCpuSeconds() - selfCpuAtStart;
        result.windowSeconds = seconds(now - *windowBegun);
    };

    while (true) {
        auto now = Clock::now();
        if (now >= hardStop) {
            if (windowBegun) {
                endWindow(now);
            }
            break;
        }
        while (players.size() < static_cast<std::size_t>(m_options.players) &&
               start + interval * static_cast<long>(players.size()) <= now) {
            players.push_back(std::make_unique<Player>(epollFd, players.size(), makeClient()));
            players.back()->open(m_options.url.address, now);
        }
        if (!windowStart && players.size() == static_cast<std::size_t>(m_options.players)) {
            result.rampSeconds = seconds(now - start);
            windowStart = now + fromSeconds(m_options.settleSeconds);
            windowEnd = *windowStart + fromSeconds(m_options.windowSeconds);
        }
        if (windowStart && !windowBegun && now >= *windowStart) {
            windowBegun = now;
            for (auto& player : players) {
                player->beginWindow(now);
            }
            if (!pids.empty()) {
                result.serverWindowStart = sampleProcesses(pids);
            }
            selfCpuAtStart = selfCpuSeconds();
        }
        if (windowBegun && now >= *windowEnd) {
            endWindow(now);
            result.windowComplete = true;
            break;
        }

        auto deadline = hardStop;
        if (!windowStart) {
            deadline = std::min(deadline, start + interval * static_cast<long>(players.size()));
        } else {
            deadline = std::min(deadline, windowBegun ? *windowEnd : *windowStart);
        }
        auto waitMs = std::chrono::ceil<std::chrono::milliseconds>(deadline - now).count();
        int ready = ::epoll_wait(epollFd, events.data(), kMaxEvents,
                                 static_cast<int>(std::clamp<long>(waitMs, 0, kMaxWaitMs)));
        if (ready < 0 && errno != EINTR) {
            std::perror("epoll_wait");
            break;
        }
        auto batchStart = Clock::now();
        // Players still waiting for their first frame go first, so that reading the streams of
        // hundreds of others does not add the load generator's own delay to their TTFF.
        for (bool waiting : {true, false}) {
            for (int i = 0; i < ready; ++i) {
                auto& player = *players[events[i].data.u64];
                if (events[i].events != 0 && player.record().firstFrame.has_value() != waiting) {
                    if (player.active()) {
                        player.onEvents(events[i].events, buffer, Clock::now());
                    }
                    events[i].events = 0;
                }
            }
        }
        if (ready > 0) {
            result.batchMs.push_back(
                std::chrono::duration<double, std::milli>(Clock::now() - batchStart).count());
        }
    }

    for (auto& player : players) {
        player->close();
        auto& record = player->record();
        if (record.failure.empty() && !record.firstFrame) {
            record.failure = "no coded video frame before the end";
        }
        result.players.push_back(record);
    }
    ::close(epollFd);
    return result;
}

}  // namespace regie::loadgen
