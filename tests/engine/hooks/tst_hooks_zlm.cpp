// ZLM web hooks against a local receiver: exact bodies, replies, refusals, retries, timeouts,
// the server-down policy, disabled hooks, keepalive and shutdown.

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <boost/asio/post.hpp>
#include <boost/json.hpp>

#include "core/log.h"
#include "hook_receiver.h"
#include "hooks_test_support.h"
#include "service/hooks/zlm_hooks.h"

using namespace regie::service::hooks;
using regie::core::ConfigSnapshot;
using regie::test::HookAnswer;
using regie::test::HookReceiver;
using regie::test::IoThread;
using regie::test::ReceivedRequest;
using regie::test::Slot;

namespace {

const char* kHooks[] = {
    "on_publish",          "on_play",        "on_stream_changed", "on_stream_none_reader",
    "on_stream_not_found", "on_flow_report", "on_server_started", "on_server_exited",
    "on_server_keepalive"};

ConfigSnapshot::Map baseConfig(const HookReceiver& r) {
    ConfigSnapshot::Map m{{"general.mediaServerId", "regie-test"},
                          {"hook.enable", "1"},
                          {"hook.timeoutSec", "2"},
                          {"hook.retry", "1"},
                          {"hook.retry_delay", "0.05"},
                          {"hook.alive_interval", "0"},
                          {"hook.stream_changed_schemas", "rtsp/rtmp/fmp4/ts/hls/hls.fmp4"},
                          {"hook.on_error_policy", "deny"}};
    for (const char* h : kHooks) {
        m[std::string("hook.") + h] = r.url(QByteArray("/index/hook/") + h).toStdString();
    }
    return m;
}

HookSettings settings(ConfigSnapshot::Map m) {
    return HookSettings::fromConfig(ConfigSnapshot(std::move(m), 1));
}

MediaAccess access(const char* schema = "rtmp") {
    MediaAccess a;
    a.schema = schema;
    a.key = {"__defaultVhost__", "live", "test"};
    a.params = "token=abc";
    a.peer = {"192.168.1.20", 55345, "140259799100960"};
    return a;
}

QJsonObject parse(const char* text) {
    return QJsonDocument::fromJson(text).object();
}

QByteArray target(const char* hook) {
    return QByteArray("/index/hook/") + hook;
}

int closedPort() {
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

}  // namespace

class TestZlmHooks : public QObject {
    Q_OBJECT

private:
    regie::core::Logger m_log;

private slots:
    void publishSendsExactBodyAndAllows() {
        HookReceiver receiver;
        QVERIFY(receiver.listen());
        IoThread loop;
        ZlmHookService hooks(loop.io, m_log, settings(baseConfig(receiver)));
        PublishEvent ev{access(), 1, "rtmp_push"};
        Slot<PublishDecision> decision;
        hooks.onPublish(ev, loop.io.get_executor(), [&](PublishDecision d) { decision.set(d); });
        QTRY_VERIFY_WITH_TIMEOUT(decision.has(), 5000);
        QVERIFY(decision.get().allowed);
        QCOMPARE(decision.get().outcome, HookOutcome::success);
        QVERIFY(!decision.get().options.enableHls.has_value());
        QCOMPARE(receiver.requests().size(), 1);
        const ReceivedRequest r = receiver.requests().first();
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.target, target("on_publish"));
        QCOMPARE(r.headers.value("content-type"), QByteArray("application/json"));
        QCOMPARE(r.headers.value("x-vhost"), QByteArray("__defaultVhost__"));
        const QJsonObject expected1 = parse(
            R"({"mediaServerId":"regie-test","hook_index":0,"schema":"rtmp","vhost":"__defaultVhost__","app":"live","stream":"test","params":"token=abc","ip":"192.168.1.20","port":55345,"id":"140259799100960","originType":1,"originTypeStr":"rtmp_push"})");
        QCOMPARE(r.json(), expected1);
    }

