// Protocol control, user control, command and data messages; the RTMP URL helper.

#include <QTest>
#include <random>

#include "protocol/rtmp/chunk_reader.h"
#include "protocol/rtmp/chunk_writer.h"
#include "protocol/rtmp/messages.h"
#include "protocol/rtmp/rtmp_url.h"
#include "rtmp_test_support.h"

using namespace regie::rtmp;
using rtmp_test::q;

namespace {

// What a peer would receive: chunked then decoded.
RtmpMessage overTheWire(const RtmpMessage& m) {
    std::vector<RtmpMessage> got;
    ChunkReader reader;
    if (!reader.feed(chunkMessage(m.header, m.payload, 128), got).ok() || got.size() != 1) {
        return {};
    }
    return got[0];
}

Command commandOf(const RtmpMessage& m) {
    auto c = parseCommand(overTheWire(m));
    return c.ok() ? c.value() : Command{};
}

const Amf0Value& info(const Command& c) {
    static const Amf0Value none;
    return c.args.empty() ? none : c.args[0];
}

}  // namespace

class TestMessages : public QObject {
    Q_OBJECT

private slots:
    void protocolControl() {
        auto m = setChunkSizeMessage(4096);
        QCOMPARE(m.header.csid, kControlCsid);
        QCOMPARE(m.header.streamId, 0u);
        QCOMPARE(m.payload, Bytes({0, 0, 0x10, 0}));
        QCOMPARE(parseControlValue(windowAckSizeMessage(2500000)).value(), 2500000u);
        QCOMPARE(parseControlValue(acknowledgementMessage(77)).value(), 77u);
        QCOMPARE(acknowledgementMessage(77).header.type(), MessageType::Acknowledgement);
        QCOMPARE(abortMessage(6).header.type(), MessageType::Abort);
        auto bw = setPeerBandwidthMessage(5000000, PeerBandwidthLimit::Dynamic);
        QCOMPARE(bw.payload, Bytes({0x00, 0x4C, 0x4B, 0x40, 0x02}));
        QCOMPARE(parsePeerBandwidth(bw).value().windowSize, 5000000u);
        QCOMPARE(parsePeerBandwidth(bw).value().limit, PeerBandwidthLimit::Dynamic);
        QVERIFY(!parseControlValue(RtmpMessage{{2, 1, 0, 0}, {1, 2}}).ok());
        QVERIFY(!parsePeerBandwidth(RtmpMessage{{2, 6, 0, 0}, {0, 0, 0, 1, 9}}).ok());
    }

    void userControl() {
        QCOMPARE(streamBeginMessage(1).payload, Bytes({0, 0, 0, 0, 0, 1}));
        QCOMPARE(streamEofMessage(1).payload, Bytes({0, 1, 0, 0, 0, 1}));
        QCOMPARE(streamIsRecordedMessage(1).payload, Bytes({0, 4, 0, 0, 0, 1}));
        QCOMPARE(pingRequestMessage(0x01020304).payload, Bytes({0, 6, 1, 2, 3, 4}));
        auto pong = parseUserControl(pingResponseMessage(99));
        QVERIFY(pong.ok());
        QCOMPARE(pong.value().type, UserControlType::PingResponse);
        QCOMPARE(pong.value().value, 99u);
        auto buffer = parseUserControl(setBufferLengthMessage(1, 3000));
        QVERIFY(buffer.ok());
        QCOMPARE(buffer.value().value, 1u);
        QCOMPARE(buffer.value().bufferLength, 3000u);
        QVERIFY(!parseUserControl(RtmpMessage{{2, 4, 0, 0}, {0, 3, 0, 0, 0, 1}}).ok());
        QVERIFY(!parseUserControl(RtmpMessage{{2, 4, 0, 0}, {0, 6}}).ok());
    }

    void connectRoundTrip() {
        auto c = commandOf(connectCommand(1, "live?vhost=v1", "rtmp://h:1935/live?vhost=v1"));
        QCOMPARE(q(c.name), QStringLiteral("connect"));
        QCOMPARE(c.transactionId, 1.0);
        auto r = parseConnect(c);
        QVERIFY(r.ok());
        QCOMPARE(q(r.value().app), QStringLiteral("live?vhost=v1"));
        QCOMPARE(q(r.value().tcUrl), QStringLiteral("rtmp://h:1935/live?vhost=v1"));
        QVERIFY(q(r.value().flashVer).startsWith("FMLE"));
        QVERIFY(!parseConnect(commandOf(createStreamCommand(2))).ok());
    }

