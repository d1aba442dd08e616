#pragma once
// Live FLV over the HTTP port (spec/zlm/urls.md §4): `/app/stream.live.flv` (or
// `/app/stream?schema=rtmp`) as a chunked HTTP body, or the same URL as a WebSocket (WS-FLV).

#include <functional>
#include <optional>
#include <string>

#include "api/api_call.h"
#include "core/config.h"
#include "core/log.h"
#include "core/session_registry.h"
#include "media/access.h"
#include "media/source_registry.h"
#include "protocol/http/http_server.h"

namespace regie::httpflv {

class HttpFlvService {
public:
    HttpFlvService(boost::asio::io_context& context, media::SourceRegistry& sources,
                   core::SessionRegistry& sessions, const core::Config& config, core::Logger& log);

    void setAccessCheck(media::AccessCheck check) { m_accessCheck = std::move(check); }
    void setFlowReporter(media::FlowReporter reporter) { m_flowReport = std::move(reporter); }

    // The stream a live-FLV URL names, if it is one.
    std::optional<media::AccessRequest> parse(const api::ApiCall& call) const;

    void play(const api::ApiCall& call, const api::ReplySink& reply);
    http::UpgradeDecision playWebSocket(const api::ApiCall& call);

private:
    // Authorizes, then finds the source (waiting up to general.maxStreamWaitMS).
    void resolve(
        const media::AccessRequest& request, const boost::asio::any_io_executor& executor,
        const std::function<void(std::shared_ptr<media::MediaSource>, std::string error)>& done);

    boost::asio::io_context& m_context;
    media::SourceRegistry& m_sources;
    core::SessionRegistry& m_sessions;
    const core::Config& m_config;
    core::Logger& m_log;
    media::AccessCheck m_accessCheck;
    media::FlowReporter m_flowReport;
};

}  // namespace regie::httpflv
