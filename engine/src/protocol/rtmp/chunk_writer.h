#pragma once
// Message to chunks. Every message starts with a type 0 chunk (absolute timestamp) followed by
// type 3 continuations, so its bytes depend on nothing sent before: a media message can be
// chunked once and the same buffer sent to every player with the same out chunk size,
// interleaved freely with other messages.

#include <cstddef>
#include <cstdint>
#include <memory>

#include "protocol/rtmp/rtmp_message.h"

namespace regie::rtmp {

using SharedBytes = std::shared_ptr<const Bytes>;

// Bytes appendChunks() produces for a payload of `payloadSize`.
std::size_t chunkedSize(const MessageHeader& header, std::size_t payloadSize,
                        std::uint32_t chunkSize);

// `header.csid` must be within 2..65599, `chunkSize` within 1..2^31-1, the payload below 16 MiB.
void appendChunks(Bytes& out, const MessageHeader& header, ByteSpan payload,
                  std::uint32_t chunkSize);
inline void appendChunks(Bytes& out, const RtmpMessage& message, std::uint32_t chunkSize) {
    appendChunks(out, message.header, message.payload, chunkSize);
}

Bytes chunkMessage(const MessageHeader& header, ByteSpan payload, std::uint32_t chunkSize);
SharedBytes chunkShared(const MessageHeader& header, ByteSpan payload, std::uint32_t chunkSize);

}  // namespace regie::rtmp
