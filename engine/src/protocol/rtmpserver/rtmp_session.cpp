#include "protocol/rtmpserver/rtmp_session.h"

#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>

#include "protocol/gathered_write.h"
#include "protocol/rtmp/chunk_writer.h"
#include "protocol/rtmp/rtmp_url.h"
#include "protocol/rtmpserver/rtmp_muxer.h"

namespace regie::rtmpserver {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {
constexpr std::uint32_t kWindowAckSize = 2'500'000;
// Players send almost nothing, so they keep a small read buffer; publishers get a larger one.
constexpr std::size_t kPlayerReadBuffer = 4096;
constexpr std::size_t kPublisherReadBuffer = std::size_t{64} * 1024;
constexpr std::string_view kTypeId = "mediakit::RtmpSession";
}  // namespace

RtmpSession::RtmpSession(tcp::socket socket, RtmpServerDeps& deps, RtmpServer& server)
    : OutboundQueue(socket.get_executor())
    , m_socket(std::move(socket))
    , m_deps(deps)
    , m_server(server)
    , m_timer(m_socket.get_executor())
    , m_readBuffer(kPlayerReadBuffer) {
    boost::system::error_code ec;
    auto peer = m_socket.remote_endpoint(ec);
    auto local = m_socket.local_endpoint(ec);
    m_peerIp = peer.address().to_string();
    m_peerPort = peer.port();
    m_localIp = local.address().to_string();
    m_localPort = local.port();
    m_id = m_deps.sessions.nextId();
    setMergeWindow(std::chrono::milliseconds(
        std::max<std::int64_t>(0, m_deps.config.snapshot()->getInt("general.mergeWriteMS"))));
}

void RtmpSession::start() {
    m_started = m_lastInput = std::chrono::steady_clock::now();
    m_deps.sessions.add(
        {m_id, std::string(kTypeId), m_localIp, m_localPort, m_peerIp, m_peerPort, {}, {}},
        [weak = weak_from_this()] {
            if (auto self = weak.lock()) {
                self->kick();
            }
        });
    watchdog();
    readMore();
}

void RtmpSession::kick() {
    asio::post(queueExecutor(), [self = shared_from_this()] { self->closeGracefully(); });
}

void RtmpSession::readMore() {
    if (m_readBuffer.size() < m_readBufferWanted) {
        m_readBuffer.resize(m_readBufferWanted);
    }
    m_socket.async_read_some(
        asio::buffer(m_readBuffer),
        [self = shared_from_this()](boost::system::error_code ec, std::size_t n) {
            if (ec) {
                self->finish();
                return;
            }
            self->onBytes(n);
        });
}

void RtmpSession::onBytes(std::size_t n) {
    m_lastInput = std::chrono::steady_clock::now();
    m_bytesIn += n;
    rtmp::ByteSpan in(m_readBuffer.data(), n);
    rtmp::Bytes leftover;
    if (!m_handshake.done()) {
        rtmp::Bytes out;
        if (auto s = m_handshake.feed(in, out); !s) {
            m_deps.log.info("rtmp.handshake_failed",
                            {{"session", m_id}, {"peer", m_peerIp}, {"error", s.error().message}});
            closeNow();
            return finish();
        }
        if (!out.empty()) {
            auto bytes = std::make_shared<const rtmp::Bytes>(std::move(out));
            enqueue(protocol::Outbound{{asio::buffer(*bytes)}, bytes, bytes->size(), false});
        }
        if (!m_handshake.done()) {
            return readMore();
        }
        leftover = m_handshake.takeLeftover();
        in = leftover;
    }
    std::vector<rtmp::RtmpMessage> messages;
    auto status = m_reader.feed(in, messages);
    {
        // The frames of one read reach the players together.
        std::optional<media::MediaSource::InputBatch> batch;
        if (m_ingest) {
            batch.emplace(m_ingest->source());
        }
        for (auto& m : messages) {
            if (isClosed()) {
                break;
            }
            onMessage(std::move(m));
        }
    }
    if (!status) {
        m_deps.log.info("rtmp.protocol_error",
                        {{"session", m_id}, {"peer", m_peerIp}, {"error", status.error().message}});
        closeNow();
        return finish();
    }
    if (m_peerWindow > 0 && m_bytesIn - m_lastAck >= m_peerWindow) {
        m_lastAck = m_bytesIn;
        sendMessage(rtmp::acknowledgementMessage(static_cast<std::uint32_t>(m_bytesIn)));
    }
    // A write can fail (and close the socket) before this handler ends; no read is pending
    // then to finish the session.
    if (isClosed()) {
        return finish();
    }
    readMore();
}

void RtmpSession::onMessage(rtmp::RtmpMessage&& message) {
    switch (message.header.type()) {
        case rtmp::MessageType::WindowAckSize:
            if (auto v = rtmp::parseControlValue(message)) {
                m_peerWindow = v.value();
            }
            return;
        case rtmp::MessageType::UserControl:
            if (auto e = rtmp::parseUserControl(message);
                e && e.value().type == rtmp::UserControlType::PingRequest) {
                sendMessage(rtmp::pingResponseMessage(e.value().value));
            }
            return;
        case rtmp::MessageType::CommandAmf0: {
            auto command = rtmp::parseCommand(message);
            if (!command) {
                m_deps.log.info("rtmp.bad_command",
                                {{"session", m_id}, {"error", command.error().message}});
                return;
            }
            return onCommand(command.value());
        }
        case rtmp::MessageType::Audio:
        case rtmp::MessageType::Video:
        case rtmp::MessageType::DataAmf0:
            if (m_ingest) {
                if (auto s = m_ingest->onMessage(std::move(message)); !s) {
                    m_deps.log.debug("rtmp.bad_media",
                                     {{"session", m_id}, {"error", s.error().message}});
                }
            }
            return;
        default:
            return;
    }
}

void RtmpSession::onCommand(const rtmp::Command& command) {
    const std::string& name = command.name;
    if (name == "connect") {
        onConnect(command);
    } else if (name == "createStream") {
        sendMessage(rtmp::createStreamResultMessage(command.transactionId, kPlayStreamId));
    } else if (name == "releaseStream" || name == "FCPublish" || name == "FCUnpublish") {
        sendMessage(rtmp::resultMessage(command.transactionId, rtmp::Amf0Value::null()));
        if (name == "FCUnpublish") {
            stopPublishing();
        }
    } else if (name == "publish") {
        onPublish(command);
    } else if (name == "play") {
        onPlay(command);
    } else if (name == "pause") {
        if (auto p = rtmp::parsePause(command)) {
            m_paused = p.value().pause;
            sendStatus(rtmp::status::kStatus,
                       m_paused ? rtmp::status::kPauseNotify : rtmp::status::kUnpauseNotify,
                       m_paused ? "Paused." : "Unpaused.");
        }
    } else if (name == "deleteStream" || name == "closeStream") {
        stopPublishing();
        stopPlaying();
    }
}

void RtmpSession::onConnect(const rtmp::Command& command) {
    auto connect = rtmp::parseConnect(command);
    if (!connect) {
        sendMessage(rtmp::connectRejectedMessage(command.transactionId, connect.error().message));
        closeGracefully();
        return;
    }
    m_app = connect.value().app;
    m_tcUrl = connect.value().tcUrl;
    sendMessage(rtmp::windowAckSizeMessage(kWindowAckSize));
    sendMessage(rtmp::setPeerBandwidthMessage(kWindowAckSize, rtmp::PeerBandwidthLimit::Dynamic));
    sendMessage(rtmp::setChunkSizeMessage(kOutChunkSize));
    m_outChunkSize = kOutChunkSize;
    sendMessage(rtmp::connectResultMessage(command.transactionId, connect.value().objectEncoding));
    sendMessage(rtmp::onBWDoneMessage());
}

std::optional<media::AccessRequest> RtmpSession::accessRequest(const std::string& streamName,
                                                               std::string& error) const {
    auto target = rtmp::resolveStreamTarget(m_tcUrl, m_app, streamName);
    if (!target || target.value().app.empty() || target.value().stream.empty()) {
        error = target ? "empty app or stream" : target.error().message;
        return std::nullopt;
    }
    bool vhosts = m_deps.config.snapshot()->getBool("general.enableVhost");
    media::AccessRequest request;
    request.key = media::normalizedKey(target.value().vhost, target.value().app,
                                       target.value().stream, vhosts);
    request.params = target.value().params;
    request.peerIp = m_peerIp;
    request.peerPort = m_peerPort;
    request.sessionId = m_id;
    request.protocol = "rtmp";
    std::string base = m_tcUrl;
    if (auto q = base.find('?'); q != std::string::npos) {
        base.resize(q);
    }
    request.originUrl = base + "/" + streamName;
    return request;
}

void RtmpSession::onPublish(const rtmp::Command& command) {
    auto publish = rtmp::parsePublish(command);
    std::string error;
    auto request = publish ? accessRequest(publish.value().streamName, error) : std::nullopt;
    if (!request) {
        sendStatus(rtmp::status::kError, rtmp::status::kPublishBadName,
                   publish ? error : publish.error().message);
        closeGracefully();
        return;
    }
    if (m_ingest || m_playing) {
        sendStatus(rtmp::status::kError, rtmp::status::kPublishBadName,
                   "This connection already has a stream.");
        return;
    }
    media::PublisherInfo info{media::OriginType::rtmpPush,
                              request->originUrl,
                              request->params,
                              m_peerIp,
                              m_peerPort,
                              m_localIp,
                              m_localPort,
                              m_id};
    auto proceed = [self = shared_from_this(), request = *request,
                    info](media::AccessVerdict verdict) mutable {
        asio::post(self->queueExecutor(), [self, request, info, verdict]() mutable {
            if (self->isClosed()) {
                return;
            }
            if (verdict.refusal) {
                self->m_deps.log.info("rtmp.publish_refused", {{"stream", request.key.str()},
                                                               {"reason", *verdict.refusal}});
                self->sendStatus(rtmp::status::kError, "NetStream.Publish.BadAuth",
                                 *verdict.refusal);
                self->closeGracefully();
                return;
            }
            info.continuePush = verdict.continuePush;
            info.autoClose = verdict.autoClose;
            self->startPublishing(request, info);
        });
    };
    if (m_deps.publishCheck) {
        m_deps.publishCheck(*request, proceed);
    } else {
        proceed(media::AccessVerdict::allow());
    }
}

void RtmpSession::startPublishing(const media::AccessRequest& request,
                                  const media::PublisherInfo& info) {
    auto [result, source] = m_deps.sources.beginPublish(
        request.key, info,
        [weak = weak_from_this()] {
            if (auto self = weak.lock()) {
                self->kick();
            }
        },
        m_deps.clock.unixSeconds(), addLiveFormats);
    if (result == media::SourceRegistry::PublishResult::busy) {
        m_deps.log.info("rtmp.publish_busy", {{"stream", request.key.str()}, {"peer", m_peerIp}});
        sendStatus(rtmp::status::kError, rtmp::status::kPublishBadName,
                   "Stream already publishing");
        closeGracefully();
        return;
    }
    m_ingest.emplace(source, result == media::SourceRegistry::PublishResult::resumed);
    watchdog();
    m_readBufferWanted = kPublisherReadBuffer;  // applied by the next read, never under one
    m_access = request;
    m_deps.log.info(
        "rtmp.publish",
        {{"session", m_id},
         {"stream", request.key.str()},
         {"resumed", result == media::SourceRegistry::PublishResult::resumed ? "1" : "0"}});
    sendStatus(rtmp::status::kStatus, rtmp::status::kPublishStart, "Start publishing");
}

void RtmpSession::onPlay(const rtmp::Command& command) {
    auto play = rtmp::parsePlay(command);
    std::string error;
    auto request = play ? accessRequest(play.value().streamName, error) : std::nullopt;
    if (!request) {
        sendStatus(rtmp::status::kError, rtmp::status::kPlayStreamNotFound,
                   play ? error : play.error().message);
        return;
    }
    if (m_ingest || m_playing) {
        return;
    }
    auto self = shared_from_this();
    auto find = [self, request = *request](const media::AccessVerdict& verdict) mutable {
        asio::post(self->queueExecutor(), [self, request, verdict] {
            if (self->isClosed()) {
                return;
            }
            if (verdict.refusal) {
                self->m_deps.log.info("rtmp.play_refused", {{"stream", request.key.str()},
                                                            {"reason", *verdict.refusal}});
                self->sendStatus(rtmp::status::kError, "NetStream.Play.Failed", *verdict.refusal);
                self->closeGracefully();
                return;
            }
            auto wait = std::chrono::milliseconds(std::max<std::int64_t>(
                0, self->m_deps.config.snapshot()->getInt("general.maxStreamWaitMS")));
            self->m_deps.sources.findOrWait(
                request.key, wait, self->queueExecutor(), [self, request](auto source) {
                    if (self->isClosed()) {
                        return;
                    }
                    if (!source) {
                        self->sendStatus(rtmp::status::kError, rtmp::status::kPlayStreamNotFound,
                                         "No such stream: " + request.key.stream);
                        self->closeGracefully();
                        return;
                    }
                    self->m_access = request;
                    self->m_player = true;
                    self->startPlaying(source);
                });
        });
    };
    if (m_deps.playCheck) {
        m_deps.playCheck(*request, find);
    } else {
        find(media::AccessVerdict::allow());
    }
}

void RtmpSession::startPlaying(const std::shared_ptr<media::MediaSource>& source) {
    sendMessage(rtmp::streamBeginMessage(kPlayStreamId));
    sendStatus(rtmp::status::kStatus, rtmp::status::kPlayReset, "Playing and resetting.");
    sendStatus(rtmp::status::kStatus, rtmp::status::kPlayStart, "Started playing.");
    sendMessage(rtmp::sampleAccessMessage(kPlayStreamId));
    m_playing = source;
    if (!source->addReader(kRtmpFormat, shared_from_this())) {
        m_playing.reset();
        sendStatus(rtmp::status::kError, rtmp::status::kPlayStreamNotFound, "Stream closed");
        closeGracefully();
        return;
    }
    m_deps.sessions.setPlaying(m_id, source->key().str(), std::string(kRtmpFormat));
}

void RtmpSession::stopPublishing() {
    if (m_ingest) {
        m_deps.log.info("rtmp.unpublish",
                        {{"session", m_id}, {"stream", m_ingest->source()->key().str()}});
        m_deps.sources.endPublish(m_ingest->source());
        m_ingest.reset();
    }
}

void RtmpSession::stopPlaying() {
    if (m_playing) {
        m_playing->removeReader(kRtmpFormat, this);
        m_playing.reset();
        m_deps.sessions.setPlaying(m_id, {}, {});
    }
}

boost::asio::any_io_executor RtmpSession::executor() const {
    return queueExecutor();
}

void RtmpSession::deliver(std::span<const media::PacketPtr> packets) {
    if (isClosed() || m_paused || !m_playing) {
        return;
    }
    for (const auto& packet : packets) {
        switch (m_policy.decide(*packet, queued())) {
            case media::ReaderPolicy::Action::send: {
                enqueue(protocol::Outbound{protocol::packetBuffers(*packet), packet, packet->size(),
                                           false},
                        false);
                break;
            }
            case media::ReaderPolicy::Action::drop:
                break;
            case media::ReaderPolicy::Action::disconnect:
                m_deps.log.warn("rtmp.player_too_slow",
                                {{"session", m_id}, {"stream", m_playing->key().str()}});
                closeNow();
                return;
        }
    }
    flush();
}

void RtmpSession::sourceEnded() {
    if (!m_playing) {
        return;
    }
    m_playing.reset();
    m_deps.sessions.setPlaying(m_id, {}, {});
    sendMessage(rtmp::streamEofMessage(kPlayStreamId));
    sendStatus(rtmp::status::kStatus, rtmp::status::kPlayUnpublishNotify, "Stream ended.");
    closeGracefully();
}

void RtmpSession::sendMessage(const rtmp::RtmpMessage& message) {
    auto bytes = rtmp::chunkShared(message.header, message.payload, m_outChunkSize);
    enqueue(protocol::Outbound{{asio::buffer(*bytes)}, bytes, bytes->size(), false});
}

void RtmpSession::sendStatus(std::string_view level, std::string_view code,
                             std::string_view description) {
    sendMessage(rtmp::onStatusMessage(kPlayStreamId, level, code, description));
}

void RtmpSession::writeFront(const protocol::OutboundRing& queue) {
    m_batch.clear();
    std::size_t count = 0;
    for (const auto& m : queue) {
        if (count > 0 && m_batch.size() + m.buffers.size() > protocol::kMaxGatheredBuffers) {
            break;
        }
        m_batch.insert(m_batch.end(), m.buffers.begin(), m.buffers.end());
        ++count;
    }
    protocol::writeGathered(m_socket, m_batch,
                            [self = shared_from_this(), count](boost::system::error_code ec) {
                                self->written(ec, count);
                            });
}

void RtmpSession::closeSocket() {
    boost::system::error_code ec;
    m_socket.shutdown(tcp::socket::shutdown_both, ec);
    m_socket.close(ec);
}

void RtmpSession::watchdog() {
    m_timer.expires_after(std::chrono::seconds(1));
    m_timer.async_wait([self = shared_from_this()](boost::system::error_code ec) {
        if (ec || self->m_finished) {
            return;
        }
        auto now = std::chrono::steady_clock::now();
        auto config = self->m_deps.config.snapshot();
        auto handshakeLimit =
            std::chrono::seconds(std::max<std::int64_t>(1, config->getInt("rtmp.handshakeSecond")));
        auto idleLimit =
            std::chrono::seconds(std::max<std::int64_t>(1, config->getInt("rtmp.keepAliveSecond")));
        bool handshakeLate = !self->m_handshake.done() && now - self->m_started > handshakeLimit;
        // Players send almost nothing; only a publisher is expected to keep data coming.
        bool publisherIdle = self->m_ingest && now - self->m_lastInput > idleLimit;
        if (handshakeLate || publisherIdle) {
            self->m_deps.log.info(
                "rtmp.timeout",
                {{"session", self->m_id}, {"phase", handshakeLate ? "handshake" : "publish"}});
            self->closeNow();
            return;
        }
        // Past the handshake only a publisher has a limit to watch: players and idle connections
        // keep no timer (startPublishing arms it again).
        if (!self->m_handshake.done() || self->m_ingest) {
            self->watchdog();
        }
    });
}

void RtmpSession::finish() {
    if (m_finished) {
        return;
    }
    m_finished = true;
    m_timer.cancel();
    stopPublishing();
    stopPlaying();
    closeNow();
    if (m_access && m_deps.flowReport) {
        auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
            std::chrono::steady_clock::now() - m_started);
        m_deps.flowReport({*m_access, m_player ? bytesWritten() : m_bytesIn,
                           static_cast<std::uint64_t>(seconds.count()), m_player});
    }
    m_deps.sessions.remove(m_id);
    m_server.forget(std::static_pointer_cast<RtmpSession>(shared_from_this()));
}

}  // namespace regie::rtmpserver
