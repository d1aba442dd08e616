#pragma once

#include <optional>
#include <string>
#include <vector>

#include "chunked_decoder.h"
#include "protocol/flv/flv.h"
#include "protocol_client.h"

namespace regie::loadgen {

// GET of an HTTP-FLV stream; the body may be chunked or plain.
class HttpFlvClient final : public ProtocolClient {
public:
    HttpFlvClient(std::string hostPort, std::string path);

    void start(ClientEvents& events) override;
    void onData(std::span<const std::uint8_t> data, ClientEvents& events) override;

private:
    bool onResponseHeader(ClientEvents& events);
    void onBody(std::span<const std::uint8_t> data, ClientEvents& events);
    bool onFlv(flv::ByteView data, ClientEvents& events);
    // Parses whole FLV units from the front of `data`: the bytes consumed, or nullopt (after
    // events.fail) when the stream is malformed.
    std::optional<std::size_t> walkFlv(flv::ByteView data, ClientEvents& events);
    // Bytes the unit begun in m_pending still lacks: the file header, a tag header, or the
    // rest of a tag.
    std::size_t pendingNeed() const;
    void onTag(const flv::Tag& tag, ClientEvents& events);

    std::string m_request;
    std::string m_header;
    bool m_inBody = false;
    bool m_chunked = false;
    bool m_reported = false;
    ChunkedDecoder m_chunks;
    std::vector<std::span<const std::uint8_t>> m_pieces;
    bool m_flvHeaderDone = false;
    std::size_t m_skip = 0;
    // The start of an FLV unit (file header or tag) split across reads.
    flv::Bytes m_pending;
};

}  // namespace regie::loadgen
