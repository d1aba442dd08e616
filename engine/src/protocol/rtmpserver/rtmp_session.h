#pragma once
// One RTMP connection: handshake, chunk stream, commands, then either publishing into a
// MediaSource or playing its "rtmp" packets. Runs on one io thread for its whole life.

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <memory>
#include <optional>
#include <string>

#include "media/reader_policy.h"
#include "protocol/outbound_queue.h"
#include "protocol/rtmp/chunk_reader.h"
#include "protocol/rtmp/handshake.h"
#include "protocol/rtmp/messages.h"
#include "protocol/rtmpserver/rtmp_ingest.h"
#include "protocol/rtmpserver/rtmp_server.h"

namespace regie::rtmpserver {

class RtmpSession final : public protocol::OutboundQueue<RtmpSession>, public media::MediaReader {
public:
    RtmpSession(boost::asio::ip::tcp::socket socket, RtmpServerDeps& deps, RtmpServer& server);

    void start();
    void kick();  // any thread

    // OutboundQueue
    void writeFront(const protocol::OutboundRing& queue);
    void closeSocket();

    // MediaReader (playing)
    boost::asio::any_io_executor executor() const override;
    void deliver(std::span<const media::PacketPtr> packets) override;
    void sourceEnded() override;

private:
    void readMore();
    void onBytes(std::size_t n);
    void onMessage(rtmp::RtmpMessage&& message);
    void onCommand(const rtmp::Command& command);
    void onConnect(const rtmp::Command& command);
    void onPublish(const rtmp::Command& command);
    void onPlay(const rtmp::Command& command);
    void startPublishing(const media::AccessRequest& request, const media::PublisherInfo& info);
    void startPlaying(const std::shared_ptr<media::MediaSource>& source);
    void stopPublishing();
    void stopPlaying();
    void sendMessage(const rtmp::RtmpMessage& message);
    void sendStatus(std::string_view level, std::string_view code, std::string_view description);
    void watchdog();
    void finish();
    std::optional<media::AccessRequest> accessRequest(const std::string& streamName,
                                                      std::string& error) const;

    boost::asio::ip::tcp::socket m_socket;
    RtmpServerDeps& m_deps;
    RtmpServer& m_server;
    boost::asio::steady_timer m_timer;
    std::vector<std::uint8_t> m_readBuffer;
    std::size_t m_readBufferWanted = 0;
    std::vector<boost::asio::const_buffer> m_batch;

    std::string m_id;
    std::string m_peerIp;
    int m_peerPort = 0;
    std::string m_localIp;
    int m_localPort = 0;

    rtmp::ServerHandshake m_handshake;
    rtmp::ChunkReader m_reader;
    std::uint32_t m_outChunkSize = rtmp::kDefaultChunkSize;
    std::uint32_t m_peerWindow = 0;
    std::uint64_t m_bytesIn = 0;
    std::uint64_t m_lastAck = 0;
    std::chrono::steady_clock::time_point m_lastInput;
    std::chrono::steady_clock::time_point m_started;

    std::string m_app;
    std::string m_tcUrl;
    std::optional<media::AccessRequest> m_access;  // what this session published or played
    bool m_player = false;
    std::optional<RtmpIngest> m_ingest;
    std::shared_ptr<media::MediaSource> m_playing;
    media::ReaderPolicy m_policy;
    bool m_paused = false;
    bool m_finished = false;
    core::ObjectCount<core::ObjectKind::TcpSession> m_sessionCount;
    core::ObjectCount<core::ObjectKind::Socket> m_socketCount;
};

}  // namespace regie::rtmpserver
