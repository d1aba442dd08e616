// ZEGO stream callbacks through the durable outbox: signature, exact bodies, persistence,
// the 2/4/8/16/32 s retry schedule on a manual clock, dropping, and resuming after a restart.

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <limits>

#include "core/clock.h"
#include "core/log.h"
#include "core/store.h"
#include "hook_receiver.h"
#include "hooks_test_support.h"
#include "service/hooks/callback_outbox.h"
#include "service/hooks/zego_callbacks.h"

using namespace regie::service::hooks;
using regie::core::ManualClock;
using regie::core::OutboxEntry;
using regie::core::Status;
using regie::core::Store;
using regie::test::HookAnswer;
using regie::test::HookReceiver;
using regie::test::IoThread;
using regie::test::Slot;

namespace {

constexpr std::int64_t kStart = 1'700'000'000;

// Fast rechecks so a manual clock jump is seen at once.
OutboxSettings fastSettings() {
    OutboxSettings s;
    s.recheckInterval = std::chrono::milliseconds(10);
    s.attemptTimeout = std::chrono::milliseconds(2000);
    return s;
}

std::vector<OutboxEntry> rows(Store& store) {
    auto r = store.dueCallbacks(std::numeric_limits<std::int64_t>::max(), 1000);
    return r.ok() ? r.value() : std::vector<OutboxEntry>{};
}

ZegoCallbackSettings zegoSettings(const HookReceiver& r) {
    return {"1234567", r.url("/zego/callback").toStdString(), "my_callback_secret"};
}

StreamCreateEvent createEvent() {
    StreamCreateEvent e;
    e.roomId = "room1";
    e.roomSessionId = 1234567;
    e.userId = "user1";
    e.userName = "user1_name";
    e.streamId = "aaa";
    e.streamSid = "s-115205136669740000000000104";
    e.title = "title";
    e.codec = StreamCodec::h265;
    e.streamSeq = 1;
    e.createTimeMs = 1687981272742;
    e.extraInfo = "extra";
    e.recreate = false;
    e.rtmpUrls = {"rtmp://host/live/aaa"};
    e.hlsUrls = {"http://host/live/aaa/playlist.m3u8"};
    e.hdlUrls = {"http://host/live/aaa.flv"};
    e.picUrls = {"http://host/snap/aaa.jpg"};
    return e;
}

struct Engine {
    Engine(Store& store, ManualClock& clock, regie::core::Logger& log, OutboxSettings s)
        : outbox({io.io, worker.io, store, clock, log}, std::move(s)) {}
    IoThread io;
    IoThread worker;
    CallbackOutbox outbox;
};

void checkSignature(const QJsonObject& body, const char* secret) {
    std::string expected =
        zegoCallbackSignature(secret, body.value("timestamp").toString().toStdString(),
                              body.value("nonce").toString().toStdString());
    QCOMPARE(body.value("signature").toString().toStdString(), expected);
}

}  // namespace

class TestZegoCallbacks : public QObject {
    Q_OBJECT

private:
    regie::core::Logger m_log;

private slots:
    void signatureMatchesWorkedExamples() {
        QCOMPARE(zegoCallbackSignature("secret", "1470820198", "123412"),
                 std::string("5bd59fd62953a8059fb7eaba95720f66d19e4517"));
        QCOMPARE(zegoCallbackSignature("my_callback_secret", "1700000123", "7788990011"),
                 std::string("f94f85c8c381e9b1d3aa0f486b9fe619264b026f"));
        // Order of the arguments does not matter: the parts are sorted.
        QCOMPARE(zegoCallbackSignature("1470820198", "123412", "secret"),
                 std::string("5bd59fd62953a8059fb7eaba95720f66d19e4517"));
    }

