#include "player.h"

#include <thread>

#include "av/av_handles.h"

namespace regie::mix_latency {

namespace {

using Clock = std::chrono::steady_clock;

struct Interrupt {
    const std::atomic<bool>& stop;
    Clock::time_point deadline;
};

int interrupted(void* opaque) {
    const auto* interrupt = static_cast<Interrupt*>(opaque);
    return interrupt->stop.load() || Clock::now() >= interrupt->deadline ? 1 : 0;
}

core::Error failure(const std::string& what, int code) {
    return core::Error{what + ": " + av::errorText(code)};
}

core::Result<av::FormatContextPtr> openInput(const PlayParams& params, Interrupt& interrupt) {
    int rc = 0;
    while (!interrupted(&interrupt)) {
        AVFormatContext* raw = avformat_alloc_context();
        if (raw == nullptr) {
            return core::Error{"cannot allocate the demuxer"};
        }
        raw->interrupt_callback = AVIOInterruptCB{&interrupted, &interrupt};
        AVDictionary* options = nullptr;
        av_dict_set(&options, "fflags", "nobuffer", 0);
        av_dict_set(&options, "analyzeduration", "1000000", 0);
        rc = avformat_open_input(&raw, params.url.c_str(), nullptr, &options);
        av_dict_free(&options);
        if (rc >= 0) {
            return av::FormatContextPtr(raw);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    return failure("open " + params.url, rc);
}

}  // namespace

core::Status play(const PlayParams& params, const std::atomic<bool>& stop, PlayRecord& record) {
    Interrupt interrupt{stop, params.deadline};
    auto input = openInput(params, interrupt);
    if (!input) {
        return input.error();
    }
    AVFormatContext* format = input.value().get();
    if (int rc = avformat_find_stream_info(format, nullptr); rc < 0) {
        return failure("stream info", rc);
    }
    const AVCodec* codec = nullptr;
    const int videoIndex = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, &codec, 0);
    if (videoIndex < 0) {
        return failure("no video in " + params.url, videoIndex);
    }
    av::CodecContextPtr decoder(avcodec_alloc_context3(codec));
    if (!decoder) {
        return core::Error{"cannot allocate the decoder"};
    }
    if (int rc =
            avcodec_parameters_to_context(decoder.get(), format->streams[videoIndex]->codecpar);
        rc < 0) {
        return failure("decoder parameters", rc);
    }
    // One thread and low delay: frame threading would hold each picture back by a frame a thread.
    decoder->thread_count = 1;
    decoder->flags |= AV_CODEC_FLAG_LOW_DELAY;
    if (int rc = avcodec_open2(decoder.get(), codec, nullptr); rc < 0) {
        return failure("open decoder", rc);
    }

    av::PacketPtr packet = av::allocPacket();
    av::FramePtr frame = av::allocFrame();
    for (;;) {
        const int rc = av_read_frame(format, packet.get());
        // A read cut short by the stop can still hand out a truncated packet: not the stream's.
        if (interrupted(&interrupt)) {
            return core::okStatus();
        }
        if (rc < 0) {
            return failure("read", rc);
        }
        if (packet->stream_index != videoIndex) {
            av_packet_unref(packet.get());
            continue;
        }
        const int sent = avcodec_send_packet(decoder.get(), packet.get());
        av_packet_unref(packet.get());
        if (sent == AVERROR_INVALIDDATA) {
            ++record.corruptPackets;
        } else if (sent < 0) {
            return failure("decode", sent);
        }
        while (avcodec_receive_frame(decoder.get(), frame.get()) >= 0) {
            const auto decoded = Clock::now();
            if (frame->format != AV_PIX_FMT_YUV420P && frame->format != AV_PIX_FMT_YUVJ420P) {
                return core::Error{"the output is not YUV 4:2:0"};
            }
            record.observations.push_back({decoded, readCode(*frame, params.where)});
        }
    }
}

}  // namespace regie::mix_latency
