#include <QTest>

#include "api/zego/rtmp_dispatch_actions.h"
#include "core/clock.h"
#include "zego_test_support.h"

using namespace regie::api::zego;
using namespace zego_test;
using regie::core::ManualClock;

namespace {

ZegoDoorSettings defaultSettings() {
    ZegoDoorSettings settings;
    settings.appId = kAppId;
    settings.serverSecret = std::string(kSecret);
    return settings;
}

QStringList dataStrings(const boost::json::object& envelope) {
    QStringList out;
    for (const auto& item : envelope.at("Data").as_array()) {
        out << QString::fromUtf8(item.as_string().data(),
                                 static_cast<qsizetype>(item.as_string().size()));
    }
    return out;
}

}  // namespace

class ZegoRtmpDispatchTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<ZegoDoor> m_door;
    std::optional<RtmpEndpoint> m_endpoint;

private slots:
    void init() {
        m_clock = std::make_unique<ManualClock>(kNow);
        m_door = std::make_unique<ZegoDoor>(*m_clock, defaultSettings());
        m_endpoint = RtmpEndpoint{"127.0.0.1", 1935};
        QVERIFY(!registerRtmpDispatchActions(*m_door, [this] { return m_endpoint; }));
    }

    void cleanup() {
        m_door.reset();
        m_clock.reset();
    }

    void registersBothActions() {
        QCOMPARE(m_door->actionNames(),
                 (std::vector<std::string>{"RTMPDispatch", "RTMPDispatchV2"}));
        QCOMPARE(registerRtmpDispatchActions(*m_door, [] { return std::nullopt; }),
                 std::optional(RegisterError::duplicateName));
    }

    void dispatchSucceeds_data() {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("extra");
        QTest::addColumn<QString>("node");
        QTest::newRow("V2 push") << "RTMPDispatchV2"
                                 << "StreamId=stream_1&Sequence=1617249600001&Type=push"
                                 << "rtmp://127.0.0.1:1935/live/stream_1";
        QTest::newRow("V2 pull with ClientIP")
            << "RTMPDispatchV2"
            << "StreamId=Cam-2&Sequence=1&Type=pull&ClientIP=203.0.113.9"
            << "rtmp://127.0.0.1:1935/live/Cam-2";
        QTest::newRow("V2 empty ClientIP") << "RTMPDispatchV2"
                                           << "StreamId=s&Sequence=-3&Type=pull&ClientIP="
                                           << "rtmp://127.0.0.1:1935/live/s";
        QTest::newRow("V2 test environment keeps the prefix")
            << "RTMPDispatchV2"
            << "StreamId=zegotest-1234567890-test&Sequence=1&Type=push&IsTest=true"
            << "rtmp://127.0.0.1:1935/live/zegotest-1234567890-test";
        QTest::newRow("legacy push") << "RTMPDispatch"
                                     << "StreamId=s&Sequence=1&Type=push"
                                     << "127.0.0.1:1935";
        QTest::newRow("legacy pull") << "RTMPDispatch"
                                     << "StreamId=s&Sequence=1&Type=pull"
                                     << "127.0.0.1:1935";
    }
    void dispatchSucceeds() {
        QFETCH(QString, action);
        QFETCH(QString, extra);
        QFETCH(QString, node);
        const auto envelope =
            call(*m_door, SignedQuery{action.toStdString(), extra.toStdString()}.str());
        QCOMPARE(codeOf(envelope), 0);
        QCOMPARE(envelope.at("Message").as_string(), "ok");
        QVERIFY(envelope.at("RequestId").is_string());
        QCOMPARE(dataStrings(envelope), QStringList{node});
    }

    void streamIdOfMaximumLength() {
        const std::string id(256, 'a');
        const auto envelope =
            call(*m_door,
                 SignedQuery{"RTMPDispatchV2", "StreamId=" + id + "&Sequence=1&Type=push"}.str());
        QCOMPARE(codeOf(envelope), 0);
        QCOMPARE(dataStrings(envelope),
                 QStringList{QString::fromStdString("rtmp://127.0.0.1:1935/live/" + id)});
    }

    void usesTheConfiguredApp() {
        ZegoDoorSettings settings = defaultSettings();
        settings.app = "show";
        m_door->updateSettings(settings);
        const auto envelope =
            call(*m_door, SignedQuery{"RTMPDispatchV2", "StreamId=s&Sequence=1&Type=push"}.str());
        QCOMPARE(dataStrings(envelope), QStringList{"rtmp://127.0.0.1:1935/show/s"});
    }

    void followsTheListener() {
        m_endpoint = RtmpEndpoint{"::1", 19350};
        auto envelope =
            call(*m_door, SignedQuery{"RTMPDispatchV2", "StreamId=s&Sequence=1&Type=pull"}.str());
        QCOMPARE(dataStrings(envelope), QStringList{"rtmp://[::1]:19350/live/s"});
        envelope =
            call(*m_door, SignedQuery{"RTMPDispatch", "StreamId=s&Sequence=1&Type=pull"}.str());
        QCOMPARE(dataStrings(envelope), QStringList{"[::1]:19350"});
    }

    void noListener_data() {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("type");
        QTest::addColumn<qint64>("code");
        for (const char* action : {"RTMPDispatchV2", "RTMPDispatch"}) {
            QTest::newRow(qPrintable(QString("%1 push").arg(action)))
                << action << "push" << qint64(1002);
            QTest::newRow(qPrintable(QString("%1 pull").arg(action)))
                << action << "pull" << qint64(1003);
        }
    }
    void noListener() {
        QFETCH(QString, action);
        QFETCH(QString, type);
        QFETCH(qint64, code);
        m_endpoint.reset();
        const auto envelope = call(
            *m_door,
            SignedQuery{action.toStdString(), "StreamId=s&Sequence=1&Type=" + type.toStdString()}
                .str());
        QCOMPARE(codeOf(envelope), code);
        QVERIFY(!envelope.contains("Data"));
    }

    void validation_data() {
        QTest::addColumn<QString>("extra");
        QTest::addColumn<qint64>("code");
        const QString tooLong = QString(257, 'a');
        // Rows also break later parameters to pin the order StreamId, Sequence, Type, ClientIP.
        QTest::newRow("StreamId missing") << "Sequence=x&Type=x" << qint64(30009);
        QTest::newRow("StreamId empty") << "StreamId=&Sequence=1&Type=push" << qint64(30009);
        QTest::newRow("StreamId too long")
            << "StreamId=" + tooLong + "&Sequence=1&Type=push" << qint64(30009);
        QTest::newRow("StreamId with a dot")
            << "StreamId=a.b&Sequence=1&Type=push" << qint64(30009);
        QTest::newRow("StreamId with a space")
            << "StreamId=a+b&Sequence=1&Type=push" << qint64(30009);
        QTest::newRow("StreamId with a slash")
            << "StreamId=a%2Fb&Sequence=1&Type=push" << qint64(30009);
        QTest::newRow("StreamId non-ASCII")
            << "StreamId=%C3%A9&Sequence=1&Type=push" << qint64(30009);
        QTest::newRow("Sequence missing") << "StreamId=s&Type=x" << qint64(1006);
        QTest::newRow("Sequence empty") << "StreamId=s&Sequence=&Type=push" << qint64(1006);
        QTest::newRow("Sequence not an integer")
            << "StreamId=s&Sequence=abc&Type=x" << qint64(1006);
        QTest::newRow("Sequence fractional") << "StreamId=s&Sequence=1.5&Type=push" << qint64(1006);
        QTest::newRow("Sequence over Int64")
            << "StreamId=s&Sequence=9223372036854775808&Type=push" << qint64(1006);
        QTest::newRow("Type missing") << "StreamId=s&Sequence=1&ClientIP=x" << qint64(30010);
        QTest::newRow("Type upper case") << "StreamId=s&Sequence=1&Type=PUSH" << qint64(30010);
        QTest::newRow("Type other") << "StreamId=s&Sequence=1&Type=play" << qint64(30010);
        QTest::newRow("ClientIP IPv6")
            << "StreamId=s&Sequence=1&Type=push&ClientIP=%3A%3A1" << qint64(30011);
        QTest::newRow("ClientIP out of range")
            << "StreamId=s&Sequence=1&Type=pull&ClientIP=300.1.1.1" << qint64(30011);
        QTest::newRow("ClientIP host name")
            << "StreamId=s&Sequence=1&Type=pull&ClientIP=example.com" << qint64(30011);
        QTest::newRow("ClientIP three parts")
            << "StreamId=s&Sequence=1&Type=pull&ClientIP=1.2.3" << qint64(30011);
        QTest::newRow("IsTest bad")
            << "StreamId=s&Sequence=1&Type=push&IsTest=maybe" << qint64(30004);
    }
    void validation() {
        QFETCH(QString, extra);
        QFETCH(qint64, code);
        m_endpoint.reset();  // validation comes before the node lookup
        for (const char* action : {"RTMPDispatchV2", "RTMPDispatch"}) {
            const auto envelope = call(*m_door, SignedQuery{action, extra.toStdString()}.str());
            QCOMPARE(codeOf(envelope), code);
            QVERIFY(!envelope.contains("Data"));
        }
    }

    void rateLimitIs40PerSecond() {
        for (int i = 0; i < 40; ++i) {
            QCOMPARE(codeOf(call(
                         *m_door,
                         SignedQuery{"RTMPDispatchV2", "StreamId=s&Sequence=1&Type=push"}.str())),
                     0);
        }
        QCOMPARE(
            codeOf(call(*m_door,
                        SignedQuery{"RTMPDispatchV2", "StreamId=s&Sequence=1&Type=push"}.str())),
            30002);
        // The legacy Action has a bucket of its own.
        QCOMPARE(codeOf(call(*m_door,
                             SignedQuery{"RTMPDispatch", "StreamId=s&Sequence=1&Type=push"}.str())),
                 0);
    }
};

QTEST_APPLESS_MAIN(ZegoRtmpDispatchTest)
#include "zego_rtmp_dispatch_test.moc"
