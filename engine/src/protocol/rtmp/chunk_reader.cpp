#include "protocol/rtmp/chunk_reader.h"

#include <algorithm>
#include <string>

namespace regie::rtmp {

namespace {

constexpr std::uint32_t kExtendedMarker = 0xFFFFFF;
constexpr std::array<std::size_t, 4> kMessageHeaderSize = {11, 7, 3, 0};
constexpr std::size_t kInitialReserve = std::size_t{64} * 1024;

std::size_t basicHeaderSize(std::uint8_t first) {
    switch (first & 0x3F) {
        case 0:
            return 2;
        case 1:
            return 3;
        default:
            return 1;
    }
}

std::uint32_t csidOf(const std::uint8_t* h) {
    switch (h[0] & 0x3F) {
        case 0:
            return 64u + h[1];
        case 1:
            return 64u + h[1] + 256u * h[2];
        default:
            return h[0] & 0x3Fu;
    }
}

}  // namespace

core::Status ChunkReader::fail(std::string message) {
    m_failure = core::Error{"rtmp chunk: " + std::move(message)};
    return *m_failure;
}

std::size_t ChunkReader::headerNeed() const {
    if (m_headerLen < 1) {
        return 1;
    }
    auto basic = basicHeaderSize(m_header[0]);
    if (m_headerLen < basic) {
        return basic;
    }
    auto fmt = m_header[0] >> 6;
    auto total = basic + kMessageHeaderSize[fmt];
    if (m_headerLen < total) {
        return total;
    }
    bool extended = false;
    if (fmt < 3) {
        extended = getU24(&m_header[basic]) == kExtendedMarker;
    } else if (auto it = m_streams.find(csidOf(m_header.data())); it != m_streams.end()) {
        // A type 3 chunk repeats the extended timestamp when its stream's last header had one.
        extended = it->second.extended;
    }
    return total + (extended ? 4 : 0);
}

core::Status ChunkReader::feed(ByteSpan in, std::vector<RtmpMessage>& out) {
    if (m_failure) {
        return *m_failure;
    }
    m_bytesRead += in.size();
    while (!in.empty()) {
        if (!m_current) {
            std::size_t need;
            while (m_headerLen < (need = headerNeed()) && !in.empty()) {
                m_header[m_headerLen++] = in.front();
                in = in.subspan(1);
            }
            if (m_headerLen < need) {
                break;
            }
            if (auto status = startChunk(out); !status) {
                return status;
            }
            m_headerLen = 0;
            continue;
        }
        auto n = std::min<std::size_t>(m_chunkRemaining, in.size());
        m_current->payload.insert(m_current->payload.end(), in.begin(),
                                  in.begin() + static_cast<std::ptrdiff_t>(n));
        m_buffered += n;
        m_chunkRemaining -= static_cast<std::uint32_t>(n);
        in = in.subspan(n);
        if (m_buffered > m_limits.maxBufferedBytes) {
            return fail("too many partially received bytes");
        }
        if (m_chunkRemaining == 0) {
            auto& stream = *m_current;
            m_current = nullptr;
            if (stream.payload.size() == stream.length) {
                if (auto status = complete(stream, out); !status) {
                    return status;
                }
            }
        }
    }
    return core::okStatus();
}

core::Status ChunkReader::startChunk(std::vector<RtmpMessage>& out) {
    const auto* h = m_header.data();
    auto fmt = h[0] >> 6;
    auto csid = csidOf(h);
    const auto* p = h + basicHeaderSize(h[0]);

    auto it = m_streams.find(csid);
    if (it == m_streams.end()) {
        if (fmt >= 2) {
            return fail("chunk stream " + std::to_string(csid) + " starts without a length");
        }
        if (m_streams.size() >= m_limits.maxChunkStreams) {
            return fail("too many chunk streams");
        }
        it = m_streams.emplace(csid, ChunkStream{}).first;
        it->second.header.csid = csid;
    }
    auto& s = it->second;
    if (fmt < 3 && s.inMessage) {
        return fail("new message header on chunk stream " + std::to_string(csid) +
                    " before its message completed");
    }
    if (fmt < 3) {
        auto field = getU24(p);
        s.extended = field == kExtendedMarker;
        if (fmt <= 1) {
            s.length = getU24(p + 3);
            s.header.typeId = p[6];
        }
        if (fmt == 0) {
            s.header.streamId = getU32Le(p + 7);
        }
        s.timestampField = s.extended ? getU32(p + kMessageHeaderSize[fmt]) : field;
    } else if (s.extended && !s.inMessage) {
        s.timestampField = getU32(p);
    }

    if (!s.inMessage) {
        if (fmt == 0) {
            s.header.timestamp = s.timestampField;
        } else {
            s.header.timestamp += s.timestampField;  // unsigned: wraps like the wire clock
        }
        if (s.length > m_limits.maxMessageSize) {
            return fail("message of " + std::to_string(s.length) + " bytes exceeds the limit");
        }
        s.payload.clear();
        s.payload.reserve(std::min<std::size_t>(s.length, kInitialReserve));
        s.inMessage = true;
        if (s.length == 0) {
            return complete(s, out);
        }
    }
    m_current = &s;
    m_chunkRemaining = std::min<std::uint32_t>(
        m_chunkSize, s.length - static_cast<std::uint32_t>(s.payload.size()));
    return core::okStatus();
}

core::Status ChunkReader::complete(ChunkStream& stream, std::vector<RtmpMessage>& out) {
    stream.inMessage = false;
    m_buffered -= stream.payload.size();
    RtmpMessage message{stream.header, std::move(stream.payload)};
    stream.payload = Bytes();

    auto type = message.header.type();
    if (type == MessageType::SetChunkSize || type == MessageType::Abort) {
        if (message.payload.size() < 4) {
            return fail("truncated protocol control message");
        }
        auto value = getU32(message.payload.data());
        if (type == MessageType::SetChunkSize) {
            // The top bit is reserved and must be zero.
            value &= kMaxChunkSize;
            if (value == 0) {
                return fail("chunk size 0");
            }
            m_chunkSize = value;
        } else if (auto aborted = m_streams.find(value); aborted != m_streams.end()) {
            m_buffered -= aborted->second.payload.size();
            aborted->second.payload = Bytes();
            aborted->second.inMessage = false;
        }
    }
    out.push_back(std::move(message));
    return core::okStatus();
}

}  // namespace regie::rtmp
