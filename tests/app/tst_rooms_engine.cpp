// The Rooms and Rules pages' C++ side against a real regie-engine: room clients log in with
// tokens from the console's token tool; the room list and the selected room follow them;
// broadcast, kick and close reach the clients; rules set and deleted through the editor show
// in the rule lists and refuse a login while in force.
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>
#include <memory>

#include "console_session.h"
#include "engine_fixture.h"

namespace {

// One room client: logs in and keeps every message it receives.
class RoomClient : public QObject {
public:
    RoomClient() {
        connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString& text) {
            received.append(QJsonDocument::fromJson(text.toUtf8()).object());
        });
    }
    int login(const QUrl& http, const QString& room, const QString& user, const QString& token) {
        QUrl url = http;
        url.setScheme("ws");
        url.setPath("/room/ws");
        m_socket.open(url);
        if (!QTest::qWaitFor([&] { return m_socket.state() == QAbstractSocket::ConnectedState; },
                             5000)) {
            return -1;
        }
        const QJsonObject login{
            {"type", "login"}, {"roomId", room}, {"userId", user}, {"token", token}};
        m_socket.sendTextMessage(QJsonDocument(login).toJson(QJsonDocument::Compact));
        return waitFor("login_result").value("code").toInt(-1);
    }
    QJsonObject waitFor(const QString& type, int ms = 8000) {
        QJsonObject found;
        (void)QTest::qWaitFor(
            [&] {
                for (const auto& m : received) {
                    if (m.value("type").toString() == type) {
                        found = m;
                        return true;
                    }
                }
                return false;
            },
            ms);
        return found;
    }

    QList<QJsonObject> received;

private:
    QWebSocket m_socket;
};

}  // namespace

class TestRoomsEngine : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY(m_fixture.isValid());
        m_session = new ConsoleSession(m_settingsDir.filePath("regie.ini"), this);
        m_session->supervisor()->setOptions(m_fixture.options());
        m_session->connectEngine();
        QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), ConsoleSession::State::Connected, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(m_session->tokens()->available(), 5000);
        m_http = QUrl(m_session->engineUrl());
    }

    void cleanupTestCase() { delete m_session; }

    void roomListAndSelectedRoomFollowTheClients() {
        QVERIFY(login(m_ann, "r1", "ann") == 0 && login(m_bo, "r1", "bo") == 0);
        RoomListModel* rooms = m_session->rooms();
        QTRY_COMPARE_WITH_TIMEOUT(rooms->indexOf("r1"), 0, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(
            rooms->data(rooms->index(0), RoomListModel::UserCountRole).toInt(), 2, 5000);
        RoomDetail* room = m_session->room();
        room->setRoomId("r1");
        RoomUserModel* users = room->users();
        QTRY_COMPARE_WITH_TIMEOUT(users->rowCount(), 2, 5000);
        for (int row = 0; row < 2; ++row) {
            QCOMPARE(users->data(users->index(row), RoomUserModel::IpRole).toString(),
                     QStringLiteral("127.0.0.1"));
            QVERIFY(!users->data(users->index(row), RoomUserModel::LoginTimeTextRole)
                         .toString()
                         .isEmpty());
        }
    }

    void broadcastAndKickReachTheClients() {
        RoomDetail* room = m_session->room();
        QSignalSpy done(room, &RoomDetail::actionDone);
        room->sendBroadcast("hello room");
        QVERIFY(done.wait(5000));
        for (RoomClient* client : {m_ann.get(), m_bo.get()}) {
            QCOMPARE(client->waitFor("message").value("message").toObject().value("content"),
                     QJsonValue("hello room"));
        }
        room->kickUser("bo", "see you");
        QVERIFY(done.wait(5000));
        QCOMPARE(m_bo->waitFor("kicked").value("customReason").toString(), QString("see you"));
        QTRY_COMPARE_WITH_TIMEOUT(room->users()->rowCount(), 1, 8000);
        QVERIFY(room->lastError().isEmpty());
    }

    void rulesSetAndDeletedThroughTheEditor() {
        RuleEditor* editor = m_session->ruleEditor();
        QSignalSpy done(editor, &RuleEditor::done);
        editor->setUserRule(3, {}, {}, "cy", true, false, 600);
        QVERIFY(done.wait(5000));
        QTRY_COMPARE_WITH_TIMEOUT(m_session->userRules()->inForceCount(), 1, 5000);
        RoomClient refused;
        QCOMPARE(login(refused, "r1", "cy"), 3001);

        editor->deleteUserRule(3, {}, {}, "cy");
        QVERIFY(done.wait(5000));
        QTRY_COMPARE_WITH_TIMEOUT(m_session->userRules()->rowCount(), 0, 5000);
        RoomClient admitted;
        QCOMPARE(login(admitted, "r1", "cy"), 0);

        editor->setStreamRule("r1", "cam", false, true, 60);
        QVERIFY(done.wait(5000));
        editor->forbidStream("leak");
        QVERIFY(done.wait(5000));
        QTRY_COMPARE_WITH_TIMEOUT(m_session->streamRules()->rowCount(), 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->streamForbids()->rowCount(), 1, 5000);
        editor->resumeStream("leak", "rtc");
        QVERIFY(done.wait(5000));
        QTRY_COMPARE_WITH_TIMEOUT(m_session->streamForbids()->rowCount(), 0, 5000);
        QVERIFY(editor->lastError().isEmpty());
    }

    void closingTheRoomEndsIt() {
        RoomDetail* room = m_session->room();
        QSignalSpy done(room, &RoomDetail::actionDone);
        room->closeRoom("show is over");
        QVERIFY(done.wait(5000));
        QCOMPARE(m_ann->waitFor("room_closed").value("customReason").toString(),
                 QString("show is over"));
        QTRY_COMPARE_WITH_TIMEOUT(m_session->rooms()->rowCount(), 0, 8000);
    }

private:
    int login(std::unique_ptr<RoomClient>& client, const QString& room, const QString& user) {
        client = std::make_unique<RoomClient>();
        return login(*client, room, user);
    }
    int login(RoomClient& client, const QString& room, const QString& user) {
        return client.login(m_http, room, user,
                            m_session->tokens()->generate(user, room, true, 600));
    }

    EngineFixture m_fixture;
    QTemporaryDir m_settingsDir;
    ConsoleSession* m_session = nullptr;
    QUrl m_http;
    std::unique_ptr<RoomClient> m_ann;
    std::unique_ptr<RoomClient> m_bo;
};

QTEST_MAIN(TestRoomsEngine)
#include "tst_rooms_engine.moc"
