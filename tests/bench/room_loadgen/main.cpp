// regie-room-loadgen: many room users on loopback, their login rate, the engine's memory and
// CPU, and how fast a SendBroadcastMessage reaches every user of a big room. See
// tests/bench/README.md and rooms.sh.
#include <sys/resource.h>

#include <boost/json.hpp>
#include <cmath>
#include <cstdio>
#include <thread>

#include "client_pool.h"
#include "load_state.h"
#include "options.h"
#include "proc_stats.h"
#include "service/rooms/token04.h"
#include "signed_call.h"
#include "spread.h"

namespace {

namespace json = boost::json;
using namespace regie::room_loadgen;
using namespace std::chrono_literals;

void raiseDescriptorLimit() {
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }
}

double seconds(std::int64_t ns) {
    return static_cast<double>(ns) / 1e9;
}

double ms(std::int64_t ns) {
    return static_cast<double>(ns) / 1e6;
}

// User i: the first bigRoomUsers in bench-0, the others round-robin over the other rooms.
std::vector<ClientSpec> clientSpecs(const Options& o) {
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    const boost::asio::ip::tcp::endpoint server(boost::asio::ip::make_address(o.host), o.port);
    std::vector<ClientSpec> specs;
    for (int i = 0; i < o.clients; ++i) {
        ClientSpec spec;
        spec.server = server;
        spec.hostHeader = o.host + ":" + std::to_string(o.port);
        const bool big = i < o.bigRoomUsers;
        spec.roomId = "bench-" + std::to_string(big ? 0 : 1 + (i - o.bigRoomUsers) % (o.rooms - 1));
        spec.userId = "u" + std::to_string(i);
        spec.bigRoomIndex = big ? i : -1;
        auto token = regie::service::rooms::generateToken04(
            {o.appId, spec.userId, o.secret, now, 3600, {}, std::nullopt, std::nullopt});
        if (auto* error = std::get_if<regie::service::rooms::TokenBuildError>(&token)) {
            std::fprintf(stderr, "regie-room-loadgen: token: %s\n", error->message.c_str());
            return {};
        }
        spec.token = std::get<std::string>(token);
        specs.push_back(std::move(spec));
    }
    return specs;
}

// Engine memory and CPU between two samples.
class EngineWatch {
public:
    explicit EngineWatch(std::optional<pid_t> pid) : m_pid(pid) { mark(); }
    void mark() {
        m_at = nowNs();
        m_sample = sample();
    }
    // {rssMiB, peakRssMiB, cpuPercent since the last mark}; then marks.
    json::object take() {
        auto before = m_sample;
        auto from = m_at;
        mark();
        if (!before || !m_sample) {
            return {};
        }
        const double elapsed = seconds(m_at - from);
        return {{"rssMiB", std::round(static_cast<double>(m_sample->rssKiB) / 1024.0 * 10) / 10},
                {"peakRssMiB",
                 std::round(static_cast<double>(m_sample->peakRssKiB) / 1024.0 * 10) / 10},
                {"cpuPercent",
                 elapsed > 0
                     ? std::round((m_sample->cpuSeconds - before->cpuSeconds) / elapsed * 1000) / 10
                     : 0.0},
                {"seconds", std::round(elapsed * 100) / 100}};
    }

private:
    std::optional<regie::loadgen::ProcSample> sample() const {
        if (!m_pid) {
            return std::nullopt;
        }
        return regie::loadgen::sampleProcesses({*m_pid});
    }

    std::optional<pid_t> m_pid;
    std::int64_t m_at = 0;
    std::optional<regie::loadgen::ProcSample> m_sample;
};

// Waits (polling) until `done` or the deadline; true when done.
template <typename F>
bool waitUntil(std::int64_t deadlineNs, F done) {
    while (!done()) {
        if (nowNs() >= deadlineNs) {
            return false;
        }
        std::this_thread::sleep_for(20ms);
    }
    return true;
}

// Until no message arrived for `quiet`, at most until the deadline.
void waitQuiet(const LoadState& state, std::chrono::milliseconds quiet, std::int64_t deadlineNs) {
    auto seen = state.messages();
    auto calmSince = nowNs();
    while (nowNs() - calmSince < std::chrono::nanoseconds(quiet).count() && nowNs() < deadlineNs) {
        std::this_thread::sleep_for(50ms);
        if (auto now = state.messages(); now != seen) {
            seen = now;
            calmSince = nowNs();
        }
    }
}

}  // namespace