    void publishReplyOptionsAreTyped() {
        HookReceiver receiver;
        QVERIFY(receiver.listen());
        receiver.setResponder([](const auto&) {
            return HookAnswer{
                200,
                R"({"code":0,"msg":"success","enable_hls":true,"enable_mp4":"0","enable_rtsp":1,"hls_demand":"true","mp4_max_second":"3600","modify_stamp":2,"continue_push_ms":1500,"auto_close":false,"mp4_save_path":"/srv/rec","stream_replace":"cam1"})",
                0, false};
        });
        IoThread loop;
        ZlmHookService hooks(loop.io, m_log, settings(baseConfig(receiver)));
        Slot<PublishDecision> decision;
        hooks.onPublish({access("rtp"), 3, "rtp_push"}, loop.io.get_executor(),
                        [&](PublishDecision d) { decision.set(d); });
        QTRY_VERIFY_WITH_TIMEOUT(decision.has(), 5000);
        const PublishOptions o = decision.get().options;
        QVERIFY(decision.get().allowed);
        QCOMPARE(o.enableHls, std::optional<bool>(true));
        QCOMPARE(o.enableMp4, std::optional<bool>(false));
        QCOMPARE(o.enableRtsp, std::optional<bool>(true));
        QCOMPARE(o.hlsDemand, std::optional<bool>(true));
        QCOMPARE(o.autoClose, std::optional<bool>(false));
        QVERIFY(!o.enableRtmp.has_value());
        QCOMPARE(o.mp4MaxSecond, std::optional<std::int64_t>(3600));
        QCOMPARE(o.modifyStamp, std::optional<std::int64_t>(2));
        QCOMPARE(o.continuePushMs, std::optional<std::int64_t>(1500));
        QCOMPARE(o.mp4SavePath, std::optional<std::string>("/srv/rec"));
        QCOMPARE(o.streamReplace, std::optional<std::string>("cam1"));
        QVERIFY(!o.hlsSavePath.has_value());
    }

    void refusalIsNotRetried() {
        HookReceiver receiver;
        QVERIFY(receiver.listen());
        receiver.setResponder([](const auto&) {
            return HookAnswer{200, R"({"code":-1,"msg":"bad token"})", 0, false};
        });
        IoThread loop;
        ZlmHookService hooks(loop.io, m_log, settings(baseConfig(receiver)));
        Slot<PublishDecision> pub;
        Slot<AuthDecision> play;
        hooks.onPublish({access(), 1, "rtmp_push"}, loop.io.get_executor(),
                        [&](PublishDecision d) { pub.set(d); });
        hooks.onPlay(access(), loop.io.get_executor(), [&](AuthDecision d) { play.set(d); });
        QTRY_VERIFY_WITH_TIMEOUT(pub.has() && play.has(), 5000);
        QVERIFY(!pub.get().allowed);
        QCOMPARE(pub.get().outcome, HookOutcome::refused);
        QCOMPARE(pub.get().reason, std::string("bad token"));
        QVERIFY(!play.get().allowed);
        QCOMPARE(play.get().outcome, HookOutcome::refused);
        QCOMPARE(receiver.requests().size(), 2);
    }

    void playSendsExactBodyAndAllows() {
        HookReceiver receiver;
        QVERIFY(receiver.listen());
        IoThread loop;
        ZlmHookService hooks(loop.io, m_log, settings(baseConfig(receiver)));
        MediaAccess a = access();
        a.params = "";
        a.peer = {"192.168.1.30", 65217, "140574554588960"};
        Slot<AuthDecision> play;
        hooks.onPlay(a, loop.io.get_executor(), [&](AuthDecision d) { play.set(d); });
        QTRY_VERIFY_WITH_TIMEOUT(play.has(), 5000);
        QVERIFY(play.get().allowed);
        QCOMPARE(receiver.requests().first().target, target("on_play"));
        const QJsonObject expected2 = parse(
            R"({"mediaServerId":"regie-test","hook_index":0,"schema":"rtmp","vhost":"__defaultVhost__","app":"live","stream":"test","params":"","ip":"192.168.1.30","port":65217,"id":"140574554588960"})");
        QCOMPARE(receiver.requests().first().json(), expected2);
    }

