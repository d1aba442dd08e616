#pragma once
// The RTMP listener and its sessions: publishers feed MediaSources, players read the "rtmp"
// format. The wire protocol itself is protocol/rtmp (sans-I/O).

#include <cstdint>
#include <memory>
#include <mutex>
#include <set>
#include <string>

#include "core/clock.h"
#include "core/config.h"
#include "core/log.h"
#include "core/loop_pool.h"
#include "core/result.h"
#include "core/session_registry.h"
#include "media/access.h"
#include "media/source_registry.h"
#include "protocol/tcp_listener.h"

namespace regie::rtmpserver {

struct RtmpServerDeps {
    core::LoopPool& io;
    media::SourceRegistry& sources;
    core::SessionRegistry& sessions;
    const core::Config& config;
    const core::Clock& clock;
    core::Logger& log;
    media::AccessCheck publishCheck;  // may be empty: allowed
    media::AccessCheck playCheck;     // may be empty: allowed
    media::FlowReporter flowReport;   // may be empty
};

class RtmpSession;

class RtmpServer {
public:
    explicit RtmpServer(RtmpServerDeps deps);
    ~RtmpServer();

    core::Result<std::uint16_t> listen(const std::string& ip, std::uint16_t port);
    // Stops accepting and closes every session.
    void stop();

    void forget(const std::shared_ptr<RtmpSession>& session);

private:
    RtmpServerDeps m_deps;
    std::shared_ptr<protocol::TcpListener> m_listener;
    std::mutex m_mutex;
    std::set<std::shared_ptr<RtmpSession>> m_sessions;
    bool m_stopped = false;
};

}  // namespace regie::rtmpserver
