// A real regie-engine on free ports, driven by a raw HTTP client and a WebSocket client: every
// server endpoint per spec, the secret rules, the ZEGO gateway, HTTP limits, durability of
// configuration across restartServer and a kill, and the event feed.

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>
#include <QWebSocket>

#include "engine_process.h"
#include "raw_http.h"
#include "zego_query.h"

using regie::test::EngineProcess;
using regie::test::RawHttp;
using regie::test::RawResponse;
using regie::test::zegoQuery;

namespace {

// Collects the event feed's messages.
class FeedClient : public QObject {
public:
    explicit FeedClient(const QString& url) {
        connect(&socket, &QWebSocket::textMessageReceived, this, [this](const QString& m) {
            messages.append(QJsonDocument::fromJson(m.toUtf8()).object());
        });
        socket.open(QUrl(url));
    }
    bool waitFor(const QString& type, int timeoutMs = 5000) {
        return QTest::qWaitFor([&] { return indexOf(type) >= 0; }, timeoutMs);
    }
    int indexOf(const QString& type) const {
        for (int i = 0; i < messages.size(); ++i) {
            if (messages[i].value("type").toString() == type) {
                return i;
            }
        }
        return -1;
    }
    QJsonObject first(const QString& type) const { return messages.value(indexOf(type)); }
    QWebSocket socket;
    QList<QJsonObject> messages;
};

}  // namespace

class TestEngineApi : public QObject {
    Q_OBJECT

    std::unique_ptr<EngineProcess> m_engine;
    QByteArray m_secret;

    RawResponse api(const QByteArray& name, const QByteArray& query = {}) {
        return RawHttp::get(m_engine->httpPort(), "/index/api/" + name + "?secret=" + m_secret +
                                                      (query.isEmpty() ? "" : "&" + query));
    }

private slots:
    void initTestCase() {
        m_engine = std::make_unique<EngineProcess>(
            QStringLiteral("[http]\nkeepAliveSecond=1\nmaxReqSize=2048\n"));
        QVERIFY2(m_engine->start(), qPrintable(m_engine->output()));
        m_secret = m_engine->secret().toUtf8();
        QCOMPARE(m_secret.size(), 32);
    }

    void cleanup() {
        if (QTest::currentTestFailed()) {
            qWarning().noquote() << "engine output:\n" << m_engine->output();
        }
    }

    void versionAndApiList() {
        auto v = api("version");
        QCOMPARE(v.status, 200);
        QVERIFY(v.header("Content-Type").startsWith("application/json; charset=utf-8"));
        QCOMPARE(v.header("Access-Control-Allow-Origin"), QByteArray("*"));
        auto data = v.json().value("data").toObject();
        QCOMPARE(data.keys(), QStringList({"branchName", "buildTime", "commitHash"}));
        QVERIFY(QDateTime::fromString(data.value("buildTime").toString(), Qt::ISODate).isValid());

        auto list = api("getApiList").json().value("data").toArray();
        QStringList paths;
        for (const auto& p : list) {
            paths << p.toString();
        }
        QStringList sorted = paths;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(paths, sorted);
        for (const char* p : {"/index/", "/index/api/getApiList", "/index/api/version",
                              "/index/api/getServerConfig", "/index/api/setServerConfig",
                              "/index/api/restartServer", "/index/api/getStatistic",
                              "/index/api/getThreadsLoad", "/index/api/getWorkThreadsLoad"}) {
            QVERIFY2(paths.contains(p), p);
        }
        for (const QString& p : paths) {
            if (p == "/index/" || p.endsWith("/restartServer")) {
                continue;  // restartServer has its own test below
            }
            auto r = RawHttp::get(m_engine->httpPort(), p.toUtf8() + "?secret=" + m_secret);
            QVERIFY2(r.status == 200, qPrintable(p));
        }
        QCOMPARE(RawHttp::get(m_engine->httpPort(), "/index/?secret=" + m_secret)
                     .json()
                     .value("data")
                     .toArray(),
                 list);
    }

    void serverConfigIsStringsAndShowsBoundPort() {
        auto r = api("getServerConfig");
        QCOMPARE(r.json().value("code").toInt(), 0);
        QJsonArray data = r.json().value("data").toArray();
        QCOMPARE(data.size(), 1);
        QJsonObject values = data.first().toObject();
        QVERIFY(values.size() >= 139);
        for (auto it = values.begin(); it != values.end(); ++it) {
            QVERIFY2(it.value().isString(), qPrintable(it.key()));
        }
        QCOMPARE(values.value("http.port").toString(), QString::number(m_engine->httpPort()));
        QCOMPARE(values.value("api.secret").toString(), QString::fromUtf8(m_secret));
        QCOMPARE(values.value("zego.app").toString(), QStringLiteral("live"));
    }

