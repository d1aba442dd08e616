#pragma once
// One RTMP message as the chunk layer delivers it, and the well-known type and chunk stream ids.

#include <cstdint>

#include "protocol/rtmp/bytes.h"

namespace regie::rtmp {

enum class MessageType : std::uint8_t {
    SetChunkSize = 1,
    Abort = 2,
    Acknowledgement = 3,
    UserControl = 4,
    WindowAckSize = 5,
    SetPeerBandwidth = 6,
    Audio = 8,
    Video = 9,
    DataAmf3 = 15,
    SharedObjectAmf3 = 16,
    CommandAmf3 = 17,
    DataAmf0 = 18,
    SharedObjectAmf0 = 19,
    CommandAmf0 = 20,
    Aggregate = 22,
};

// Chunk stream ids this library uses when building messages. Protocol control must use 2.
inline constexpr std::uint32_t kControlCsid = 2;
inline constexpr std::uint32_t kCommandCsid = 3;
inline constexpr std::uint32_t kStreamCommandCsid = 5;
inline constexpr std::uint32_t kAudioCsid = 6;
inline constexpr std::uint32_t kVideoCsid = 7;
inline constexpr std::uint32_t kMaxCsid = 65599;

inline constexpr std::uint32_t kDefaultChunkSize = 128;
inline constexpr std::uint32_t kMaxChunkSize = 0x7FFFFFFF;

struct MessageHeader {
    std::uint32_t csid = kCommandCsid;
    std::uint8_t typeId = 0;
    std::uint32_t streamId = 0;
    // Absolute milliseconds; wraps at 2^32 as on the wire.
    std::uint32_t timestamp = 0;

    MessageType type() const { return static_cast<MessageType>(typeId); }
    bool operator==(const MessageHeader&) const = default;
};

struct RtmpMessage {
    MessageHeader header;
    Bytes payload;
};

}  // namespace regie::rtmp
