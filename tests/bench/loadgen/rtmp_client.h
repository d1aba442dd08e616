#pragma once

#include <string>
#include <vector>

#include "protocol/rtmp/chunk_reader.h"
#include "protocol/rtmp/handshake.h"
#include "protocol/rtmp/rtmp_message.h"
#include "protocol_client.h"

namespace regie::loadgen {

// A player's side of RTMP: plain handshake, connect, createStream, play, then only what keeps
// the session alive (acknowledgements, ping responses).
class RtmpClient final : public ProtocolClient {
public:
    RtmpClient(std::string tcUrl, std::string app, std::string stream);

    void start(ClientEvents& events) override;
    void onData(std::span<const std::uint8_t> data, ClientEvents& events) override;

private:
    void onMessage(const rtmp::RtmpMessage& message, ClientEvents& events);
    void onCommand(const rtmp::RtmpMessage& message, ClientEvents& events);
    void sendMessage(const rtmp::RtmpMessage& message);
    void flush(ClientEvents& events);

    std::string m_tcUrl;
    std::string m_app;
    std::string m_stream;
    rtmp::ClientHandshake m_handshake;
    bool m_playing = false;
    bool m_reported = false;
    std::uint64_t m_received = 0;
    std::uint64_t m_acknowledged = 0;
    std::uint32_t m_windowAckSize = 0;
    rtmp::Bytes m_out;
    rtmp::ChunkReader m_reader;
    std::vector<rtmp::RtmpMessage> m_messages;
};

}  // namespace regie::loadgen
