#include "core/object_stats.h"

namespace regie::core {

std::string_view objectKindName(ObjectKind kind) {
    static constexpr std::array<std::string_view, kObjectKindCount> kNames = {
        "Buffer",     "BufferLikeString", "BufferList",  "BufferRaw",
        "Frame",      "FrameImp",         "MediaSource", "MultiMediaSourceMuxer",
        "RtmpPacket", "RtpPacket",        "Socket",      "TcpClient",
        "TcpServer",  "TcpSession",       "UdpServer",   "UdpSession"};
    return kNames[static_cast<std::size_t>(kind)];
}

}  // namespace regie::core
