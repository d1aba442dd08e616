// Live media through a real regie-engine: ffmpeg publishes over RTMP; ffprobe/ffmpeg and a
// WebSocket client read it back over RTMP, HTTP-FLV and WS-FLV; the stream and session APIs,
// publisher loss and return, duplicate publishers, closing and kicking, and the event feed.

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include "engine_process.h"
#include "ffmpeg_publisher.h"
#include "raw_http.h"

using regie::test::EngineProcess;
using regie::test::RawHttp;

namespace {

// A test publisher: ffmpeg encoding a test pattern and a tone, real time, bounded in length.
class Publisher {
public:
    Publisher(const QString& url, int seconds = 30) {
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start("ffmpeg", regie::test::ffmpegPublishArgs(
                                      "testsrc=size=640x360:rate=25",
                                      "sine=frequency=440:sample_rate=44100", seconds, url));
    }
    ~Publisher() { stop(); }
    void stop() {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(3000);
        }
    }
    QProcess& process() { return m_process; }

private:
    QProcess m_process;
};

// ffprobe's view of a URL: codec names and the video size.
QJsonObject probe(const QString& url) {
    QProcess p;
    p.start("ffprobe",
            {"-v", "error", "-rw_timeout", "8000000", "-show_entries",
             "stream=codec_name,codec_type,width,height,sample_rate", "-of", "json", url});
    p.waitForFinished(15000);
    return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
}

QString codecs(const QJsonObject& probed) {
    QStringList out;
    for (const auto& s : probed.value("streams").toArray()) {
        QJsonObject o = s.toObject();
        out << o.value("codec_name").toString() +
                   (o.value("codec_type").toString() == "video"
                        ? QString("@%1x%2")
                              .arg(o.value("width").toInt())
                              .arg(o.value("height").toInt())
                        : QString("@%1").arg(o.value("sample_rate").toString()));
    }
    out.sort();
    return out.join(',');
}

}  // namespace

class TestLiveMedia : public QObject {
    Q_OBJECT

    std::unique_ptr<EngineProcess> m_engine;
    QByteArray m_secret;
    int m_rtmpPort = 0;

    QJsonObject api(const QByteArray& name, const QByteArray& query = {}) {
        return RawHttp::get(m_engine->httpPort(), "/index/api/" + name + "?secret=" + m_secret +
                                                      (query.isEmpty() ? "" : "&" + query))
            .json();
    }
    QString rtmpUrl(const QString& stream) const {
        return QString("rtmp://127.0.0.1:%1/live/%2").arg(m_rtmpPort).arg(stream);
    }
    bool waitOnline(const QByteArray& stream, bool online = true, int timeoutMs = 8000) {
        return QTest::qWaitFor(
            [&] {
                return api("isMediaOnline",
                           "schema=rtmp&vhost=__defaultVhost__&app=live&stream=" + stream)
                           .value("online")
                           .toBool() == online;
            },
            timeoutMs);
    }

private slots:
    void initTestCase() {
        m_engine = std::make_unique<EngineProcess>(
            "[protocol]\ncontinue_push_ms=4000\n[general]\nmaxStreamWaitMS=3000\n"
            "streamNoneReaderDelayMS=1500\n");
        QVERIFY2(m_engine->start(), qPrintable(m_engine->output()));
        m_secret = m_engine->secret().toUtf8();
        m_rtmpPort = m_engine->configValue("rtmp", "port").toInt();
        auto config = api("getServerConfig").value("data").toArray().first().toObject();
        m_rtmpPort = config.value("rtmp.port").toString().toInt();
        QVERIFY(m_rtmpPort > 0);
    }

    void cleanup() {
        if (QTest::currentTestFailed()) {
            qWarning().noquote() << "engine output:\n" << m_engine->output();
        }
    }

