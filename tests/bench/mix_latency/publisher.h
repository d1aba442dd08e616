#pragma once
// Publishes frames that carry a counter (frame_code.h) as H.264 in FLV over RTMP, one encoded
// frame written and flushed as soon as it is drawn.

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "av/av_handles.h"
#include "core/result.h"

namespace regie::mix_latency {

struct PublishParams {
    std::string url;
    int width = 1280;
    int height = 720;
    int fps = 25;
    std::int64_t bitrate = 1'500'000;
    std::chrono::steady_clock::time_point deadline;  // every network wait gives up then
};

class Publisher {
public:
    static core::Result<std::unique_ptr<Publisher>> open(const PublishParams& params);
    ~Publisher();
    Publisher(const Publisher&) = delete;
    Publisher& operator=(const Publisher&) = delete;

    // Draws, encodes and writes frame `counter`; returns once its bytes are handed to the socket.
    core::Status send(std::uint32_t counter);

private:
    explicit Publisher(const PublishParams& params);
    static int interrupted(void* self);
    core::Status start();

    PublishParams m_params;
    av::CodecContextPtr m_encoder;
    AVFormatContext* m_output = nullptr;
    AVStream* m_stream = nullptr;
    av::FramePtr m_frame;
    av::PacketPtr m_packet;
    bool m_headerWritten = false;
};

}  // namespace regie::mix_latency
