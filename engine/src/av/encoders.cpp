#include "av/encoders.h"

#include <string>

extern "C" {
#include <libavutil/opt.h>
}

namespace regie::av {

namespace {

core::Status drain(AVCodecContext& context, AVPacket& packet, const PacketOutput& output,
                   std::int64_t unitsPerSecond, std::int64_t offset) {
    for (;;) {
        int rc = avcodec_receive_packet(&context, &packet);
        if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF) {
            return core::okStatus();
        }
        if (rc < 0) {
            return core::Error{"encoding failed: " + errorText(rc)};
        }
        EncodedPacket out;
        out.data = {packet.data, static_cast<std::size_t>(packet.size)};
        out.dtsMs = (packet.dts + offset) * 1000 / unitsPerSecond;
        out.ptsMs = (packet.pts + offset) * 1000 / unitsPerSecond;
        out.keyframe = (packet.flags & AV_PKT_FLAG_KEY) != 0;
        output(out);
        av_packet_unref(&packet);
    }
}

constexpr int kOpusSampleRate = 48000;  // mix.md: AudioCodec 3 is Opus at 48 kHz

// LowBitrateHD: a low bitrate hurts flat and dark areas first (banding, blocks). aq-mode=3
// (variance AQ biased to dark scenes) moves bits into those blocks; stronger deblocking (1:1)
// hides the block edges a starved quantiser leaves; rd=3 (veryfast uses 2) chooses modes with
// more care. All three cost little CPU next to a slower preset, which a live mix cannot afford.
constexpr const char* kLowBitrateX265 = "log-level=error:aq-mode=3:deblock=1,1:rd=3";

std::span<const std::uint8_t> extradataOf(const AVCodecContext& context) {
    return {context.extradata, static_cast<std::size_t>(std::max(context.extradata_size, 0))};
}

}  // namespace

media::CodecId codecId(VideoCodec codec) {
    switch (codec) {
        case VideoCodec::h265:
            return media::CodecId::H265;
        case VideoCodec::vp8:
            return media::CodecId::VP8;
        case VideoCodec::h264:
            break;
    }
    return media::CodecId::H264;
}

media::CodecId codecId(AudioCodec codec) {
    switch (codec) {
        case AudioCodec::mp3:
            return media::CodecId::MP3;
        case AudioCodec::opus:
            return media::CodecId::Opus;
        case AudioCodec::aacLc:
            break;
    }
    return media::CodecId::AAC;
}

namespace {

const char* encoderName(VideoCodec codec) {
    switch (codec) {
        case VideoCodec::h265:
            return "libx265";
        case VideoCodec::vp8:
            return "libvpx";
        case VideoCodec::h264:
            break;
    }
    return "libx264";
}

const char* encoderName(AudioCodec codec) {
    switch (codec) {
        case AudioCodec::mp3:
            return "libmp3lame";
        case AudioCodec::opus:
            return "libopus";
        case AudioCodec::aacLc:
            break;
    }
    return "aac";
}

// Each encoder's options for a live output with the least delay it allows.
void setLiveOptions(AVCodecContext& context, const VideoEncoderParams& params) {
    if (params.codec == VideoCodec::vp8) {
        // realtime with cpu-used 8: libvpx's fastest mode; lag 0: a frame in, its packet out.
        av_opt_set(context.priv_data, "deadline", "realtime", 0);
        av_opt_set_int(context.priv_data, "cpu-used", 8, 0);
        av_opt_set_int(context.priv_data, "lag-in-frames", 0, 0);
        av_opt_set_int(context.priv_data, "auto-alt-ref", 0, 0);
        return;
    }
    av_opt_set(context.priv_data, "preset", "veryfast", 0);
    av_opt_set(context.priv_data, "tune", "zerolatency", 0);
    if (params.codec == VideoCodec::h265) {
        av_opt_set(context.priv_data, "x265-params",
                   params.lowBitrate ? kLowBitrateX265 : "log-level=error", 0);  // no banner
    }
}

void interleave(const AVFrame& planar, AVFrame& packed) {
    const int channels = planar.ch_layout.nb_channels;
    const auto* const* in = reinterpret_cast<const float* const*>(planar.extended_data);
    auto* out = reinterpret_cast<float*>(packed.data[0]);
    for (int i = 0; i < planar.nb_samples; ++i) {
        for (int c = 0; c < channels; ++c) {
            *out++ = in[c][i];
        }
    }
}

}  // namespace

VideoEncoder::VideoEncoder(CodecContextPtr context, VideoEncoderParams params)
    : m_context(std::move(context)), m_params(params) {}