    void publishAndPlayOverEveryProtocol() {
        Publisher pub(rtmpUrl("cam1"));
        QVERIFY(waitOnline("cam1"));
        QTest::qWait(600);
        const QString expected = "aac@44100,h264@640x360";
        QCOMPARE(codecs(probe(rtmpUrl("cam1"))), expected);
        QCOMPARE(codecs(probe(QString("%1/live/cam1.live.flv").arg(m_engine->baseUrl()))),
                 expected);
        QCOMPARE(codecs(probe(QString("%1/live/cam1?schema=rtmp").arg(m_engine->baseUrl()))),
                 expected);

        QTemporaryDir dir;
        QFile capture(dir.filePath("ws.flv"));
        QVERIFY(capture.open(QIODevice::WriteOnly));
        QWebSocket ws;
        int messages = 0;
        connect(&ws, &QWebSocket::binaryMessageReceived, this, [&](const QByteArray& m) {
            capture.write(m);
            ++messages;
        });
        ws.open(QUrl(m_engine->baseUrl().replace("http", "ws") + "/live/cam1.live.flv"));
        QVERIFY(QTest::qWaitFor([&] { return messages > 100; }, 8000));
        ws.close();
        capture.close();
        QCOMPARE(codecs(probe(capture.fileName())), expected);

        auto info = api("getMediaInfo", "schema=rtmp&vhost=__defaultVhost__&app=live&stream=cam1");
        QCOMPARE(info.value("code").toInt(), 0);
        QCOMPARE(info.value("originTypeStr").toString(), QStringLiteral("rtmp_push"));
        QJsonArray tracks = info.value("tracks").toArray();
        QCOMPARE(tracks.size(), 2);
        QJsonObject video = tracks[0].toObject().value("codec_type").toInt() == 0
                                ? tracks[0].toObject()
                                : tracks[1].toObject();
        QJsonObject audio = tracks[0].toObject().value("codec_type").toInt() == 1
                                ? tracks[0].toObject()
                                : tracks[1].toObject();
        QCOMPARE(video.value("codec_id_name").toString(), QStringLiteral("H264"));
        QCOMPARE(video.value("width").toInt(), 640);
        QCOMPARE(video.value("height").toInt(), 360);
        QCOMPARE(video.value("fps").toDouble(), 25.0);
        QCOMPARE(video.value("gop_size").toInt(), 25);
        QCOMPARE(audio.value("codec_id_name").toString(), QStringLiteral("mpeg4-generic"));
        QCOMPARE(audio.value("sample_rate").toInt(), 44100);
        QCOMPARE(audio.value("channels").toInt(), 1);
        QVERIFY(info.value("originSock").isObject());
    }

    void mergedWritesStillPlayFromTheFirstFrame() {
        QCOMPARE(api("setServerConfig", "general.mergeWriteMS=80").value("changed").toInt(), 1);
        Publisher pub(rtmpUrl("merged"));
        QVERIFY(waitOnline("merged"));
        const QString expected = "aac@44100,h264@640x360";
        QCOMPARE(codecs(probe(rtmpUrl("merged"))), expected);
        QCOMPARE(codecs(probe(QString("%1/live/merged.live.flv").arg(m_engine->baseUrl()))),
                 expected);
        QCOMPARE(api("setServerConfig", "general.mergeWriteMS=0").value("changed").toInt(), 1);
    }

    void gstreamerRtmp2srcPlays() {
        Publisher pub(rtmpUrl("gst"));
        QVERIFY(waitOnline("gst"));
        QTemporaryDir dir;
        QString file = dir.filePath("gst.flv");
        QProcess gst;
        gst.start("gst-launch-1.0", {"-q", "rtmp2src", "location=" + rtmpUrl("gst"),
                                     "num-buffers=60", "!", "filesink", "location=" + file});
        QVERIFY(gst.waitForFinished(20000));
        QCOMPARE(gst.exitCode(), 0);
        QCOMPARE(codecs(probe(file)), QStringLiteral("aac@44100,h264@640x360"));
    }

    void timestampsAreContinuousForAPlayer() {
        Publisher pub(rtmpUrl("ts"));
        QVERIFY(waitOnline("ts"));
        QProcess p;
        p.start("ffprobe", {"-v", "error", "-rw_timeout", "8000000", "-select_streams", "v",
                            "-show_entries", "packet=dts_time", "-of", "csv=p=0", "-read_intervals",
                            "%+4", QString("%1/live/ts.live.flv").arg(m_engine->baseUrl())});
        QVERIFY(p.waitForFinished(20000));
        QStringList lines =
            QString::fromUtf8(p.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts);
        QVERIFY2(lines.size() >= 75, qPrintable(QString::number(lines.size())));
        double last = lines.first().toDouble() - 0.04;
        for (const QString& l : lines) {
            double dts = l.toDouble();
            QVERIFY2(dts > last && dts - last < 0.2,
                     qPrintable(QString("%1 after %2").arg(dts).arg(last)));
            last = dts;
        }
    }