    void statisticAndLoads() {
        auto stat = api("getStatistic").json().value("data").toObject();
        QCOMPARE(stat.size(), 16);
        for (const char* k :
             {"Buffer", "BufferLikeString", "BufferList", "BufferRaw", "Frame", "FrameImp",
              "MediaSource", "MultiMediaSourceMuxer", "RtmpPacket", "RtpPacket", "Socket",
              "TcpClient", "TcpServer", "TcpSession", "UdpServer", "UdpSession"}) {
            QVERIFY2(stat.value(k).isDouble(), k);
        }
        QCOMPARE(stat.value("TcpServer").toInt(), 2);  // the HTTP and RTMP listeners
        RawHttp held(m_engine->httpPort());
        QVERIFY(held.connect());
        QTest::qWait(100);
        auto withHeld = api("getStatistic").json().value("data").toObject();
        QVERIFY(withHeld.value("TcpSession").toInt() >= 2);

        for (const char* name : {"getThreadsLoad", "getWorkThreadsLoad"}) {
            auto loads = api(name).json().value("data").toArray();
            QVERIFY(loads.size() >= 1);
            for (const auto& l : loads) {
                QCOMPARE(l.toObject().keys(), QStringList({"delay", "load"}));
                QVERIFY(l.toObject().value("load").toInt() >= 0 &&
                        l.toObject().value("load").toInt() <= 100);
            }
        }
    }

    void secretRulesAndParameterSources() {
        QCOMPARE(
            RawHttp::get(m_engine->httpPort(), "/index/api/version").json().value("code").toInt(),
            -300);
        QCOMPARE(RawHttp::get(m_engine->httpPort(), "/index/api/version?secret=x")
                     .json()
                     .value("code")
                     .toInt(),
                 -100);
        QCOMPARE(
            RawHttp::get(m_engine->httpPort(), "/index/api/version", "secret: " + m_secret + "\r\n")
                .json()
                .value("code")
                .toInt(),
            0);
        QCOMPARE(RawHttp::get(m_engine->httpPort(), "/Index/Api/Version?SECRET=" + m_secret)
                     .json()
                     .value("code")
                     .toInt(),
                 0);
        QCOMPARE(RawHttp::post(m_engine->httpPort(), "/index/api/version",
                               "application/x-www-form-urlencoded", "secret=" + m_secret)
                     .json()
                     .value("code")
                     .toInt(),
                 0);
        QCOMPARE(RawHttp::post(m_engine->httpPort(), "/index/api/version", "application/json",
                               "{\"secret\":\"" + m_secret + "\"}")
                     .json()
                     .value("code")
                     .toInt(),
                 0);
        auto malformed = RawHttp::post(m_engine->httpPort(), "/index/api/version",
                                       "application/json", "{\"secret\":");
        QCOMPARE(malformed.status, 200);
        QCOMPARE(malformed.json().value("code").toInt(), -300);
    }

