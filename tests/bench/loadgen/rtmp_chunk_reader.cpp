#include "rtmp_chunk_reader.h"

#include <algorithm>
#include <cstring>

#include "byte_order.h"

namespace regie::loadgen {
namespace {

constexpr std::size_t kMessageHeaderSize[] = {11, 7, 3, 0};
constexpr std::uint32_t kExtendedTimestamp = 0xffffff;
constexpr std::uint32_t kMaxChunkSize = 0xffffff;
constexpr std::uint32_t kMaxControlPayload = 64 * 1024;
constexpr std::size_t kMaxChunkStreams = 64;

std::size_t basicHeaderSize(std::uint8_t first) {
    std::uint8_t id = first & 0x3f;
    return id == 0 ? 2 : id == 1 ? 3 : 1;
}

}  // namespace

bool RtmpChunkReader::fail(std::string reason) {
    m_error = std::move(reason);
    return false;
}

std::size_t RtmpChunkReader::findStream(std::uint32_t id) {
    for (std::size_t i = 0; i < m_streams.size(); ++i) {
        if (m_streams[i].id == id) {
            return i;
        }
    }
    m_streams.push_back(ChunkStream{.id = id});
    return m_streams.size() - 1;
}

// The size of the chunk header being collected, as far as its first bytes tell.
std::size_t RtmpChunkReader::headerSize() {
    if (m_headerLen == 0) {
        return 1;
    }
    std::size_t basic = basicHeaderSize(m_header[0]);
    if (m_headerLen < basic) {
        return basic;
    }
    int format = m_header[0] >> 6;
    std::size_t size = basic + kMessageHeaderSize[format];
    if (m_headerLen < size) {
        return size;
    }
    bool extended = false;
    if (format < 3) {
        extended = readBe24(m_header.data() + basic) == kExtendedTimestamp;
    } else {
        std::uint32_t id = m_header[0] & 0x3f;
        if (basic > 1) {
            id = 64 + m_header[1] + (basic == 3 ? m_header[2] * 256 : 0);
        }
        auto it = std::find_if(m_streams.begin(), m_streams.end(),
                               [id](const ChunkStream& s) { return s.id == id; });
        extended = it != m_streams.end() && it->extendedTimestamp;
    }
    return extended ? size + 4 : size;
}

bool RtmpChunkReader::feed(std::span<const std::uint8_t> data, std::vector<RtmpMessage>& messages) {
    if (!m_error.empty()) {
        return false;
    }
    while (!data.empty() || (m_inPayload && m_chunkLeft == 0)) {
        if (!m_inPayload) {
            std::size_t need = headerSize();
            std::size_t n = std::min(need - m_headerLen, data.size());
            std::memcpy(m_header.data() + m_headerLen, data.data(), n);
            m_headerLen += n;
            data = data.subspan(n);
            if (m_headerLen == need && headerSize() == need && !onHeader()) {
                return false;
            }
            continue;
        }
        ChunkStream& stream = m_streams[m_current];
        std::size_t n = std::min<std::size_t>(m_chunkLeft, data.size());
        if (keepsWholePayload(stream.type)) {
            stream.payload.append(reinterpret_cast<const char*>(data.data()), n);
        } else if (stream.type == rtmp::kVideo && stream.payload.size() < kVideoTagHeadSize) {
            std::size_t head = std::min(kVideoTagHeadSize - stream.payload.size(), n);
            stream.payload.append(reinterpret_cast<const char*>(data.data()), head);
        }
        stream.received += static_cast<std::uint32_t>(n);
        m_chunkLeft -= static_cast<std::uint32_t>(n);
        data = data.subspan(n);
        if (m_chunkLeft == 0) {
            m_inPayload = false;
            m_headerLen = 0;
            if (stream.received == stream.length && !onMessage(stream, messages)) {
                return false;
            }
        }
    }
    return true;
}

bool RtmpChunkReader::onHeader() {
    std::size_t basic = basicHeaderSize(m_header[0]);
    std::uint32_t id = m_header[0] & 0x3f;
    if (basic > 1) {
        id = 64 + m_header[1] + (basic == 3 ? m_header[2] * 256 : 0);
    }
    int format = m_header[0] >> 6;
    m_current = findStream(id);
    if (m_streams.size() > kMaxChunkStreams) {
        return fail("too many chunk streams");
    }
    ChunkStream& stream = m_streams[m_current];
    const std::uint8_t* fields = m_header.data() + basic;
    if (format < 3) {
        stream.extendedTimestamp = readBe24(fields) == kExtendedTimestamp;
    }
    if (format < 2) {
        stream.length = readBe24(fields + 3);
        stream.type = fields[6];
        stream.received = 0;
    }
    if (format == 0) {
        stream.streamId = readLe32(fields + 7);
    }
    if (stream.received == stream.length) {
        stream.received = 0;
    }
    if (stream.received == 0) {
        stream.payload.clear();
        if (keepsWholePayload(stream.type) && stream.length > kMaxControlPayload) {
            return fail("control message too long");
        }
    }
    m_chunkLeft = std::min(m_chunkSize, stream.length - stream.received);
    m_inPayload = true;
    return true;
}

bool RtmpChunkReader::keepsWholePayload(std::uint8_t type) const {
    return (type >= rtmp::kSetChunkSize && type <= rtmp::kSetPeerBandwidth) ||
           type == rtmp::kCommandAmf0 || type == rtmp::kCommandAmf3;
}

bool RtmpChunkReader::onMessage(ChunkStream& stream, std::vector<RtmpMessage>& messages) {
    const auto* payload = reinterpret_cast<const std::uint8_t*>(stream.payload.data());
    if (stream.type == rtmp::kSetChunkSize || stream.type == rtmp::kAbort) {
        if (stream.payload.size() < 4) {
            return fail("short control message");
        }
        std::uint32_t value = readBe32(payload) & 0x7fffffff;
        if (stream.type == rtmp::kAbort) {
            for (auto& other : m_streams) {
                if (other.id == value) {
                    other.received = 0;
                    other.length = 0;
                }
            }
        } else if (value == 0 || value > kMaxChunkSize) {
            return fail("bad chunk size");
        } else {
            m_chunkSize = value;
        }
        return true;
    }
    if (keepsWholePayload(stream.type) || stream.type == rtmp::kVideo) {
        messages.push_back({stream.type, stream.streamId, stream.payload});
    }
    return true;
}

}  // namespace regie::loadgen
