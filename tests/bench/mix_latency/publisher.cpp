#include "publisher.h"

extern "C" {
#include <libavutil/opt.h>
}

#include "frame_code.h"

namespace regie::mix_latency {

namespace {

core::Error failure(const std::string& what, int code) {
    return core::Error{what + ": " + av::errorText(code)};
}

}  // namespace

core::Result<std::unique_ptr<Publisher>> Publisher::open(const PublishParams& params) {
    std::unique_ptr<Publisher> publisher(new Publisher(params));
    if (auto status = publisher->start(); !status) {
        return status.error();
    }
    return publisher;
}

Publisher::Publisher(const PublishParams& params)
    : m_params(params), m_frame(av::allocFrame()), m_packet(av::allocPacket()) {}

Publisher::~Publisher() {
    if (m_output == nullptr) {
        return;
    }
    if (m_headerWritten) {
        av_write_trailer(m_output);
    }
    if (m_output->pb != nullptr) {
        avio_closep(&m_output->pb);
    }
    avformat_free_context(m_output);
}

int Publisher::interrupted(void* self) {
    const auto* publisher = static_cast<Publisher*>(self);
    return std::chrono::steady_clock::now() >= publisher->m_params.deadline ? 1 : 0;
}

core::Status Publisher::start() {
    const AVCodec* codec = avcodec_find_encoder_by_name("libx264");
    if (codec == nullptr) {
        return core::Error{"no libx264 encoder in this FFmpeg"};
    }
    m_encoder.reset(avcodec_alloc_context3(codec));
    if (!m_encoder) {
        return core::Error{"cannot allocate the encoder"};
    }
    AVCodecContext& e = *m_encoder;
    e.width = m_params.width;
    e.height = m_params.height;
    e.pix_fmt = AV_PIX_FMT_YUV420P;
    e.time_base = AVRational{1, m_params.fps};
    e.framerate = AVRational{m_params.fps, 1};
    e.gop_size = m_params.fps;  // a keyframe a second: the mix picks the input up quickly
    e.max_b_frames = 0;
    e.bit_rate = m_params.bitrate;
    e.flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    av_opt_set(e.priv_data, "preset", "veryfast", 0);
    av_opt_set(e.priv_data, "tune", "zerolatency", 0);
    if (int rc = avcodec_open2(&e, codec, nullptr); rc < 0) {
        return failure("libx264", rc);
    }

    if (int rc = avformat_alloc_output_context2(&m_output, nullptr, "flv", m_params.url.c_str());
        rc < 0) {
        return failure("flv muxer", rc);
    }
    m_output->interrupt_callback = AVIOInterruptCB{&Publisher::interrupted, this};
    m_stream = avformat_new_stream(m_output, nullptr);
    if (m_stream == nullptr) {
        return core::Error{"cannot add the video stream"};
    }
    if (int rc = avcodec_parameters_from_context(m_stream->codecpar, &e); rc < 0) {
        return failure("stream parameters", rc);
    }
    m_stream->time_base = AVRational{1, 1000};
    // Nagle's algorithm would hold a small frame back until the previous one is acknowledged.
    AVDictionary* options = nullptr;
    av_dict_set(&options, "tcp_nodelay", "1", 0);
    const int opened = avio_open2(&m_output->pb, m_params.url.c_str(), AVIO_FLAG_WRITE,
                                  &m_output->interrupt_callback, &options);
    av_dict_free(&options);
    if (opened < 0) {
        return failure("connect " + m_params.url, opened);
    }
    if (int rc = avformat_write_header(m_output, nullptr); rc < 0) {
        return failure("publish " + m_params.url, rc);
    }
    m_headerWritten = true;

    m_frame->format = AV_PIX_FMT_YUV420P;
    m_frame->width = m_params.width;
    m_frame->height = m_params.height;
    if (int rc = av_frame_get_buffer(m_frame.get(), 0); rc < 0) {
        return failure("frame buffer", rc);
    }
    return core::okStatus();
}

core::Status Publisher::send(std::uint32_t counter) {
    if (int rc = av_frame_make_writable(m_frame.get()); rc < 0) {
        return failure("frame buffer", rc);
    }
    drawCode(*m_frame, counter);
    m_frame->pts = counter;
    if (int rc = avcodec_send_frame(m_encoder.get(), m_frame.get()); rc < 0) {
        return failure("encode", rc);
    }
    for (;;) {
        const int rc = avcodec_receive_packet(m_encoder.get(), m_packet.get());
        if (rc == AVERROR(EAGAIN)) {
            break;
        }
        if (rc < 0) {
            return failure("encode", rc);
        }
        av_packet_rescale_ts(m_packet.get(), m_encoder->time_base, m_stream->time_base);
        m_packet->stream_index = m_stream->index;
        if (int wrc = av_write_frame(m_output, m_packet.get()); wrc < 0) {
            return failure("write", wrc);
        }
    }
    avio_flush(m_output->pb);
    if (m_output->pb->error < 0) {
        return failure("write", m_output->pb->error);
    }
    return core::okStatus();
}

}  // namespace regie::mix_latency
