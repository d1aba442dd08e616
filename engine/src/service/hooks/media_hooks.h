#pragma once
// Connects the media core to the outgoing hooks: publish and play checks answered by on_publish
// / on_play (and on_stream_not_found for missing streams), stream registration and idleness
// reported to on_stream_changed / on_stream_none_reader, sessions' traffic to on_flow_report,
// and ZEGO stream_create / stream_close for streams under the [zego] app.

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/json/object.hpp>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "core/clock.h"
#include "core/config.h"
#include "media/access.h"
#include "media/source_registry.h"
#include "service/hooks/stream_announcer.h"
#include "service/hooks/zego_callbacks.h"
#include "service/hooks/zlm_hooks.h"

namespace regie::service::hooks {

// The engine's own base URLs for play links in callbacks ("rtmp://127.0.0.1:1935").
struct PlayUrlBase {
    std::string rtmp;
    std::string http;
};

// The room a stream id belongs to, for the room fields of stream_create / stream_close.
struct StreamRoomFields {
    std::string roomId;
    std::uint64_t roomSessionId = 0;
    std::string userId;
    std::string userName;
    std::string title;
    std::string extraInfo;
    std::optional<int> closeType;  // set when the room ended the stream (stream_close `type`)
};
using StreamRoomLookup = std::function<std::optional<StreamRoomFields>(const std::string&)>;

class MediaHooks {
public:
    using Describe = std::function<boost::json::object(const media::MediaSource&)>;

    MediaHooks(ZlmHookService& zlm, ZegoCallbacks& zego, media::SourceRegistry& sources,
               const core::Config& config, const core::Clock& clock,
               boost::asio::io_context& replyContext, Describe describe);

    void setPlayUrlBase(PlayUrlBase base);
    void setStreamRoomLookup(StreamRoomLookup lookup);

    media::AccessCheck publishCheck();
    media::AccessCheck playCheck();
    media::FlowReporter flowReporter();

    // A new stream is announced once its tracks are described (StreamAnnouncer).
    void streamAdded(const std::shared_ptr<media::MediaSource>& source);
    void streamRemoved(const media::MediaSource& source, media::SourceEndReason reason);
    void noReader(const std::shared_ptr<media::MediaSource>& source,
                  const std::function<void(bool)>& close);

private:
    void announce(const media::MediaSource& source);
    StreamCloseEvent closeEvent(const media::MediaSource& source, media::SourceEndReason reason);
    bool isZegoStream(const media::MediaKey& key) const;
    std::optional<StreamRoomFields> roomOf(const std::string& streamId);

    ZlmHookService& m_zlm;
    ZegoCallbacks& m_zego;
    media::SourceRegistry& m_sources;
    const core::Config& m_config;
    const core::Clock& m_clock;
    boost::asio::io_context& m_replyContext;
    Describe m_describe;
    StreamAnnouncer m_announcer;
    std::mutex m_mutex;
    PlayUrlBase m_urls;
    StreamRoomLookup m_roomOf;
    std::atomic<std::uint64_t> m_streamSeq{0};
};

}  // namespace regie::service::hooks
