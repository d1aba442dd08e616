#include "http_flv_client.h"

#include <algorithm>
#include <cctype>

#include "protocol/flv/tag_body.h"

namespace regie::loadgen {
namespace {

constexpr std::size_t kMaxHeaderSize = 16 * 1024;

std::string lowercase(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

}  // namespace

HttpFlvClient::HttpFlvClient(std::string hostPort, std::string path)
    : m_request("GET " + path + " HTTP/1.1\r\nHost: " + hostPort +
                "\r\nUser-Agent: regie-loadgen\r\nAccept: */*\r\n\r\n") {}

void HttpFlvClient::start(ClientEvents& events) {
    events.send(m_request);
}

void HttpFlvClient::onData(std::span<const std::uint8_t> data, ClientEvents& events) {
    if (m_inBody) {
        onBody(data, events);
        return;
    }
    std::size_t before = m_header.size();
    m_header.append(reinterpret_cast<const char*>(data.data()), data.size());
    auto end = m_header.find("\r\n\r\n", before < 3 ? 0 : before - 3);
    if (end == std::string::npos) {
        if (m_header.size() > kMaxHeaderSize) {
            events.fail("HTTP response header too long");
        }
        return;
    }
    std::size_t bodyStart = end + 4 - before;
    m_header.resize(end + 2);
    if (onResponseHeader(events)) {
        m_inBody = true;
        onBody(data.subspan(bodyStart), events);
    }
}

bool HttpFlvClient::onResponseHeader(ClientEvents& events) {
    auto lineEnd = m_header.find("\r\n");
    std::string status = m_header.substr(0, lineEnd);
    if (!status.starts_with("HTTP/1.") || status.size() < 12 || status.substr(9, 3) != "200") {
        events.fail("HTTP status: " + status);
        return false;
    }
    std::string headers = lowercase(m_header.substr(lineEnd));
    m_chunked = headers.find("\r\ntransfer-encoding: chunked") != std::string::npos ||
                headers.find("\r\ntransfer-encoding:chunked") != std::string::npos;
    m_header.clear();
    m_header.shrink_to_fit();
    return true;
}

void HttpFlvClient::onBody(std::span<const std::uint8_t> data, ClientEvents& events) {
    if (!m_chunked) {
        onFlv(data, events);
        return;
    }
    m_pieces.clear();
    if (!m_chunks.decode(data, m_pieces)) {
        events.fail("bad chunked body");
        return;
    }
    for (auto piece : m_pieces) {
        if (!onFlv(piece, events)) {
            return;
        }
    }
    if (m_chunks.finished()) {
        events.fail("HTTP body ended");
    }
}

bool HttpFlvClient::onFlv(flv::ByteView data, ClientEvents& events) {
    // A unit split across reads is completed with only the bytes it lacks; the rest of the
    // data is parsed where it is.
    while (!m_pending.empty() && !data.empty()) {
        std::size_t take = std::min(pendingNeed(), data.size());
        m_pending.insert(m_pending.end(), data.begin(),
                         data.begin() + static_cast<std::ptrdiff_t>(take));
        data = data.subspan(take);
        if (pendingNeed() == 0) {
            if (!walkFlv(m_pending, events)) {
                return false;
            }
            m_pending.clear();
        }
    }
    if (!m_pending.empty()) {
        return true;
    }
    auto used = walkFlv(data, events);
    if (!used) {
        return false;
    }
    m_pending.assign(data.begin() + static_cast<std::ptrdiff_t>(*used), data.end());
    return true;
}

std::size_t HttpFlvClient::pendingNeed() const {
    if (!m_flvHeaderDone) {
        return flv::kFileHeaderSize - m_pending.size();
    }
    if (m_pending.size() < flv::kTagHeaderSize) {
        return flv::kTagHeaderSize - m_pending.size();
    }
    auto header = flv::parseTagHeader(m_pending);
    if (!header) {
        return 0;  // walkFlv() reports it
    }
    return flv::kTagHeaderSize + header.value().dataSize + flv::kPreviousTagSizeSize -
           m_pending.size();
}

std::optional<std::size_t> HttpFlvClient::walkFlv(flv::ByteView data, ClientEvents& events) {
    std::size_t pos = 0;
    while (pos < data.size()) {
        auto rest = data.subspan(pos);
        if (m_skip > 0) {
            std::size_t n = std::min(m_skip, rest.size());
            m_skip -= n;
            pos += n;
            continue;
        }
        if (!m_flvHeaderDone) {
            if (rest.size() < flv::kFileHeaderSize) {
                break;
            }
            auto header = flv::parseFileHeader(rest);
            if (!header) {
                events.fail("FLV: " + header.error().message);
                return std::nullopt;
            }
            m_flvHeaderDone = true;
            pos += flv::kFileHeaderSize;
            // Header extension bytes, then PreviousTagSize0.
            m_skip = header.value().dataOffset - flv::kFileHeaderSize + flv::kPreviousTagSizeSize;
            continue;
        }
        auto tag = flv::parseTag(rest);
        if (!tag) {
            events.fail("FLV: " + tag.error().message);
            return std::nullopt;
        }
        if (!tag.value()) {
            break;
        }
        onTag(*tag.value(), events);
        pos += tag.value()->size;
    }
    return pos;
}

void HttpFlvClient::onTag(const flv::Tag& tag, ClientEvents& events) {
    if (m_reported || tag.header.type != flv::TagType::Video) {
        return;
    }
    auto frame = flv::parseVideoTag(tag.body, tag.header.timestamp);
    if (frame && frame.value().kind == flv::PacketKind::Coded) {
        m_reported = true;
        events.codedVideoFrame(frame.value().keyframe);
    }
}

}  // namespace regie::loadgen
