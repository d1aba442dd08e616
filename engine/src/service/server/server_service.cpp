#include "service/server/server_service.h"

#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

namespace regie::service {

ServerService::ServerService(ServerDeps deps)
    : m_deps(std::move(deps))
    , m_startedAtMs(m_deps.clock.unixMillis())
    , m_startedSteady(m_deps.clock.steadyNow()) {}

std::int64_t ServerService::uptimeMs() const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(m_deps.clock.steadyNow() -
                                                                 m_startedSteady)
        .count();
}

void ServerService::ioLoads(std::function<void(std::vector<core::LoopLoad>)> done) {
    m_deps.io.sampleLoad(std::move(done));
}

void ServerService::workerLoads(std::function<void(std::vector<core::LoopLoad>)> done) {
    m_deps.workers.sampleLoad(std::move(done));
}

std::vector<std::pair<std::string_view, std::int64_t>> ServerService::statistic() const {
    std::vector<std::pair<std::string_view, std::int64_t>> out;
    for (std::size_t i = 0; i < core::kObjectKindCount; ++i) {
        auto kind = static_cast<core::ObjectKind>(i);
        out.emplace_back(core::objectKindName(kind),
                         std::max<std::int64_t>(0, core::ObjectStats::count(kind)));
    }
    return out;
}

void ServerService::setConfig(std::vector<std::pair<std::string, std::string>> updates,
                              std::function<void(core::Result<core::ConfigChange>)> done) {
    boost::asio::post(m_deps.workers.next(), [this, updates = std::move(updates),
                                              done = std::move(done)] {
        std::lock_guard lock(m_configWrite);
        core::ConfigChange change = m_deps.config.diff(updates);
        if (!change.changed.empty()) {
            auto status =
                m_deps.configFile.persist(change.changed, m_deps.store, m_deps.clock.unixMillis());
            if (!status) {
                m_deps.log.error("config.persist_failed", {{"error", status.error().message}});
                done(status.error());
                return;
            }
            m_deps.config.apply(change);
            std::string keys;
            for (const auto& [k, v] : change.changed) {
                keys += (keys.empty() ? "" : ",") + k;
            }
            m_deps.log.info("config.changed",
                            {{"keys", keys}, {"restart_required", change.restartRequired.size()}});
        }
        done(std::move(change));
    });
}

void ServerService::restart(std::string reason) {
    auto timer =
        std::make_shared<boost::asio::steady_timer>(m_deps.workers.next(), std::chrono::seconds(1));
    m_deps.log.info("server.restart_requested", {{"reason", reason}});
    timer->async_wait([timer, reason, request = m_deps.requestRestart](auto ec) {
        if (!ec) {
            request(reason);
        }
    });
}

}  // namespace regie::service