    void decisionRunsOnCallersExecutor() {
        HookReceiver receiver;
        QVERIFY(receiver.listen());
        IoThread loop;
        IoThread caller;
        ZlmHookService hooks(loop.io, m_log, settings(baseConfig(receiver)));
        Slot<std::thread::id> ranOn;
        hooks.onPlay(access(), caller.io.get_executor(),
                     [&](AuthDecision) { ranOn.set(std::this_thread::get_id()); });
        QTRY_VERIFY_WITH_TIMEOUT(ranOn.has(), 5000);
        QCOMPARE(ranOn.get(), caller.id());
    }

    void nonIntegerCodeIsRetriedThenDenied() {
        HookReceiver receiver;
        QVERIFY(receiver.listen());
        receiver.setResponder([](const auto&) {
            return HookAnswer{200, R"({"code":"0"})", 0, false};
        });
        IoThread loop;
        ZlmHookService hooks(loop.io, m_log, settings(baseConfig(receiver)));
        Slot<AuthDecision> play;
        hooks.onPlay(access(), loop.io.get_executor(), [&](AuthDecision d) { play.set(d); });
        QTRY_VERIFY_WITH_TIMEOUT(play.has(), 5000);
        QVERIFY(!play.get().allowed);
        QCOMPARE(play.get().outcome, HookOutcome::failed);
        QCOMPARE(receiver.requests().size(), 2);
        QCOMPARE(receiver.requests()[0].json().value("hook_index").toInt(), 0);
        QCOMPARE(receiver.requests()[1].json().value("hook_index").toInt(), 1);
    }

    void badStatusAndBadJsonAreRetriedThenSucceed() {
        HookReceiver receiver;
        QVERIFY(receiver.listen());
        int n = 0;
        receiver.setResponder([&n](const auto&) {
            ++n;
            if (n == 1) {
                return HookAnswer{500, R"({"code":0})", 0, false};
            }
            if (n == 2) {
                return HookAnswer{200, "not json", 0, false};
            }
            return HookAnswer{};
        });
        IoThread loop;
        auto m = baseConfig(receiver);
        m["hook.retry"] = "2";
        ZlmHookService hooks(loop.io, m_log, settings(m));
        Slot<AuthDecision> play;
        hooks.onPlay(access(), loop.io.get_executor(), [&](AuthDecision d) { play.set(d); });
        QTRY_VERIFY_WITH_TIMEOUT(play.has(), 5000);
        QVERIFY(play.get().allowed);
        QCOMPARE(play.get().outcome, HookOutcome::success);
        QCOMPARE(receiver.requests().size(), 3);
    }

    void timeoutsAreRetriedAfterTheDelay() {
        HookReceiver receiver;
        QVERIFY(receiver.listen());
        receiver.setResponder([](const auto&) { return HookAnswer{200, "{}", 3000, false}; });
        IoThread loop;
        auto m = baseConfig(receiver);
        m["hook.timeoutSec"] = "0.2";
        m["hook.retry"] = "2";
        m["hook.retry_delay"] = "0.3";
        ZlmHookService hooks(loop.io, m_log, settings(m));
        QElapsedTimer timer;
        timer.start();
        Slot<PublishDecision> pub;
        hooks.onPublish({access(), 1, "rtmp_push"}, loop.io.get_executor(),
                        [&](PublishDecision d) { pub.set(d); });
        QTRY_VERIFY_WITH_TIMEOUT(pub.has(), 10000);
        qint64 elapsed = timer.elapsed();
        QVERIFY(!pub.get().allowed);
        QCOMPARE(pub.get().outcome, HookOutcome::failed);
        QVERIFY(pub.get().reason.find("timeout") != std::string::npos);
        QCOMPARE(receiver.requests().size(), 3);
        // 3 × 0.2 s timeouts + 2 × 0.3 s delays.
        QVERIFY2(elapsed >= 1150 && elapsed < 2500, QByteArray::number(elapsed));
        qint64 gap = receiver.requests()[1].atMs - receiver.requests()[0].atMs;
        QVERIFY2(gap >= 450, QByteArray::number(gap));
    }

