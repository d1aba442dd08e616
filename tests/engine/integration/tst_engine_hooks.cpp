// Hooks through a real regie-engine: a hook server refuses and allows real ffmpeg publishers
// and players, receives stream, flow and lifecycle hooks, and ZEGO stream callbacks arrive
// signed and are delivered after an engine restart when the receiver was down before it.

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTest>
#include <atomic>

#include "engine_process.h"
#include "ffmpeg_publisher.h"
#include "hook_receiver.h"
#include "raw_http.h"

using regie::test::EngineProcess;
using regie::test::HookAnswer;
using regie::test::HookReceiver;
using regie::test::RawHttp;
using regie::test::ReceivedRequest;

namespace {

QProcess* publish(QObject* parent, const QString& url, int seconds = 20) {
    auto* p = new QProcess(parent);
    p->start("ffmpeg",
             regie::test::ffmpegPublishArgs("testsrc=size=320x240:rate=25", "sine", seconds, url));
    return p;
}

bool probeOk(const QString& url) {
    QProcess p;
    p.start("ffprobe", {"-v", "error", "-rw_timeout", "6000000", "-show_entries",
                        "stream=codec_name", "-of", "csv=p=0", url});
    p.waitForFinished(12000);
    return p.exitCode() == 0 && p.readAllStandardOutput().contains("h264");
}

QByteArray zegoSignature(const QByteArray& secret, const QByteArray& timestamp,
                         const QByteArray& nonce) {
    QList<QByteArray> parts{secret, timestamp, nonce};
    std::sort(parts.begin(), parts.end());
    return QCryptographicHash::hash(parts.join(), QCryptographicHash::Sha1).toHex();
}

}  // namespace

class TestEngineHooks : public QObject {
    Q_OBJECT

    HookReceiver m_hooks;
    std::unique_ptr<EngineProcess> m_engine;
    QByteArray m_secret;
    int m_rtmpPort = 0;
    std::atomic<bool> m_zegoReceiverUp{true};

    QString rtmpUrl(const QString& stream) const {
        return QString("rtmp://127.0.0.1:%1/live/%2").arg(m_rtmpPort).arg(stream);
    }
    QJsonObject api(const QByteArray& name, const QByteArray& query = {}) {
        return RawHttp::get(m_engine->httpPort(), "/index/api/" + name + "?secret=" + m_secret +
                                                      (query.isEmpty() ? "" : "&" + query))
            .json();
    }
    bool waitFor(const QByteArray& target, const std::function<bool(const QJsonObject&)>& match,
                 int ms = 8000) {
        return QTest::qWaitFor(
            [&] {
                for (const auto& r : m_hooks.requestsTo(target)) {
                    if (match(r.json())) {
                        return true;
                    }
                }
                return false;
            },
            ms);
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
        QVERIFY(m_hooks.listenInThread());
        m_hooks.setResponder([this](const ReceivedRequest& r) {
            QJsonObject body = r.json();
            if (r.target == "/on_publish" && body.value("stream").toString() == "denied") {
                return HookAnswer{200, R"({"code":-1,"msg":"not this stream"})"};
            }
            if (r.target == "/on_play" && !body.value("params").toString().contains("token=good")) {
                return HookAnswer{200, R"({"code":-1,"msg":"bad token"})"};
            }
            if (r.target == "/zego" && !m_zegoReceiverUp) {
                return HookAnswer{500, "down"};
            }
            return HookAnswer{};
        });
        QByteArray hookConfig = "[hook]\nenable=1\ntimeoutSec=2\nretry=0\nalive_interval=1\n";
        for (const char* name :
             {"on_publish", "on_play", "on_stream_changed", "on_flow_report", "on_server_started",
              "on_server_keepalive", "on_stream_none_reader", "on_stream_not_found",
              "on_server_exited"}) {
            hookConfig += QByteArray(name) + "=" + m_hooks.url(QByteArray("/") + name) + "\n";
        }
        hookConfig += "[zego]\ncallbackUrl=" + m_hooks.url("/zego") + "\ncallbackSecret=cbsecret\n";
        hookConfig += "[general]\nmaxStreamWaitMS=1000\n[protocol]\ncontinue_push_ms=500\n";
        m_engine = std::make_unique<EngineProcess>(QString::fromUtf8(hookConfig));
        QVERIFY2(startEngine(), qPrintable(m_engine->output()));
    }

    void cleanup() {
        if (QTest::currentTestFailed()) {
            qWarning().noquote() << "engine output:\n" << m_engine->output();
        }
    }

    void lifecycleHooksArrive() {
        QVERIFY(waitFor("/on_server_started",
                        [](const QJsonObject& o) { return o.contains("http.port"); }));
        QVERIFY(waitFor("/on_server_keepalive", [](const QJsonObject& o) {
            return o.value("data").toObject().contains("TcpSession");
        }));
    }

