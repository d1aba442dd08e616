#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "video_tag.h"

namespace regie::loadgen {

namespace rtmp {
inline constexpr std::uint8_t kSetChunkSize = 1;
inline constexpr std::uint8_t kAbort = 2;
inline constexpr std::uint8_t kAcknowledgement = 3;
inline constexpr std::uint8_t kUserControl = 4;
inline constexpr std::uint8_t kWindowAckSize = 5;
inline constexpr std::uint8_t kSetPeerBandwidth = 6;
inline constexpr std::uint8_t kVideo = 9;
inline constexpr std::uint8_t kCommandAmf3 = 17;
inline constexpr std::uint8_t kCommandAmf0 = 20;
}  // namespace rtmp

// A complete message the player acts upon. Video messages carry only their first bytes.
struct RtmpMessage {
    std::uint8_t type = 0;
    std::uint32_t streamId = 0;
    std::string payload;
};

// Reassembles RTMP messages from chunks arriving in pieces of any size. Audio and data
// messages are skipped without copying; Set Chunk Size and Abort are applied at once since
// they change how the very next chunk is read.
class RtmpChunkReader {
public:
    // False once the stream is malformed; error() then says why.
    bool feed(std::span<const std::uint8_t> data, std::vector<RtmpMessage>& messages);

    const std::string& error() const { return m_error; }

private:
    struct ChunkStream {
        std::uint32_t id = 0;
        std::uint32_t length = 0;
        std::uint32_t received = 0;
        std::uint32_t streamId = 0;
        std::uint8_t type = 0;
        bool extendedTimestamp = false;
        std::string payload;
    };

    bool fail(std::string reason);
    std::size_t headerSize();
    std::size_t findStream(std::uint32_t id);
    bool onHeader();
    bool onMessage(ChunkStream& stream, std::vector<RtmpMessage>& messages);
    bool keepsWholePayload(std::uint8_t type) const;

    std::array<std::uint8_t, 18> m_header{};
    std::size_t m_headerLen = 0;
    bool m_inPayload = false;
    std::size_t m_current = 0;
    std::uint32_t m_chunkLeft = 0;
    std::uint32_t m_chunkSize = 128;
    std::vector<ChunkStream> m_streams;
    std::string m_error;
};

}  // namespace regie::loadgen
