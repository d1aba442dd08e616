// MixOutput TargetRoom through a real regie-engine: the output stream joins a room's stream
// list under the given user (a logged-in room client sees it added), a room that cannot take it
// fails the start with 110200197 and nothing keeps running, closing the room leaves the task
// running, and stopping the task removes the stream from the room.

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include "mix_engine_client.h"
#include "mix_media.h"
#include "room_client.h"
#include "service/rooms/token04.h"

using regie::test::MixEngineClient;
using regie::test::RoomClient;
using namespace regie::test::mix;

class TestMixRooms : public QObject {
    Q_OBJECT

    static int code(const QJsonObject& answer) { return MixEngineClient::code(answer); }

    std::unique_ptr<MixEngineClient> m_engine;
    std::unique_ptr<Publisher> m_red;

    std::unique_ptr<RoomClient> loggedIn(const QString& room, const QString& user) {
        auto built = regie::service::rooms::generateToken04(
            {m_engine->process().configValue("zego", "appId").toUInt(),
             user.toStdString(),
             m_engine->process().configValue("zego", "serverSecret").toStdString(),
             QDateTime::currentSecsSinceEpoch(),
             3600,
             {},
             {},
             {}});
        auto client = std::make_unique<RoomClient>(m_engine->process().httpPort());
        if (!client->waitOpen() ||
            client->login(room, user, QString::fromStdString(std::get<std::string>(built)))
                    .value("code")
                    .toInt(-1) != 0) {
            return nullptr;
        }
        return client;
    }
    static QJsonObject body(const QString& task, const QJsonObject& out) {
        return {{"TaskId", task},
                {"UserId", "owner-" + task},
                {"MixInput",
                 QJsonArray{QJsonObject{
                     {"StreamId", "roomred"},
                     {"RectInfo",
                      QJsonObject{{"Left", 0}, {"Top", 0}, {"Right", 320}, {"Bottom", 240}}}}}},
                {"MixOutput", QJsonArray{out}}};
    }
    static QJsonObject output(const QString& stream, const QString& room, const QString& user) {
        return {{"StreamId", stream},
                {"Width", 320},
                {"Height", 240},
                {"Fps", 15},
                {"VideoBitrate", 300000},
                {"TargetRoom", QJsonObject{{"RoomId", room}, {"UserId", user}}}};
    }
    static bool isStream(const QJsonObject& message, const QString& stream) {
        return message.value("stream").toObject().value("streamId").toString() == stream;
    }

private slots:
    void initTestCase() {
        m_engine = std::make_unique<MixEngineClient>();
        QVERIFY2(m_engine->start(), qPrintable(m_engine->process().output()));
        m_red = std::make_unique<Publisher>("red", 440, m_engine->rtmpUrl("roomred"));
        QVERIFY(QTest::qWaitFor([&] { return m_engine->online("roomred"); }, 10000));
    }

    void cleanup() {
        if (QTest::currentTestFailed()) {
            qWarning().noquote() << "engine output:\n" << m_engine->process().output();
        }
    }

    void badTargetRoomsAreRefused() {
        QJsonObject pushed = output("x", "room", "user");
        pushed["StreamUrl"] = "rtmp://127.0.0.1:1/live/x";
        QCOMPARE(code(m_engine->post("StartMix", body("bad", pushed))), 110200156);
        QJsonObject noUser = output("x", "room", "user");
        noUser["TargetRoom"] = QJsonObject{{"RoomId", "room"}};
        QCOMPARE(code(m_engine->post("StartMix", body("bad", noUser))), 110200156);

        // No such room: the start fails and nothing of the task is left running.
        auto refused =
            m_engine->post("StartMix", body("noroom", output("roomnone", "nosuchroom", "mixer")));
        QCOMPARE(code(refused), 110200197);
        QVERIFY(refused.value("Message").toString().contains("nosuchroom"));
        QCOMPARE(code(m_engine->get("GetMixTaskInfo", "TaskId=noroom")), 110209001);
        QTest::qWait(500);
        QVERIFY(!m_engine->online("roomnone"));
    }

    void theOutputJoinsTheRoomAndOutlivesIt() {
        auto viewer = loggedIn("mixroom", "viewer");
        QVERIFY(viewer);
        QCOMPARE(
            code(m_engine->post("StartMix", body("joined", output("roomout", "mixroom", "mixer")))),
            0);
        auto added = viewer->waitFor("stream_added",
                                     [](const QJsonObject& m) { return isStream(m, "roomout"); });
        QCOMPARE(added.value("stream").toObject().value("userId").toString(), QString("mixer"));
        QVERIFY(QTest::qWaitFor([&] { return m_engine->online("roomout"); }, 5000));

        QCOMPARE(code(m_engine->get("CloseRoom", "RoomId=mixroom")), 0);
        QVERIFY(viewer
                    ->waitFor("stream_removed",
                              [](const QJsonObject& m) { return isStream(m, "roomout"); })
                    .size() > 0);
        QTest::qWait(1500);
        QVERIFY(m_engine->online("roomout"));
        QCOMPARE(code(m_engine->get("GetMixTaskInfo", "TaskId=joined")), 0);
        QCOMPARE(code(m_engine->post("StopMix", QJsonObject{{"TaskId", "joined"}})), 0);
    }

    void stoppingTheTaskRemovesTheStreamFromTheRoom() {
        auto viewer = loggedIn("mixroom2", "viewer2");
        QVERIFY(viewer);
        QCOMPARE(code(m_engine->post("StartMix",
                                     body("leaving", output("roomout2", "mixroom2", "mixer2")))),
                 0);
        QVERIFY(viewer
                    ->waitFor("stream_added",
                              [](const QJsonObject& m) { return isStream(m, "roomout2"); })
                    .size() > 0);
        QCOMPARE(code(m_engine->post("StopMix", QJsonObject{{"TaskId", "leaving"}})), 0);
        auto removed = viewer->waitFor(
            "stream_removed", [](const QJsonObject& m) { return isStream(m, "roomout2"); });
        QVERIFY(!removed.isEmpty());
        QCOMPARE(removed.value("reason").toInt(-1), 0);
    }
};

QTEST_GUILESS_MAIN(TestMixRooms)
#include "tst_mix_rooms.moc"
