#include "http_flv_client.h"

#include <algorithm>
#include <cctype>

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
        if (!m_flv.feed(data)) {
            events.fail("FLV: " + m_flv.error());
            return;
        }
    } else {
        m_pieces.clear();
        if (!m_chunks.decode(data, m_pieces)) {
            events.fail("bad chunked body");
            return;
        }
        for (auto piece : m_pieces) {
            if (!m_flv.feed(piece)) {
                events.fail("FLV: " + m_flv.error());
                return;
            }
        }
        if (m_chunks.finished()) {
            events.fail("HTTP body ended");
            return;
        }
    }
    if (!m_reported && m_flv.firstCodedFrame()) {
        m_reported = true;
        events.codedVideoFrame(*m_flv.firstCodedFrame() == VideoTag::codedKeyFrame);
    }
}

}  // namespace regie::loadgen
