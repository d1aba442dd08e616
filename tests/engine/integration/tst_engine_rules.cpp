// Ban rules through a real regie-engine: every rule Action's answers and errors over signed
// HTTP calls (including a throttled one), stream rules stripping video from an attached
// WebSocket-FLV player and from new ffprobe players, RTC bans cutting and refusing an ffmpeg
// publisher, the rule events on the feed, and rules surviving an engine restart.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>
#include <QWebSocket>

#include "engine_process.h"
#include "ffmpeg_publisher.h"
#include "raw_http.h"
#include "zego_query.h"

using regie::test::EngineProcess;
using regie::test::RawHttp;

namespace {

QProcess* publish(QObject* parent, const QString& url, int seconds = 30) {
    auto* p = new QProcess(parent);
    p->setProcessChannelMode(QProcess::MergedChannels);
    p->start("ffmpeg", regie::test::ffmpegPublishArgs("testsrc=size=320x240:rate=25",
                                                      "sine=sample_rate=44100", seconds, url));
    return p;
}

void stop(QProcess* p) {
    if (p->state() != QProcess::NotRunning) {
        p->kill();
        p->waitForFinished(3000);
    }
    p->deleteLater();
}

// The codec names ffprobe finds on a URL, sorted and joined with ','.
QString codecs(const QString& url) {
    QProcess p;
    p.start("ffprobe", {"-v", "error", "-rw_timeout", "8000000", "-show_entries",
                        "stream=codec_name", "-of", "csv=p=0", url});
    p.waitForFinished(15000);
    QStringList names =
        QString::fromUtf8(p.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts);
    for (auto& n : names) {
        n = n.trimmed();
    }
    names.sort();
    return names.join(',');
}

// An attached WebSocket-FLV player that counts the audio and video tags it receives.
class FlvTagCounter : public QObject {
public:
    explicit FlvTagCounter(const QString& url) {
        connect(&m_socket, &QWebSocket::binaryMessageReceived, this,
                [this](const QByteArray& m) { take(m); });
        m_socket.open(QUrl(url));
    }
    int audio = 0;
    int video = 0;

private:
    void take(const QByteArray& bytes) {
        m_buffer += bytes;
        if (!m_headerSeen) {
            if (m_buffer.size() < 13) {
                return;
            }
            m_buffer.remove(0, 13);  // FLV header and PreviousTagSize0
            m_headerSeen = true;
        }
        while (m_buffer.size() >= 11) {
            const auto* b = reinterpret_cast<const unsigned char*>(m_buffer.constData());
            const int size = (b[1] << 16) | (b[2] << 8) | b[3];
            if (m_buffer.size() < 11 + size + 4) {
                return;
            }
            audio += (b[0] & 0x1f) == 8;
            video += (b[0] & 0x1f) == 9;
            m_buffer.remove(0, 11 + size + 4);
        }
    }

    QWebSocket m_socket;
    QByteArray m_buffer;
    bool m_headerSeen = false;
};

}  // namespace

class TestEngineRules : public QObject {
    Q_OBJECT

    std::unique_ptr<EngineProcess> m_engine;
    QByteArray m_secret;
    int m_rtmpPort = 0;
    qint64 m_sequence = QDateTime::currentMSecsSinceEpoch();

    QJsonObject zego(const QByteArray& action, const QByteArray& params = {}) {
        return RawHttp::get(m_engine->httpPort(), regie::test::zegoQuery(*m_engine, action) +
                                                      (params.isEmpty() ? "" : "&" + params))
            .json();
    }
    int code(const QByteArray& action, const QByteArray& params = {}) {
        return zego(action, params).value("Code").toInt(-1);
    }
    QByteArray nextSequence() { return "Sequence=" + QByteArray::number(++m_sequence); }
    QJsonObject api(const QByteArray& name, const QByteArray& query = {}) {
        return RawHttp::get(m_engine->httpPort(), "/index/api/" + name + "?secret=" + m_secret +
                                                      (query.isEmpty() ? "" : "&" + query))
            .json();
    }
    QString rtmpUrl(const QString& stream) const {
        return QString("rtmp://127.0.0.1:%1/live/%2").arg(m_rtmpPort).arg(stream);
    }
    bool online(const QByteArray& stream) {
        return api("isMediaOnline", "schema=rtmp&vhost=__defaultVhost__&app=live&stream=" + stream)
            .value("online")
            .toBool();
    }
    bool waitOnline(const QByteArray& stream, bool expected = true, int timeoutMs = 8000) {
        return QTest::qWaitFor([&] { return online(stream) == expected; }, timeoutMs);
    }
    bool startEngine() {
        if (!m_engine->start()) {
            return false;
        }
        m_secret = m_engine->secret().toUtf8();
        m_rtmpPort = m_engine->rtmpPort();
        return m_rtmpPort > 0;
    }

private slots:
    void initTestCase() {
        m_engine = std::make_unique<EngineProcess>(
            "[protocol]\ncontinue_push_ms=0\n[general]\nmaxStreamWaitMS=3000\n");
        QVERIFY2(startEngine(), qPrintable(m_engine->output()));
    }

