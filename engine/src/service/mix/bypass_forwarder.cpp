#include "service/mix/bypass_forwarder.h"

#include <cmath>

#include "media/codec/aac.h"
#include "media/codec/h264.h"
#include "media/codec/nalu.h"

namespace regie::service::mix {

namespace {
// An input timestamp this far from the last one is a new publisher or a reset: rebase.
constexpr std::int64_t kJumpMs = 5000;
}  // namespace

BypassForwarder::BypassForwarder(MixSink& sink, MixSei& sei, Clock::time_point started,
                                 core::Logger& log)
    : m_sink(sink), m_sei(sei), m_started(started), m_log(log) {}

bool BypassForwarder::alive(Clock::time_point now, Clock::duration fresh) const {
    return now - m_lastFrame <= fresh;
}

std::int64_t BypassForwarder::taskMs(const media::Frame& frame) {
    const auto now =
        std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - m_started);
    const std::int64_t jump = static_cast<std::int64_t>(frame.dts) - m_lastInputDts;
    if (!m_offsetMs || jump < -kJumpMs || jump > kJumpMs) {
        m_offsetMs = now.count() - static_cast<std::int64_t>(frame.dts);
    }
    m_lastInputDts = frame.dts;
    return static_cast<std::int64_t>(frame.dts) + *m_offsetMs;
}

void BypassForwarder::forward(const media::Frame& frame) {
    if ((frame.kind != media::TrackKind::video && frame.kind != media::TrackKind::audio) ||
        !frame.payload.owner) {
        return;
    }
    if (frame.codec != media::CodecId::H264 && frame.codec != media::CodecId::AAC) {
        if (!m_reportedCodec) {
            m_log.warn("mix.bypass_codec", {{"codec", static_cast<int>(frame.codec)}});
            m_reportedCodec = true;
        }
        return;
    }
    m_lastFrame = Clock::now();
    if (frame.config) {
        frame.kind == media::TrackKind::video ? videoConfig(frame) : audioConfig(frame);
        return;
    }
    const std::int64_t dts = taskMs(frame);
    const std::int64_t pts = dts + (static_cast<std::int64_t>(frame.pts) - frame.dts);
    if (frame.kind == media::TrackKind::audio) {
        if (m_audioConfigured) {
            (void)m_sink.audio({frame.payload.span(), dts, pts, true});
        }
        return;
    }
    if (m_videoConfigPending || m_parameterSets.empty() || (m_waitKeyframe && !frame.keyframe)) {
        return;
    }
    auto annexB = media::lengthPrefixedToAnnexB(frame.payload.span(), m_nalLengthSize);
    if (!annexB) {
        return;
    }
    m_waitKeyframe = false;
    (void)m_sink.video(m_sei.stamp({annexB.value(), dts, pts, frame.keyframe}, {}));
}

void BypassForwarder::videoConfig(const media::Frame& frame) {
    auto config = media::h264::parseAvcConfig(frame.payload.span());
    if (!config || config.value().sps.empty()) {
        return;
    }
    m_nalLengthSize = config.value().nalLengthSize;
    m_parameterSets.clear();
    for (const auto* list : {&config.value().sps, &config.value().pps}) {
        for (const auto& nal : *list) {
            m_parameterSets.insert(m_parameterSets.end(), {0, 0, 0, 1});
            m_parameterSets.insert(m_parameterSets.end(), nal.begin(), nal.end());
        }
    }
    if (auto sps = media::h264::parseSps(config.value().sps.front())) {
        m_videoParams.width = sps.value().width;
        m_videoParams.height = sps.value().height;
        m_videoParams.fps =
            sps.value().fps > 0 ? static_cast<int>(std::lround(sps.value().fps)) : 25;
    }
    m_videoConfigPending = true;
    m_waitKeyframe = true;
    if (m_audioConfigured) {
        sendVideoConfig();
    }
}

void BypassForwarder::audioConfig(const media::Frame& frame) {
    auto asc = media::aac::parseAudioSpecificConfig(frame.payload.span());
    if (!asc) {
        return;
    }
    m_audioConfigured = m_sink
                            .audioConfig(av::AudioCodec::aacLc, asc.value().outputSampleRate(),
                                         asc.value().outputChannels(), frame.payload.span())
                            .ok();
    if (m_audioConfigured && m_videoConfigPending) {
        sendVideoConfig();
    }
}

void BypassForwarder::sendVideoConfig() {
    const auto now =
        std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - m_started);
    m_videoConfigPending = !m_sink.videoConfig(m_videoParams, m_parameterSets, now.count()).ok();
}

}  // namespace regie::service::mix