core::Result<std::unique_ptr<VideoEncoder>> VideoEncoder::open(const VideoEncoderParams& params) {
    const std::string name = encoderName(params.codec);
    const AVCodec* codec = avcodec_find_encoder_by_name(name.c_str());
    if (codec == nullptr) {
        return core::Error{"libavcodec has no " + name + " encoder"};
    }
    CodecContextPtr context(avcodec_alloc_context3(codec));
    if (!context) {
        return core::Error{"could not allocate the video encoder"};
    }
    context->width = params.width;
    context->height = params.height;
    context->pix_fmt = AV_PIX_FMT_YUV420P;
    context->time_base = AVRational{1, params.fps};
    context->framerate = AVRational{params.fps, 1};
    context->gop_size = params.fps * params.gopSeconds;
    context->max_b_frames = 0;
    context->bit_rate = params.bitrate;
    // A live output: the bitrate is a ceiling over about one second, not only an average.
    context->rc_max_rate = params.bitrate;
    context->rc_buffer_size = static_cast<int>(std::min<std::int64_t>(params.bitrate, INT32_MAX));
    context->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    setLiveOptions(*context, params);
    if (int rc = avcodec_open2(context.get(), codec, nullptr); rc < 0) {
        return core::Error{"could not open " + name + ": " + errorText(rc)};
    }
    return std::unique_ptr<VideoEncoder>(new VideoEncoder(std::move(context), params));
}

std::span<const std::uint8_t> VideoEncoder::extradata() const {
    return extradataOf(*m_context);
}

core::Status VideoEncoder::encode(AVFrame& frame, std::int64_t index, const PacketOutput& output) {
    frame.pts = index;
    frame.pict_type = AV_PICTURE_TYPE_NONE;
    if (int rc = avcodec_send_frame(m_context.get(), &frame); rc < 0) {
        return core::Error{"video encoder refused a frame: " + errorText(rc)};
    }
    return drain(*m_context, *m_packet, output, m_params.fps, 0);
}

AudioEncoder::AudioEncoder(AudioCodec codec, CodecContextPtr context, FramePtr interleaved)
    : m_codec(codec), m_context(std::move(context)), m_interleaved(std::move(interleaved)) {}

core::Result<std::unique_ptr<AudioEncoder>> AudioEncoder::open(AudioCodec which, int sampleRate,
                                                               int channels, std::int64_t bitrate) {
    const std::string name = encoderName(which);
    const AVCodec* codec = avcodec_find_encoder_by_name(name.c_str());
    if (codec == nullptr) {
        return core::Error{"libavcodec has no " + name + " encoder"};
    }
    CodecContextPtr context(avcodec_alloc_context3(codec));
    if (!context) {
        return core::Error{"could not allocate the audio encoder"};
    }
    const bool opus = which == AudioCodec::opus;
    if (opus) {
        sampleRate = kOpusSampleRate;
    }
    context->sample_fmt = opus ? AV_SAMPLE_FMT_FLT : AV_SAMPLE_FMT_FLTP;
    context->sample_rate = sampleRate;
    av_channel_layout_default(&context->ch_layout, channels);
    context->bit_rate = bitrate;
    context->time_base = AVRational{1, sampleRate};
    if (which == AudioCodec::aacLc) {
        context->profile = FF_PROFILE_AAC_LOW;
    }
    if (which != AudioCodec::mp3) {
        context->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    }
    if (int rc = avcodec_open2(context.get(), codec, nullptr); rc < 0) {
        return core::Error{"could not open " + name + ": " + errorText(rc)};
    }
    FramePtr interleaved;
    if (opus) {
        interleaved = allocFrame();
        interleaved->format = AV_SAMPLE_FMT_FLT;
        interleaved->sample_rate = sampleRate;
        av_channel_layout_copy(&interleaved->ch_layout, &context->ch_layout);
        interleaved->nb_samples = context->frame_size;
        if (av_frame_get_buffer(interleaved.get(), 0) < 0) {
            return core::Error{"could not allocate the Opus input frame"};
        }
    }
    return std::unique_ptr<AudioEncoder>(
        new AudioEncoder(which, std::move(context), std::move(interleaved)));
}

std::span<const std::uint8_t> AudioEncoder::extradata() const {
    return extradataOf(*m_context);
}

core::Status AudioEncoder::encode(AVFrame& frame, std::int64_t firstSample,
                                  const PacketOutput& output) {
    AVFrame* input = &frame;
    if (m_interleaved) {
        if (frame.nb_samples > m_context->frame_size) {
            return core::Error{"an Opus frame holds at most frameSize() samples"};
        }
        if (av_frame_make_writable(m_interleaved.get()) < 0) {
            return core::Error{"could not reuse the Opus input frame"};
        }
        interleave(frame, *m_interleaved);
        m_interleaved->nb_samples = frame.nb_samples;
        input = m_interleaved.get();
    }
    input->pts = firstSample;
    if (int rc = avcodec_send_frame(m_context.get(), input); rc < 0) {
        return core::Error{"audio encoder refused a frame: " + errorText(rc)};
    }
    // The encoder's priming delay shifts its packets before zero; the output starts at zero.
    return drain(*m_context, *m_packet, output, m_context->sample_rate, m_context->initial_padding);
}

}  // namespace regie::av