    void cleanup() {
        if (QTest::currentTestFailed()) {
            qWarning().noquote() << "engine output:\n" << m_engine->output();
        }
    }

    void userRuleActions() {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        auto set = zego("SetForbidUserRule",
                        "RuleType=4&RoomId=room1&UserId=u1&IP=1.2.3.4&DisabledPrivilege[]=2&"
                        "DisabledPrivilege%5B%5D=1&EffectiveTime=600");
        QCOMPARE(set.value("Code").toInt(), 0);
        QCOMPARE(set.value("Message").toString(), QStringLiteral("success"));
        QVERIFY(set.value("RequestId").isString());
        const qint64 expire = set.value("Data").toObject().value("ExpireTime").toInteger();
        QVERIFY(expire >= now + 600 && expire <= now + 605);

        QCOMPARE(code("SetForbidUserRule",
                      "RuleType=4&RoomId=room1&DisabledPrivilege[]=1&"
                      "EffectiveTime=60"),
                 2);  // no UserId
        QCOMPARE(code("SetForbidUserRule",
                      "RuleType=1&IP=1.2.3.4&DisabledPrivilege[]=3&"
                      "EffectiveTime=60"),
                 2);
        QCOMPARE(code("SetForbidUserRule",
                      "RuleType=1&IP=1.2.3.4&DisabledPrivilege[]=1&"
                      "EffectiveTime=86401"),
                 2);
        QCOMPARE(code("SetForbidUserRule",
                      "RuleType=x&IP=1.2.3.4&DisabledPrivilege[]=1&"
                      "EffectiveTime=60"),
                 2);
        QCOMPARE(code("SetForbidUserRule", "RuleType=1&IP=1.2.3.4&DisabledPrivilege[]=1"), 2);

        auto described = zego("DescribeForbidUserRules", "RuleType=4");
        QCOMPARE(described.value("Code").toInt(), 0);
        auto list = described.value("Data").toObject().value("RuleList").toArray();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0].toObject(), QJsonObject({{"RuleType", 4},
                                                  {"IP", ""},
                                                  {"RoomId", "room1"},
                                                  {"UserId", "u1"},
                                                  {"DisabledPrivilegeList", QJsonArray{1, 2}},
                                                  {"ExpireTime", expire}}));
        // DescribeForbidUserRules allows one call a second.
        QCOMPARE(code("DescribeForbidUserRules", "RuleType=4"), 206);

        QCOMPARE(code("DelForbidUserRule", "RuleType=4&RoomId=room1&UserId=u1"), 0);
        QCOMPARE(code("DelForbidUserRule", "RuleType=4&RoomId=room1&UserId=u1"), 50124);
        QCOMPARE(code("DelForbidUserRule", "RuleType=9"), 2);
    }

    void userAndStreamRulesCanBeSwitchedOff() {
        QCOMPARE(api("setServerConfig", "rules.enable=0").value("code").toInt(), 0);
        QCOMPARE(code("SetForbidStreamRule", "RoomId=r&StreamId=s&DisableAudio=1"), 9);
        QCOMPARE(code("DelForbidUserRule", "RuleType=2&RoomId=r"), 9);
        QCOMPARE(api("setServerConfig", "rules.enable=1").value("code").toInt(), 0);
        QCOMPARE(code("DelForbidStreamRule", "RoomId=r&StreamId=s"), 0);
    }

    void streamRuleActions() {
        QCOMPARE(code("SetForbidStreamRule",
                      "RoomId=r1&StreamId=x1&DisableAudio=1&"
                      "EffectiveTime=999999"),
                 0);
        QCOMPARE(code("SetForbidStreamRule", "RoomId=r1&StreamId=x1"), 2);  // nothing to ban
        QCOMPARE(code("SetForbidStreamRule", "RoomId=r1&StreamId=x1&DisableVideo=2"), 2);
        QCOMPARE(code("SetForbidStreamRule", "StreamId=x1&DisableVideo=1"), 2);
        auto described =
            zego("DescribeForbidStreamRules", "RoomId=r1&StreamId[]=x1&StreamId[]=unknown");
        QCOMPARE(described.value("Code").toInt(), 0);
        auto data = described.value("Data").toObject();
        QCOMPARE(data.value("RoomId").toString(), QStringLiteral("r1"));
        auto list = data.value("ForbidStreamRuleList").toArray();
        QCOMPARE(list.size(), 2);
        auto first = list[0].toObject();
        QCOMPARE(first.keys(), QStringList({"CreateTime", "DisableAudio", "DisableVideo",
                                            "EffectiveTime", "StreamId"}));
        QCOMPARE(first.value("DisableAudio").toInt(), 1);
        QCOMPARE(first.value("DisableVideo").toInt(), 0);
        QCOMPARE(first.value("EffectiveTime").toInteger() - first.value("CreateTime").toInteger(),
                 86400);
        QCOMPARE(list[1].toObject(), QJsonObject({{"StreamId", "unknown"},
                                                  {"DisableAudio", 0},
                                                  {"DisableVideo", 0},
                                                  {"CreateTime", 0},
                                                  {"EffectiveTime", 0}}));
        QByteArray eleven = "RoomId=r1";
        for (int i = 0; i < 11; ++i) {
            eleven += "&StreamId[]=s" + QByteArray::number(i);
        }
        QCOMPARE(code("DescribeForbidStreamRules", eleven), 2);
        QCOMPARE(code("DelForbidStreamRule", "RoomId=r1&StreamId=x1"), 0);
        QCOMPARE(code("DelForbidStreamRule", "RoomId=r1&StreamId=x1"), 0);
    }

    void rtcAndCdnActionAnswers() {
        auto forbid = zego("ForbidRTCStream", "StreamId=idle1&" + nextSequence());
        QCOMPARE(forbid.keys(), QStringList({"Code", "Data", "Message", "RequestId"}));
        QCOMPARE(forbid.value("Message").toString(), QStringLiteral("ok"));
        QVERIFY(forbid.value("Data").isNull());
        QCOMPARE(code("ForbidRTCStream", "StreamId=bad%20id&" + nextSequence()), 30009);
        QCOMPARE(code("ForbidRTCStream", "StreamId=idle1"), 2);  // no Sequence
        QCOMPARE(code("ResumeRTCStream", "StreamId=idle1&" + nextSequence()), 0);
        QByteArray many;
        for (int i = 0; i < 21; ++i) {
            many += "StreamId[]=b" + QByteArray::number(i) + "&";
        }
        QCOMPARE(code("ForbidRTCStreams", many + nextSequence()), 30006);
        QCOMPARE(code("ForbidRTCStreams", "StreamId[]=b1&StreamId[]=bad!&" + nextSequence()),
                 30006);
        QCOMPARE(code("ForbidRTCStreams", "StreamId[]=b1&StreamId[]=b2&" + nextSequence()), 0);
        QCOMPARE(code("ResumeRTCStreams", "StreamId[]=b1&StreamId[]=b2&" + nextSequence()), 0);
        QCOMPARE(code("DescribeRTCStreamState", "StreamId=nothing&" + nextSequence()), 41004);

        auto cdn = zego("ForbidCDNLiveStream", "StreamId=c1&ResumeTime=2099-01-01T00:00:00Z");
        QCOMPARE(cdn.value("Code").toInt(), 0);
        QCOMPARE(cdn.value("Data").toArray(),
                 QJsonArray({QJsonObject{{"CdnType", "ws"}, {"CdnResult", "success"}}}));
        QCOMPARE(code("ForbidCDNLiveStream", "StreamId=c2&ResumeTime=tomorrow"), 2);
        QCOMPARE(code("ForbidCDNLiveStream", "ResumeTime=2099-01-01T00:00:00Z"), 2);
        auto query = zego("QueryForbidCDNLiveStream", "Vendor=ws");
        QCOMPARE(query.value("Code").toInt(), 0);
        auto details =
            query.value("Data").toObject().value("Ws").toObject().value("ResultDetail").toArray();
        QCOMPARE(details.size(), 1);
        auto entry = details[0].toObject();
        QCOMPARE(entry.value("Url").toString(),
                 QString("rtmp://127.0.0.1:%1/live/c1").arg(m_rtmpPort));
        QCOMPARE(entry.value("Ip").toString(), QString());
        QVERIFY(entry.value("StartTime").toString().endsWith('Z'));
        // 30 days at most.
        const auto end = QDateTime::fromString(entry.value("EndTime").toString(), Qt::ISODate);
        QVERIFY(end.isValid());
        QVERIFY(end <= QDateTime::currentDateTimeUtc().addDays(30).addSecs(10));
        QCOMPARE(code("QueryForbidCDNLiveStream", "Vendor=aliyun"), 2);
        QCOMPARE(code("ResumeCDNLiveStream", "StreamId=c1"), 0);
        QCOMPARE(code("ResumeCDNLiveStream", "StreamId=never"), 0);
        QVERIFY(zego("QueryForbidCDNLiveStream", "Vendor=ws")
                    .value("Data")
                    .toObject()
                    .value("Ws")
                    .toObject()
                    .value("ResultDetail")
                    .toArray()
                    .isEmpty());
    }

    void streamRuleStripsVideoFromEveryPlayer() {
        QProcess* pub = publish(this, rtmpUrl("s1"));
        QVERIFY(waitOnline("s1"));
        const QString flvUrl = QString("%1/live/s1.live.flv").arg(m_engine->baseUrl());
        QCOMPARE(codecs(flvUrl), QStringLiteral("aac,h264"));
        auto created = zego("DescribeRTCStreamState", "StreamId=s1&" + nextSequence());
        QCOMPARE(created.value("Code").toInt(), 0);
        QVERIFY(created.value("Data").toObject().value("create_time").isString());
        QCOMPARE(created.value("Data").toObject().value("close_time").toString(), QString());

        FlvTagCounter attached(QString(flvUrl).replace("http", "ws"));
        QVERIFY(QTest::qWaitFor([&] { return attached.video > 10 && attached.audio > 10; }, 8000));

        QCOMPARE(code("SetForbidStreamRule", "RoomId=room1&StreamId=s1&DisableVideo=1"), 0);
        QTest::qWait(300);  // packets already on their way
        const int videoAtRule = attached.video;
        const int audioAtRule = attached.audio;
        QVERIFY(QTest::qWaitFor([&] { return attached.audio > audioAtRule + 40; }, 8000));
        QCOMPARE(attached.video, videoAtRule);
        QCOMPARE(codecs(flvUrl), QStringLiteral("aac"));
        QCOMPARE(codecs(rtmpUrl("s1")), QStringLiteral("aac"));

        QCOMPARE(code("DelForbidStreamRule", "RoomId=room1&StreamId=s1"), 0);
        QCOMPARE(codecs(flvUrl), QStringLiteral("aac,h264"));
        QVERIFY(QTest::qWaitFor([&] { return attached.video > videoAtRule + 10; }, 8000));
        stop(pub);
    }

    void rtcBanCutsAndRefusesThePublisher() {
        QProcess* pub = publish(this, rtmpUrl("r1"));
        QVERIFY(waitOnline("r1"));
        const QByteArray forbidSequence = nextSequence();
        QCOMPARE(code("ForbidRTCStream", "StreamId=r1&" + forbidSequence), 0);
        QVERIFY(waitOnline("r1", false, 3000));
        QVERIFY2(pub->waitForFinished(8000), "the publisher is disconnected");
        stop(pub);

        QProcess* again = publish(this, rtmpUrl("r1"));
        QVERIFY2(again->waitForFinished(8000), "a new publish is refused");
        QVERIFY(again->exitCode() != 0);
        QVERIFY(!online("r1"));
        stop(again);

        // An older Sequence within 10 s is superseded: answered 0, changes nothing.
        QCOMPARE(code("ResumeRTCStream", "StreamId=r1&Sequence=1"), 0);
        QProcess* stillRefused = publish(this, rtmpUrl("r1"));
        QVERIFY(stillRefused->waitForFinished(8000));
        stop(stillRefused);

        QCOMPARE(code("ResumeRTCStream", "StreamId=r1&" + nextSequence()), 0);
        QProcess* allowed = publish(this, rtmpUrl("r1"));
        QVERIFY(waitOnline("r1"));
        stop(allowed);
        QVERIFY(waitOnline("r1", false));
    }

    void ruleEventsOnTheFeed() {
        QWebSocket feed;
        QList<QJsonObject> events;
        connect(&feed, &QWebSocket::textMessageReceived, this, [&](const QString& m) {
            events.append(QJsonDocument::fromJson(m.toUtf8()).object());
        });
        feed.open(
            QUrl(m_engine->baseUrl().replace("http", "ws") + "/index/events?secret=" + m_secret));
        QVERIFY(QTest::qWaitFor([&] { return !events.isEmpty(); }, 5000));  // hello
        QCOMPARE(code("SetForbidUserRule",
                      "RuleType=2&RoomId=evroom&DisabledPrivilege[]=1&EffectiveTime=60"),
                 0);
        auto find = [&](const QString& type) {
            for (const auto& e : events) {
                if (e.value("type").toString() == type) {
                    return e.value("data").toObject();
                }
            }
            return QJsonObject();
        };
        QVERIFY(QTest::qWaitFor([&] { return !find("rule.changed").isEmpty(); }, 5000));
        auto changed = find("rule.changed");
        QCOMPARE(changed.value("kind").toString(), QStringLiteral("user"));
        QCOMPARE(changed.value("action").toString(), QStringLiteral("set"));
        QCOMPARE(changed.value("RoomId").toString(), QStringLiteral("evroom"));
        QVERIFY(QTest::qWaitFor([&] { return !find("rules").isEmpty(); }, 5000));
        auto snapshot = find("rules");
        QVERIFY(snapshot.value("userRules").toArray().first().toObject().contains("CreateTime"));
        for (const char* list : {"streamRules", "rtcForbidden", "cdnForbidden"}) {
            QVERIFY(snapshot.value(list).isArray());
        }
        QCOMPARE(code("DelForbidUserRule", "RuleType=2&RoomId=evroom"), 0);
    }

    void rulesSurviveARestart() {
        QCOMPARE(code("SetForbidUserRule",
                      "RuleType=1&IP=192.0.2.9&DisabledPrivilege[]=1&EffectiveTime=3600"),
                 0);
        QCOMPARE(code("SetForbidStreamRule", "RoomId=room9&StreamId=kept&DisableVideo=1"), 0);
        QCOMPARE(code("ForbidRTCStream", "StreamId=banned&" + nextSequence()), 0);
        QVERIFY(m_engine->terminate());
        QVERIFY2(startEngine(), qPrintable(m_engine->output()));

        auto users = zego("DescribeForbidUserRules", "RuleType=1");
        auto list = users.value("Data").toObject().value("RuleList").toArray();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0].toObject().value("IP").toString(), QStringLiteral("192.0.2.9"));
        auto streams = zego("DescribeForbidStreamRules", "RoomId=room9&StreamId[]=kept");
        QCOMPARE(streams.value("Data")
                     .toObject()
                     .value("ForbidStreamRuleList")
                     .toArray()
                     .first()
                     .toObject()
                     .value("DisableVideo")
                     .toInt(),
                 1);
        QProcess* refused = publish(this, rtmpUrl("banned"));
        QVERIFY2(refused->waitForFinished(8000), "the RTC ban holds after the restart");
        QVERIFY(!online("banned"));
        stop(refused);

        QProcess* kept = publish(this, rtmpUrl("kept"));
        QVERIFY(waitOnline("kept"));
        QCOMPARE(codecs(QString("%1/live/kept.live.flv").arg(m_engine->baseUrl())),
                 QStringLiteral("aac"));
        stop(kept);
    }
};

QTEST_MAIN(TestEngineRules)
#include "tst_engine_rules.moc"
