#include "protocol/rtmp/messages.h"

#include <iterator>

namespace regie::rtmp {

namespace {

RtmpMessage controlMessage(MessageType type, Bytes payload) {
    return RtmpMessage{{kControlCsid, static_cast<std::uint8_t>(type), 0, 0}, std::move(payload)};
}

RtmpMessage valueMessage(MessageType type, std::uint32_t value) {
    Bytes payload;
    putU32(payload, value);
    return controlMessage(type, std::move(payload));
}

// AMF3 command and data messages are AMF0 after a leading zero format byte.
core::Result<std::vector<Amf0Value>> decodeBody(const RtmpMessage& message, MessageType amf0,
                                                MessageType amf3) {
    ByteSpan body = message.payload;
    if (message.header.type() == amf3) {
        if (body.empty() || body[0] != 0) {
            return core::Error{"rtmp: AMF3-encoded body is not supported"};
        }
        body = body.subspan(1);
    } else if (message.header.type() != amf0) {
        return core::Error{"rtmp: message type " + std::to_string(message.header.typeId) +
                           " is not an AMF message"};
    }
    return decodeAmf0(body);
}

const Amf0Value* arg(const Command& command, std::size_t i) {
    return i < command.args.size() ? &command.args[i] : nullptr;
}

core::Result<std::string> stringArg(const Command& command, std::size_t i) {
    const auto* v = arg(command, i);
    if (!v || !v->isString()) {
        return core::Error{"rtmp: " + command.name + " lacks its string argument"};
    }
    return v->asString();
}

Amf0Value statusObject(std::string_view level, std::string_view code,
                       std::string_view description) {
    return Amf0Value::object({{"level", Amf0Value::string(std::string(level))},
                              {"code", Amf0Value::string(std::string(code))},
                              {"description", Amf0Value::string(std::string(description))}});
}

RtmpMessage dataMessage(std::uint32_t streamId, std::uint32_t timestamp,
                        const std::vector<Amf0Value>& values) {
    return RtmpMessage{
        {kStreamCommandCsid, static_cast<std::uint8_t>(MessageType::DataAmf0), streamId, timestamp},
        encodeAmf0(values)};
}

}  // namespace

RtmpMessage setChunkSizeMessage(std::uint32_t chunkSize) {
    return valueMessage(MessageType::SetChunkSize, chunkSize & kMaxChunkSize);
}

RtmpMessage abortMessage(std::uint32_t csid) {
    return valueMessage(MessageType::Abort, csid);
}

RtmpMessage acknowledgementMessage(std::uint32_t sequenceNumber) {
    return valueMessage(MessageType::Acknowledgement, sequenceNumber);
}

RtmpMessage windowAckSizeMessage(std::uint32_t windowSize) {
    return valueMessage(MessageType::WindowAckSize, windowSize);
}

RtmpMessage setPeerBandwidthMessage(std::uint32_t windowSize, PeerBandwidthLimit limit) {
    Bytes payload;
    putU32(payload, windowSize);
    putU8(payload, static_cast<std::uint8_t>(limit));
    return controlMessage(MessageType::SetPeerBandwidth, std::move(payload));
}

core::Result<std::uint32_t> parseControlValue(const RtmpMessage& message) {
    if (message.payload.size() < 4) {
        return core::Error{"rtmp: truncated control message"};
    }
    return getU32(message.payload.data());
}

core::Result<PeerBandwidth> parsePeerBandwidth(const RtmpMessage& message) {
    if (message.payload.size() < 5 || message.payload[4] > 2) {
        return core::Error{"rtmp: malformed Set Peer Bandwidth"};
    }
    return PeerBandwidth{getU32(message.payload.data()),
                         static_cast<PeerBandwidthLimit>(message.payload[4])};
}

RtmpMessage userControlMessage(const UserControlEvent& event) {
    Bytes payload;
    putU16(payload, static_cast<std::uint16_t>(event.type));
    putU32(payload, event.value);
    if (event.type == UserControlType::SetBufferLength) {
        putU32(payload, event.bufferLength);
    }
    return controlMessage(MessageType::UserControl, std::move(payload));
}

RtmpMessage streamBeginMessage(std::uint32_t streamId) {
    return userControlMessage({UserControlType::StreamBegin, streamId});
}

RtmpMessage streamEofMessage(std::uint32_t streamId) {
    return userControlMessage({UserControlType::StreamEof, streamId});
}

RtmpMessage streamIsRecordedMessage(std::uint32_t streamId) {
    return userControlMessage({UserControlType::StreamIsRecorded, streamId});
}

RtmpMessage pingRequestMessage(std::uint32_t timestamp) {
    return userControlMessage({UserControlType::PingRequest, timestamp});
}

RtmpMessage pingResponseMessage(std::uint32_t timestamp) {
    return userControlMessage({UserControlType::PingResponse, timestamp});
}

RtmpMessage setBufferLengthMessage(std::uint32_t streamId, std::uint32_t milliseconds) {
    return userControlMessage({UserControlType::SetBufferLength, streamId, milliseconds});
}

core::Result<UserControlEvent> parseUserControl(const RtmpMessage& message) {
    const auto& p = message.payload;
    if (p.size() < 6) {
        return core::Error{"rtmp: truncated user control message"};
    }
    UserControlEvent event{static_cast<UserControlType>(getU16(p.data())), getU32(p.data() + 2)};
    if (event.type == UserControlType::SetBufferLength) {
        if (p.size() < 10) {
            return core::Error{"rtmp: truncated Set Buffer Length"};
        }
        event.bufferLength = getU32(p.data() + 6);
    }
    return event;
}

core::Result<Command> parseCommand(const RtmpMessage& message) {
    auto values = decodeBody(message, MessageType::CommandAmf0, MessageType::CommandAmf3);
    if (!values) {
        return values.error();
    }
    auto& v = values.value();
    if (v.empty() || !v[0].isString()) {
        return core::Error{"rtmp: command without a name"};
    }
    Command command;
    command.name = v[0].asString();
    command.streamId = message.header.streamId;
    if (v.size() > 1) {
        command.transactionId = v[1].asNumber();
    }
    if (v.size() > 2) {
        command.commandObject = std::move(v[2]);
    }
    for (std::size_t i = 3; i < v.size(); ++i) {
        command.args.push_back(std::move(v[i]));
    }
    return command;
}

core::Result<ConnectRequest> parseConnect(const Command& command) {
    const auto& o = command.commandObject;
    if (!o.isMap()) {
        return core::Error{"rtmp: connect without a command object"};
    }
    ConnectRequest r;
    r.app = o.stringAt("app");
    r.tcUrl = o.stringAt("tcUrl");
    r.flashVer = o.stringAt("flashVer");
    r.swfUrl = o.stringAt("swfUrl");
    r.pageUrl = o.stringAt("pageUrl");
    r.objectEncoding = o.numberAt("objectEncoding");
    r.object = o;
    return r;
}

core::Result<PublishRequest> parsePublish(const Command& command) {
    auto name = stringArg(command, 0);
    if (!name) {
        return name.error();
    }
    PublishRequest r{std::move(name.value()), "live"};
    if (const auto* type = arg(command, 1); type && type->isString()) {
        r.publishType = type->asString();
    }
    return r;
}

core::Result<PlayRequest> parsePlay(const Command& command) {
    auto name = stringArg(command, 0);
    if (!name) {
        return name.error();
    }
    PlayRequest r;
    r.streamName = std::move(name.value());
    if (const auto* v = arg(command, 1)) {
        r.start = v->asNumber(r.start);
    }
    if (const auto* v = arg(command, 2)) {
        r.duration = v->asNumber(r.duration);
    }
    if (const auto* v = arg(command, 3)) {
        // Some clients send the reset flag as a number.
        r.reset = v->isNumber() ? v->asNumber() != 0 : v->asBoolean(r.reset);
    }
    return r;
}

core::Result<PauseRequest> parsePause(const Command& command) {
    const auto* flag = arg(command, 0);
    if (!flag || !flag->isBoolean()) {
        return core::Error{"rtmp: pause without its flag"};
    }
    PauseRequest r{flag->asBoolean()};
    if (const auto* ms = arg(command, 1)) {
        r.milliseconds = ms->asNumber();
    }
    return r;
}

core::Result<std::string> parseStreamNameArg(const Command& command) {
    return stringArg(command, 0);
}

core::Result<std::uint32_t> parseDeleteStream(const Command& command) {
    const auto* v = arg(command, 0);
    if (!v || !v->isNumber() || !(v->asNumber() >= 0 && v->asNumber() <= 4294967295.0)) {
        return core::Error{"rtmp: deleteStream without a stream id"};
    }
    return static_cast<std::uint32_t>(v->asNumber());
}

RtmpMessage commandMessage(std::uint32_t csid, std::uint32_t streamId, std::string_view name,
                           double transactionId, const Amf0Value& commandObject,
                           const std::vector<Amf0Value>& args) {
    Bytes payload;
    encodeAmf0(Amf0Value::string(std::string(name)), payload);
    encodeAmf0(Amf0Value::number(transactionId), payload);
    encodeAmf0(commandObject, payload);
    for (const auto& a : args) {
        encodeAmf0(a, payload);
    }
    return RtmpMessage{{csid, static_cast<std::uint8_t>(MessageType::CommandAmf0), streamId, 0},
                       std::move(payload)};
}

RtmpMessage resultMessage(double transactionId, const Amf0Value& properties,
                          const std::vector<Amf0Value>& values) {
    return commandMessage(kCommandCsid, 0, "_result", transactionId, properties, values);
}

RtmpMessage errorMessage(double transactionId, const Amf0Value& properties,
                         const Amf0Value& information) {
    return commandMessage(kCommandCsid, 0, "_error", transactionId, properties, {information});
}

RtmpMessage connectResultMessage(double transactionId, double objectEncoding) {
    auto properties = Amf0Value::object({{"fmsVer", Amf0Value::string("FMS/3,0,1,123")},
                                         {"capabilities", Amf0Value::number(31)},
                                         {"mode", Amf0Value::number(1)}});
    auto info = statusObject(status::kStatus, status::kConnectSuccess, "Connection succeeded.");
    info.set("objectEncoding", Amf0Value::number(objectEncoding));
    return resultMessage(transactionId, properties, {info});
}

RtmpMessage connectRejectedMessage(double transactionId, std::string_view description) {
    return errorMessage(transactionId, Amf0Value::null(),
                        statusObject(status::kError, status::kConnectRejected, description));
}

RtmpMessage createStreamResultMessage(double transactionId, std::uint32_t streamId) {
    return resultMessage(transactionId, Amf0Value::null(), {Amf0Value::number(streamId)});
}

RtmpMessage onBWDoneMessage() {
    return commandMessage(kCommandCsid, 0, "onBWDone", 0, Amf0Value::null());
}

RtmpMessage onStatusMessage(std::uint32_t streamId, std::string_view level, std::string_view code,
                            std::string_view description, std::string_view details,
                            std::string_view clientId) {
    auto info = statusObject(level, code, description);
    if (!details.empty()) {
        info.set("details", Amf0Value::string(std::string(details)));
    }
    if (!clientId.empty()) {
        info.set("clientid", Amf0Value::string(std::string(clientId)));
    }
    return commandMessage(kStreamCommandCsid, streamId, "onStatus", 0, Amf0Value::null(), {info});
}

RtmpMessage connectCommand(double transactionId, std::string_view app, std::string_view tcUrl) {
    auto object =
        Amf0Value::object({{"app", Amf0Value::string(std::string(app))},
                           {"type", Amf0Value::string("nonprivate")},
                           {"flashVer", Amf0Value::string("FMLE/3.0 (compatible; regie)")},
                           {"tcUrl", Amf0Value::string(std::string(tcUrl))}});
    return commandMessage(kCommandCsid, 0, "connect", transactionId, object);
}

RtmpMessage createStreamCommand(double transactionId) {
    return commandMessage(kCommandCsid, 0, "createStream", transactionId, Amf0Value::null());
}

RtmpMessage publishCommand(std::uint32_t streamId, std::string_view streamName,
                           std::string_view publishType) {
    return commandMessage(
        kStreamCommandCsid, streamId, "publish", 0, Amf0Value::null(),
        {Amf0Value::string(std::string(streamName)), Amf0Value::string(std::string(publishType))});
}

RtmpMessage playCommand(std::uint32_t streamId, std::string_view streamName, double start) {
    return commandMessage(kStreamCommandCsid, streamId, "play", 0, Amf0Value::null(),
                          {Amf0Value::string(std::string(streamName)), Amf0Value::number(start)});
}

core::Result<DataMessage> parseDataMessage(const RtmpMessage& message) {
    auto values = decodeBody(message, MessageType::DataAmf0, MessageType::DataAmf3);
    if (!values) {
        return values.error();
    }
    auto& v = values.value();
    if (v.empty() || !v[0].isString()) {
        return core::Error{"rtmp: data message without a handler name"};
    }
    DataMessage data{v[0].asString(), {}};
    data.values.assign(std::make_move_iterator(v.begin() + 1), std::make_move_iterator(v.end()));
    return data;
}

std::optional<Amf0Value> metaDataOf(const DataMessage& data) {
    const auto& v = data.values;
    if (data.handler == "@setDataFrame" && v.size() >= 2 && v[0].asString() == "onMetaData" &&
        v[1].isMap()) {
        return v[1];
    }
    if (data.handler == "onMetaData" && !v.empty() && v[0].isMap()) {
        return v[0];
    }
    return std::nullopt;
}

RtmpMessage onMetaDataMessage(std::uint32_t streamId, const Amf0Value& metaData,
                              std::uint32_t timestamp) {
    return dataMessage(streamId, timestamp, {Amf0Value::string("onMetaData"), metaData});
}

RtmpMessage sampleAccessMessage(std::uint32_t streamId) {
    return dataMessage(streamId, 0,
                       {Amf0Value::string("|RtmpSampleAccess"), Amf0Value::boolean(true),
                        Amf0Value::boolean(true)});
}

}  // namespace regie::rtmp