    void serverDownPolicyIsConfigurableLive() {
        HookReceiver receiver;
        QVERIFY(receiver.listen());
        auto m = baseConfig(receiver);
        std::string down = "http://127.0.0.1:" + std::to_string(closedPort()) + "/hook";
        m["hook.on_publish"] = down;
        m["hook.on_play"] = down;
        m["hook.retry"] = "0";
        IoThread loop;
        ZlmHookService hooks(loop.io, m_log, settings(m));
        Slot<PublishDecision> denied;
        hooks.onPublish({access(), 1, "rtmp_push"}, loop.io.get_executor(),
                        [&](PublishDecision d) { denied.set(d); });
        QTRY_VERIFY_WITH_TIMEOUT(denied.has(), 5000);
        QVERIFY(!denied.get().allowed);
        QCOMPARE(denied.get().outcome, HookOutcome::failed);

        m["hook.on_error_policy"] = "allow";
        hooks.updateSettings(settings(m));
        Slot<PublishDecision> allowed;
        Slot<AuthDecision> play;
        hooks.onPublish({access(), 1, "rtmp_push"}, loop.io.get_executor(),
                        [&](PublishDecision d) { allowed.set(d); });
        hooks.onPlay(access(), loop.io.get_executor(), [&](AuthDecision d) { play.set(d); });
        QTRY_VERIFY_WITH_TIMEOUT(allowed.has() && play.has(), 5000);
        QVERIFY(allowed.get().allowed);
        QCOMPARE(allowed.get().outcome, HookOutcome::failed);
        QVERIFY(play.get().allowed);
        // A refusal is still a refusal under "allow".
        m["hook.on_play"] = receiver.url("/index/hook/on_play").toStdString();
        hooks.updateSettings(settings(m));
        receiver.setResponder([](const auto&) {
            return HookAnswer{200, R"({"code":1,"msg":"no"})", 0, false};
        });
        Slot<AuthDecision> refused;
        hooks.onPlay(access(), loop.io.get_executor(), [&](AuthDecision d) { refused.set(d); });
        QTRY_VERIFY_WITH_TIMEOUT(refused.has(), 5000);
        QVERIFY(!refused.get().allowed);
    }

    void disabledHooksAnswerDefaultsWithoutNetwork() {
        HookReceiver receiver;
        QVERIFY(receiver.listen());
        IoThread loop;
        auto m = baseConfig(receiver);
        m["hook.enable"] = "0";
        ZlmHookService hooks(loop.io, m_log, settings(m));
        Slot<PublishDecision> pub;
        Slot<AuthDecision> play;
        Slot<NoneReaderDecision> none;
        Slot<NotFoundReply> notFound;
        hooks.onPublish({access(), 1, "rtmp_push"}, loop.io.get_executor(),
                        [&](PublishDecision d) { pub.set(d); });
        hooks.onPlay(access(), loop.io.get_executor(), [&](AuthDecision d) { play.set(d); });
        hooks.onStreamNoneReader({"rtmp", {"__defaultVhost__", "live", "test"}},
                                 loop.io.get_executor(),
                                 [&](NoneReaderDecision d) { none.set(d); });
        hooks.onStreamNotFound(access(), loop.io.get_executor(),
                               [&](NotFoundReply d) { notFound.set(d); });
        hooks.onFlowReport({access(), 10, 1, true});
        QTRY_VERIFY_WITH_TIMEOUT(pub.has() && play.has() && none.has() && notFound.has(), 5000);
        QVERIFY(pub.get().allowed);
        QCOMPARE(pub.get().outcome, HookOutcome::disabled);
        QVERIFY(play.get().allowed);
        QVERIFY(!none.get().close);
        QCOMPARE(none.get().outcome, HookOutcome::disabled);
        QVERIFY(!notFound.get().closePlayer);

        // Enabled but without a URL: the same.
        m["hook.enable"] = "1";
        m["hook.on_publish"] = "";
        hooks.updateSettings(settings(m));
        Slot<PublishDecision> noUrl;
        hooks.onPublish({access(), 1, "rtmp_push"}, loop.io.get_executor(),
                        [&](PublishDecision d) { noUrl.set(d); });
        QTRY_VERIFY_WITH_TIMEOUT(noUrl.has(), 5000);
        QVERIFY(noUrl.get().allowed);
        QCOMPARE(noUrl.get().outcome, HookOutcome::disabled);
        QTest::qWait(100);
        QCOMPARE(receiver.requests().size(), 0);
    }

