// Rooms through a real regie-engine: WebSocket clients (QWebSocket) log in with Token04, see
// each other and their streams come and go, receive messages from the ZEGO room Actions, are
// timed out and kicked; a `regie-room join` process talks with them; signed room callbacks
// arrive in order; a real ffmpeg RTMP publish into a room is listed and announced, and leaves
// when ffmpeg stops.

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>
#include <memory>

#include "engine_process.h"
#include "ffmpeg_publisher.h"
#include "hook_receiver.h"
#include "raw_http.h"
#include "room_client.h"
#include "service/rooms/token04.h"

using regie::test::EngineProcess;
using regie::test::HookReceiver;
using regie::test::RawHttp;
using regie::test::waitForMessage;
using Client = regie::test::RoomClient;

namespace {

constexpr std::uint32_t kAppId = 1234567890;
const QByteArray kSecret = "0123456789abcdef0123456789abcdef";

QString token(const QString& user, qint64 ttl = 3600, const std::string& payload = {},
              qint64 ctime = QDateTime::currentSecsSinceEpoch()) {
    auto built = regie::service::rooms::generateToken04(
        {kAppId, user.toStdString(), kSecret.toStdString(), ctime, ttl, payload, {}, {}});
    return QString::fromStdString(std::get<std::string>(built));
}

// A legacy CBC token for `user`, sealed with the openssl CLI exactly as token04.md §8 shows.
QString cbcToken(const QString& user) {
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QByteArray plain = QJsonDocument(QJsonObject{{"app_id", qint64(kAppId)},
                                                       {"user_id", user},
                                                       {"nonce", 99},
                                                       {"ctime", now},
                                                       {"expire", now + 3600},
                                                       {"payload", ""}})
                                 .toJson(QJsonDocument::Compact);
    const QByteArray iv = "0123456789abcdef";
    QProcess openssl;
    openssl.start("openssl",
                  {"enc", "-aes-256-cbc", "-nosalt", "-K", kSecret.toHex(), "-iv", iv.toHex()});
    openssl.write(plain);
    openssl.closeWriteChannel();
    openssl.waitForFinished(5000);
    const QByteArray cipher = openssl.readAllStandardOutput();
    QByteArray bytes;
    for (int i = 7; i >= 0; --i) {
        bytes.append(char(((now + 3600) >> (8 * i)) & 0xff));
    }
    bytes.append(char(0)).append(char(16)).append(iv);
    bytes.append(char(cipher.size() >> 8)).append(char(cipher.size() & 0xff)).append(cipher);
    return "04" + QString::fromLatin1(bytes.toBase64());
}

QByteArray zegoCall(int port, const QByteArray& action, const QByteArray& params) {
    const QByteArray appId = QByteArray::number(kAppId);
    const QByteArray nonce = QByteArray::number(QRandomGenerator::global()->generate64(), 16);
    const QByteArray ts = QByteArray::number(QDateTime::currentSecsSinceEpoch());
    const QByteArray sig =
        QCryptographicHash::hash(appId + nonce + kSecret + ts, QCryptographicHash::Md5).toHex();
    return RawHttp::get(port, "/?Action=" + action + "&AppId=" + appId + "&SignatureNonce=" +
                                  nonce + "&Timestamp=" + ts + "&Signature=" + sig +
                                  "&SignatureVersion=2.0" + (params.isEmpty() ? "" : "&" + params))
        .body;
}

// A `regie-room join` process: the JSON lines it printed, and helpers to wait for one.
class CliUser {
public:
    CliUser(int port, const QString& room, const QString& user, const QStringList& credentials) {
        QObject::connect(&process, &QProcess::readyReadStandardOutput, [this] {
            while (process.canReadLine()) {
                received.append(QJsonDocument::fromJson(process.readLine()).object());
            }
        });
        process.start(REGIE_ROOM_PATH,
                      QStringList{"join", "--url", QString("ws://127.0.0.1:%1/room/ws").arg(port),
                                  "--room", room, "--user", user} +
                          credentials);
    }
    ~CliUser() {
        process.kill();
        process.waitForFinished(5000);
    }
    QJsonObject waitFor(const QString& type,
                        const std::function<bool(const QJsonObject&)>& match = {}, int ms = 5000) {
        return waitForMessage(received, type, match, ms);
    }
    void command(const QByteArray& line) { process.write(line + "\n"); }
    bool waitExit(int ms = 10000) {
        return QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, ms);
    }

