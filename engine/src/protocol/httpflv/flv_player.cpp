#include "protocol/httpflv/flv_player.h"

#include "media/flv_muxer.h"
#include "protocol/outbound_queue.h"

namespace regie::httpflv {

FlvPlayer::FlvPlayer(std::shared_ptr<media::MediaSource> source, core::SessionRegistry& sessions,
                     media::AccessRequest access, std::string typeId,
                     media::FlowReporter flowReport, core::Logger& log)
    : m_source(std::move(source))
    , m_sessions(sessions)
    , m_access(std::move(access))
    , m_sessionId(m_access.sessionId)
    , m_typeId(std::move(typeId))
    , m_flowReport(std::move(flowReport))
    , m_log(log) {}

void FlvPlayer::attach(std::shared_ptr<api::BodyChannel> channel) {
    m_channel = std::move(channel);
    m_executor = m_channel->executor();
    bool audio = false;
    bool video = false;
    for (const auto& t : m_source->tracks()) {
        audio |= t.kind == media::TrackKind::audio;
        video |= t.kind == media::TrackKind::video;
    }
    // No track known yet: announce both, except what the stream rules withhold.
    const auto withheld = m_source->withheldTracks();
    auto header = media::flvFileHeader((audio || !video) && !withheld.audio,
                                       (video || !audio) && !withheld.video);
    m_channel->send({boost::asio::buffer(*header)}, header);
    m_attached = m_source->addReader(media::kFlvFormat, shared_from_this());
    if (!m_attached) {
        m_channel->close();
        return;
    }
    m_sessions.setType(m_sessionId, m_typeId);
    m_sessions.setPlaying(m_sessionId, m_source->key().str(), std::string(media::kFlvFormat));
}

void FlvPlayer::detach() {
    if (m_attached) {
        m_source->removeReader(media::kFlvFormat, this);
        m_attached = false;
    }
    m_sessions.setPlaying(m_sessionId, {}, {});
    if (m_channel && m_flowReport) {
        auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
            std::chrono::steady_clock::now() - m_started);
        m_flowReport(
            {m_access, m_channel->sentBytes(), static_cast<std::uint64_t>(seconds.count()), true});
    }
    m_channel.reset();
}

boost::asio::any_io_executor FlvPlayer::executor() const {
    return m_executor;
}

void FlvPlayer::deliver(std::span<const media::PacketPtr> packets) {
    if (!m_channel) {
        return;
    }
    for (const auto& packet : packets) {
        switch (m_policy.decide(*packet, m_channel->queuedBytes())) {
            case media::ReaderPolicy::Action::send: {
                m_channel->queue(protocol::packetBuffers(*packet), packet);
                break;
            }
            case media::ReaderPolicy::Action::drop:
                break;
            case media::ReaderPolicy::Action::disconnect:
                m_log.warn("flv.player_too_slow", {{"session", m_sessionId},
                                                   {"stream", m_source->key().str()},
                                                   {"queued_bytes", m_channel->queuedBytes()}});
                m_channel->close();
                detach();
                return;
        }
    }
    m_channel->flush();
}

void FlvPlayer::sourceEnded() {
    m_attached = false;
    if (m_channel) {
        m_channel->close();
    }
}

}  // namespace regie::httpflv