    void noneReaderReplyDecidesClose() {
        HookReceiver receiver;
        QVERIFY(receiver.listen());
        QList<HookAnswer> answers{{200, R"({"code":0,"close":true})", 0, false},
                                  {200, R"({"code":0,"close":false})", 0, false},
                                  {500, R"({"code":0,"close":true})", 0, false}};
        receiver.setResponder([&](const auto&) { return answers.takeFirst(); });
        IoThread loop;
        auto m = baseConfig(receiver);
        m["hook.retry"] = "0";
        ZlmHookService hooks(loop.io, m_log, settings(m));
        StreamRef ref{"rtsp", {"__defaultVhost__", "live", "test"}};
        for (bool expected : {true, false, false}) {
            Slot<NoneReaderDecision> d;
            hooks.onStreamNoneReader(ref, loop.io.get_executor(),
                                     [&](NoneReaderDecision x) { d.set(x); });
            QTRY_VERIFY_WITH_TIMEOUT(d.has(), 5000);
            QCOMPARE(d.get().close, expected);
        }
        QCOMPARE(receiver.requests().size(), 3);
        QCOMPARE(receiver.requests()[0].target, target("on_stream_none_reader"));
        const QJsonObject expected3 = parse(
            R"({"mediaServerId":"regie-test","hook_index":0,"schema":"rtsp","vhost":"__defaultVhost__","app":"live","stream":"test"})");
        QCOMPARE(receiver.requests()[0].json(), expected3);
        QCOMPARE(receiver.requests()[2].json().value("hook_index").toInt(), 2);
    }

    void notFoundBodyAndReply() {
        HookReceiver receiver;
        QVERIFY(receiver.listen());
        QList<HookAnswer> answers{{200, R"({"code":0,"close":true})", 0, false},
                                  {200, R"({"code":0})", 0, false}};
        receiver.setResponder([&](const auto&) { return answers.takeFirst(); });
        IoThread loop;
        ZlmHookService hooks(loop.io, m_log, settings(baseConfig(receiver)));
        MediaAccess a = access("rtsp");
        a.key.stream = "cam7";
        a.params = "";
        a.peer = {"192.168.1.30", 50210, "140574554591232"};
        for (bool expected : {true, false}) {
            Slot<NotFoundReply> d;
            hooks.onStreamNotFound(a, loop.io.get_executor(), [&](NotFoundReply x) { d.set(x); });
            QTRY_VERIFY_WITH_TIMEOUT(d.has(), 5000);
            QCOMPARE(d.get().closePlayer, expected);
            QCOMPARE(d.get().outcome, HookOutcome::success);
        }
        QCOMPARE(receiver.requests()[0].target, target("on_stream_not_found"));
        const QJsonObject expected4 = parse(
            R"({"mediaServerId":"regie-test","hook_index":0,"schema":"rtsp","vhost":"__defaultVhost__","app":"live","stream":"cam7","params":"","ip":"192.168.1.30","port":50210,"id":"140574554591232"})");
        QCOMPARE(receiver.requests()[0].json(), expected4);
    }

