#pragma once

#include <string>
#include <vector>

#include "chunked_decoder.h"
#include "flv_reader.h"
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

    std::string m_request;
    std::string m_header;
    bool m_inBody = false;
    bool m_chunked = false;
    bool m_reported = false;
    ChunkedDecoder m_chunks;
    std::vector<std::span<const std::uint8_t>> m_pieces;
    FlvReader m_flv;
};

}  // namespace regie::loadgen
