#include "av/av_handles.h"

#include <array>
#include <new>

extern "C" {
#include <libavutil/log.h>
}

namespace regie::av {

FramePtr allocFrame() {
    FramePtr frame(av_frame_alloc());
    if (!frame) {
        throw std::bad_alloc();
    }
    return frame;
}

PacketPtr allocPacket() {
    PacketPtr packet(av_packet_alloc());
    if (!packet) {
        throw std::bad_alloc();
    }
    return packet;
}

std::string errorText(int code) {
    std::array<char, AV_ERROR_MAX_STRING_SIZE> text{};
    av_strerror(code, text.data(), text.size());
    return text.data();
}

void quietLibraryLogs() {
    av_log_set_level(AV_LOG_ERROR);
}

}  // namespace regie::av
