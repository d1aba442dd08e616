#include "ffmpeg_pull.h"

#include <QCoreApplication>
#include <QUrl>
#include <memory>
#include <vector>

#include "audio_peak_meter.h"
#include "flv_stream_decoder.h"
#include "video_frame_converter.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/error.h>
}

namespace {

struct FormatCloser {
    void operator()(AVFormatContext* c) const { avformat_close_input(&c); }
};
struct IoCloser {
    void operator()(AVIOContext* c) const { avio_closep(&c); }
};
struct CodecCloser {
    void operator()(AVCodecContext* c) const { avcodec_free_context(&c); }
};
struct PacketFree {
    void operator()(AVPacket* p) const { av_packet_free(&p); }
};
struct FrameFree {
    void operator()(AVFrame* f) const { av_frame_free(&f); }
};
using CodecPtr = std::unique_ptr<AVCodecContext, CodecCloser>;

// Enough to read the FLV sequence headers and the first pictures of the engine's GOP cache.
constexpr int64_t kProbeBytes = int64_t{512} * 1024;
constexpr int64_t kAnalyzeMicros = int64_t{500} * 1000;
// An HTTP-FLV stream that has gone this long (stream time) without a track the preview can
// decode has none.
constexpr int64_t kFlvProbeMs = 3000;
constexpr int kFlvReadBytes = 64 * 1024;

bool isHttpFlv(const QByteArray& url) {
    const QUrl parsed(QString::fromUtf8(url));
    return (parsed.scheme() == u"http" || parsed.scheme() == u"https") &&
           parsed.path().endsWith(u".flv");
}

QString noDecodableTrack() {
    return QCoreApplication::translate("FfmpegPull",
                                       "The stream has no audio or video this preview can decode.");
}

QString streamEnded() {
    return QCoreApplication::translate("FfmpegPull", "The stream ended.");
}

// Hands decoded pictures and sound to the sink: pictures converted for Qt, sound as peaks
// (and samples, for the speakers).
class Presenter {
public:
    Presenter(const FfmpegPull::Sink& sink, int maxHeight) : m_sink(sink), m_converter(maxHeight) {}

    void picture(const AVFrame& picture) {
        QVideoFrame converted = m_converter.convert(picture);
        if (converted.isValid()) {
            m_sink.frame(converted);
        }
    }
    void sound(const AVFrame& samples) {
        const QList<float> peaks = m_meter.peaks(samples);
        if (!peaks.isEmpty()) {
            m_sink.levels(peaks);
            if (m_sink.pcm) {
                m_sink.pcm(m_meter.samples(), m_meter.sampleRate(), m_meter.channels());
            }
        }
    }

private:
    const FfmpegPull::Sink& m_sink;
    VideoFrameConverter m_converter;
    AudioPeakMeter m_meter;
};

CodecPtr openDecoder(const AVStream* stream) {
    const AVCodec* codec = avcodec_find_decoder(stream->codecpar->codec_id);
    if (!codec) {
        return {};
    }
    CodecPtr context(avcodec_alloc_context3(codec));
    if (!context || avcodec_parameters_to_context(context.get(), stream->codecpar) < 0) {
        return {};
    }
    // Slice threads and low-delay output: a picture leaves the decoder as soon as it is whole.
    context->flags |= AV_CODEC_FLAG_LOW_DELAY;
    context->thread_count = 2;
    context->thread_type = FF_THREAD_SLICE;
    if (avcodec_open2(context.get(), codec, nullptr) < 0) {
        return {};
    }
    return context;
}

// Sends one packet and hands every frame it completes to `take`. A packet the decoder rejects
// is skipped: a live preview recovers at the next keyframe.
template <typename Take>
void decode(AVCodecContext* codec, const AVPacket* packet, AVFrame* frame, Take take) {
    if (avcodec_send_packet(codec, packet) < 0) {
        return;
    }
    while (avcodec_receive_frame(codec, frame) == 0) {
        take(*frame);
        av_frame_unref(frame);
    }
}

}  // namespace

int FfmpegPull::interrupted(void* self) {
    const auto* pull = static_cast<const FfmpegPull*>(self);
    return pull->m_stop.load() || std::chrono::steady_clock::now() > pull->m_deadline ? 1 : 0;
}

void FfmpegPull::armDeadline(std::chrono::milliseconds timeout) {
    m_armed = timeout;
    m_deadline = std::chrono::steady_clock::now() + timeout;
}

QString FfmpegPull::describe(int code) const {
    if (!m_stop.load() && std::chrono::steady_clock::now() > m_deadline) {
        return QCoreApplication::translate("FfmpegPull", "No answer within %1 ms.")
            .arg(m_armed.count());
    }
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return QString::fromUtf8(text);
}

