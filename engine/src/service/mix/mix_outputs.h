#pragma once
// The outputs of a mix task (mix.md: the largest first; the others are scaled and cropped from
// it; all follow its frame rate). The canvas is composed once at the first output's size; each
// further output gets it scaled, cropped to keep its own aspect. Every output has its own video
// encoder and sink; outputs whose audio settings match share one audio encoder. Used on the
// task's thread only.

#include <cstdint>
#include <memory>
#include <vector>

#include "av/audio_queue.h"
#include "av/compositor.h"
#include "av/encoders.h"
#include "core/log.h"
#include "service/mix/mix_layout.h"
#include "service/mix/mix_sei.h"
#include "service/mix/mix_sink.h"

namespace regie::service::mix {

class MixOutputs {
public:
    // `specs`: the first output, then the further ones.
    MixOutputs(std::vector<MixOutputSpec> specs, core::Logger& log);

    // Where the outputs go, parallel to the specs; before anything else is sent.
    void attach(std::vector<std::unique_ptr<MixSink>> sinks);

    // Opens one audio encoder per distinct audio format; the mixed sound comes as planar float
    // at `sampleRate`. False when no output got an audio encoder.
    bool openAudio(int sampleRate);
    // The dynamic settings of the same outputs (same order): sizes and video bitrates.
    void update(const std::vector<MixOutputSpec>& specs);

    // The UserData every output's pictures carry as SEI (mix_sei.h).
    void setUserData(const std::vector<std::uint8_t>& data, bool everyFrame);
    // The composed canvas (the first output's size) as frame `index` of every output with video;
    // `levels`: the inputs' sound levels for the SEI (empty without SoundLevel).
    void video(AVFrame& canvas, av::Yuv background, std::int64_t index,
               std::span<const InputLevel> levels);
    // `mixed` starts at sample `firstSample` of the mix's timeline.
    void audio(const AVFrame& mixed, std::int64_t firstSample);

    // ByPass: the first (and only) output's sink and SEI, which the forwarder writes to.
    MixSink& firstSink() { return *m_outputs.front().sink; }
    MixSei& firstSei() { return m_outputs.front().sei; }

private:
    struct Output {
        MixOutputSpec spec;
        std::unique_ptr<MixSink> sink;
        MixSei sei;
        std::unique_ptr<av::VideoEncoder> encoder;
        av::Compositor scaled;  // further outputs: the canvas at this output's size
        bool failed = false;    // the last encoder open failed (logged once)
    };
    struct AudioGroup {
        std::unique_ptr<av::AudioEncoder> encoder;
        std::unique_ptr<av::AudioQueue> queue;  // the mix converted to the encoder's format
        av::FramePtr frame = av::allocFrame();
        std::int64_t samples = 0;  // encoder's timeline
        std::vector<std::size_t> outputs;
    };

    bool openVideo(Output& out, std::int64_t index);
    void encodeAudio(AudioGroup& group);
    void sendVideo(Output& out, const av::EncodedPacket& packet,
                   std::span<const InputLevel> levels);
    void report(const core::Status& sent);

    std::vector<Output> m_outputs;
    std::vector<AudioGroup> m_audio;
    int m_mixRate = 0;
    core::Logger& m_log;
};

}  // namespace regie::service::mix
