#pragma once
// ByPass=1: the one input's own H.264 and AAC frames go to the output without decoding or
// encoding (the task's UserData SEI still goes into the pictures). Parameter sets and
// AudioSpecificConfig become the sink's formats (the video's wait for the audio's, which a push
// needs first), pictures are rewritten from AVCC to Annex B, and timestamps are moved onto the
// task's clock whenever the input (re)starts.

#include <chrono>
#include <cstdint>
#include <optional>
#include <vector>

#include "av/encoders.h"
#include "core/log.h"
#include "media/frame.h"
#include "service/mix/mix_sei.h"
#include "service/mix/mix_sink.h"

namespace regie::service::mix {

class BypassForwarder {
public:
    using Clock = std::chrono::steady_clock;

    BypassForwarder(MixSink& sink, MixSei& sei, Clock::time_point started, core::Logger& log);

    void forward(const media::Frame& frame);
    // Whether a frame came within `fresh` (the task's idle stop).
    bool alive(Clock::time_point now, Clock::duration fresh) const;

private:
    void videoConfig(const media::Frame& frame);
    void audioConfig(const media::Frame& frame);
    void sendVideoConfig();
    std::int64_t taskMs(const media::Frame& frame);

    MixSink& m_sink;
    MixSei& m_sei;
    Clock::time_point m_started;
    core::Logger& m_log;
    Clock::time_point m_lastFrame{};
    std::optional<std::int64_t> m_offsetMs;  // task ms - input ms
    std::uint32_t m_lastInputDts = 0;

    std::vector<std::uint8_t> m_parameterSets;  // Annex B SPS and PPS
    av::VideoEncoderParams m_videoParams;
    int m_nalLengthSize = 4;
    bool m_videoConfigPending = false;
    bool m_audioConfigured = false;
    bool m_waitKeyframe = true;
    bool m_reportedCodec = false;
};

}  // namespace regie::service::mix