    void httpMethodsAndUnknownPaths() {
        QCOMPARE(
            RawHttp::get(m_engine->httpPort(), "/index/api/noSuchThing?secret=" + m_secret).status,
            404);
        RawHttp http(m_engine->httpPort());
        QVERIFY(http.connect());
        http.send("OPTIONS /index/api/version HTTP/1.1\r\nHost: x\r\n\r\n");
        auto options = http.read();
        QCOMPARE(options.status, 200);
        QCOMPARE(options.header("Access-Control-Allow-Methods"),
                 QByteArray("GET, POST, HEAD, OPTIONS"));
        QCOMPARE(options.header("Access-Control-Allow-Headers"), QByteArray("*"));
        http.send("HEAD /index/api/version HTTP/1.1\r\nHost: x\r\n\r\n");
        auto head = http.read();
        QCOMPARE(head.status, 200);
        http.send("PUT /index/api/version HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
        QCOMPARE(http.read().status, 405);
        http.send("GET /index/api/version?secret=" + m_secret + " HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(http.read().json().value("code").toInt(), 0);  // same connection kept alive
    }

    void oversizedAndUnframedBodiesAreRefused() {
        QByteArray big(4096, 'a');
        auto tooBig =
            RawHttp::post(m_engine->httpPort(), "/index/api/version",
                          "application/x-www-form-urlencoded", "secret=" + m_secret + "&x=" + big);
        QCOMPARE(tooBig.status, 413);

        RawHttp noLength(m_engine->httpPort());
        QVERIFY(noLength.connect());
        noLength.send(
            "POST /index/api/version HTTP/1.1\r\nHost: x\r\nContent-Type: "
            "application/json\r\n\r\n{}");
        QCOMPARE(noLength.read().status, 411);

        RawHttp hugeHeader(m_engine->httpPort());
        QVERIFY(hugeHeader.connect());
        hugeHeader.send("GET /index/api/version HTTP/1.1\r\nX-Big: " + QByteArray(20000, 'h') +
                        "\r\n\r\n");
        QCOMPARE(hugeHeader.read().status, 431);

        RawHttp garbage(m_engine->httpPort());
        QVERIFY(garbage.connect());
        garbage.send("\x16\x03\x01 this is not http\r\n\r\n");
        QVERIFY(garbage.waitClosed(3000));
        QCOMPARE(api("version").status, 200);
    }

    void slowClientIsDroppedWhileOthersAreServed() {
        RawHttp slow(m_engine->httpPort());
        QVERIFY(slow.connect());
        QElapsedTimer timer;
        timer.start();
        const QByteArray request =
            "GET /index/api/version?secret=" + m_secret + " HTTP/1.1\r\nHost: x\r\n";
        bool closed = false;
        for (int i = 0; i < request.size() && timer.elapsed() < 4000; ++i) {
            slow.socket().write(request.mid(i, 1));
            slow.socket().flush();
            if (slow.waitClosed(150)) {
                closed = true;
                break;
            }
            QCOMPARE(api("version").json().value("code").toInt(), 0);
        }
        QVERIFY2(closed || slow.waitClosed(2000),
                 "a request trickling in byte by byte must hit the deadline");
        QVERIFY(timer.elapsed() < 3500);
    }

    void zegoGatewayErrorsAndSignedCall() {
        int port = m_engine->httpPort();
        auto code = [&](const QByteArray& target) {
            return RawHttp::get(port, target).json().value("Code").toInt();
        };
        QCOMPARE(code("/"), 100000006);
        QCOMPARE(code("/?Action=NoSuchAction"), 100000007);
        QCOMPARE(code("/?Action=RTMPDispatchV2&AppId=abc"), 100000001);
        QCOMPARE(code("/?Action=RTMPDispatchV2&AppId=42"), 100000010);

        QByteArray good = zegoQuery(*m_engine, "RTMPDispatchV2");
        auto ok = RawHttp::get(port, good + "&StreamId=cam1&Sequence=1&Type=push");
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.json().keys(), QStringList({"Code", "Data", "Message", "RequestId"}));
        QVERIFY(ok.json().value("RequestId").isString());
        QCOMPARE(ok.json().value("Code").toInt(), 0);
        QCOMPARE(ok.json().value("Message").toString(), QStringLiteral("ok"));
        auto config = api("getServerConfig").json().value("data").toArray().first().toObject();
        QCOMPARE(ok.json().value("Data").toArray(),
                 QJsonArray({QString("rtmp://127.0.0.1:%1/live/cam1")
                                 .arg(config.value("rtmp.port").toString())}));
        QCOMPARE(code(good + "&StreamId=cam1&Sequence=1&Type=push"), 100000005);  // replayed nonce

        QCOMPARE(
            code(zegoQuery(*m_engine, "RTMPDispatchV2", QDateTime::currentSecsSinceEpoch() - 601) +
                 "&StreamId=a&Sequence=1&Type=pull"),
            100000004);
        QByteArray badSig = zegoQuery(*m_engine, "RTMPDispatchV2");
        int at = badSig.indexOf("&Signature=") + 11;
        badSig.replace(at, 32, QByteArray(32, '0'));
        QCOMPARE(code(badSig), 100000005);
        QByteArray noVersion = zegoQuery(*m_engine, "RTMPDispatchV2");
        noVersion.replace("&SignatureVersion=2.0", "");
        QCOMPARE(code(noVersion), 100000013);
        QCOMPARE(code(zegoQuery(*m_engine, "RTMPDispatchV2") +
                      "&StreamId=bad%20id&Sequence=1&Type=push"),
                 30009);
        QCOMPARE(
            code(zegoQuery(*m_engine, "RTMPDispatchV2") + "&StreamId=a&Sequence=1&Type=sideways"),
            30010);
    }

    void zegoRateLimitAnswersAndKeepsServing() {
        int throttled = 0;
        for (int i = 0; i < 80; ++i) {
            int c = RawHttp::get(m_engine->httpPort(), zegoQuery(*m_engine, "RTMPDispatch") +
                                                           "&StreamId=a&Sequence=1&Type=pull")
                        .json()
                        .value("Code")
                        .toInt();
            QVERIFY(c == 0 || c == 30002);
            throttled += c == 30002;
        }
        QVERIFY2(throttled > 0, "80 calls in well under two seconds exceed 40/s");
        QCOMPARE(api("version").json().value("code").toInt(), 0);
    }

    void eventFeedHelloStatsConfigAndLog() {
        QWebSocket refused;
        QSignalSpy refusedError(&refused,
                                qOverload<QAbstractSocket::SocketError>(&QWebSocket::error));
        refused.open(
            QUrl(m_engine->baseUrl().replace("http", "ws") + "/index/events?secret=wrong"));
        QVERIFY(refusedError.wait(3000));

        FeedClient feed(m_engine->baseUrl().replace("http", "ws") +
                        "/index/events?secret=" + m_secret + "&log=info");
        QVERIFY(feed.waitFor("hello"));
        QJsonObject hello = feed.messages.first();
        QCOMPARE(hello.value("type").toString(), QStringLiteral("hello"));
        QCOMPARE(hello.value("seq").toInt(), 1);
        QCOMPARE(hello.value("data").toObject().value("ports").toObject().value("http").toInt(),
                 m_engine->httpPort());
        QCOMPARE(hello.value("data").toObject().value("pid").toInteger(),
                 m_engine->process().processId());

        QVERIFY(feed.waitFor("stats", 3000));
        QJsonObject stats = feed.first("stats").value("data").toObject();
        QCOMPARE(stats.value("statistic").toObject().size(), 16);
        QVERIFY(stats.value("threads").toArray().size() >= 1);
        QVERIFY(stats.value("uptimeMs").toInteger() > 0);

        auto set = api("setServerConfig", "hook.timeoutSec=7&protocol.enable_ts=0");
        QCOMPARE(set.json().value("changed").toInt(), 2);
        QVERIFY(feed.waitFor("config.changed"));
        QJsonObject changed =
            feed.first("config.changed").value("data").toObject().value("changed").toObject();
        QCOMPARE(changed.value("hook.timeoutSec").toString(), QStringLiteral("7"));
        QVERIFY(feed.waitFor("log"));
        QCOMPARE(feed.first("log").value("data").toObject().value("event").toString(),
                 QStringLiteral("config.changed"));

        for (int i = 0; i < feed.messages.size(); ++i) {
            QCOMPARE(feed.messages[i].value("seq").toInt(), i + 1);
        }
    }

    void setServerConfigRulesAndRestartSurvival() {
        auto unchanged = api("setServerConfig",
                             "hook.timeoutSec=7&nosuch.key=1&ffmpeg.bin=/tmp/x&business_trace=abc");
        QCOMPARE(unchanged.json().value("changed").toInt(), 0);
        auto ports = api("setServerConfig", "rtmp.handshakeSecond=9&rtmp.sslport=19350");
        QCOMPARE(ports.json().value("changed").toInt(), 2);
        QCOMPARE(ports.json().value("restartRequired").toArray(), QJsonArray({"rtmp.sslport"}));
        QCOMPARE(m_engine->configValue("rtmp", "handshakeSecond"), QStringLiteral("9"));

        FeedClient feed(m_engine->baseUrl().replace("http", "ws") +
                        "/index/events?secret=" + m_secret);
        QVERIFY(feed.waitFor("hello"));
        qint64 pid = m_engine->process().processId();
        auto restart = api("restartServer");
        QCOMPARE(restart.json().value("code").toInt(), 0);
        QCOMPARE(restart.json().value("msg").toString(),
                 QStringLiteral("服务器将在一秒后自动重启"));
        QVERIFY(feed.waitFor("shutdown", 5000));
        QCOMPARE(feed.first("shutdown").value("data").toObject().value("reason").toString(),
                 QStringLiteral("restartServer"));
        QVERIFY(m_engine->waitReady(10000));
        QTest::qWait(200);
        QCOMPARE(m_engine->process().processId(), pid);  // restarted in place
        auto after = api("getServerConfig").json().value("data").toArray().first().toObject();
        QCOMPARE(after.value("rtmp.handshakeSecond").toString(), QStringLiteral("9"));
        QCOMPARE(after.value("hook.timeoutSec").toString(), QStringLiteral("7"));
    }

    void configSurvivesAKill() {
        QCOMPARE(api("setServerConfig", "hls.segNum=7").json().value("changed").toInt(), 1);
        m_engine->kill();
        QVERIFY2(m_engine->start(), qPrintable(m_engine->output()));
        auto after = api("getServerConfig").json().value("data").toArray().first().toObject();
        QCOMPARE(after.value("hls.segNum").toString(), QStringLiteral("7"));
        QCOMPARE(after.value("rtmp.handshakeSecond").toString(), QStringLiteral("9"));
        QCOMPARE(QString::fromUtf8(m_secret), m_engine->secret());
    }

    void cleanShutdownOnSigterm() {
        QVERIFY(m_engine->terminate());
        QVERIFY(m_engine->output().contains("engine.stopped reason=SIGTERM"));
        QVERIFY(!QFile::exists(m_engine->dataDir() + "/ready.json"));
    }
};

QTEST_GUILESS_MAIN(TestEngineApi)
#include "tst_engine_api.moc"