    void publishRefusedByTheHook() {
        QProcess* p = publish(this, rtmpUrl("denied"));
        QVERIFY(p->waitForFinished(10000));
        QVERIFY(p->exitCode() != 0);
        QVERIFY(waitFor("/on_publish", [](const QJsonObject& o) {
            return o.value("stream").toString() == "denied" &&
                   o.value("app").toString() == "live" && o.value("schema").toString() == "rtmp";
        }));
        QCOMPARE(api("isMediaOnline", "schema=rtmp&vhost=__defaultVhost__&app=live&stream=denied")
                     .value("online")
                     .toBool(),
                 false);
    }

    void playDecidedByTheHookAndStreamEventsReported() {
        QProcess* p = publish(this, rtmpUrl("cam?token=abc"));
        // Announced once its tracks are described, as ZLM registers a stream.
        QVERIFY(waitFor("/on_stream_changed", [](const QJsonObject& o) {
            if (!o.value("regist").toBool() || o.value("stream").toString() != "cam") {
                return false;
            }
            QStringList tracks;
            for (const auto& t : o.value("tracks").toArray()) {
                tracks << t.toObject().value("codec_id_name").toString() +
                              (t.toObject().value("ready").toBool() ? " ready" : " waiting");
            }
            return tracks == QStringList{"H264 ready", "mpeg4-generic ready"} ||
                   tracks == QStringList{"mpeg4-generic ready", "H264 ready"};
        }));
        QVERIFY(!probeOk(rtmpUrl("cam?token=bad")));
        QVERIFY(probeOk(rtmpUrl("cam?token=good")));
        QCOMPARE(RawHttp::get(m_engine->httpPort(), "/live/cam.live.flv?token=bad").status, 403);
        QVERIFY(probeOk(QString("%1/live/cam.live.flv?token=good").arg(m_engine->baseUrl())));
        QVERIFY(waitFor("/on_play", [](const QJsonObject& o) {
            return o.value("params").toString() == "token=good" &&
                   o.value("stream").toString() == "cam";
        }));
        QVERIFY(waitFor("/on_flow_report", [](const QJsonObject& o) {
            return o.value("player").toBool() && o.value("totalBytes").toDouble() > 0;
        }));
        p->kill();
        p->waitForFinished(3000);
        QVERIFY(waitFor("/on_stream_changed", [](const QJsonObject& o) {
            return !o.value("regist").toBool() && o.value("stream").toString() == "cam";
        }));
    }

    void missingStreamAsksOnStreamNotFound() {
        QVERIFY(!probeOk(rtmpUrl("ghost?token=good")));
        QVERIFY(waitFor("/on_stream_not_found", [](const QJsonObject& o) {
            return o.value("stream").toString() == "ghost";
        }));
    }

    void zegoCallbacksAreSignedAndSurviveARestart() {
        QProcess* p = publish(this, rtmpUrl("zego1"), 3);
        QVERIFY(waitFor("/zego", [](const QJsonObject& o) {
            return o.value("event").toString() == "stream_create" &&
                   o.value("stream_id").toString() == "zego1";
        }));
        for (const auto& r : m_hooks.requestsTo("/zego")) {
            QJsonObject o = r.json();
            QCOMPARE(o.value("signature").toString().toUtf8(),
                     zegoSignature("cbsecret", o.value("timestamp").toVariant().toString().toUtf8(),
                                   o.value("nonce").toVariant().toString().toUtf8()));
            QCOMPARE(o.value("appid").toVariant().toString(),
                     m_engine->configValue("zego", "appId"));
            if (o.value("event").toString() == "stream_create") {
                QCOMPARE(o.value("stream_attr").toString(), QStringLiteral("{\"cid\":0}"));
                QString suffix = "/live/" + o.value("stream_id").toString() + ".live.flv";
                QVERIFY2(o.value("hdl_url").toArray().first().toString().endsWith(suffix),
                         r.body.constData());
            }
        }
        QVERIFY(p->waitForFinished(10000));
        QVERIFY(waitFor("/zego", [](const QJsonObject& o) {
            return o.value("event").toString() == "stream_close" &&
                   o.value("stream_id").toString() == "zego1" &&
                   o.value("type").toVariant().toString() == "0";
        }));

        m_zegoReceiverUp = false;
        m_hooks.clear();
        QProcess* q = publish(this, rtmpUrl("zego2"), 30);
        QVERIFY(waitFor("/zego", [](const QJsonObject& o) {
            return o.value("stream_id").toString() == "zego2";
        }));
        m_engine->kill();  // the callback failed and is still queued
        q->kill();
        q->waitForFinished(3000);
        m_zegoReceiverUp = true;
        m_hooks.clear();
        QVERIFY(startEngine());
        QVERIFY2(waitFor(
                     "/zego",
                     [](const QJsonObject& o) {
                         return o.value("event").toString() == "stream_create" &&
                                o.value("stream_id").toString() == "zego2";
                     },
                     15000),
                 "the queued callback is delivered after the restart");
    }
};

QTEST_GUILESS_MAIN(TestEngineHooks)
#include "tst_engine_hooks.moc"