int main(int argc, char** argv) {
    auto options = parseOptions(argc, argv);
    if (!options) {
        return 2;
    }
    const auto& o = *options;
    raiseDescriptorLimit();
    auto specs = clientSpecs(o);
    if (specs.empty()) {
        return 1;
    }
    const auto deadline = nowNs() + static_cast<std::int64_t>(o.timeoutSeconds * 1e9);
    LoadState state(o.bigRoomUsers, o.broadcasts);
    EngineWatch engine(o.serverPid);
    const auto idleBefore = engine.take();
    const double selfCpuStart = regie::loadgen::selfCpuSeconds();

    // Logins.
    ClientPool pool(o.threads, std::move(specs), state);
    const auto loginStart = nowNs();
    engine.mark();
    pool.launch(o.inFlight);
    const bool allDone = waitUntil(
        deadline, [&] { return state.loginsDone() >= static_cast<std::size_t>(o.clients); });
    const auto loginNs = state.lastLoginNs() - loginStart;
    auto loginEngine = engine.take();
    const auto latencies = state.loginLatencies();
    std::vector<double> loginMs;
    loginMs.reserve(latencies.size());
    for (auto ns : latencies) {
        loginMs.push_back(ms(ns));
    }
    // The join notifications still travelling, then an idle window with everyone in.
    waitQuiet(state, 1s, std::min(deadline, nowNs() + std::int64_t{30'000'000'000}));
    engine.mark();
    std::this_thread::sleep_for(3s);
    auto idleEngine = engine.take();

    // Broadcasts to the big room.
    std::vector<double> deliveryMs;
    std::vector<double> allReachedMs;
    std::vector<double> apiMs;
    json::array errors;
    int complete = 0;
    std::int64_t delivered = 0;
    for (int b = 0; b < o.broadcasts && nowNs() < deadline; ++b) {
        const auto started = nowNs();
        auto reply = callAction(o, "SendBroadcastMessage",
                                "RoomId=bench-0&UserId=bench-server&MessageCategory=2&"
                                "MessageContent=" +
                                    std::string(kBroadcastPrefix) + std::to_string(b));
        if (auto* error = std::get_if<std::string>(&reply)) {
            errors.emplace_back(*error);
            continue;
        }
        const auto& r = std::get<ActionReply>(reply);
        if (r.code != 0) {
            errors.emplace_back("Code " + std::to_string(r.code));
            continue;
        }
        apiMs.push_back(ms(r.answerNs - r.sentNs));
        const bool all = waitUntil(std::min(deadline, r.sentNs + std::int64_t{5'000'000'000}),
                                   [&] { return state.delivered(b) >= o.bigRoomUsers; });
        std::int64_t last = 0;
        for (int c = 0; c < o.bigRoomUsers; ++c) {
            if (auto at = state.receivedAt(b, c); at != 0) {
                deliveryMs.push_back(ms(at - r.sentNs));
                last = std::max(last, at);
                ++delivered;
            }
        }
        if (all) {
            ++complete;
            allReachedMs.push_back(ms(last - r.sentNs));
        }
        std::this_thread::sleep_until(Clock::time_point(std::chrono::nanoseconds(started)) +
                                      std::chrono::milliseconds(o.intervalMs));
    }
    auto broadcastEngine = engine.take();
    const double selfCpu = regie::loadgen::selfCpuSeconds() - selfCpuStart;
    const auto totalNs = nowNs() - loginStart;

    json::object failures;
    for (const auto& [reason, count] : state.failures()) {
        failures[reason] = count;
    }
    json::object summary{
        {"clients", o.clients},
        {"rooms", o.rooms},
        {"bigRoomUsers", o.bigRoomUsers},
        {"threads", o.threads},
        {"inFlight", o.inFlight},
        {"loggedIn", latencies.size()},
        {"failures", std::move(failures)},
        {"droppedAfterLogin", state.drops()},
        {"allLoginsDone", allDone},
        {"loginSeconds", std::round(seconds(loginNs) * 100) / 100},
        {"loginsPerSecond",
         loginNs > 0 ? std::round(static_cast<double>(latencies.size()) / seconds(loginNs)) : 0.0},
        {"loginLatencyMs", spread(loginMs)},
        {"messagesReceived", state.messages()},
        {"engine",
         {{"beforeClients", idleBefore},
          {"logins", loginEngine},
          {"idleAllLoggedIn", idleEngine},
          {"broadcasts", broadcastEngine}}},
        {"broadcast",
         {{"sent", o.broadcasts},
          {"errors", std::move(errors)},
          {"reachedEveryone", complete},
          {"deliveries", delivered},
          {"expectedDeliveries", static_cast<std::int64_t>(o.broadcasts) * o.bigRoomUsers},
          {"apiReplyMs", spread(apiMs)},
          {"deliveryMs", spread(deliveryMs)},
          {"lastUserReachedMs", spread(allReachedMs)}}},
        {"loadgenCpuPercent",
         totalNs > 0 ? std::round(selfCpu / seconds(totalNs) * 1000) / 10 : 0.0},
    };
    pool.stop();
    std::printf("%s\n", json::serialize(summary).c_str());
    return allDone && latencies.size() == static_cast<std::size_t>(o.clients) ? 0 : 1;
}