QString FfmpegPull::run(const QByteArray& url, const Sink& sink) {
    return isHttpFlv(url) ? runHttpFlv(url, sink) : runDemuxer(url, sink);
}

QString FfmpegPull::runHttpFlv(const QByteArray& url, const Sink& sink) {
    AVIOInterruptCB interrupt{&FfmpegPull::interrupted, this};
    AVDictionary* options = nullptr;
    av_dict_set_int(&options, "rw_timeout",
                    std::chrono::microseconds(m_settings.readTimeout).count(), 0);
    armDeadline(m_settings.openTimeout);
    AVIOContext* raw = nullptr;
    int rc = avio_open2(&raw, url.constData(), AVIO_FLAG_READ, &interrupt, &options);
    av_dict_free(&options);
    if (rc < 0) {
        return describe(rc);
    }
    std::unique_ptr<AVIOContext, IoCloser> io(raw);
    Presenter presenter(sink, m_settings.maxHeight);
    bool opened = false;
    auto open = [&] {
        if (!opened) {
            opened = true;
            sink.opened();
        }
    };
    FlvStreamDecoder decoder(
        [&](AVFrame& picture) {
            open();
            presenter.picture(picture);
        },
        [&](AVFrame& samples) {
            open();
            presenter.sound(samples);
        });
    std::vector<std::uint8_t> buffer(kFlvReadBytes);
    while (!m_stop.load()) {
        armDeadline(m_settings.readTimeout);
        rc = avio_read_partial(io.get(), buffer.data(), kFlvReadBytes);
        if (rc < 0) {
            return rc == AVERROR_EOF ? streamEnded() : describe(rc);
        }
        if (!decoder.feed({buffer.data(), static_cast<std::size_t>(rc)})) {
            return QCoreApplication::translate("FfmpegPull", "The stream is not FLV.");
        }
        if (decoder.decoding()) {
            open();
        } else if (decoder.spanMs() > kFlvProbeMs) {
            return noDecodableTrack();
        }
    }
    return {};
}

QString FfmpegPull::runDemuxer(const QByteArray& url, const Sink& sink) {
    AVFormatContext* raw = avformat_alloc_context();
    if (!raw) {
        return QCoreApplication::translate("FfmpegPull", "Out of memory.");
    }
    raw->interrupt_callback = {&FfmpegPull::interrupted, this};
    raw->flags |= AVFMT_FLAG_NOBUFFER | AVFMT_FLAG_DISCARD_CORRUPT;
    raw->probesize = kProbeBytes;
    raw->max_analyze_duration = kAnalyzeMicros;
    AVDictionary* options = nullptr;
    av_dict_set_int(&options, "rw_timeout",
                    std::chrono::microseconds(m_settings.readTimeout).count(), 0);
    armDeadline(m_settings.openTimeout);
    int rc = avformat_open_input(&raw, url.constData(), nullptr, &options);
    av_dict_free(&options);
    if (rc < 0) {
        return describe(rc);  // avformat_open_input freed the context
    }
    std::unique_ptr<AVFormatContext, FormatCloser> format(raw);
    if ((rc = avformat_find_stream_info(format.get(), nullptr)) < 0) {
        return describe(rc);
    }
    const int videoIndex =
        av_find_best_stream(format.get(), AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    const int audioIndex =
        av_find_best_stream(format.get(), AVMEDIA_TYPE_AUDIO, -1, -1, nullptr, 0);
    CodecPtr video = videoIndex >= 0 ? openDecoder(format->streams[videoIndex]) : CodecPtr();
    CodecPtr audio = audioIndex >= 0 ? openDecoder(format->streams[audioIndex]) : CodecPtr();
    if (!video && !audio) {
        return noDecodableTrack();
    }
    sink.opened();

    Presenter presenter(sink, m_settings.maxHeight);
    std::unique_ptr<AVPacket, PacketFree> packet(av_packet_alloc());
    std::unique_ptr<AVFrame, FrameFree> frame(av_frame_alloc());
    while (!m_stop.load()) {
        armDeadline(m_settings.readTimeout);
        if ((rc = av_read_frame(format.get(), packet.get())) < 0) {
            return rc == AVERROR_EOF ? streamEnded() : describe(rc);
        }
        if (video && packet->stream_index == videoIndex) {
            decode(video.get(), packet.get(), frame.get(),
                   [&](const AVFrame& picture) { presenter.picture(picture); });
        } else if (audio && packet->stream_index == audioIndex) {
            decode(audio.get(), packet.get(), frame.get(),
                   [&](const AVFrame& samples) { presenter.sound(samples); });
        }
        av_packet_unref(packet.get());
    }
    return {};
}