    QProcess process;
    QList<QJsonObject> received;
};

QJsonObject json(const QByteArray& body) {
    return QJsonDocument::fromJson(body).object();
}

}  // namespace

class TestRooms : public QObject {
    Q_OBJECT

    HookReceiver m_hooks;
    std::unique_ptr<EngineProcess> m_engine;
    int m_rtmpPort = 0;

    int port() const { return m_engine->httpPort(); }
    QJsonObject action(const QByteArray& name, const QByteArray& params) {
        return json(zegoCall(port(), name, params));
    }
    std::unique_ptr<Client> loggedIn(const QString& room, const QString& user, bool beats = true) {
        auto c = std::make_unique<Client>(port());
        if (!c->waitOpen() ||
            c->login(room, user, token(user), beats).value("code").toInt(-1) != 0) {
            return nullptr;
        }
        return c;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_hooks.listenInThread());
        QByteArray config = "[zego]\nappId=1234567890\nserverSecret=" + kSecret +
                            "\ncallbackUrl=" + m_hooks.url("/zego") +
                            "\ncallbackSecret=cbsecret\n[room]\nheartbeatTimeoutMS=1500\n";
        m_engine = std::make_unique<EngineProcess>(QString::fromUtf8(config));
        QVERIFY2(m_engine->start(), qPrintable(m_engine->output()));
        m_rtmpPort = m_engine->rtmpPort();
        QVERIFY(m_rtmpPort > 0);
    }

    void cleanup() {
        if (QTest::currentTestFailed()) {
            qWarning().noquote() << "engine output:\n" << m_engine->output();
        }
    }

    void manyUsersInManyRoomsSeeEachOther() {
        constexpr int kRooms = 5;
        constexpr int kUsers = 10;
        std::vector<std::unique_ptr<Client>> clients;
        for (int r = 0; r < kRooms; ++r) {
            for (int u = 0; u < kUsers; ++u) {
                auto c = std::make_unique<Client>(port());
                QVERIFY(c->waitOpen());
                auto result = c->login(QString("many%1").arg(r), QString("u%1").arg(u),
                                       token(QString("u%1").arg(u)));
                QCOMPARE(result.value("code").toInt(-1), 0);
                QCOMPARE(result.value("users").toArray().size(), u + 1);
                clients.push_back(std::move(c));
            }
        }
        for (int r = 0; r < kRooms; ++r) {
            auto& first = clients[r * kUsers];
            QVERIFY(
                QTest::qWaitFor([&] { return first->count("user_joined") == kUsers - 1; }, 5000));
        }
        auto nums = action("DescribeUserNum", "RoomId[]=many0&RoomId[]=many4&RoomId[]=none");
        auto list = nums.value("Data").toObject().value("UserCountList").toArray();
        QCOMPARE(list.size(), 3);
        QCOMPARE(list[0].toObject().value("UserCount").toInt(), kUsers);
        QCOMPARE(list[2].toObject().value("UserCount").toInt(), 0);
        // Everyone but the first of each room leaves; the first sees every one go.
        for (int i = 0; i < int(clients.size()); ++i) {
            if (i % kUsers != 0) {
                clients[i]->send({{"type", "logout"}});
            }
        }
        for (int r = 0; r < kRooms; ++r) {
            auto& first = clients[r * kUsers];
            QVERIFY(QTest::qWaitFor([&] { return first->count("user_left") == kUsers - 1; }, 5000));
            QCOMPARE(first->count("user_joined"), kUsers - 1);
        }
    }

    void loginResultComesFirstUnderConcurrentLogins() {
        constexpr int kUsers = 30;
        std::vector<std::unique_ptr<Client>> clients;
        for (int u = 0; u < kUsers; ++u) {
            clients.push_back(std::make_unique<Client>(port()));
        }
        for (auto& c : clients) {
            QVERIFY(c->waitOpen());
        }
        for (int u = 0; u < kUsers; ++u) {  // all at once: joins race with login replies
            const QString user = QString("rush%1").arg(u);
            clients[u]->send(
                {{"type", "login"}, {"roomId", "rush"}, {"userId", user}, {"token", token(user)}});
        }
        for (auto& c : clients) {
            QVERIFY(QTest::qWaitFor([&] { return !c->received.isEmpty(); }, 5000));
            QCOMPARE(c->received.first().value("type").toString(), QString("login_result"));
        }
    }

    void tokensAreChecked() {
        Client c(port());
        QVERIFY(c.waitOpen());
        QCOMPARE(c.login("t", "a", "garbage").value("code").toInt(), 2001);
        c.received.clear();
        QCOMPARE(c.login("t", "a", "04@@@@").value("code").toInt(), 2002);
        c.received.clear();
        QCOMPARE(c.login("t", "a", token("a", 10, {}, QDateTime::currentSecsSinceEpoch() - 100))
                     .value("code")
                     .toInt(),
                 2008);
        c.received.clear();
        QCOMPARE(c.login("t", "a", token("b")).value("code").toInt(), 2007);
        c.received.clear();
        auto wrongSecret =
            regie::service::rooms::generateToken04({kAppId,
                                                    "a",
                                                    "ffffffffffffffffffffffffffffffff",
                                                    QDateTime::currentSecsSinceEpoch(),
                                                    60,
                                                    "",
                                                    {},
                                                    {}});
        QCOMPARE(c.login("t", "a", QString::fromStdString(std::get<std::string>(wrongSecret)))
                     .value("code")
                     .toInt(),
                 2004);
        c.received.clear();
        QCOMPARE(c.login("t", "a",
                         token("a", 60,
                               regie::service::rooms::privilegePayload("other", true, true, {})))
                     .value("code")
                     .toInt(),
                 2010);
        c.received.clear();
        QCOMPARE(c.login("t", "a", cbcToken("a")).value("code").toInt(), 0);
        c.received.clear();
        QCOMPARE(c.login("t", "a", token("a")).value("code").toInt(), 1006);
        c.send({{"type", "nonsense"}});
        QCOMPARE(c.waitFor("error").value("code").toInt(), 1002);
        c.send({{"type", "logout"}});
        QCOMPARE(c.waitFor("logout_result").value("code").toInt(), 0);
    }

    void cliTokenLogsIn() {
        QProcess cli;
        cli.start(REGIE_ROOM_PATH, {"token", "--app-id", QString::number(kAppId), "--secret",
                                    QString::fromLatin1(kSecret), "--user", "cli", "--room", "clir",
                                    "--publish", "0", "--ttl", "60"});
        QVERIFY(cli.waitForFinished(5000));
        QCOMPARE(cli.exitCode(), 0);
        const QString tok = QString::fromUtf8(cli.readAllStandardOutput()).trimmed();
        Client c(port());
        QVERIFY(c.waitOpen());
        QCOMPARE(c.login("other", "cli", tok).value("code").toInt(-1), 2010);
        c.received.clear();
        QCOMPARE(c.login("clir", "cli", tok).value("code").toInt(-1), 0);
        c.send({{"type", "stream_add"}, {"streamId", "s"}});
        QCOMPARE(c.waitFor("stream_add_result").value("code").toInt(-1), 3003);
        c.send({{"type", "logout"}});
        QCOMPARE(c.waitFor("logout_result").value("code").toInt(-1), 0);
    }

    void cliJoinTalksWithWebSocketUsers() {
        const QStringList secret{"--app-id", QString::number(kAppId), "--secret",
                                 QString::fromLatin1(kSecret)};
        CliUser cli(port(), "clijoin", "cli", secret + QStringList{"--name", "Cli User"});
        QCOMPARE(cli.waitFor("login_result").value("code").toInt(-1), 0);
        auto web = loggedIn("clijoin", "web");
        QVERIFY(web);
        auto present = web->waitFor("login_result").value("users").toArray();
        QCOMPARE(present.size(), 2);
        QCOMPARE(present[0].toObject().value("userName").toString(), QString("Cli User"));
        QVERIFY(cli.waitFor("user_joined",
                            [](const QJsonObject& m) {
                                return m.value("user").toObject().value("userId") == "web";
                            })
                    .size() > 0);

        cli.command("say hello");
        auto said = web->waitFor("message").value("message").toObject();
        QCOMPARE(said.value("content").toString(), QString("hello"));
        QCOMPARE(said.value("kind").toString(), QString("broadcast"));
        QCOMPARE(said.value("fromUserId").toString(), QString("cli"));
        QCOMPARE(cli.waitFor("send_message_result").value("code").toInt(-1), 0);

        QCOMPARE(action("SendBroadcastMessage",
                        "RoomId=clijoin&UserId=srv&MessageCategory=1&MessageContent=from%20api")
                     .value("Code")
                     .toInt(-1),
                 0);
        auto fromApi = cli.waitFor("message").value("message").toObject();
        QCOMPARE(fromApi.value("content").toString(), QString("from api"));
        QCOMPARE(fromApi.value("fromUserId").toString(), QString("srv"));

        // The engine under test times a user out after 1.5 s: the CLI beats at the interval
        // its login result told it, and stays.
        QTest::qWait(2000);
        QVERIFY(cli.waitFor("heartbeat_result").value("code").toInt(-1) == 0);
        QCOMPARE(cli.process.state(), QProcess::Running);

        cli.command("quit");
        QVERIFY(cli.waitExit());
        QCOMPARE(cli.process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(cli.process.exitCode(), 0);
        QCOMPARE(cli.waitFor("logout_result").value("code").toInt(-1), 0);
        auto left = web->waitFor("user_left");
        QCOMPARE(left.value("user").toObject().value("userId").toString(), QString("cli"));
        QCOMPARE(left.value("reason").toInt(-1), 0);
        web->send({{"type", "logout"}});

        // A token made with the wrong secret is refused: the CLI says so and fails.
        CliUser refused(
            port(), "clijoin", "x",
            {"--app-id", QString::number(kAppId), "--secret", "ffffffffffffffffffffffffffffffff"});
        QVERIFY(refused.waitExit());
        QCOMPARE(refused.process.exitCode(), 3);
        QVERIFY(refused.process.readAllStandardError().contains("login refused: code 2004"));
        QCOMPARE(refused.waitFor("login_result").value("code").toInt(-1), 2004);

        // Kicked by the server: the CLI prints the notice and fails with status 4.
        CliUser kicked(port(), "clijoin", "kickme", secret);
        QCOMPARE(kicked.waitFor("login_result").value("code").toInt(-1), 0);
        QCOMPARE(action("KickoutUser", "RoomId=clijoin&UserId[]=kickme&CustomReason=out")
                     .value("Code")
                     .toInt(-1),
                 0);
        QVERIFY(kicked.waitExit());
        QCOMPARE(kicked.process.exitCode(), 4);
        QCOMPARE(kicked.waitFor("kicked").value("customReason").toString(), QString("out"));
    }

    void heartbeatTimeoutLogsAVanishedClientOut() {
        auto watcher = loggedIn("hb", "watcher");
        QVERIFY(watcher);
        auto silent = loggedIn("hb", "silent", false);
        QVERIFY(silent);
        QCOMPARE(silent->waitFor("kicked", {}, 6000).value("reason").toInt(-1), 1);
        QCOMPARE(watcher->waitFor("user_left").value("reason").toInt(-1), 1);
        QVERIFY(QTest::qWaitFor([&] { return silent->closed; }, 5000));
        QVERIFY(watcher->waitFor("heartbeat_result").value("code").toInt(-1) == 0);
        watcher->send({{"type", "logout"}});
    }

    void messageActions() {
        auto a = loggedIn("msg", "a");
        auto b = loggedIn("msg", "b");
        QVERIFY(a && b);
        auto broadcast = action("SendBroadcastMessage",
                                "RoomId=msg&UserId=a&MessageCategory=2&MessageContent=hi%20all");
        QCOMPARE(broadcast.value("Code").toInt(-1), 0);
        QVERIFY(broadcast.value("Data").toObject().value("MessageId").isDouble());
        QCOMPARE(b->waitFor("message").value("message").toObject().value("content").toString(),
                 QString("hi all"));
        QCOMPARE(a->count("message"), 0);
        auto barrage = action("SendBarrageMessage",
                              "RoomId=msg&UserId=srv&MessageCategory=1&MessageContent=boo");
        QVERIFY(barrage.value("Data").toObject().value("MessageId").isString());
        QVERIFY(a->waitFor("message", [](const QJsonObject& m) {
                     return m.value("message").toObject().value("kind") == "barrage";
                 }).size() > 0);
        auto custom = action("SendCustomCommand",
                             "RoomId=msg&FromUserId=srv&ToUserId[]=b&ToUserId[]=ghost&"
                             "MessageContent=cmd");
        auto fails = custom.value("Data").toObject().value("FailUsers").toArray();
        QCOMPARE(fails.size(), 1);
        QCOMPARE(fails[0].toObject().value("Uid").toString(), QString("ghost"));
        QCOMPARE(fails[0].toObject().value("Code").toInt(), 50003);
        QCOMPARE(action("SendBroadcastMessage", "UserId=a&MessageCategory=2&MessageContent=x")
                     .value("Code")
                     .toInt(),
                 2);
        QCOMPARE(action("SendBarrageMessage",
                        "RoomId=msg&UserId=a&MessageCategory=2&"
                        "MessageContent=")
                     .value("Code")
                     .toInt(),
                 1008);
        QCOMPARE(action("SendBroadcastMessage",
                        "RoomId=msg&UserId=a&MessageCategory=2&"
                        "MessageContent=" +
                            QByteArray(1025, 'x'))
                     .value("Code")
                     .toInt(),
                 50012);
        QCOMPARE(action("SendBroadcastMessage",
                        "RoomId=msg&UserId=a&MessageCategory=3&"
                        "MessageContent=x")
                     .value("Code")
                     .toInt(),
                 2);
        QCOMPARE(action("SendBroadcastMessage",
                        "RoomId=nope&UserId=a&MessageCategory=2&"
                        "MessageContent=x")
                     .value("Code")
                     .toInt(),
                 50001);
        QByteArray eleven = "RoomId=msg&FromUserId=s&MessageContent=x";
        for (int i = 0; i < 11; ++i) {
            eleven += "&ToUserId[]=u" + QByteArray::number(i);
        }
        QCOMPARE(action("SendCustomCommand", eleven).value("Code").toInt(), 50011);
        a->send({{"type", "send_message"},
                 {"kind", "custom"},
                 {"content", "psst"},
                 {"toUserIds", QJsonArray{"b"}}});
        QCOMPARE(a->waitFor("send_message_result").value("code").toInt(-1), 0);
        QVERIFY(b->waitFor("message", [](const QJsonObject& m) {
                     return m.value("message").toObject().value("content") == "psst";
                 }).size() > 0);
    }

    void userActionsAndPaging() {
        std::vector<std::unique_ptr<Client>> users;
        for (int i = 0; i < 5; ++i) {
            users.push_back(loggedIn("page", QString("p%1").arg(i)));
            QVERIFY(users.back());
        }
        auto statuses = action("DescribeUsers", "RoomId=page&UserId[]=p1&UserId[]=zz")
                            .value("Data")
                            .toObject()
                            .value("UserStatusList")
                            .toArray();
        QCOMPARE(statuses[0].toObject().value("Status").toInt(), 1);
        QVERIFY(statuses[0].toObject().value("LoginTime").toDouble() > 1.6e12);
        QCOMPARE(statuses[0].toObject().value("UserRole").toInt(), 2);
        QCOMPARE(statuses[1].toObject().value("Status").toInt(), 0);
        QCOMPARE(action("DescribeUsers", "RoomId=nope&UserId[]=a").value("Code").toInt(), 50001);
        QByteArray many = "RoomId=page";
        for (int i = 0; i < 11; ++i) {
            many += "&UserId[]=u" + QByteArray::number(i);
        }
        QCOMPARE(action("DescribeUsers", many).value("Code").toInt(), 3);
        QStringList seen;
        QString marker;
        for (int page = 0; page < 5; ++page) {
            QTest::qWait(1050);  // one call per second for the same room
            auto data = action("DescribeUserList", "RoomId=page&Limit=2&Mode=1&Marker=" +
                                                       QUrl::toPercentEncoding(marker))
                            .value("Data")
                            .toObject();
            for (const auto& u : data.value("UserList").toArray()) {
                seen << u.toObject().value("UserId").toString();
            }
            marker = data.value("Marker").toString();
            if (marker.isEmpty()) {
                break;
            }
        }
        QCOMPARE(seen, (QStringList{"p4", "p3", "p2", "p1", "p0"}));
        QCOMPARE(action("DescribeUserList", "RoomId=page").value("Code").toInt(), 207);
        QCOMPARE(action("DescribeUserList", "RoomId=empty")
                     .value("Data")
                     .toObject()
                     .value("UserList")
                     .toArray()
                     .size(),
                 0);
        QCOMPARE(
            action("KickoutUser", "RoomId=page&UserId[]=p1&CustomReason=bye").value("Code").toInt(),
            0);
        auto kicked = users[1]->waitFor("kicked");
        QCOMPARE(kicked.value("reason").toInt(), 3);
        QCOMPARE(kicked.value("customReason").toString(), QString("bye"));
        QCOMPARE(users[0]->waitFor("user_left").value("reason").toInt(), 3);
        QByteArray six = "RoomId=page";
        for (int i = 0; i < 6; ++i) {
            six += "&UserId[]=p" + QByteArray::number(i);
        }
        QCOMPARE(action("KickoutUser", six).value("Code").toInt(), 50011);
        QCOMPARE(action("CloseRoom", "RoomId=page&CustomReason=done&RoomCloseCallback=true")
                     .value("Code")
                     .toInt(),
                 0);
        QCOMPARE(users[0]->waitFor("room_closed").value("customReason").toString(),
                 QString("done"));
        // 1 call per second for the whole app: the next one is throttled.
        QCOMPARE(action("CloseRoom", "RoomId=page").value("Code").toInt(), 206);
        QTest::qWait(1100);
        QCOMPARE(action("CloseRoom", "RoomId=page").value("Code").toInt(), 5024);
    }

    void streamActions() {
        auto a = loggedIn("st", "a");
        QVERIFY(a);
        QCOMPARE(action("AddStream", "RoomId=none&UserId=srv&StreamId=x").value("Code").toInt(),
                 50001);
        QCOMPARE(action("AddStream", "RoomId=st&UserId=srv&StreamId=" + QByteArray(257, 's'))
                     .value("Code")
                     .toInt(),
                 3);
        QTest::qWait(1100);
        QCOMPARE(action("AddStream",
                        "RoomId=st&UserId=srv&UserName=Server&StreamId=cdn1&"
                        "StreamTitle=t&ExtraInfo=e")
                     .value("Code")
                     .toInt(),
                 0);
        auto added = a->waitFor("stream_added").value("stream").toObject();
        QCOMPARE(added.value("streamId").toString(), QString("cdn1"));
        auto list = action("DescribeSimpleStreamList", "RoomId=st")
                        .value("Data")
                        .toObject()
                        .value("StreamList")
                        .toArray();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0].toObject().value("UserName").toString(), QString("Server"));
        QVERIFY(list[0].toObject().value("CreateTime").toDouble() > 1.6e12);
        QCOMPARE(list[0].toObject().value("StreamNumberId").toInt(), 1);
        QCOMPARE(action("DescribeSimpleStreamList", "RoomId=st").value("Code").toInt(), 207);
        a->send({{"type", "stream_add"}, {"streamId", "cdn1"}});
        QCOMPARE(a->waitFor("stream_add_result").value("code").toInt(), 4001);
        QTest::qWait(1100);
        QCOMPARE(action("AddStream", "RoomId=st&UserId=other&StreamId=cdn1").value("Code").toInt(),
                 1012);
        QTest::qWait(1100);
        QCOMPARE(action("DeleteStream", "RoomId=st&UserId=srv&StreamId=nope").value("Code").toInt(),
                 138);
        QTest::qWait(1100);
        QCOMPARE(action("DeleteStream", "RoomId=st&UserId=srv&StreamId=cdn1").value("Code").toInt(),
                 0);
        QCOMPARE(a->waitFor("stream_removed").value("reason").toInt(), 100);
        a->send({{"type", "logout"}});
    }

    void callbacksArriveSignedAndInOrder() {
        m_hooks.clear();
        {
            auto a = loggedIn("cb", "a");
            QVERIFY(a);
            a->send({{"type", "logout"}});
            QCOMPARE(a->waitFor("logout_result").value("code").toInt(-1), 0);
        }
        QStringList events;
        QVERIFY(QTest::qWaitFor(
            [&] {
                events.clear();
                for (const auto& r : m_hooks.requestsTo("/zego")) {
                    auto body = r.json();
                    if (body.value("room_id").toString() == "cb") {
                        events << body.value("event").toString();
                    }
                }
                return events.size() >= 4;
            },
            10000));
        QCOMPARE(events, (QStringList{"room_create", "room_login", "room_logout", "room_close"}));
        for (const auto& r : m_hooks.requestsTo("/zego")) {
            auto body = r.json();
            if (body.value("room_id").toString() != "cb") {
                continue;
            }
            const QString ts = body.value("timestamp").isDouble()
                                   ? QString::number(qint64(body.value("timestamp").toDouble()))
                                   : body.value("timestamp").toString();
            QList<QByteArray> parts{"cbsecret", ts.toUtf8(),
                                    body.value("nonce").toString().toUtf8()};
            std::sort(parts.begin(), parts.end());
            QCOMPARE(body.value("signature").toString().toUtf8(),
                     QCryptographicHash::hash(parts.join(), QCryptographicHash::Sha1).toHex());
            const QString event = body.value("event").toString();
            if (event == "room_create" || event == "room_close") {
                QVERIFY(body.value("appid").isDouble());
                QVERIFY(body.value("room_session_id").isDouble());
            } else {
                QCOMPARE(body.value("appid").toString(), QString("1234567890"));
                QCOMPARE(body.value("user_account").toString(), QString("a"));
                QVERIFY(body.value("room_seq").isString());
            }
            if (event == "room_login") {
                QCOMPARE(body.value("auth_level").toString(), QString("4"));
            }
        }
    }

    void rtmpPublishIntoARoom() {
        auto watcher = loggedIn("live", "watcher");
        auto anchor = loggedIn("live", "anchor");
        QVERIFY(watcher && anchor);
        // Announced over the WebSocket, then pushed to the [zego] app.
        anchor->send({{"type", "stream_add"}, {"streamId", "announced"}});
        QCOMPARE(anchor->waitFor("stream_add_result").value("code").toInt(-1), 0);
        QCOMPARE(watcher->waitFor("stream_added")
                     .value("stream")
                     .toObject()
                     .value("streamId")
                     .toString(),
                 QString("announced"));
        QProcess ffmpeg;
        ffmpeg.start("ffmpeg", regie::test::ffmpegPublishArgs(
                                   "testsrc=size=160x120:rate=25", "sine", 3,
                                   QString("rtmp://127.0.0.1:%1/live/announced").arg(m_rtmpPort)));
        // The room's URL login: room, user and token in the query.
        QProcess urlPublisher;
        urlPublisher.start(
            "ffmpeg",
            regie::test::ffmpegPublishArgs(
                "testsrc=size=160x120:rate=25", "sine", 3,
                QString("rtmp://127.0.0.1:%1/live/byurl?room_id=live&user_id=cam&token=%2")
                    .arg(m_rtmpPort)
                    .arg(QString::fromLatin1(QUrl::toPercentEncoding(token("cam"))))));
        QVERIFY(watcher
                    ->waitFor(
                        "user_joined",
                        [](const QJsonObject& m) {
                            return m.value("user").toObject().value("userId") == "cam";
                        },
                        10000)
                    .size() > 0);
        auto byUrl = watcher->waitFor("stream_added", [](const QJsonObject& m) {
            return m.value("stream").toObject().value("streamId") == "byurl";
        });
        QCOMPARE(byUrl.value("stream").toObject().value("userId").toString(), QString("cam"));
        QTest::qWait(11000);  // DescribeSimpleStreamList: one call per 10 s for a room
        auto list = action("DescribeSimpleStreamList", "RoomId=live")
                        .value("Data")
                        .toObject()
                        .value("StreamList")
                        .toArray();
        QStringList ids;
        for (const auto& s : list) {
            ids << s.toObject().value("StreamId").toString();
        }
        ids.sort();
        QCOMPARE(ids, (QStringList{"announced", "byurl"}));
        QVERIFY(QTest::qWaitFor(
            [&] {
                return ffmpeg.state() == QProcess::NotRunning &&
                       urlPublisher.state() == QProcess::NotRunning;
            },
            15000));
        QVERIFY(watcher
                    ->waitFor(
                        "stream_removed",
                        [](const QJsonObject& m) {
                            return m.value("stream").toObject().value("streamId") == "announced";
                        },
                        30000)
                    .size() > 0);
        QVERIFY(watcher
                    ->waitFor(
                        "user_left",
                        [](const QJsonObject& m) {
                            return m.value("user").toObject().value("userId") == "cam";
                        },
                        30000)
                    .size() > 0);
        // A stream whose token forbids publishing is refused at the RTMP door.
        QProcess refused;
        refused.start(
            "ffmpeg",
            regie::test::ffmpegPublishArgs(
                "testsrc=size=160x120:rate=25", "sine", 2,
                QString("rtmp://127.0.0.1:%1/live/nope?room_id=live&user_id=x&token=%2")
                    .arg(m_rtmpPort)
                    .arg(QString::fromLatin1(QUrl::toPercentEncoding(token(
                        "x", 60, regie::service::rooms::privilegePayload("", true, false, {})))))));
        QVERIFY(QTest::qWaitFor([&] { return refused.state() == QProcess::NotRunning; }, 15000));
        QVERIFY(refused.exitCode() != 0);
    }

    // Last: it restarts the engine.
    void userRulesRefuseLoginAndPublishAcrossARestart() {
        auto code = [&](const QByteArray& name, const QByteArray& params) {
            return action(name, params).value("Code").toInt(-1);
        };
        QCOMPARE(code("SetForbidUserRule",
                      "RuleType=3&UserId=banned&DisabledPrivilege[]=1&EffectiveTime=600"),
                 0);
        QCOMPARE(
            code("SetForbidUserRule",
                 "RuleType=4&RoomId=stage&UserId=host&DisabledPrivilege[]=2&EffectiveTime=600"),
            0);
        auto tryLogin = [&](const QString& room, const QString& user) {
            Client c(port());
            return c.waitOpen() ? c.login(room, user, token(user), false).value("code").toInt(-1)
                                : -1;
        };
        auto publishByUrl = [&](const QString& room, const QString& user, const QString& stream) {
            QProcess p;
            p.start("ffmpeg",
                    regie::test::ffmpegPublishArgs(
                        "testsrc=size=160x120:rate=25", "sine", 2,
                        QString("rtmp://127.0.0.1:%1/live/%2?room_id=%3&user_id=%4&token=%5")
                            .arg(m_rtmpPort)
                            .arg(stream, room, user)
                            .arg(QString::fromLatin1(QUrl::toPercentEncoding(token(user))))));
            (void)QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 20000);
            return p.exitCode();
        };

        QCOMPARE(tryLogin("any", "banned"), 3001);
        QCOMPARE(tryLogin("stage", "host"), 0);  // a publish ban lets the user in
        {
            auto host = loggedIn("stage", "host");
            QVERIFY(host);
            host->send({{"type", "stream_add"}, {"streamId", "hoststream"}});
            QCOMPARE(host->waitFor("stream_add_result").value("code").toInt(-1), 3002);
        }
        QVERIFY(publishByUrl("stage", "host", "hs1") != 0);
        QCOMPARE(publishByUrl("elsewhere", "host", "hs2"), 0);  // only in its room

        m_engine->kill();
        QVERIFY2(m_engine->start(), qPrintable(m_engine->output()));
        m_rtmpPort = m_engine->rtmpPort();
        QCOMPARE(tryLogin("any", "banned"), 3001);
        QVERIFY(publishByUrl("stage", "host", "hs3") != 0);

        QCOMPARE(code("DelForbidUserRule", "RuleType=3&UserId=banned"), 0);
        QCOMPARE(tryLogin("any", "banned"), 0);
    }
};

QTEST_GUILESS_MAIN(TestRooms)
#include "tst_rooms.moc"
