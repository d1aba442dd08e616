#pragma once
// The mix output as a live stream: encoded H.264 and AAC become FLV frames fed into the output
// MediaSource, so RTMP and HTTP-FLV players and getMediaList see it like any publisher's
// stream. Called on the task's thread only.

#include <memory>
#include <span>
#include <vector>

#include "av/encoders.h"
#include "media/codec/bit_reader.h"
#include "core/result.h"
#include "media/media_source.h"

namespace regie::service::mix {

class OutputStream {
public:
    explicit OutputStream(std::shared_ptr<media::MediaSource> source);

    const std::shared_ptr<media::MediaSource>& source() const { return m_source; }

    // A new sequence header (Annex B SPS and PPS): the next picture starts a new GOP.
    core::Status videoConfig(std::span<const std::uint8_t> annexB, std::int64_t dtsMs);
    core::Status video(const av::EncodedPacket& packet);
    core::Status audioConfig(std::span<const std::uint8_t> audioSpecificConfig);
    core::Status audio(const av::EncodedPacket& packet);

private:
    // `nals` set: the payload is these NAL units, each written with a 4-byte length (AVCC).
    core::Status send(media::TrackKind kind, media::CodecId codec, bool config, bool keyframe,
                      std::int64_t dtsMs, std::int64_t ptsMs, std::span<const std::uint8_t> payload,
                      const std::vector<media::ByteView>* nals = nullptr);

    std::shared_ptr<media::MediaSource> m_source;
    std::uint32_t m_lastVideoDts = 0;
    std::uint32_t m_lastAudioDts = 0;
};

}  // namespace regie::service::mix
