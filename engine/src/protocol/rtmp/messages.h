#pragma once
// Builders and parsers for protocol control, user control and AMF0 command/data messages.
// Builders return whole messages (header + payload) ready for appendChunks().

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "protocol/rtmp/amf0.h"
#include "protocol/rtmp/rtmp_message.h"

namespace regie::rtmp {

// ---- protocol control (message stream 0, chunk stream 2)

enum class PeerBandwidthLimit : std::uint8_t { Hard = 0, Soft = 1, Dynamic = 2 };

RtmpMessage setChunkSizeMessage(std::uint32_t chunkSize);
RtmpMessage abortMessage(std::uint32_t csid);
RtmpMessage acknowledgementMessage(std::uint32_t sequenceNumber);
RtmpMessage windowAckSizeMessage(std::uint32_t windowSize);
RtmpMessage setPeerBandwidthMessage(std::uint32_t windowSize, PeerBandwidthLimit limit);

// Set Chunk Size, Abort, Acknowledgement and Window Ack Size all carry one 32-bit value.
core::Result<std::uint32_t> parseControlValue(const RtmpMessage& message);

struct PeerBandwidth {
    std::uint32_t windowSize = 0;
    PeerBandwidthLimit limit = PeerBandwidthLimit::Hard;
};
core::Result<PeerBandwidth> parsePeerBandwidth(const RtmpMessage& message);

// ---- user control events

enum class UserControlType : std::uint16_t {
    StreamBegin = 0,
    StreamEof = 1,
    StreamDry = 2,
    SetBufferLength = 3,
    StreamIsRecorded = 4,
    PingRequest = 6,
    PingResponse = 7,
};

struct UserControlEvent {
    UserControlType type = UserControlType::StreamBegin;
    // The stream id, or the timestamp for pings.
    std::uint32_t value = 0;
    // Buffer length in milliseconds, for SetBufferLength only.
    std::uint32_t bufferLength = 0;
};

RtmpMessage userControlMessage(const UserControlEvent& event);
RtmpMessage streamBeginMessage(std::uint32_t streamId);
RtmpMessage streamEofMessage(std::uint32_t streamId);
RtmpMessage streamIsRecordedMessage(std::uint32_t streamId);
RtmpMessage pingRequestMessage(std::uint32_t timestamp);
RtmpMessage pingResponseMessage(std::uint32_t timestamp);
RtmpMessage setBufferLengthMessage(std::uint32_t streamId, std::uint32_t milliseconds);
core::Result<UserControlEvent> parseUserControl(const RtmpMessage& message);

// ---- commands

struct Command {
    std::string name;
    double transactionId = 0;
    Amf0Value commandObject;      // null for most stream commands
    std::vector<Amf0Value> args;  // the values after the command object
    std::uint32_t streamId = 0;   // the message stream the command arrived on
};

// Accepts AMF0 commands (type 20) and AMF3 commands (type 17) whose body is AMF0 after the
// leading format byte, as Flash sends them.
core::Result<Command> parseCommand(const RtmpMessage& message);

struct ConnectRequest {
    std::string app;
    std::string tcUrl;
    std::string flashVer;
    std::string swfUrl;
    std::string pageUrl;
    double objectEncoding = 0;
    Amf0Value object;  // the whole command object
};
core::Result<ConnectRequest> parseConnect(const Command& command);

struct PublishRequest {
    std::string streamName;   // may carry "?params"
    std::string publishType;  // "live", "record" or "append"; "live" when absent
};
core::Result<PublishRequest> parsePublish(const Command& command);

struct PlayRequest {
    std::string streamName;
    double start = -2;     // -2 live or recorded, -1 live only, >= 0 recorded from there
    double duration = -1;  // -1 to the end
    bool reset = true;
};
core::Result<PlayRequest> parsePlay(const Command& command);

struct PauseRequest {
    bool pause = true;
    double milliseconds = 0;
};
core::Result<PauseRequest> parsePause(const Command& command);

// The stream name argument of releaseStream, FCPublish, FCUnpublish and getStreamLength.
core::Result<std::string> parseStreamNameArg(const Command& command);
// The stream id argument of deleteStream (closeStream has none: use Command::streamId).
core::Result<std::uint32_t> parseDeleteStream(const Command& command);

RtmpMessage commandMessage(std::uint32_t csid, std::uint32_t streamId, std::string_view name,
                           double transactionId, const Amf0Value& commandObject,
                           const std::vector<Amf0Value>& args = {});
RtmpMessage resultMessage(double transactionId, const Amf0Value& properties,
                          const std::vector<Amf0Value>& values = {});
RtmpMessage errorMessage(double transactionId, const Amf0Value& properties,
                         const Amf0Value& information);

// The _result to connect: server properties and NetConnection.Connect.Success.
RtmpMessage connectResultMessage(double transactionId, double objectEncoding);
RtmpMessage connectRejectedMessage(double transactionId, std::string_view description);
RtmpMessage createStreamResultMessage(double transactionId, std::uint32_t streamId);
RtmpMessage onBWDoneMessage();

namespace status {
inline constexpr std::string_view kStatus = "status";
inline constexpr std::string_view kError = "error";
inline constexpr std::string_view kWarning = "warning";

inline constexpr std::string_view kConnectSuccess = "NetConnection.Connect.Success";
inline constexpr std::string_view kConnectRejected = "NetConnection.Connect.Rejected";
inline constexpr std::string_view kPublishStart = "NetStream.Publish.Start";
inline constexpr std::string_view kPublishBadName = "NetStream.Publish.BadName";
inline constexpr std::string_view kUnpublishSuccess = "NetStream.Unpublish.Success";
inline constexpr std::string_view kPlayStart = "NetStream.Play.Start";
inline constexpr std::string_view kPlayReset = "NetStream.Play.Reset";
inline constexpr std::string_view kPlayStop = "NetStream.Play.Stop";
inline constexpr std::string_view kPlayStreamNotFound = "NetStream.Play.StreamNotFound";
inline constexpr std::string_view kPlayPublishNotify = "NetStream.Play.PublishNotify";
inline constexpr std::string_view kPlayUnpublishNotify = "NetStream.Play.UnpublishNotify";
inline constexpr std::string_view kPauseNotify = "NetStream.Pause.Notify";
inline constexpr std::string_view kUnpauseNotify = "NetStream.Unpause.Notify";
}  // namespace status

// onStatus on a message stream; `details` and `clientId` are set when non-empty.
RtmpMessage onStatusMessage(std::uint32_t streamId, std::string_view level, std::string_view code,
                            std::string_view description, std::string_view details = {},
                            std::string_view clientId = {});

// ---- client-side commands (load generators, tests)

RtmpMessage connectCommand(double transactionId, std::string_view app, std::string_view tcUrl);
RtmpMessage createStreamCommand(double transactionId);
RtmpMessage publishCommand(std::uint32_t streamId, std::string_view streamName,
                           std::string_view publishType = "live");
RtmpMessage playCommand(std::uint32_t streamId, std::string_view streamName, double start = -2);

// ---- data messages

struct DataMessage {
    std::string handler;  // e.g. "@setDataFrame", "onMetaData", "|RtmpSampleAccess"
    std::vector<Amf0Value> values;
};
core::Result<DataMessage> parseDataMessage(const RtmpMessage& message);

// The metadata map of "@setDataFrame","onMetaData",{...} or "onMetaData",{...}; nullopt for
// any other data message.
std::optional<Amf0Value> metaDataOf(const DataMessage& data);

// "onMetaData" with the map, as players expect it (the publisher's @setDataFrame stripped).
RtmpMessage onMetaDataMessage(std::uint32_t streamId, const Amf0Value& metaData,
                              std::uint32_t timestamp = 0);
RtmpMessage sampleAccessMessage(std::uint32_t streamId);

}  // namespace regie::rtmp