    void streamChangedBodiesAndSchemaFilter() {
        HookReceiver receiver;
        QVERIFY(receiver.listen());
        IoThread loop;
        ZlmHookService hooks(loop.io, m_log, settings(baseConfig(receiver)));
        StreamChangedEvent reg;
        reg.registered = true;
        reg.schema = "rtmp";
        reg.key = {"__defaultVhost__", "live", "test"};
        reg.mediaSource = boost::json::object{{"schema", "rtmp"},
                                              {"vhost", "__defaultVhost__"},
                                              {"app", "live"},
                                              {"stream", "test"},
                                              {"readerCount", 0},
                                              {"totalReaderCount", 0},
                                              {"originType", 1},
                                              {"originTypeStr", "rtmp_push"},
                                              {"originUrl", "rtmp://127.0.0.1/live/test"},
                                              {"tracks", boost::json::array{}}};
        hooks.onStreamChanged(reg);
        QTRY_COMPARE_WITH_TIMEOUT(receiver.requests().size(), 1, 5000);
        hooks.onStreamChanged({false, "rtc", {"__defaultVhost__", "live", "test"}, {}});
        hooks.onStreamChanged({false, "rtsp", {"__defaultVhost__", "live", "test"}, {}});
        QTRY_COMPARE_WITH_TIMEOUT(receiver.requests().size(), 2, 5000);
        QTest::qWait(100);
        QCOMPARE(receiver.requests().size(), 2);
        QCOMPARE(receiver.requests()[0].target, target("on_stream_changed"));
        const QJsonObject expected5 = parse(
            "{\"mediaServerId\":\"regie-test\",\"hook_index\":0,\"regist\":true,\"schema\":"
            "\"rtmp\",\"vhost\":\"__defaultVhost__\",\"app\":\"live\",\"stream\":\"test\","
            "\"readerCount\":0,\"totalReaderCount\":0,\"originType\":1,\"originTypeStr\":\"rtmp_"
            "push\",\"originUrl\":\"rtmp://127.0.0.1/live/test\",\"tracks\":[]}");
        QCOMPARE(receiver.requests()[0].json(), expected5);
        const QJsonObject expected6 = parse(
            R"({"mediaServerId":"regie-test","hook_index":1,"regist":false,"schema":"rtsp","vhost":"__defaultVhost__","app":"live","stream":"test"})");
        QCOMPARE(receiver.requests()[1].json(), expected6);

        auto m = baseConfig(receiver);
        m["hook.stream_changed_schemas"] = "";
        hooks.updateSettings(settings(m));
        hooks.onStreamChanged({false, "rtc", {"__defaultVhost__", "live", "test"}, {}});
        QTRY_COMPARE_WITH_TIMEOUT(receiver.requests().size(), 3, 5000);
        QCOMPARE(receiver.requests()[2].json().value("schema").toString(), QStringLiteral("rtc"));
    }

    void flowReportBody() {
        HookReceiver receiver;
        QVERIFY(receiver.listen());
        IoThread loop;
        ZlmHookService hooks(loop.io, m_log, settings(baseConfig(receiver)));
        hooks.onFlowReport({access(), 1508161, 6, false});
        QTRY_COMPARE_WITH_TIMEOUT(receiver.requests().size(), 1, 5000);
        QCOMPARE(receiver.requests()[0].target, target("on_flow_report"));
        const QJsonObject expected7 = parse(
            R"({"mediaServerId":"regie-test","hook_index":0,"schema":"rtmp","vhost":"__defaultVhost__","app":"live","stream":"test","params":"token=abc","ip":"192.168.1.20","port":55345,"id":"140259799100960","totalBytes":1508161,"duration":6,"player":false})");
        QCOMPARE(receiver.requests()[0].json(), expected7);
    }