    void streamCommands() {
        auto publish = parsePublish(commandOf(publishCommand(1, "test?sign=1", "record")));
        QVERIFY(publish.ok());
        QCOMPARE(q(publish.value().streamName), QStringLiteral("test?sign=1"));
        QCOMPARE(q(publish.value().publishType), QStringLiteral("record"));

        auto bare = commandOf(
            commandMessage(5, 1, "publish", 0, Amf0Value::null(), {Amf0Value::string("s")}));
        QCOMPARE(q(parsePublish(bare).value().publishType), QStringLiteral("live"));
        QCOMPARE(bare.streamId, 1u);
        QVERIFY(
            !parsePublish(commandOf(commandMessage(5, 1, "publish", 0, Amf0Value::null()))).ok());

        auto play = parsePlay(
            commandOf(commandMessage(8, 1, "play", 4, Amf0Value::null(),
                                     {Amf0Value::string("cam"), Amf0Value::number(-1000),
                                      Amf0Value::number(-1), Amf0Value::boolean(false)})));
        QVERIFY(play.ok());
        QCOMPARE(q(play.value().streamName), QStringLiteral("cam"));
        QCOMPARE(play.value().start, -1000.0);
        QCOMPARE(play.value().duration, -1.0);
        QCOMPARE(play.value().reset, false);
        auto defaults = parsePlay(commandOf(playCommand(1, "cam")));
        QCOMPARE(defaults.value().start, -2.0);
        QCOMPARE(defaults.value().reset, true);

        auto pause = parsePause(
            commandOf(commandMessage(8, 1, "pause", 0, Amf0Value::null(),
                                     {Amf0Value::boolean(true), Amf0Value::number(1234)})));
        QVERIFY(pause.ok());
        QCOMPARE(pause.value().pause, true);
        QCOMPARE(pause.value().milliseconds, 1234.0);

        for (const char* name : {"releaseStream", "FCPublish", "FCUnpublish", "getStreamLength"}) {
            auto c = commandOf(
                commandMessage(3, 0, name, 2, Amf0Value::null(), {Amf0Value::string("test")}));
            QCOMPARE(q(c.name), QString::fromLatin1(name));
            QCOMPARE(q(parseStreamNameArg(c).value()), QStringLiteral("test"));
        }
        auto del = commandOf(
            commandMessage(3, 0, "deleteStream", 0, Amf0Value::null(), {Amf0Value::number(1)}));
        QCOMPARE(parseDeleteStream(del).value(), 1u);
        QVERIFY(
            !parseDeleteStream(commandOf(commandMessage(3, 0, "deleteStream", 0, Amf0Value::null(),
                                                        {Amf0Value::number(-1)})))
                 .ok());
        auto close = commandOf(commandMessage(5, 3, "closeStream", 0, Amf0Value::null()));
        QCOMPARE(q(close.name), QStringLiteral("closeStream"));
        QCOMPARE(close.streamId, 3u);
    }

    void amf3CommandsWithAmf0Bodies() {
        auto m = createStreamCommand(4);
        m.header.typeId = static_cast<std::uint8_t>(MessageType::CommandAmf3);
        m.payload.insert(m.payload.begin(), 0);
        auto c = parseCommand(m);
        QVERIFY(c.ok());
        QCOMPARE(q(c.value().name), QStringLiteral("createStream"));
        QCOMPARE(c.value().transactionId, 4.0);
        QVERIFY(!parseCommand(RtmpMessage{{3, 17, 0, 0}, {0x11, 0x02}}).ok());
        QVERIFY(!parseCommand(RtmpMessage{{3, 9, 0, 0}, {0x02, 0, 0}}).ok());
        QVERIFY(!parseCommand(RtmpMessage{{3, 20, 0, 0}, encodeAmf0({Amf0Value::number(1)})}).ok());
    }

