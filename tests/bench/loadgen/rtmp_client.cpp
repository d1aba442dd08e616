#include "rtmp_client.h"

#include "protocol/flv/tag_body.h"
#include "protocol/rtmp/chunk_writer.h"
#include "protocol/rtmp/messages.h"

namespace regie::loadgen {
namespace {

constexpr double kConnectTransaction = 1;
constexpr double kCreateStreamTransaction = 2;

// connect as a Flash player announces itself, not as the publisher connectCommand() describes.
rtmp::RtmpMessage playerConnect(const std::string& app, const std::string& tcUrl) {
    using rtmp::Amf0Value;
    auto object = Amf0Value::object({{"app", Amf0Value::string(app)},
                                     {"flashVer", Amf0Value::string("LNX 9,0,124,2")},
                                     {"tcUrl", Amf0Value::string(tcUrl)},
                                     {"fpad", Amf0Value::boolean(false)},
                                     {"capabilities", Amf0Value::number(15)},
                                     {"audioCodecs", Amf0Value::number(4071)},
                                     {"videoCodecs", Amf0Value::number(252)},
                                     {"videoFunction", Amf0Value::number(1)}});
    return rtmp::commandMessage(rtmp::kCommandCsid, 0, "connect", kConnectTransaction, object);
}

}  // namespace

RtmpClient::RtmpClient(std::string tcUrl, std::string app, std::string stream)
    : m_tcUrl(std::move(tcUrl)), m_app(std::move(app)), m_stream(std::move(stream)) {}

void RtmpClient::start(ClientEvents& events) {
    m_out = m_handshake.start();
    flush(events);
}

void RtmpClient::onData(std::span<const std::uint8_t> data, ClientEvents& events) {
    m_received += data.size();
    rtmp::Bytes leftover;
    if (!m_handshake.done()) {
        auto status = m_handshake.feed(data, m_out);
        if (!status) {
            events.fail("RTMP: " + status.error().message);
            return;
        }
        if (!m_handshake.done()) {
            flush(events);
            return;
        }
        sendMessage(playerConnect(m_app, m_tcUrl));
        leftover = m_handshake.takeLeftover();
        data = leftover;
    }
    m_messages.clear();
    auto fed = m_reader.feed(data, m_messages);
    for (const auto& message : m_messages) {
        onMessage(message, events);
    }
    if (!fed) {
        events.fail("RTMP: " + fed.error().message);
        return;
    }
    if (m_windowAckSize > 0 && m_received - m_acknowledged >= m_windowAckSize) {
        m_acknowledged = m_received;
        sendMessage(rtmp::acknowledgementMessage(static_cast<std::uint32_t>(m_received)));
    }
    flush(events);
}

void RtmpClient::sendMessage(const rtmp::RtmpMessage& message) {
    // Plain players keep the default chunk size: they send too little to gain from a larger one.
    rtmp::appendChunks(m_out, message, rtmp::kDefaultChunkSize);
}

void RtmpClient::flush(ClientEvents& events) {
    if (!m_out.empty()) {
        events.send({reinterpret_cast<const char*>(m_out.data()), m_out.size()});
        m_out.clear();
    }
}

void RtmpClient::onMessage(const rtmp::RtmpMessage& message, ClientEvents& events) {
    switch (message.header.type()) {
        case rtmp::MessageType::UserControl: {
            auto event = rtmp::parseUserControl(message);
            if (event && event.value().type == rtmp::UserControlType::PingRequest) {
                sendMessage(rtmp::pingResponseMessage(event.value().value));
            }
            break;
        }
        case rtmp::MessageType::WindowAckSize:
            if (auto size = rtmp::parseControlValue(message)) {
                m_windowAckSize = size.value();
            }
            break;
        case rtmp::MessageType::SetPeerBandwidth:
            if (auto bandwidth = rtmp::parsePeerBandwidth(message)) {
                sendMessage(rtmp::windowAckSizeMessage(bandwidth.value().windowSize));
            }
            break;
        case rtmp::MessageType::CommandAmf0:
        case rtmp::MessageType::CommandAmf3:
            onCommand(message, events);
            break;
        case rtmp::MessageType::Video:
            if (!m_reported) {
                auto frame = flv::parseVideoTag(message.payload, message.header.timestamp);
                if (frame && frame.value().kind == flv::PacketKind::Coded) {
                    m_reported = true;
                    events.codedVideoFrame(frame.value().keyframe);
                }
            }
            break;
        default:
            break;
    }
}

void RtmpClient::onCommand(const rtmp::RtmpMessage& message, ClientEvents& events) {
    auto parsed = rtmp::parseCommand(message);
    if (!parsed) {
        return;
    }
    const auto& command = parsed.value();
    if (command.name == "_error" || command.name == "onStatus") {
        const rtmp::Amf0Value* info = command.args.empty() ? nullptr : &command.args[0];
        if (command.name == "_error" || (info && info->stringAt("level") == rtmp::status::kError)) {
            events.fail("RTMP " + command.name + ": " + (info ? info->stringAt("code") : ""));
        }
        return;
    }
    if (command.name != "_result") {
        return;
    }
    if (command.transactionId == kConnectTransaction) {
        sendMessage(rtmp::createStreamCommand(kCreateStreamTransaction));
    } else if (command.transactionId == kCreateStreamTransaction && !m_playing) {
        if (command.args.empty() || !command.args[0].isNumber()) {
            events.fail("RTMP: createStream returned no stream id");
            return;
        }
        m_playing = true;
        auto streamId = static_cast<std::uint32_t>(command.args[0].asNumber());
        sendMessage(rtmp::playCommand(streamId, m_stream));
    }
}

}  // namespace regie::loadgen
