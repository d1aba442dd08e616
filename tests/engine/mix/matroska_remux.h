#pragma once
// An HTTP-FLV capture of Enhanced RTMP VP8 and Opus, remuxed into Matroska with libavformat, so
// that ffprobe and ffmpeg 5.1 (whose FLV demuxer reads neither) can read and decode the very
// frames the engine sent. The FLV side is read with the engine's own tag parser.

#include <QByteArray>
#include <QString>
#include <cstring>
#include <memory>
#include <vector>

#include "media/codec/audio.h"
#include "protocol/flv/flv.h"
#include "protocol/flv/tag_body.h"

extern "C" {
#include <libavformat/avformat.h>
}

namespace regie::test::mix {

struct EnhancedCapture {
    struct Packet {
        bool video = false;
        bool keyframe = false;
        std::int64_t ms = 0;
        QByteArray data;
    };
    std::vector<Packet> packets;  // coded frames, in arrival order
    QByteArray opusHead;
    bool vp8Config = false;  // a 'vp08' sequence start arrived
    int width = 0;           // from the first VP8 key frame
    int height = 0;
};

inline EnhancedCapture readEnhanced(const QByteArray& flv) {
    EnhancedCapture out;
    flv::ByteView all(reinterpret_cast<const std::uint8_t*>(flv.data()),
                      static_cast<std::size_t>(flv.size()));
    for (std::size_t pos = 13; pos < all.size();) {
        auto tag = flv::parseTag(all.subspan(pos));
        if (!tag || !tag.value()) {
            break;
        }
        const flv::Tag& t = *tag.value();
        pos += t.size;
        const bool video = t.header.type == flv::TagType::Video;
        if (!video && t.header.type != flv::TagType::Audio) {
            continue;
        }
        auto frame = video ? flv::parseVideoTag(t.body, t.header.timestamp)
                           : flv::parseAudioTag(t.body, t.header.timestamp);
        if (!frame) {
            continue;
        }
        const flv::Frame& f = frame.value();
        const QByteArray bytes(reinterpret_cast<const char*>(f.payload.data()),
                               static_cast<qsizetype>(f.payload.size()));
        if (f.codec != (video ? media::CodecId::VP8 : media::CodecId::Opus)) {
            continue;
        }
        if (f.isConfig()) {
            if (video) {
                out.vp8Config = true;
            } else {
                out.opusHead = bytes;
            }
            continue;
        }
        if (video && out.width == 0) {
            auto info = flv::trackInfo(f);
            if (!info) {
                continue;  // frames before the first key frame cannot be decoded
            }
            out.width = info.value().width;
            out.height = info.value().height;
        }
        out.packets.push_back({video, f.keyframe, f.dts, bytes});
    }
    return out;
}

// False when libavformat refuses anything; the file is then incomplete.
inline bool writeMatroska(const EnhancedCapture& in, const QString& path) {
    AVFormatContext* raw = nullptr;
    if (avformat_alloc_output_context2(&raw, nullptr, "matroska", path.toUtf8().constData()) < 0) {
        return false;
    }
    std::unique_ptr<AVFormatContext, void (*)(AVFormatContext*)> out(raw, [](AVFormatContext* c) {
        if (c->pb != nullptr) {
            avio_closep(&c->pb);
        }
        avformat_free_context(c);
    });
    AVStream* video = avformat_new_stream(out.get(), nullptr);
    AVStream* audio = avformat_new_stream(out.get(), nullptr);
    auto head = media::opus::parseOpusHead(media::ByteView(
        reinterpret_cast<const std::uint8_t*>(in.opusHead.data()), in.opusHead.size()));
    if (video == nullptr || audio == nullptr || !head || in.width == 0) {
        return false;
    }
    video->time_base = audio->time_base = AVRational{1, 1000};
    video->codecpar->codec_type = AVMEDIA_TYPE_VIDEO;
    video->codecpar->codec_id = AV_CODEC_ID_VP8;
    video->codecpar->width = in.width;
    video->codecpar->height = in.height;
    audio->codecpar->codec_type = AVMEDIA_TYPE_AUDIO;
    audio->codecpar->codec_id = AV_CODEC_ID_OPUS;
    audio->codecpar->sample_rate = 48000;
    av_channel_layout_default(&audio->codecpar->ch_layout, head.value().channels);
    audio->codecpar->extradata = static_cast<std::uint8_t*>(
        av_mallocz(static_cast<std::size_t>(in.opusHead.size()) + AV_INPUT_BUFFER_PADDING_SIZE));
    std::memcpy(audio->codecpar->extradata, in.opusHead.data(),
                static_cast<std::size_t>(in.opusHead.size()));
    audio->codecpar->extradata_size = static_cast<int>(in.opusHead.size());
    if (avio_open(&out->pb, path.toUtf8().constData(), AVIO_FLAG_WRITE) < 0 ||
        avformat_write_header(out.get(), nullptr) < 0) {
        return false;
    }
    AVPacket* packet = av_packet_alloc();
    bool ok = true;
    for (const auto& p : in.packets) {
        AVStream* stream = p.video ? video : audio;
        if (av_new_packet(packet, static_cast<int>(p.data.size())) < 0) {
            ok = false;
            break;
        }
        std::memcpy(packet->data, p.data.data(), static_cast<std::size_t>(p.data.size()));
        packet->stream_index = stream->index;
        packet->pts = packet->dts = av_rescale_q(p.ms, AVRational{1, 1000}, stream->time_base);
        packet->flags = p.keyframe ? AV_PKT_FLAG_KEY : 0;
        ok = av_interleaved_write_frame(out.get(), packet) >= 0 && ok;
    }
    av_packet_free(&packet);
    return av_write_trailer(out.get()) >= 0 && ok;
}

}  // namespace regie::test::mix