    void streamCreateBodyIsExactAndSigned() {
        QTemporaryDir dir;
        auto store = Store::open(dir.filePath("regie.db").toStdString());
        QVERIFY(store.ok());
        HookReceiver receiver;
        QVERIFY(receiver.listen());
        ManualClock clock(kStart);
        Engine engine(*store.value(), clock, m_log, fastSettings());
        ZegoCallbacks zego(engine.outbox, clock, zegoSettings(receiver));
        engine.outbox.start();
        zego.streamCreate(createEvent());
        QTRY_COMPARE_WITH_TIMEOUT(receiver.requests().size(), 1, 5000);
        const auto r = receiver.requests()[0];
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.target, QByteArray("/zego/callback"));
        QCOMPARE(r.headers.value("content-type"), QByteArray("application/json; charset=utf-8"));
        QJsonObject body = r.json();
        QString nonce = body.value("nonce").toString();
        bool ok = false;
        quint64 n = nonce.toULongLong(&ok);
        QVERIFY(ok);
        QVERIFY(n < (quint64(1) << 63));
        QCOMPARE(body.value("signature").toString(),
                 QString::fromStdString(zegoCallbackSignature(
                     "my_callback_secret", std::to_string(kStart), nonce.toStdString())));
        body.remove("nonce");
        body.remove("signature");
        QJsonObject expected =
            QJsonDocument::fromJson(
                "{\"event\":\"stream_create\",\"appid\":\"1234567\",\"timestamp\":\"1700000000\","
                "\"room_id\":\"room1\",\"room_session_id\":\"1234567\",\"user_id\":\"user1\","
                "\"user_name\":\"user1_name\",\"channel_id\":\"room1\",\"stream_id\":\"aaa\","
                "\"stream_sid\":\"s-115205136669740000000000104\",\"title\":\"title\",\"stream_"
                "alias\":\"aaa\",\"stream_attr\":\"{\\\"cid\\\":3}\",\"stream_seq\":\"1\",\"create_"
                "time\":\"1687981272\",\"create_time_ms\":\"1687981272742\",\"extra_info\":"
                "\"extra\",\"recreate\":\"0\",\"publish_id\":\"user1\",\"publish_name\":\"user1_"
                "name\",\"rtmp_url\":[\"rtmp://host/live/aaa\"],\"hls_url\":[\"http://host/live/"
                "aaa/playlist.m3u8\"],\"hdl_url\":[\"http://host/live/"
                "aaa.flv\"],\"pic_url\":[\"http://host/snap/aaa.jpg\"]}")
                .object();
        QCOMPARE(body, expected);
        QTRY_COMPARE_WITH_TIMEOUT(rows(*store.value()).size(), std::size_t(0), 5000);
        engine.outbox.stop();
    }

    void streamCloseBodyIsExactAndSigned() {
        QTemporaryDir dir;
        auto store = Store::open(dir.filePath("regie.db").toStdString());
        QVERIFY(store.ok());
        HookReceiver receiver;
        QVERIFY(receiver.listen());
        ManualClock clock(1666786067);
        Engine engine(*store.value(), clock, m_log, fastSettings());
        ZegoCallbacks zego(engine.outbox, clock, zegoSettings(receiver));
        engine.outbox.start();
        StreamCloseEvent e;
        e.roomId = "room1";
        e.roomSessionId = 123456789;
        e.userId = "user1";
        e.userName = "user1_name";
        e.type = 100;
        e.streamId = "aaa";
        e.streamSid = "s-115205136669740000000000104";
        e.streamSeq = 700;
        e.thirdDefineData = "";
        e.createTimeMs = 1666786067353;
        e.destroyTimeMs = 1666986067248;
        zego.streamClose(e);
        QTRY_COMPARE_WITH_TIMEOUT(receiver.requests().size(), 1, 5000);
        QJsonObject body = receiver.requests()[0].json();
        checkSignature(body, "my_callback_secret");
        QVERIFY(!body.value("nonce").toString().isEmpty());
        body.remove("nonce");
        body.remove("signature");
        QJsonObject expected =
            QJsonDocument::fromJson(
                R"({"event":"stream_close","appid":"1234567","timestamp":"1666786067","room_id":"room1","room_session_id":"123456789","user_id":"user1","user_name":"user1_name","channel_id":"room1","type":"100","stream_alias":"aaa","stream_id":"aaa","stream_sid":"s-115205136669740000000000104","stream_seq":"700","third_define_data":"","create_time_ms":"1666786067353","destroy_timemillis":"1666986067248"})")
                .object();
        QCOMPARE(body, expected);
        engine.outbox.stop();
    }

    void noCallbackUrlQueuesNothing() {
        QTemporaryDir dir;
        auto store = Store::open(dir.filePath("regie.db").toStdString());
        QVERIFY(store.ok());
        ManualClock clock(kStart);
        Engine engine(*store.value(), clock, m_log, fastSettings());
        ZegoCallbacks zego(engine.outbox, clock, {"1", "", "s"});
        Slot<Status> persisted;
        zego.streamCreate(createEvent(), [&](Status s) { persisted.set(s); });
        QTRY_VERIFY_WITH_TIMEOUT(persisted.has(), 5000);
        QVERIFY(!persisted.get().ok());
        QCOMPARE(rows(*store.value()).size(), std::size_t(0));
    }

    void rowIsWrittenBeforeDelivery() {
        QTemporaryDir dir;
        auto store = Store::open(dir.filePath("regie.db").toStdString());
        QVERIFY(store.ok());
        HookReceiver receiver;
        QVERIFY(receiver.listen());
        ManualClock clock(kStart);
        Engine engine(*store.value(), clock, m_log, fastSettings());
        ZegoCallbacks zego(engine.outbox, clock, zegoSettings(receiver));
        Slot<Status> persisted;
        // Not started: the row waits in the store.
        zego.streamCreate(createEvent(), [&](Status s) { persisted.set(s); });
        QTRY_VERIFY_WITH_TIMEOUT(persisted.has(), 5000);
        QVERIFY(persisted.get().ok());
        auto pending = rows(*store.value());
        QCOMPARE(pending.size(), std::size_t(1));
        QCOMPARE(pending[0].event, std::string("stream_create"));
        QCOMPARE(pending[0].url, zegoSettings(receiver).callbackUrl);
        QCOMPARE(pending[0].attempts, 0);
        QCOMPARE(pending[0].nextAttemptMs, kStart * 1000);
        QTest::qWait(100);
        QCOMPARE(receiver.requests().size(), 0);

        engine.outbox.start();
        QTRY_COMPARE_WITH_TIMEOUT(receiver.requests().size(), 1, 5000);
        QCOMPARE(receiver.requests()[0].body, QByteArray::fromStdString(pending[0].body));
        QTRY_COMPARE_WITH_TIMEOUT(rows(*store.value()).size(), std::size_t(0), 5000);
        engine.outbox.stop();
    }

    void retriesOnScheduleThenDrops() {
        QTemporaryDir dir;
        auto store = Store::open(dir.filePath("regie.db").toStdString());
        QVERIFY(store.ok());
        HookReceiver receiver;
        QVERIFY(receiver.listen());
        receiver.setResponder([](const auto&) { return HookAnswer{500, "no", 0, false}; });
        ManualClock clock(kStart);
        Engine engine(*store.value(), clock, m_log, fastSettings());
        ZegoCallbacks zego(engine.outbox, clock, zegoSettings(receiver));
        engine.outbox.start();
        zego.streamCreate(createEvent());
        QTRY_COMPARE_WITH_TIMEOUT(receiver.requests().size(), 1, 5000);
        const std::int64_t delays[] = {2000, 4000, 8000, 16000, 32000};
        for (int i = 0; i < 5; ++i) {
            QTRY_VERIFY_WITH_TIMEOUT(
                rows(*store.value()).size() == 1 && rows(*store.value())[0].attempts == i + 1,
                5000);
            QCOMPARE(rows(*store.value())[0].nextAttemptMs, clock.unixMillis() + delays[i]);
            clock.advance(std::chrono::milliseconds(delays[i] - 1));
            QTest::qWait(80);
            QCOMPARE(receiver.requests().size(), i + 1);
            clock.advance(std::chrono::milliseconds(1));
            QTRY_COMPARE_WITH_TIMEOUT(receiver.requests().size(), i + 2, 5000);
            QCOMPARE(receiver.requests()[i + 1].body, receiver.requests()[0].body);
        }
        // The 5th retry failed: dropped, never sent again.
        QTRY_COMPARE_WITH_TIMEOUT(rows(*store.value()).size(), std::size_t(0), 5000);
        clock.advance(std::chrono::seconds(120));
        QTest::qWait(100);
        QCOMPARE(receiver.requests().size(), 6);
        engine.outbox.stop();
    }

    void anyTwoHundredIsDelivered() {
        QTemporaryDir dir;
        auto store = Store::open(dir.filePath("regie.db").toStdString());
        QVERIFY(store.ok());
        HookReceiver receiver;
        QVERIFY(receiver.listen());
        QList<HookAnswer> answers{{302, "", 0, false}, {204, "", 0, false}};
        receiver.setResponder([&](const auto&) { return answers.takeFirst(); });
        ManualClock clock(kStart);
        Engine engine(*store.value(), clock, m_log, fastSettings());
        ZegoCallbacks zego(engine.outbox, clock, zegoSettings(receiver));
        engine.outbox.start();
        zego.streamCreate(createEvent());
        QTRY_VERIFY_WITH_TIMEOUT(
            rows(*store.value()).size() == 1 && rows(*store.value())[0].attempts == 1, 5000);
        clock.advance(std::chrono::seconds(2));
        QTRY_COMPARE_WITH_TIMEOUT(receiver.requests().size(), 2, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(rows(*store.value()).size(), std::size_t(0), 5000);
        engine.outbox.stop();
    }

    void restartResumesPendingRows() {
        QTemporaryDir dir;
        std::string path = dir.filePath("regie.db").toStdString();
        HookReceiver receiver;
        QVERIFY(receiver.listen());
        bool up = false;
        receiver.setResponder([&up](const auto&) {
            return up ? HookAnswer{} : HookAnswer{503, "down", 0, false};
        });
        ManualClock clock(kStart);
        {
            auto store = Store::open(path);
            QVERIFY(store.ok());
            Engine engine(*store.value(), clock, m_log, fastSettings());
            ZegoCallbacks zego(engine.outbox, clock, zegoSettings(receiver));
            engine.outbox.start();
            zego.streamCreate(createEvent());
            QTRY_VERIFY_WITH_TIMEOUT(
                rows(*store.value()).size() == 1 && rows(*store.value())[0].attempts == 1, 5000);
            // A second callback queued but never attempted before the "crash".
            engine.outbox.stop();
            QTest::qWait(50);
            Slot<Status> persisted;
            zego.streamClose(StreamCloseEvent{}, [&](Status s) { persisted.set(s); });
            QTRY_VERIFY_WITH_TIMEOUT(persisted.has(), 5000);
            QCOMPARE(rows(*store.value()).size(), std::size_t(2));
        }
        QCOMPARE(receiver.requests().size(), 1);
        QByteArray firstBody = receiver.requests()[0].body;

        up = true;
        auto store = Store::open(path);
        QVERIFY(store.ok());
        Engine engine(*store.value(), clock, m_log, fastSettings());
        engine.outbox.start();
        // The never-tried row is due at once; the failed one keeps its 2 s retry.
        QTRY_COMPARE_WITH_TIMEOUT(receiver.requests().size(), 2, 5000);
        QCOMPARE(receiver.requests()[1].json().value("event").toString(),
                 QStringLiteral("stream_close"));
        QTest::qWait(80);
        QCOMPARE(receiver.requests().size(), 2);
        clock.advance(std::chrono::seconds(2));
        QTRY_COMPARE_WITH_TIMEOUT(receiver.requests().size(), 3, 5000);
        QCOMPARE(receiver.requests()[2].body, firstBody);
        QTRY_COMPARE_WITH_TIMEOUT(rows(*store.value()).size(), std::size_t(0), 5000);
        engine.outbox.stop();
    }
};

QTEST_GUILESS_MAIN(TestZegoCallbacks)
#include "tst_hooks_zego.moc"
