#pragma once
// The chunk stream decoder: bytes in, complete messages out. It applies Set Chunk Size and
// Abort Message itself (they change how the following bytes parse) and still reports them.

#include <array>
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "core/result.h"
#include "protocol/rtmp/rtmp_message.h"

namespace regie::rtmp {

struct ChunkReaderLimits {
    std::uint32_t maxMessageSize = 16 * 1024 * 1024;
    std::uint32_t maxChunkStreams = 64;
    // Sum of all partially received messages across chunk streams.
    std::size_t maxBufferedBytes = std::size_t{32} * 1024 * 1024;
};

class ChunkReader {
public:
    explicit ChunkReader(ChunkReaderLimits limits = {}) : m_limits(limits) {}

    // Consumes all of `in`, appending each message completed by it to `out`. Partial chunks
    // are kept for the next call. On error, messages completed before the bad bytes are still
    // appended, and the reader stays failed.
    core::Status feed(ByteSpan in, std::vector<RtmpMessage>& out);

    std::uint32_t chunkSize() const { return m_chunkSize; }
    // Every byte fed so far, for Acknowledgement sequence numbers.
    std::uint64_t bytesRead() const { return m_bytesRead; }

private:
    struct ChunkStream {
        MessageHeader header;
        std::uint32_t length = 0;
        // The last type 0 timestamp or type 1/2 delta: a type 3 chunk starting a message adds it.
        std::uint32_t timestampField = 0;
        bool extended = false;
        bool inMessage = false;
        Bytes payload;
    };

    static constexpr std::size_t kMaxHeaderSize = 3 + 11 + 4;

    std::size_t headerNeed() const;
    core::Status startChunk(std::vector<RtmpMessage>& out);
    core::Status complete(ChunkStream& stream, std::vector<RtmpMessage>& out);
    core::Status fail(std::string message);

    ChunkReaderLimits m_limits;
    std::uint32_t m_chunkSize = kDefaultChunkSize;
    std::array<std::uint8_t, kMaxHeaderSize> m_header{};
    std::size_t m_headerLen = 0;
    ChunkStream* m_current = nullptr;
    std::uint32_t m_chunkRemaining = 0;
    std::unordered_map<std::uint32_t, ChunkStream> m_streams;
    std::size_t m_buffered = 0;
    std::uint64_t m_bytesRead = 0;
    std::optional<core::Error> m_failure;
};

}  // namespace regie::rtmp