    void replies() {
        auto connect = commandOf(connectResultMessage(1, 3));
        QCOMPARE(q(connect.name), QStringLiteral("_result"));
        QCOMPARE(connect.transactionId, 1.0);
        QCOMPARE(q(connect.commandObject.stringAt("fmsVer")), QStringLiteral("FMS/3,0,1,123"));
        QCOMPARE(q(info(connect).stringAt("code")),
                 QStringLiteral("NetConnection.Connect.Success"));
        QCOMPARE(q(info(connect).stringAt("level")), QStringLiteral("status"));
        QCOMPARE(info(connect).numberAt("objectEncoding"), 3.0);

        auto rejected = commandOf(connectRejectedMessage(1, "no such app"));
        QCOMPARE(q(rejected.name), QStringLiteral("_error"));
        QCOMPARE(q(info(rejected).stringAt("code")),
                 QStringLiteral("NetConnection.Connect.Rejected"));
        QCOMPARE(q(info(rejected).stringAt("description")), QStringLiteral("no such app"));

        auto created = commandOf(createStreamResultMessage(2, 1));
        QCOMPARE(created.transactionId, 2.0);
        QVERIFY(created.commandObject.isNull());
        QCOMPARE(info(created).asNumber(), 1.0);

        auto status = commandOf(onStatusMessage(1, status::kError, status::kPublishBadName,
                                                "already publishing", "live/test", "abc"));
        QCOMPARE(q(status.name), QStringLiteral("onStatus"));
        QCOMPARE(status.streamId, 1u);
        QCOMPARE(q(info(status).stringAt("level")), QStringLiteral("error"));
        QCOMPARE(q(info(status).stringAt("code")), QStringLiteral("NetStream.Publish.BadName"));
        QCOMPARE(q(info(status).stringAt("details")), QStringLiteral("live/test"));
        QCOMPARE(q(info(status).stringAt("clientid")), QStringLiteral("abc"));
        auto plain = commandOf(onStatusMessage(1, status::kStatus, status::kPlayStart, "go"));
        QVERIFY(plain.args[0].find("details") == nullptr);
        QCOMPARE(q(commandOf(onBWDoneMessage()).name), QStringLiteral("onBWDone"));
    }

    void dataMessages() {
        auto meta = Amf0Value::ecmaArray(
            {{"width", Amf0Value::number(320)}, {"videocodecid", Amf0Value::number(7)}});
        auto setDataFrame = RtmpMessage{{4, 18, 1, 0},
                                        encodeAmf0({Amf0Value::string("@setDataFrame"),
                                                    Amf0Value::string("onMetaData"), meta})};
        auto data = parseDataMessage(setDataFrame);
        QVERIFY(data.ok());
        QCOMPARE(q(data.value().handler), QStringLiteral("@setDataFrame"));
        auto extracted = metaDataOf(data.value());
        QVERIFY(extracted.has_value());
        QCOMPARE(extracted->numberAt("width"), 320.0);

        auto forPlayers = parseDataMessage(overTheWire(onMetaDataMessage(1, *extracted)));
        QVERIFY(forPlayers.ok());
        QCOMPARE(q(forPlayers.value().handler), QStringLiteral("onMetaData"));
        QVERIFY(metaDataOf(forPlayers.value()) == meta);

        auto access = parseDataMessage(sampleAccessMessage(1));
        QCOMPARE(q(access.value().handler), QStringLiteral("|RtmpSampleAccess"));
        QCOMPARE(access.value().values.size(), std::size_t(2));
        QVERIFY(!metaDataOf(access.value()).has_value());
        QVERIFY(!parseDataMessage(RtmpMessage{{4, 18, 1, 0}, {0x05}}).ok());
    }

