#pragma once
// Codec identities as the ZLMediaKit API reports them, and the per-track summary behind the
// track objects of getMediaList/getMediaInfo.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace regie::media {

// Values are ZLM's codec_id. MP3 has none in the baseline; 14 is the id later upstream
// releases assign to it ("MP3"), so clients that know it see the same number.
enum class CodecId : int {
    H264 = 0,
    H265 = 1,
    AAC = 2,
    G711A = 3,
    G711U = 4,
    Opus = 5,
    VP8 = 7,
    MP3 = 14,
};

enum class TrackType : int { Video = 0, Audio = 1 };

std::string_view codecName(CodecId codec);  // codec_id_name
TrackType codecTrackType(CodecId codec);    // codec_type
std::optional<CodecId> codecFromName(std::string_view name);

// Parameters known from the codec configuration (SPS, AudioSpecificConfig, ...). Zero means
// "not signalled": fps is 0 when the bitstream carries no timing information.
struct TrackInfo {
    CodecId codec = CodecId::H264;
    int width = 0;
    int height = 0;
    double fps = 0;
    std::string profile;  // "High", "Main 10", "LC", "HE-AAC", ...
    std::string level;    // "3.1", "4", ...
    int bitDepth = 0;     // video luma bit depth
    int sampleRate = 0;   // audio output rate in Hz
    int channels = 0;
    int sampleBit = 0;  // bits per decoded sample, as ZLM reports it (16 for AAC/G.711/Opus/MP3)

    TrackType type() const { return codecTrackType(codec); }
};

// Frame counters for a track's runtime JSON fields (frames, key_frames, gop_size,
// gop_interval_ms, duration). Feed every non-config frame in decode order.
class TrackStats {
public:
    void onFrame(std::int64_t dtsMs, bool keyframe);

    std::uint64_t frames() const { return m_frames; }
    std::uint64_t keyFrames() const { return m_keyFrames; }
    int gopSize() const { return m_gopSize; }
    std::int64_t gopIntervalMs() const { return m_gopIntervalMs; }
    std::int64_t durationMs() const { return m_frames == 0 ? 0 : m_lastDts - m_firstDts; }
    // fps as ZLM reports it: the codec's value rounded, or derived from the last GOP when the
    // codec gives <= 1.
    double reportedFps(const TrackInfo& info) const;

private:
    std::uint64_t m_frames = 0;
    std::uint64_t m_keyFrames = 0;
    std::int64_t m_firstDts = 0;
    std::int64_t m_lastDts = 0;
    std::int64_t m_gopStartDts = 0;
    int m_framesInGop = 0;
    int m_gopSize = 0;
    std::int64_t m_gopIntervalMs = 0;
};

}  // namespace regie::media