    void streamApisAndTheirErrors() {
        Publisher pub(rtmpUrl("apis"));
        QVERIFY(waitOnline("apis"));
        auto list = api("getMediaList", "app=live&stream=apis");
        QCOMPARE(list.value("data").toArray().size(), 1);
        QCOMPARE(api("getMediaList", "stream=nothing-here").keys(), QStringList({"code"}));
        QCOMPARE(api("getMediaList", "schema=rtsp&stream=apis").keys(), QStringList({"code"}));
        QCOMPARE(api("getMediaInfo", "schema=rtmp&vhost=__defaultVhost__&app=live")
                     .value("code")
                     .toInt(),
                 -300);
        QCOMPARE(api("getMediaInfo", "schema=rtmp&vhost=__defaultVhost__&app=live&stream=nope")
                     .value("code")
                     .toInt(),
                 -500);
        QCOMPARE(api("isMediaOnline", "schema=rtmp&vhost=x&app=live&stream=nope")
                     .value("online")
                     .toBool(),
                 false);
        QCOMPARE(api("close_stream", "schema=rtmp&vhost=__defaultVhost__&app=live&stream=nope")
                     .value("code")
                     .toInt(),
                 -500);
        QCOMPARE(
            api("getMediaPlayerList", "schema=rtmp&vhost=__defaultVhost__&app=live&stream=nope")
                .value("code")
                .toInt(),
            -500);
        QCOMPARE(api("broadcastMessage", "schema=rtsp&vhost=__defaultVhost__&app=live&stream=apis")
                     .value("code")
                     .toInt(),
                 -300);
        QCOMPARE(api("broadcastMessage",
                     "schema=rtsp&vhost=__defaultVhost__&app=live&stream=apis&msg=hi")
                     .value("code")
                     .toInt(),
                 0);
        QCOMPARE(api("broadcastMessage",
                     "schema=rtsp&vhost=__defaultVhost__&app=live&stream=nope&msg=hi")
                     .value("code")
                     .toInt(),
                 -500);

        QProcess player;
        player.start("ffmpeg",
                     {"-v", "error", "-i", rtmpUrl("apis"), "-t", "20", "-f", "null", "-"});
        QVERIFY(QTest::qWaitFor(
            [&] {
                return api("getMediaPlayerList",
                           "schema=rtmp&vhost=__defaultVhost__&app=live&stream=apis")
                           .value("data")
                           .toArray()
                           .size() == 1;
            },
            8000));
        QJsonObject entry =
            api("getMediaPlayerList", "schema=rtmp&vhost=__defaultVhost__&app=live&stream=apis")
                .value("data")
                .toArray()
                .first()
                .toObject();
        QCOMPARE(entry.value("typeid").toString(), QStringLiteral("mediakit::RtmpSession"));
        QCOMPARE(entry.value("local_port").toInt(), m_rtmpPort);

        // A stream with a reader is not closed without force.
        auto refused =
            api("close_stream", "schema=rtmp&vhost=__defaultVhost__&app=live&stream=apis");
        QCOMPARE(refused.value("code").toInt(), -1);
        QCOMPARE(refused.value("result").toInt(), -1);

        auto sessions = api("getAllSession", "local_port=" + QByteArray::number(m_rtmpPort))
                            .value("data")
                            .toArray();
        QCOMPARE(sessions.size(), 2);
        QCOMPARE(api("kick_session", "id=no-such-session").value("code").toInt(), -1);
        QCOMPARE(api("kick_session", "id=" + entry.value("identifier").toString().toUtf8())
                     .value("code")
                     .toInt(),
                 0);
        QVERIFY(player.waitForFinished(8000));

        auto closed =
            api("close_stream", "schema=rtmp&vhost=__defaultVhost__&app=live&stream=apis&force=1");
        QCOMPARE(closed.value("code").toInt(), 0);
        QCOMPARE(closed.value("result").toInt(), 0);
        QVERIFY(pub.process().waitForFinished(8000));  // the publisher was disconnected
        QVERIFY(waitOnline("apis", false));
    }

    void kickSessionsSparesTheCaller() {
        Publisher a(rtmpUrl("k1"));
        Publisher b(rtmpUrl("k2"));
        QVERIFY(waitOnline("k1") && waitOnline("k2"));
        // Sessions of the previous test may still be closing; count only these two.
        QVERIFY(QTest::qWaitFor(
            [&] {
                return api("getAllSession", "local_port=" + QByteArray::number(m_rtmpPort))
                           .value("data")
                           .toArray()
                           .size() == 2;
            },
            8000));
        auto kicked = api("kick_sessions", "local_port=" + QByteArray::number(m_rtmpPort));
        QCOMPARE(kicked.value("count_hit").toInt(), 2);
        QVERIFY(a.process().waitForFinished(8000));
        QVERIFY(b.process().waitForFinished(8000));
        auto all = api("kick_sessions");
        QCOMPARE(all.value("code").toInt(), 0);  // the caller's own connection answered
    }

