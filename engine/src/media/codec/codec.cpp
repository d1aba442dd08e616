#include "media/codec/codec.h"

#include <array>
#include <cmath>
#include <utility>

namespace regie::media {

namespace {
constexpr std::array<std::pair<CodecId, std::string_view>, 8> kNames{{
    {CodecId::H264, "H264"},
    {CodecId::H265, "H265"},
    {CodecId::AAC, "mpeg4-generic"},
    {CodecId::G711A, "PCMA"},
    {CodecId::G711U, "PCMU"},
    {CodecId::Opus, "opus"},
    {CodecId::VP8, "VP8"},
    {CodecId::MP3, "MP3"},
}};
}  // namespace

std::string_view codecName(CodecId codec) {
    for (const auto& [id, name] : kNames) {
        if (id == codec) {
            return name;
        }
    }
    return {};
}

TrackType codecTrackType(CodecId codec) {
    return codec == CodecId::H264 || codec == CodecId::H265 || codec == CodecId::VP8
               ? TrackType::Video
               : TrackType::Audio;
}

std::optional<CodecId> codecFromName(std::string_view name) {
    for (const auto& [id, known] : kNames) {
        if (known == name) {
            return id;
        }
    }
    return std::nullopt;
}

void TrackStats::onFrame(std::int64_t dtsMs, bool keyframe) {
    if (m_frames == 0) {
        m_firstDts = dtsMs;
        m_gopStartDts = dtsMs;
    }
    ++m_frames;
    m_lastDts = dtsMs;
    if (keyframe) {
        ++m_keyFrames;
        if (m_keyFrames > 1) {
            m_gopSize = m_framesInGop;
            m_gopIntervalMs = dtsMs - m_gopStartDts;
        }
        m_gopStartDts = dtsMs;
        m_framesInGop = 0;
    }
    ++m_framesInGop;
}

double TrackStats::reportedFps(const TrackInfo& info) const {
    if (info.fps > 1) {
        return std::round(info.fps);
    }
    if (m_gopIntervalMs <= 0) {
        return info.fps;
    }
    return std::round(m_gopSize * 1000.0 / static_cast<double>(m_gopIntervalMs));
}

}  // namespace regie::media
