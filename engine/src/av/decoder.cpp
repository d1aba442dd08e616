#include "av/decoder.h"

#include <cstring>

namespace regie::av {

namespace {

AVCodecID avCodecId(media::CodecId codec) {
    switch (codec) {
        case media::CodecId::H264:
            return AV_CODEC_ID_H264;
        case media::CodecId::H265:
            return AV_CODEC_ID_HEVC;
        case media::CodecId::AAC:
            return AV_CODEC_ID_AAC;
        case media::CodecId::G711A:
            return AV_CODEC_ID_PCM_ALAW;
        case media::CodecId::G711U:
            return AV_CODEC_ID_PCM_MULAW;
        case media::CodecId::Opus:
            return AV_CODEC_ID_OPUS;
        case media::CodecId::MP3:
            return AV_CODEC_ID_MP3;
        case media::CodecId::VP8:
            return AV_CODEC_ID_VP8;
    }
    return AV_CODEC_ID_NONE;
}

core::Result<CodecContextPtr> openContext(AVCodecID id,
                                          const std::function<bool(AVCodecContext&)>& setup) {
    const AVCodec* codec = avcodec_find_decoder(id);
    if (codec == nullptr) {
        return core::Error{std::string("no decoder for ") + avcodec_get_name(id)};
    }
    CodecContextPtr context(avcodec_alloc_context3(codec));
    if (!context || !setup(*context)) {
        return core::Error{"could not set up the decoder"};
    }
    context->pkt_timebase = AVRational{1, 1000};
    context->thread_count = 1;
    if (int rc = avcodec_open2(context.get(), codec, nullptr); rc < 0) {
        return core::Error{"could not open the decoder: " + errorText(rc)};
    }
    return context;
}

}  // namespace

Decoder::Decoder(CodecContextPtr context) : m_context(std::move(context)) {}

core::Result<std::unique_ptr<Decoder>> Decoder::open(media::CodecId codec,
                                                     std::span<const std::uint8_t> config,
                                                     int channels) {
    auto context = openContext(avCodecId(codec), [&](AVCodecContext& c) {
        if (!config.empty()) {
            c.extradata = static_cast<std::uint8_t*>(
                av_mallocz(config.size() + AV_INPUT_BUFFER_PADDING_SIZE));
            if (c.extradata == nullptr) {
                return false;
            }
            std::memcpy(c.extradata, config.data(), config.size());
            c.extradata_size = static_cast<int>(config.size());
        }
        if (codec == media::CodecId::G711A || codec == media::CodecId::G711U) {
            c.sample_rate = 8000;
            av_channel_layout_default(&c.ch_layout, channels);
        }
        return true;
    });
    if (!context) {
        return context.error();
    }
    return std::unique_ptr<Decoder>(new Decoder(std::move(context.value())));
}

core::Result<std::unique_ptr<Decoder>> Decoder::open(const AVCodecParameters& parameters) {
    auto context = openContext(parameters.codec_id, [&](AVCodecContext& c) {
        return avcodec_parameters_to_context(&c, &parameters) >= 0;
    });
    if (!context) {
        return context.error();
    }
    return std::unique_ptr<Decoder>(new Decoder(std::move(context.value())));
}

void Decoder::decode(std::span<const std::uint8_t> data, std::int64_t ptsMs, const Output& output) {
    // Borrowed bytes: not reference counted, so libavcodec copies what it keeps.
    m_packet->data = const_cast<std::uint8_t*>(data.data());
    m_packet->size = static_cast<int>(data.size());
    m_packet->pts = ptsMs;
    m_packet->dts = ptsMs;
    decode(*m_packet, output);
    m_packet->data = nullptr;
    m_packet->size = 0;
}

void Decoder::decode(AVPacket& packet, const Output& output) {
    if (avcodec_send_packet(m_context.get(), &packet) == AVERROR(EAGAIN)) {
        receive(output);
        avcodec_send_packet(m_context.get(), &packet);
    }
    receive(output);
}

void Decoder::receive(const Output& output) {
    while (avcodec_receive_frame(m_context.get(), m_frame.get()) >= 0) {
        output(*m_frame);
        av_frame_unref(m_frame.get());
    }
}

}  // namespace regie::av
