#include "service/hooks/media_hooks.h"

#include <boost/json.hpp>

namespace regie::service::hooks {

namespace {

constexpr std::string_view kSchema = "rtmp";  // the entry RTMP, HTTP-FLV and WS-FLV play from

MediaAccess toAccess(const media::AccessRequest& r) {
    return {std::string(kSchema),
            {r.key.vhost, r.key.app, r.key.stream},
            r.params,
            {r.peerIp, static_cast<std::uint16_t>(r.peerPort), r.sessionId}};
}

std::string streamSid(const media::MediaSource& source) {
    return "s-" + std::to_string(source.createdAtUnix()) + "-" + source.publisher().sessionId;
}

// stream_attr's cid: the video track's codec; H.264 for a stream without video.
StreamCodec streamCodecOf(const media::MediaSource& source) {
    for (const auto& track : source.tracks()) {
        if (track.kind != media::TrackKind::video) {
            continue;
        }
        switch (track.info.codec) {
            case media::CodecId::H265:
                return StreamCodec::h265;
            case media::CodecId::VP8:
                return StreamCodec::vp8;
            default:
                return StreamCodec::h264;
        }
    }
    return StreamCodec::h264;
}

}  // namespace

MediaHooks::MediaHooks(ZlmHookService& zlm, ZegoCallbacks& zego, media::SourceRegistry& sources,
                       const core::Config& config, const core::Clock& clock,
                       boost::asio::io_context& replyContext, Describe describe)
    : m_zlm(zlm)
    , m_zego(zego)
    , m_sources(sources)
    , m_config(config)
    , m_clock(clock)
    , m_replyContext(replyContext)
    , m_describe(std::move(describe))
    , m_announcer(replyContext, config, [this](const std::shared_ptr<media::MediaSource>& source) {
        announce(*source);
    }) {}

void MediaHooks::setPlayUrlBase(PlayUrlBase base) {
    std::lock_guard lock(m_mutex);
    m_urls = std::move(base);
}

void MediaHooks::setStreamRoomLookup(StreamRoomLookup lookup) {
    std::lock_guard lock(m_mutex);
    m_roomOf = std::move(lookup);
}

std::optional<StreamRoomFields> MediaHooks::roomOf(const std::string& streamId) {
    StreamRoomLookup lookup;
    {
        std::lock_guard lock(m_mutex);
        lookup = m_roomOf;
    }
    return lookup ? lookup(streamId) : std::nullopt;
}

media::AccessCheck MediaHooks::publishCheck() {
    return [this](const media::AccessRequest& request, const media::AccessAnswer& answer) {
        PublishEvent event{toAccess(request), static_cast<int>(media::OriginType::rtmpPush),
                           std::string(media::originTypeName(media::OriginType::rtmpPush))};
        m_zlm.onPublish(event, m_replyContext.get_executor(), [answer](PublishDecision d) {
            if (!d.allowed) {
                answer(media::AccessVerdict::refuse(d.reason.empty() ? "refused by on_publish"
                                                                     : d.reason));
                return;
            }
            media::AccessVerdict verdict;
            if (d.options.continuePushMs) {
                verdict.continuePush = std::chrono::milliseconds(*d.options.continuePushMs);
            }
            verdict.autoClose = d.options.autoClose;
            answer(verdict);
        });
    };
}

media::AccessCheck MediaHooks::playCheck() {
    return [this](const media::AccessRequest& request, const media::AccessAnswer& answer) {
        auto access = toAccess(request);
        m_zlm.onPlay(
            access, m_replyContext.get_executor(),
            [this, access, key = request.key, answer](const AuthDecision& d) {
                if (!d.allowed) {
                    answer(media::AccessVerdict::refuse(d.reason.empty() ? "refused by on_play"
                                                                         : d.reason));
                    return;
                }
                if (m_sources.find(key)) {
                    answer(media::AccessVerdict::allow());
                    return;
                }
                // A missing stream: the hook may bring it (a pull) while the player waits.
                m_zlm.onStreamNotFound(
                    access, m_replyContext.get_executor(), [answer](NotFoundReply reply) {
                        answer(reply.closePlayer ? media::AccessVerdict::refuse("stream not found")
                                                 : media::AccessVerdict::allow());
                    });
            });
    };
}

media::FlowReporter MediaHooks::flowReporter() {
    return [this](const media::FlowReport& report) {
        m_zlm.onFlowReport(
            {toAccess(report.access), report.totalBytes, report.durationSec, report.player});
    };
}

bool MediaHooks::isZegoStream(const media::MediaKey& key) const {
    return key.app == m_config.snapshot()->get("zego.app");
}

void MediaHooks::streamAdded(const std::shared_ptr<media::MediaSource>& source) {
    m_announcer.added(source);
}

void MediaHooks::announce(const media::MediaSource& source) {
    const auto& key = source.key();
    m_zlm.onStreamChanged(
        {true, std::string(kSchema), {key.vhost, key.app, key.stream}, m_describe(source)});
    // callbacks.md: mix outputs announce themselves with mix_start, not stream_create.
    if (!isZegoStream(key) || source.publisher().engineOutput) {
        return;
    }
    PlayUrlBase urls;
    {
        std::lock_guard lock(m_mutex);
        urls = m_urls;
    }
    StreamCreateEvent event;
    event.streamId = key.stream;
    event.streamSid = streamSid(source);
    event.streamSeq = ++m_streamSeq;
    event.createTimeMs = source.createdAtUnix() * 1000;
    event.codec = streamCodecOf(source);
    event.rtmpUrls = {urls.rtmp + "/" + key.app + "/" + key.stream};
    event.hdlUrls = {urls.http + "/" + key.app + "/" + key.stream + ".live.flv"};
    if (auto room = roomOf(key.stream)) {
        event.roomId = room->roomId;
        event.roomSessionId = room->roomSessionId;
        event.userId = room->userId;
        event.userName = room->userName;
        event.title = room->title;
        event.extraInfo = room->extraInfo;
    }
    m_zego.streamCreate(event);
}

void MediaHooks::streamRemoved(const media::MediaSource& source, media::SourceEndReason reason) {
    const auto& key = source.key();
    StreamChangedEvent changed{false, std::string(kSchema), {key.vhost, key.app, key.stream}, {}};
    std::optional<StreamCloseEvent> closed;
    if (isZegoStream(key) && !source.publisher().engineOutput) {
        closed = closeEvent(source, reason);
    }
    // The room is read now: it forgets the stream once this returns.
    m_announcer.removed(source, [this, changed = std::move(changed), closed = std::move(closed)] {
        m_zlm.onStreamChanged(changed);
        if (closed) {
            StreamCloseEvent event = *closed;
            event.streamSeq = ++m_streamSeq;  // numbered as sent, after the stream's create
            m_zego.streamClose(event);
        }
    });
}

StreamCloseEvent MediaHooks::closeEvent(const media::MediaSource& source,
                                        media::SourceEndReason reason) {
    const auto& key = source.key();
    StreamCloseEvent event;
    event.streamId = key.stream;
    event.streamSid = streamSid(source);
    // callbacks.md: 0 the publisher stopped, 3 closed through the server API.
    event.type = reason == media::SourceEndReason::closedByApi ? 3 : 0;
    event.createTimeMs = source.createdAtUnix() * 1000;
    event.destroyTimeMs = m_clock.unixMillis();
    if (auto room = roomOf(key.stream)) {
        event.roomId = room->roomId;
        event.roomSessionId = room->roomSessionId;
        event.userId = room->userId;
        event.userName = room->userName;
        event.type = room->closeType.value_or(event.type);
    }
    return event;
}

void MediaHooks::noReader(const std::shared_ptr<media::MediaSource>& source,
                          const std::function<void(bool)>& close) {
    const auto& key = source->key();
    m_zlm.onStreamNoneReader({std::string(kSchema), {key.vhost, key.app, key.stream}},
                             m_replyContext.get_executor(),
                             [close](NoneReaderDecision d) { close(d.close); });
}

}  // namespace regie::service::hooks
