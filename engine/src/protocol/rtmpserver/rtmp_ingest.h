#pragma once
// Turns a publisher's RTMP audio, video and data messages into frames for its MediaSource,
// reading the decoder configuration records into the source's track info. A publisher that
// returns within the reconnect window continues the timeline where the old one stopped.

#include <memory>

#include "core/result.h"
#include "media/media_source.h"
#include "protocol/rtmp/rtmp_message.h"

namespace regie::rtmpserver {

class RtmpIngest {
public:
    RtmpIngest(std::shared_ptr<media::MediaSource> source, bool resumed);

    // Malformed tags are reported and skipped by the caller; nothing is forwarded for them.
    core::Status onMessage(rtmp::RtmpMessage&& message);

    const std::shared_ptr<media::MediaSource>& source() const { return m_source; }

private:
    std::uint32_t timeline(std::uint32_t timestamp);

    std::shared_ptr<media::MediaSource> m_source;
    bool m_resumed;
    bool m_offsetKnown = false;
    bool m_audioDescribed = false;
    std::int64_t m_offset = 0;
};

}  // namespace regie::rtmpserver
