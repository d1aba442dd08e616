#pragma once
// One HTTP-FLV or WS-FLV player: reads a source's "flv" packets and sends them over a body
// channel (chunked HTTP body or WebSocket binary messages), skipping ahead or disconnecting
// when the client cannot keep up.

#include <memory>

#include "api/api_call.h"
#include "core/log.h"
#include "core/session_registry.h"
#include "media/access.h"
#include "media/media_source.h"
#include "media/reader_policy.h"

namespace regie::httpflv {

class FlvPlayer final : public media::MediaReader,
                        public api::BodyProducer,
                        public std::enable_shared_from_this<FlvPlayer> {
public:
    FlvPlayer(std::shared_ptr<media::MediaSource> source, core::SessionRegistry& sessions,
              media::AccessRequest access, std::string typeId, media::FlowReporter flowReport,
              core::Logger& log);

    void attach(std::shared_ptr<api::BodyChannel> channel) override;
    void detach() override;

    boost::asio::any_io_executor executor() const override;
    void deliver(std::span<const media::PacketPtr> packets) override;
    void sourceEnded() override;

private:
    std::shared_ptr<media::MediaSource> m_source;
    core::SessionRegistry& m_sessions;
    media::AccessRequest m_access;
    std::string m_sessionId;
    std::string m_typeId;
    media::FlowReporter m_flowReport;
    std::chrono::steady_clock::time_point m_started = std::chrono::steady_clock::now();
    core::Logger& m_log;
    std::shared_ptr<api::BodyChannel> m_channel;
    boost::asio::any_io_executor m_executor;
    media::ReaderPolicy m_policy;
    bool m_attached = false;
};

}  // namespace regie::httpflv
