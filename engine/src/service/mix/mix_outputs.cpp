#include "service/mix/mix_outputs.h"

#include <cstring>

namespace regie::service::mix {

namespace {

bool sameAudio(const MixOutputSpec& a, const MixOutputSpec& b) {
    return a.audioCodec == b.audioCodec && a.channels == b.channels &&
           a.audioBitrate == b.audioBitrate;
}

const std::string& nameOf(const MixOutputSpec& spec) {
    return spec.streamUrl.empty() ? spec.streamId : spec.streamUrl;
}

}  // namespace

MixOutputs::MixOutputs(std::vector<MixOutputSpec> specs, core::Logger& log) : m_log(log) {
    for (auto& spec : specs) {
        Output out;
        out.spec = std::move(spec);
        out.sei = MixSei(out.spec.videoCodec);
        m_outputs.push_back(std::move(out));
    }
}

void MixOutputs::attach(std::vector<std::unique_ptr<MixSink>> sinks) {
    for (std::size_t i = 0; i < m_outputs.size(); ++i) {
        m_outputs[i].sink = std::move(sinks.at(i));
    }
}

bool MixOutputs::openAudio(int sampleRate) {
    m_mixRate = sampleRate;
    for (std::size_t i = 0; i < m_outputs.size(); ++i) {
        const MixOutputSpec& spec = m_outputs[i].spec;
        auto shared = std::find_if(m_audio.begin(), m_audio.end(), [&](const AudioGroup& g) {
            return sameAudio(m_outputs[g.outputs.front()].spec, spec);
        });
        if (shared == m_audio.end()) {
            AudioGroup group;
            auto opened = av::AudioEncoder::open(spec.audioCodec, sampleRate, spec.channels,
                                                 spec.audioBitrate);
            if (!opened) {
                m_log.error("mix.audio_encoder_failed",
                            {{"stream", nameOf(spec)}, {"error", opened.error().message}});
                continue;
            }
            group.encoder = std::move(opened.value());
            group.queue = std::make_unique<av::AudioQueue>(group.encoder->sampleRate(),
                                                           group.encoder->channels());
            AVFrame& f = *group.frame;
            f.format = AV_SAMPLE_FMT_FLTP;
            f.sample_rate = group.encoder->sampleRate();
            av_channel_layout_default(&f.ch_layout, group.encoder->channels());
            f.nb_samples = group.encoder->frameSize();
            if (av_frame_get_buffer(&f, 0) < 0) {
                continue;
            }
            m_audio.push_back(std::move(group));
            shared = std::prev(m_audio.end());
        }
        const av::AudioEncoder& encoder = *shared->encoder;
        if (auto configured = m_outputs[i].sink->audioConfig(
                encoder.codec(), encoder.sampleRate(), encoder.channels(), encoder.extradata());
            !configured) {
            m_log.error("mix.audio_encoder_failed",
                        {{"stream", nameOf(spec)}, {"error", configured.error().message}});
            continue;
        }
        shared->outputs.push_back(i);
    }
    std::erase_if(m_audio, [](const AudioGroup& g) { return g.outputs.empty(); });
    return !m_audio.empty();
}

void MixOutputs::update(const std::vector<MixOutputSpec>& specs) {
    for (std::size_t i = 0; i < m_outputs.size() && i < specs.size(); ++i) {
        m_outputs[i].spec = specs[i];
    }
}

bool MixOutputs::openVideo(Output& out, std::int64_t index) {
    const MixOutputSpec& spec = out.spec;
    av::VideoEncoderParams params{spec.videoCodec,   spec.width,      spec.height,      spec.fps,
                                  spec.videoBitrate, spec.gopSeconds, spec.lowBitrateHd};
    if (out.encoder && out.encoder->params() == params) {
        return true;
    }
    // A new size or bitrate: a new encoder, so a new GOP with its own parameter sets.
    auto opened = av::VideoEncoder::open(params);
    core::Status configured =
        opened ? out.sink->videoConfig(params, opened.value()->extradata(), index * 1000 / spec.fps)
               : core::Status(opened.error());
    if (!configured) {
        if (!out.failed) {
            m_log.error("mix.video_encoder_failed",
                        {{"stream", nameOf(spec)}, {"error", configured.error().message}});
        }
        out.failed = true;
        out.encoder.reset();
        return false;
    }
    out.failed = false;
    out.encoder = std::move(opened.value());
    return true;
}

void MixOutputs::setUserData(const std::vector<std::uint8_t>& data, bool everyFrame) {
    for (Output& out : m_outputs) {
        out.sei.setUserData(data, everyFrame);
    }
}

void MixOutputs::video(AVFrame& canvas, av::Yuv background, std::int64_t index,
                       std::span<const InputLevel> levels) {
    for (std::size_t i = 0; i < m_outputs.size(); ++i) {
        Output& out = m_outputs[i];
        if (out.spec.audioOnly() || !openVideo(out, index)) {
            continue;
        }
        AVFrame* picture = &canvas;
        if (i > 0) {
            const av::Placement whole{av::Rect{0, 0, out.spec.width, out.spec.height}};
            auto scaled = out.scaled.begin(out.spec.width, out.spec.height, background);
            if (scaled) {
                scaled = out.scaled.draw(0, canvas, whole);
            }
            if (!scaled) {
                m_log.debug("mix.scale_failed", {{"error", scaled.error().message}});
                continue;
            }
            picture = &out.scaled.canvas();
        }
        auto encoded = out.encoder->encode(
            *picture, index, [&](const av::EncodedPacket& p) { sendVideo(out, p, levels); });
        if (!encoded) {
            m_log.warn("mix.encode_failed", {{"error", encoded.error().message}});
        }
    }
}

// Every encoded picture of every output passes here.
void MixOutputs::sendVideo(Output& out, const av::EncodedPacket& packet,
                           std::span<const InputLevel> levels) {
    report(out.sink->video(out.sei.stamp(packet, levels)));
}

void MixOutputs::audio(const AVFrame& mixed, std::int64_t firstSample) {
    for (AudioGroup& group : m_audio) {
        // After the mix skipped ahead, this encoder's timeline skips with it.
        const std::int64_t due = av_rescale(firstSample, group.encoder->sampleRate(), m_mixRate) -
                                 group.queue->available();
        if (due > group.samples + group.encoder->frameSize()) {
            group.samples = due;
        }
        if (auto pushed = group.queue->push(mixed); !pushed) {
            m_log.warn("mix.encode_failed", {{"error", pushed.error().message}});
            continue;
        }
        encodeAudio(group);
    }
}

void MixOutputs::encodeAudio(AudioGroup& group) {
    AVFrame& frame = *group.frame;
    const int samples = group.encoder->frameSize();
    while (group.queue->available() >= samples) {
        if (av_frame_make_writable(&frame) < 0) {
            return;
        }
        auto** planes = reinterpret_cast<float**>(frame.extended_data);
        for (int c = 0; c < group.encoder->channels(); ++c) {
            std::memset(planes[c], 0, sizeof(float) * static_cast<std::size_t>(samples));
        }
        group.queue->mixInto(planes, samples, 1.0f);
        auto encoded = group.encoder->encode(frame, group.samples, [&](const av::EncodedPacket& p) {
            for (std::size_t i : group.outputs) {
                report(m_outputs[i].sink->audio(p));
            }
        });
        if (!encoded) {
            m_log.warn("mix.encode_failed", {{"error", encoded.error().message}});
        }
        group.samples += samples;
    }
}

void MixOutputs::report(const core::Status& sent) {
    if (!sent) {
        m_log.debug("mix.output_failed", {{"error", sent.error().message}});
    }
}

}  // namespace regie::service::mix