    void randomPayloadsParseToValuesOrErrors() {
        std::mt19937 rng(77);
        auto valid = connectCommand(1, "live", "rtmp://h/live").payload;
        int errors = 0;
        for (int i = 0; i < 3000; ++i) {
            auto payload = valid;
            for (int flips = 0; flips < 3; ++flips) {
                payload[rng() % payload.size()] = static_cast<std::uint8_t>(rng());
            }
            if (i % 3 == 0) {
                payload = rtmp_test::randomBytes(rng, rng() % 40);
            }
            for (std::uint8_t type : {4, 6, 17, 18, 20}) {
                RtmpMessage m{{3, type, 0, 0}, payload};
                auto c = parseCommand(m);
                errors += c.ok() ? 0 : 1;
                if (c.ok()) {
                    (void)parseConnect(c.value());
                    (void)parsePlay(c.value());
                    (void)parsePublish(c.value());
                    (void)parsePause(c.value());
                    (void)parseDeleteStream(c.value());
                }
                if (auto d = parseDataMessage(m); d.ok()) {
                    (void)metaDataOf(d.value());
                }
                (void)parseUserControl(m);
                (void)parsePeerBandwidth(m);
                (void)parseControlValue(m);
            }
            (void)resolveStreamTarget(std::string(payload.begin(), payload.end()), "a", "s");
        }
        QVERIFY(errors > 0);
    }

    void parsesUrls() {
        auto u = parseRtmpUrl("rtmp://example.com:1936/live/cam/1?vhost=v&x=1");
        QVERIFY(u.ok());
        QCOMPARE(q(u.value().host), QStringLiteral("example.com"));
        QCOMPARE(u.value().port, std::uint16_t(1936));
        QCOMPARE(q(u.value().app), QStringLiteral("live"));
        QCOMPARE(q(u.value().stream), QStringLiteral("cam/1"));
        QCOMPARE(q(u.value().params), QStringLiteral("vhost=v&x=1"));

        auto tc = parseRtmpUrl("RTMP://10.0.0.1/live");
        QCOMPARE(tc.value().port, std::uint16_t(1935));
        QCOMPARE(q(tc.value().app), QStringLiteral("live"));
        QVERIFY(tc.value().stream.empty());
        auto v6 = parseRtmpUrl("rtmps://[::1]/app/s");
        QCOMPARE(q(v6.value().host), QStringLiteral("::1"));
        QCOMPARE(v6.value().port, std::uint16_t(443));
        QVERIFY(!parseRtmpUrl("http://h/app").ok());
        QVERIFY(!parseRtmpUrl("rtmp://h:99999/app").ok());
        QVERIFY(!parseRtmpUrl("rtmp:///app").ok());
        QVERIFY(!parseRtmpUrl("live/test").ok());
        QCOMPARE(q(queryValue("a=1&vhost=x&b", "vhost")), QStringLiteral("x"));
        QVERIFY(queryValue("a=1", "vhost").empty());
    }

    void resolvesWhatFfmpegAndObsSend() {
        // ffmpeg: app and tcUrl without params, stream name with them.
        auto ff = resolveStreamTarget("rtmp://127.0.0.1:1935/live", "live", "test?token=t");
        QVERIFY(ff.ok());
        QCOMPARE(q(ff.value().vhost), QStringLiteral("127.0.0.1"));
        QCOMPARE(q(ff.value().app), QStringLiteral("live"));
        QCOMPARE(q(ff.value().stream), QStringLiteral("test"));
        QCOMPARE(q(ff.value().params), QStringLiteral("token=t"));

        // OBS with the params on the server URL: they ride on app and tcUrl.
        auto obs =
            resolveStreamTarget("rtmp://host/live?vhost=v1&k=1", "live?vhost=v1&k=1", "cam?sign=2");
        QVERIFY(obs.ok());
        QCOMPARE(q(obs.value().vhost), QStringLiteral("v1"));
        QCOMPARE(q(obs.value().app), QStringLiteral("live"));
        QCOMPARE(q(obs.value().stream), QStringLiteral("cam"));
        QCOMPARE(q(obs.value().params), QStringLiteral("vhost=v1&k=1&sign=2"));

        // The stream name's vhost wins; a missing app comes from the tcUrl.
        auto both = resolveStreamTarget("rtmp://host/live?vhost=a", "", "s?vhost=b");
        QCOMPARE(q(both.value().vhost), QStringLiteral("b"));
        QCOMPARE(q(both.value().app), QStringLiteral("live"));
        QVERIFY(!resolveStreamTarget("rtmp://host/live", "live", "?x=1").ok());
        QVERIFY(!resolveStreamTarget("", "", "s").ok());
    }
};

QTEST_GUILESS_MAIN(TestMessages)
#include "tst_rtmp_messages.moc"
