#include "av/image_fetch.h"

#include "av/decoder.h"

namespace regie::av {

namespace {

struct Deadline {
    std::chrono::steady_clock::time_point at{};
    const std::atomic<bool>* cancel = nullptr;
};

int interrupted(void* opaque) {
    const auto* d = static_cast<const Deadline*>(opaque);
    return (d->cancel != nullptr && d->cancel->load()) || std::chrono::steady_clock::now() > d->at
               ? 1
               : 0;
}

// Opens `url` with only the `protocols` allowed, then decodes its one picture.
core::Result<FramePtr> decodeImage(const std::string& url, const char* protocols,
                                   std::size_t maxBytes, Deadline& deadline) {
    AVFormatContext* raw = avformat_alloc_context();
    if (raw == nullptr) {
        return core::Error{"out of memory"};
    }
    raw->interrupt_callback = AVIOInterruptCB{&interrupted, &deadline};
    AVDictionary* options = nullptr;
    av_dict_set(&options, "protocol_whitelist", protocols, 0);
    const int opened = avformat_open_input(&raw, url.c_str(), nullptr, &options);
    av_dict_free(&options);
    if (opened < 0) {
        return core::Error{"could not fetch " + url + ": " + errorText(opened)};
    }
    FormatContextPtr input(raw);
    if (input->nb_streams < 1) {
        return core::Error{url + " holds no picture"};
    }
    const AVCodecParameters& par = *input->streams[0]->codecpar;
    if (par.codec_id != AV_CODEC_ID_MJPEG && par.codec_id != AV_CODEC_ID_PNG) {
        return core::Error{url + " is not a JPG or PNG picture"};
    }
    PacketPtr packet = allocPacket();
    if (int rc = av_read_frame(input.get(), packet.get()); rc < 0) {
        return core::Error{"could not read " + url + ": " + errorText(rc)};
    }
    if (static_cast<std::size_t>(packet->size) > maxBytes) {
        return core::Error{url + " is larger than " + std::to_string(maxBytes) + " bytes"};
    }
    auto decoder = Decoder::open(par);
    if (!decoder) {
        return decoder.error();
    }
    FramePtr picture;
    auto keep = [&](AVFrame& f) {
        if (!picture) {
            picture.reset(av_frame_clone(&f));
        }
    };
    decoder.value()->decode(*packet, keep);
    if (!picture) {
        PacketPtr flush = allocPacket();  // empty: asks the decoder for what it holds
        decoder.value()->decode(*flush, keep);
    }
    if (!picture) {
        return core::Error{"could not decode " + url};
    }
    return picture;
}

}  // namespace

core::Result<FramePtr> fetchImage(const std::string& url, std::size_t maxBytes,
                                  std::chrono::milliseconds timeout,
                                  const std::atomic<bool>* cancel) {
    Deadline deadline{std::chrono::steady_clock::now() + timeout, cancel};
    // Whatever URL a request carries, nothing but HTTP(S) is fetched (no file://, no pipes).
    return decodeImage(url, "http,https,tls,tcp", maxBytes, deadline);
}

core::Result<FramePtr> readImageFile(const std::string& path, std::size_t maxBytes) {
    Deadline deadline{std::chrono::steady_clock::time_point::max(), nullptr};
    return decodeImage("file:" + path, "file", maxBytes, deadline);
}

}  // namespace regie::av
