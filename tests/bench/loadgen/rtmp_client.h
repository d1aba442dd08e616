#pragma once

#include <string>
#include <vector>

#include "protocol_client.h"
#include "rtmp_chunk_reader.h"

namespace regie::loadgen {

// A player's side of RTMP: plain handshake, connect, createStream, play, then only what keeps
// the session alive (acknowledgements, ping responses).
class RtmpClient final : public ProtocolClient {
public:
    RtmpClient(std::string tcUrl, std::string app, std::string stream);

    void start(ClientEvents& events) override;
    void onData(std::span<const std::uint8_t> data, ClientEvents& events) override;

private:
    bool onHandshake(ClientEvents& events);
    void onMessage(const RtmpMessage& message, ClientEvents& events);
    void onCommand(const RtmpMessage& message, ClientEvents& events);
    void sendControl(std::uint8_t type, std::string_view payload);
    void sendCommand(std::uint8_t chunkStreamId, std::uint32_t streamId,
                     const std::string& payload);

    std::string m_tcUrl;
    std::string m_app;
    std::string m_stream;
    std::string m_handshake;
    bool m_handshakeDone = false;
    bool m_playing = false;
    bool m_reported = false;
    std::uint64_t m_received = 0;
    std::uint64_t m_acknowledged = 0;
    std::uint32_t m_windowAckSize = 0;
    std::string m_out;
    RtmpChunkReader m_reader;
    std::vector<RtmpMessage> m_messages;
};

}  // namespace regie::loadgen
