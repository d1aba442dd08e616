#include "protocol/rtmp/chunk_writer.h"

#include <algorithm>

namespace regie::rtmp {

namespace {

constexpr std::uint32_t kExtendedMarker = 0xFFFFFF;

std::size_t basicHeaderSize(std::uint32_t csid) {
    return csid < 64 ? 1 : csid < 320 ? 2 : 3;
}

void putBasicHeader(Bytes& out, std::uint8_t fmt, std::uint32_t csid) {
    auto top = static_cast<std::uint8_t>(fmt << 6);
    if (csid < 64) {
        putU8(out, static_cast<std::uint8_t>(top | csid));
    } else if (csid < 320) {
        putU8(out, top);
        putU8(out, static_cast<std::uint8_t>(csid - 64));
    } else {
        putU8(out, top | 1);
        putU8(out, static_cast<std::uint8_t>((csid - 64) & 0xFF));
        putU8(out, static_cast<std::uint8_t>((csid - 64) >> 8));
    }
}

}  // namespace

std::size_t chunkedSize(const MessageHeader& header, std::size_t payloadSize,
                        std::uint32_t chunkSize) {
    std::size_t chunks = payloadSize == 0 ? 1 : (payloadSize + chunkSize - 1) / chunkSize;
    std::size_t perChunk =
        basicHeaderSize(header.csid) + (header.timestamp >= kExtendedMarker ? 4 : 0);
    return payloadSize + 11 + chunks * perChunk;
}

void appendChunks(Bytes& out, const MessageHeader& header, ByteSpan payload,
                  std::uint32_t chunkSize) {
    out.reserve(out.size() + chunkedSize(header, payload.size(), chunkSize));
    bool extended = header.timestamp >= kExtendedMarker;
    putBasicHeader(out, 0, header.csid);
    putU24(out, extended ? kExtendedMarker : header.timestamp);
    putU24(out, static_cast<std::uint32_t>(payload.size()));
    putU8(out, header.typeId);
    putU32Le(out, header.streamId);
    std::size_t pos = 0;
    while (true) {
        // Type 3 chunks repeat the extended timestamp, as the first chunk carried one.
        if (extended) {
            putU32(out, header.timestamp);
        }
        auto n = std::min<std::size_t>(chunkSize, payload.size() - pos);
        out.insert(out.end(), payload.begin() + static_cast<std::ptrdiff_t>(pos),
                   payload.begin() + static_cast<std::ptrdiff_t>(pos + n));
        pos += n;
        if (pos >= payload.size()) {
            break;
        }
        putBasicHeader(out, 3, header.csid);
    }
}

Bytes chunkMessage(const MessageHeader& header, ByteSpan payload, std::uint32_t chunkSize) {
    Bytes out;
    appendChunks(out, header, payload, chunkSize);
    return out;
}

SharedBytes chunkShared(const MessageHeader& header, ByteSpan payload, std::uint32_t chunkSize) {
    return std::make_shared<const Bytes>(chunkMessage(header, payload, chunkSize));
}

}  // namespace regie::rtmp