    void duplicatePublisherIsRefused() {
        Publisher first(rtmpUrl("dup"));
        QVERIFY(waitOnline("dup"));
        Publisher second(rtmpUrl("dup"));
        QVERIFY(second.process().waitForFinished(8000));
        QVERIFY(second.process().exitCode() != 0);
        QVERIFY2(QString::fromUtf8(second.process().readAll()).contains("already publishing"),
                 "the publisher is told why");
        QCOMPARE(first.process().state(), QProcess::Running);
        QVERIFY2(m_engine->output().contains("rtmp.publish_busy"),
                 qPrintable(QString::number(m_engine->output().size())));
    }

    void playerWaitsForAStreamAndMissingOnesAre404() {
        auto missing = RawHttp::get(m_engine->httpPort(), "/live/never.live.flv");
        QCOMPARE(missing.status, 404);
        QProcess player;
        player.start("ffprobe",
                     {"-v", "error", "-show_entries", "stream=codec_name", "-of", "csv=p=0",
                      QString("%1/live/late.live.flv").arg(m_engine->baseUrl())});
        QTest::qWait(700);
        Publisher pub(rtmpUrl("late"));
        QVERIFY(player.waitForFinished(15000));
        QVERIFY(QString::fromUtf8(player.readAllStandardOutput()).contains("h264"));
    }

    void publisherReturningWithinTheWindowKeepsPlayers() {
        auto pub = std::make_unique<Publisher>(rtmpUrl("back"));
        QVERIFY(waitOnline("back"));
        // A bare HTTP-FLV reader: what the server does with the connection, nothing else.
        QTcpSocket player;
        qint64 received = 0;
        connect(&player, &QTcpSocket::readyRead, this,
                [&] { received += player.readAll().size(); });
        player.connectToHost(QHostAddress::LocalHost, m_engine->httpPort());
        QVERIFY(player.waitForConnected(5000));
        player.write("GET /live/back.live.flv HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        auto players = [&] {
            return api("getMediaPlayerList",
                       "schema=rtmp&vhost=__defaultVhost__&app=live&stream=back")
                .value("data")
                .toArray()
                .size();
        };
        QVERIFY(QTest::qWaitFor([&] { return players() == 1; }, 8000));
        pub.reset();  // the publisher drops
        QTest::qWait(1000);
        QVERIFY(waitOnline("back", true, 100));
        QCOMPARE(players(), 1);
        pub = std::make_unique<Publisher>(rtmpUrl("back"));
        QVERIFY(QTest::qWaitFor([&] { return m_engine->output().contains("resumed=1"); }, 8000));
        const qint64 atResume = received;
        QVERIFY(QTest::qWaitFor([&] { return received > atResume + 20000; }, 8000));
        QCOMPARE(players(), 1);
        QCOMPARE(player.state(), QAbstractSocket::ConnectedState);
        pub.reset();
        QVERIFY(waitOnline("back", false, 8000));  // gone after the window
        QVERIFY(QTest::qWaitFor([&] { return players() == 0; }, 2000));
        QVERIFY(QTest::qWaitFor([&] { return player.state() == QAbstractSocket::UnconnectedState; },
                                5000));
    }

    void streamWithoutReadersClosesWhenAutoCloseIsOn() {
        QCOMPARE(api("setServerConfig", "protocol.auto_close=1").value("changed").toInt(), 1);
        Publisher pub(rtmpUrl("idle"));
        QVERIFY(waitOnline("idle"));
        QVERIFY(waitOnline("idle", false, 6000));
        QCOMPARE(api("setServerConfig", "protocol.auto_close=0").value("changed").toInt(), 1);
    }

    void feedAnnouncesStreams() {
        QWebSocket ws;
        QList<QJsonObject> events;
        connect(&ws, &QWebSocket::textMessageReceived, this,
                [&](const QString& m) { events << QJsonDocument::fromJson(m.toUtf8()).object(); });
        ws.open(QUrl(m_engine->baseUrl().replace("http", "ws") +
                     "/index/events?secret=" + m_secret + "&log=off"));
        auto seen = [&](const QString& type) {
            return std::any_of(events.begin(), events.end(), [&](const QJsonObject& e) {
                return e.value("type").toString() == type;
            });
        };
        QVERIFY(QTest::qWaitFor([&] { return seen("hello"); }, 5000));
        {
            Publisher pub(rtmpUrl("feed"));
            QVERIFY(QTest::qWaitFor([&] { return seen("stream.added"); }, 8000));
            QVERIFY(QTest::qWaitFor([&] { return seen("streams"); }, 4000));
            pub.stop();
        }
        QVERIFY(QTest::qWaitFor([&] { return seen("stream.removed"); }, 8000));
        for (const auto& e : events) {
            if (e.value("type").toString() == "stream.added") {
                QCOMPARE(e.value("data").toObject().value("stream").toString(),
                         QStringLiteral("feed"));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestLiveMedia)
#include "tst_live_media.moc"