    void serverLifecycleHooks() {
        HookReceiver receiver;
        QVERIFY(receiver.listen());
        IoThread loop;
        auto m = baseConfig(receiver);
        ZlmHookService hooks(loop.io, m_log, settings(m));
        hooks.onServerStarted(ConfigSnapshot(m, 1));
        QTRY_COMPARE_WITH_TIMEOUT(receiver.requestsTo(target("on_server_started")).size(), 1, 5000);
        QJsonObject started = receiver.requestsTo(target("on_server_started"))[0].json();
        QCOMPARE(started.value("hook.timeoutSec").toString(), QStringLiteral("2"));
        QCOMPARE(started.value("general.mediaServerId").toString(), QStringLiteral("regie-test"));
        QCOMPARE(started.value("mediaServerId").toString(), QStringLiteral("regie-test"));
        QCOMPARE(started.value("hook_index").toInt(), 0);
        QCOMPARE(started.size(), static_cast<qsizetype>(m.size() + 2));

        int calls = 0;
        hooks.start([&calls] {
            return boost::json::object{{"MediaSource", 2}, {"calls", ++calls}};
        });
        QTest::qWait(300);
        QCOMPARE(receiver.requestsTo(target("on_server_keepalive")).size(), 0);
        m["hook.alive_interval"] = "0.1";
        hooks.updateSettings(settings(m));
        QTRY_VERIFY_WITH_TIMEOUT(receiver.requestsTo(target("on_server_keepalive")).size() >= 3,
                                 5000);
        QJsonObject alive = receiver.requestsTo(target("on_server_keepalive"))[0].json();
        QCOMPARE(alive.value("data").toObject().value("MediaSource").toInt(), 2);
        QCOMPARE(alive.value("mediaServerId").toString(), QStringLiteral("regie-test"));
        QCOMPARE(alive.size(), 3);

        Slot<bool> exited;
        hooks.onServerExited([&] { exited.set(true); });
        QTRY_VERIFY_WITH_TIMEOUT(exited.has(), 5000);
        auto bye = receiver.requestsTo(target("on_server_exited"));
        QCOMPARE(bye.size(), 1);
        QCOMPARE(bye[0].json().size(), 2);
        QCOMPARE(bye[0].json().value("mediaServerId").toString(), QStringLiteral("regie-test"));
        QVERIFY(bye[0].json().value("hook_index").toInt() > 0);

        hooks.stop();
        QTest::qWait(50);
        qsizetype after = receiver.requestsTo(target("on_server_keepalive")).size();
        QTest::qWait(300);
        QCOMPARE(receiver.requestsTo(target("on_server_keepalive")).size(), after);
    }

    void stopAnswersPendingDecisions() {
        HookReceiver receiver;
        QVERIFY(receiver.listen());
        receiver.setResponder([](const auto&) { return HookAnswer{200, "{}", 10000, false}; });
        IoThread loop;
        auto m = baseConfig(receiver);
        m["hook.timeoutSec"] = "30";
        m["hook.retry"] = "3";
        m["hook.retry_delay"] = "30";
        ZlmHookService hooks(loop.io, m_log, settings(m));
        Slot<PublishDecision> pub;
        hooks.onPublish({access(), 1, "rtmp_push"}, loop.io.get_executor(),
                        [&](PublishDecision d) { pub.set(d); });
        QTRY_COMPARE_WITH_TIMEOUT(receiver.requests().size(), 1, 5000);
        QElapsedTimer timer;
        timer.start();
        hooks.stop();
        QTRY_VERIFY_WITH_TIMEOUT(pub.has(), 5000);
        QVERIFY(timer.elapsed() < 2000);
        QVERIFY(!pub.get().allowed);
        QCOMPARE(pub.get().outcome, HookOutcome::failed);
        QCOMPARE(receiver.requests().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestZlmHooks)
#include "tst_hooks_zlm.moc"
