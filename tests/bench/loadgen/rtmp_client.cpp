#include "rtmp_client.h"

#include <algorithm>

#include "amf0_reader.h"
#include "amf0_writer.h"
#include "byte_order.h"
#include "rtmp_chunk_writer.h"

namespace regie::loadgen {
namespace {

constexpr std::size_t kHandshakeBlock = 1536;
constexpr std::size_t kServerHandshake = 1 + 2 * kHandshakeBlock;
constexpr std::uint8_t kRtmpVersion = 3;
// The default chunk size: a player sends too little to gain from announcing a larger one.
constexpr std::uint32_t kOutChunkSize = 128;
constexpr std::uint8_t kControlChunkStream = 2;
constexpr std::uint8_t kCommandChunkStream = 3;
constexpr std::uint8_t kPlayChunkStream = 8;
constexpr double kConnectTransaction = 1;
constexpr double kCreateStreamTransaction = 2;
constexpr std::uint32_t kPingRequest = 6;
constexpr std::uint32_t kPingResponse = 7;

}  // namespace

RtmpClient::RtmpClient(std::string tcUrl, std::string app, std::string stream)
    : m_tcUrl(std::move(tcUrl)), m_app(std::move(app)), m_stream(std::move(stream)) {}

void RtmpClient::start(ClientEvents& events) {
    std::string c0c1(1 + kHandshakeBlock, '\0');
    c0c1[0] = kRtmpVersion;
    // C1: time and zero, then bytes the server echoes back; their content does not matter.
    for (std::size_t i = 9; i < c0c1.size(); ++i) {
        c0c1[i] = static_cast<char>(i * 131);
    }
    events.send(c0c1);
}

void RtmpClient::onData(std::span<const std::uint8_t> data, ClientEvents& events) {
    m_received += data.size();
    if (!m_handshakeDone) {
        std::size_t n = std::min(kServerHandshake - m_handshake.size(), data.size());
        m_handshake.append(reinterpret_cast<const char*>(data.data()), n);
        data = data.subspan(n);
        if (m_handshake.size() < kServerHandshake) {
            return;
        }
        if (!onHandshake(events)) {
            return;
        }
    }
    m_messages.clear();
    bool ok = m_reader.feed(data, m_messages);
    for (const auto& message : m_messages) {
        onMessage(message, events);
    }
    if (!ok) {
        events.fail("RTMP: " + m_reader.error());
        return;
    }
    if (m_windowAckSize > 0 && m_received - m_acknowledged >= m_windowAckSize) {
        m_acknowledged = m_received;
        std::string sequence;
        appendBe32(sequence, static_cast<std::uint32_t>(m_received));
        sendControl(rtmp::kAcknowledgement, sequence);
    }
    if (!m_out.empty()) {
        events.send(m_out);
        m_out.clear();
    }
}

bool RtmpClient::onHandshake(ClientEvents& events) {
    m_handshakeDone = true;
    if (m_handshake[0] != kRtmpVersion) {
        events.fail("RTMP: server version " + std::to_string(m_handshake[0]));
        return false;
    }
    m_out.append(m_handshake, 1, kHandshakeBlock);  // C2 echoes S1
    m_handshake.clear();
    m_handshake.shrink_to_fit();

    std::string connect;
    amf0::writeString(connect, "connect");
    amf0::writeNumber(connect, kConnectTransaction);
    amf0::writeObjectStart(connect);
    amf0::writeKey(connect, "app");
    amf0::writeString(connect, m_app);
    amf0::writeKey(connect, "flashVer");
    amf0::writeString(connect, "LNX 9,0,124,2");
    amf0::writeKey(connect, "tcUrl");
    amf0::writeString(connect, m_tcUrl);
    amf0::writeKey(connect, "fpad");
    amf0::writeBoolean(connect, false);
    amf0::writeKey(connect, "capabilities");
    amf0::writeNumber(connect, 15);
    amf0::writeKey(connect, "audioCodecs");
    amf0::writeNumber(connect, 4071);
    amf0::writeKey(connect, "videoCodecs");
    amf0::writeNumber(connect, 252);
    amf0::writeKey(connect, "videoFunction");
    amf0::writeNumber(connect, 1);
    amf0::writeObjectEnd(connect);
    sendCommand(kCommandChunkStream, 0, connect);
    return true;
}

void RtmpClient::sendControl(std::uint8_t type, std::string_view payload) {
    appendRtmpMessage(m_out, kControlChunkStream, type, 0, payload, kOutChunkSize);
}

void RtmpClient::sendCommand(std::uint8_t chunkStreamId, std::uint32_t streamId,
                             const std::string& payload) {
    appendRtmpMessage(m_out, chunkStreamId, rtmp::kCommandAmf0, streamId, payload, kOutChunkSize);
}

void RtmpClient::onMessage(const RtmpMessage& message, ClientEvents& events) {
    const auto* payload = reinterpret_cast<const std::uint8_t*>(message.payload.data());
    switch (message.type) {
        case rtmp::kUserControl:
            if (message.payload.size() >= 6 && readBe16(payload) == kPingRequest) {
                std::string pong;
                appendBe16(pong, kPingResponse);
                pong.append(message.payload, 2, 4);
                sendControl(rtmp::kUserControl, pong);
            }
            break;
        case rtmp::kWindowAckSize:
            if (message.payload.size() >= 4) {
                m_windowAckSize = readBe32(payload);
            }
            break;
        case rtmp::kSetPeerBandwidth:
            if (message.payload.size() >= 4) {
                sendControl(rtmp::kWindowAckSize, message.payload.substr(0, 4));
            }
            break;
        case rtmp::kCommandAmf0:
            onCommand(message, events);
            break;
        case rtmp::kCommandAmf3:
            // An AMF3 command is an AMF0 one behind a format byte.
            if (!message.payload.empty()) {
                onCommand({message.type, message.streamId, message.payload.substr(1)}, events);
            }
            break;
        case rtmp::kVideo:
            if (!m_reported) {
                auto kind = classifyVideoTag({payload, message.payload.size()});
                if (kind != VideoTag::other) {
                    m_reported = true;
                    events.codedVideoFrame(kind == VideoTag::codedKeyFrame);
                }
            }
            break;
        default:
            break;
    }
}

void RtmpClient::onCommand(const RtmpMessage& message, ClientEvents& events) {
    amf0::Reader reader(message.payload);
    auto name = reader.read();
    auto transaction = reader.read();
    if (!name || name->type != amf0::Value::Type::string) {
        return;
    }
    if (name->text == "_error" || name->text == "onStatus") {
        reader.read();  // command object, null
        auto info = reader.read();
        std::string level = info ? info->field("level") : "";
        if (name->text == "_error" || level == "error") {
            events.fail("RTMP " + name->text + ": " + (info ? info->field("code") : ""));
        }
        return;
    }
    if (name->text != "_result" || !transaction) {
        return;
    }
    if (transaction->number == kConnectTransaction) {
        std::string createStream;
        amf0::writeString(createStream, "createStream");
        amf0::writeNumber(createStream, kCreateStreamTransaction);
        amf0::writeNull(createStream);
        sendCommand(kCommandChunkStream, 0, createStream);
    } else if (transaction->number == kCreateStreamTransaction && !m_playing) {
        reader.read();  // null
        auto streamId = reader.read();
        if (!streamId || streamId->type != amf0::Value::Type::number) {
            events.fail("RTMP: createStream returned no stream id");
            return;
        }
        m_playing = true;
        std::string play;
        amf0::writeString(play, "play");
        amf0::writeNumber(play, 0);
        amf0::writeNull(play);
        amf0::writeString(play, m_stream);
        amf0::writeNumber(play, -2);
        sendCommand(kPlayChunkStream, static_cast<std::uint32_t>(streamId->number), play);
    }
}

}  // namespace regie::loadgen
