// The room service on a manual clock with recording members and observers and a fake ban-rule
// check: joins and leaves, relogin, messages, heartbeat timeout, token expiry with its grace,
// kicks, closing, injected streams and the publish gate.

#include <QTest>
#include <QUrl>
#include <boost/asio/io_context.hpp>

#include "core/log.h"
#include "service/rooms/room_service.h"

using namespace regie::service::rooms;
using regie::core::ManualClock;

namespace {

constexpr std::uint32_t kAppId = 1234567890;
const std::string kSecret = "0123456789abcdef0123456789abcdef";

class FakeRules final : public regie::service::rules::UserRuleCheck {
public:
    std::optional<std::string> refusal(
        const regie::service::rules::UserAction& action) const override {
        if (action.userId == bannedUser &&
            action.privilege == regie::service::rules::UserPrivilege::login) {
            return "login banned";
        }
        if (action.userId == noPublishUser &&
            action.privilege == regie::service::rules::UserPrivilege::publish) {
            return "publish banned";
        }
        return std::nullopt;
    }
    std::string bannedUser = "banned";
    std::string noPublishUser = "mute";
};

class Recorder final : public RoomMember {
public:
    void userJoined(const RoomUser& u) override { log.push_back("joined:" + u.userId); }
    void userLeft(const RoomUser& u, LogoutReason r) override {
        log.push_back("left:" + u.userId + ":" + std::to_string(static_cast<int>(r)));
    }
    void streamAdded(const RoomStream& s) override { log.push_back("stream+:" + s.streamId); }
    void streamRemoved(const RoomStream& s, StreamCloseType) override {
        log.push_back("stream-:" + s.streamId);
    }
    void message(const RoomMessage& m) override { log.push_back("msg:" + m.content); }
    void tokenExpired(std::int64_t) override { log.push_back("token_expired"); }
    void ended(LogoutReason r, bool closed, const std::string& why) override {
        log.push_back("ended:" + std::to_string(static_cast<int>(r)) + (closed ? ":closed" : "") +
                      ":" + why);
    }
    bool saw(const std::string& entry) const {
        return std::find(log.begin(), log.end(), entry) != log.end();
    }
    std::vector<std::string> log;
};

class Lifecycle final : public RoomObserver {
public:
    void roomCreated(const RoomInfo& r, const std::string&) override {
        log.push_back("create:" + r.roomId);
    }
    void roomClosed(const RoomInfo& r, RoomCloseReason why, bool) override {
        log.push_back("close:" + r.roomId + ":" + std::to_string(static_cast<int>(why)));
    }
    void userLoggedIn(const RoomInfo&, const RoomUser& u, bool relogin) override {
        log.push_back("login:" + u.userId + (relogin ? ":relogin" : ""));
    }
    void userLoggedOut(const RoomInfo&, const RoomUser& u, LogoutReason why,
                       std::int64_t) override {
        log.push_back("logout:" + u.userId + ":" + std::to_string(static_cast<int>(why)));
    }
    void streamAdded(const RoomInfo&, const RoomStream& s) override {
        log.push_back("stream+:" + s.streamId);
    }
    void streamRemoved(const RoomInfo&, const RoomStream& s, StreamCloseType t) override {
        log.push_back("stream-:" + s.streamId + ":" + std::to_string(static_cast<int>(t)));
    }
    std::vector<std::string> log;
};

}  // namespace

class TestRoomService : public QObject {
    Q_OBJECT

    ManualClock m_clock{1'700'000'000};
    regie::core::Logger m_log;
    boost::asio::io_context m_io;
    FakeRules m_rules;
    std::unique_ptr<RoomService> m_rooms;
    std::shared_ptr<Lifecycle> m_lifecycle;

    std::string token(const std::string& user, std::int64_t ttl = 3600,
                      const std::string& payload = {}) {
        return std::get<std::string>(
            generateToken04({kAppId, user, kSecret, m_clock.unixSeconds(), ttl, payload, {}, {}}));
    }
    std::uint64_t login(const std::string& room, const std::string& user,
                        std::shared_ptr<Recorder> member, std::string tok = {}) {
        auto result = m_rooms->login(
            {room, user, user + "_name", tok.empty() ? token(user) : tok, "10.0.0.1", member});
        if (auto* f = std::get_if<RoomFailure>(&result)) {
            qWarning() << f->message.c_str();
            return 0;
        }
        return std::get<LoginResult>(result).sessionId;
    }

private slots:
    void init() {
        RoomSettings s;
        s.appId = kAppId;
        s.serverSecret = kSecret;
        s.heartbeatTimeout = std::chrono::seconds(10);
        s.tokenGrace = std::chrono::seconds(30);
        m_rooms = std::make_unique<RoomService>(m_clock, m_log, m_io, m_rules, s);
        m_lifecycle = std::make_shared<Lifecycle>();
        m_rooms->addObserver(m_lifecycle);
    }

    void usersSeeEachOtherJoinAndLeave() {
        auto a = std::make_shared<Recorder>();
        auto b = std::make_shared<Recorder>();
        auto sa = login("r1", "a", a);
        QVERIFY(sa != 0);
        auto result = m_rooms->login({"r1", "b", "", token("b"), "10.0.0.2", b});
        const auto& joined = std::get<LoginResult>(result);
        QCOMPARE(joined.users.size(), std::size_t(2));
        QVERIFY(a->saw("joined:b"));
        m_rooms->logout(joined.sessionId, LogoutReason::normal);
        QVERIFY(a->saw("left:b:0"));
        m_rooms->logout(sa, LogoutReason::normal);
        QVERIFY(!m_rooms->room("r1"));
        QCOMPARE(m_lifecycle->log,
                 (std::vector<std::string>{"create:r1", "login:a", "login:b", "logout:b:0",
                                           "logout:a:0", "close:r1:0"}));
    }

    void refusedLogins() {
        auto m = std::make_shared<Recorder>();
        auto r = m_rooms->login({"r1", "banned", "", token("banned"), "ip", m});
        QCOMPARE(std::get<RoomFailure>(r).error, RoomError::loginBanned);
        r = m_rooms->login({"r1", "x", "", token("y"), "ip", m});
        QCOMPARE(std::get<RoomFailure>(r).token, TokenError::userMismatch);
        r = m_rooms->login({"", "x", "", token("x"), "ip", m});
        QCOMPARE(std::get<RoomFailure>(r).error, RoomError::badInput);
        QVERIFY(m_rooms->rooms().empty());
    }

    void reloginReplacesTheOldConnection() {
        auto first = std::make_shared<Recorder>();
        auto second = std::make_shared<Recorder>();
        login("r1", "a", first);
        login("r1", "a", second);
        QVERIFY(first->saw("ended:0:logged in again elsewhere"));
        QCOMPARE(m_rooms->room("r1")->userCount, std::size_t(1));
        QCOMPARE(m_lifecycle->log.back(), std::string("login:a:relogin"));
    }

    void messagesSkipTheSender() {
        auto a = std::make_shared<Recorder>();
        auto b = std::make_shared<Recorder>();
        login("r1", "a", a);
        login("r1", "b", b);
        auto sent = m_rooms->broadcast({"r1", "a", "", 2, "hello", {}});
        QCOMPARE(std::get<RoomMessage>(sent).number, std::uint64_t(1));
        QVERIFY(b->saw("msg:hello"));
        QVERIFY(!a->saw("msg:hello"));
        auto barrage = m_rooms->barrage({"r1", "admin", "", 2, "boo", {}});
        QVERIFY(QString::fromStdString(std::get<RoomMessage>(barrage).textId).startsWith("1_"));
        auto failed = m_rooms->customCommand({"r1", "admin", "", 2, "cmd", {"b", "ghost"}});
        QCOMPARE(std::get<std::vector<std::string>>(failed), std::vector<std::string>{"ghost"});
        QCOMPARE(std::get<RoomFailure>(m_rooms->broadcast({"nope", "a", "", 2, "x", {}})).error,
                 RoomError::roomMissing);
        QCOMPARE(std::get<RoomFailure>(m_rooms->broadcast({"r1", "a", "", 2, "", {}})).error,
                 RoomError::badInput);
    }

    void heartbeatTimeoutLogsOut() {
        auto a = std::make_shared<Recorder>();
        auto b = std::make_shared<Recorder>();
        auto sa = login("r1", "a", a);
        login("r1", "b", b);
        m_clock.advance(std::chrono::seconds(6));
        QVERIFY(m_rooms->heartbeat(sa));
        m_clock.advance(std::chrono::seconds(6));
        m_rooms->sweep();
        QVERIFY(b->saw("ended:1:"));
        QVERIFY(a->saw("left:b:1"));
        QCOMPARE(m_rooms->room("r1")->userCount, std::size_t(1));
    }

    void tokenExpiryEndsTheSessionAfterTheGrace() {
        auto a = std::make_shared<Recorder>();
        auto renewed = std::make_shared<Recorder>();
        auto sa = login("r1", "a", a, token("a", 5));
        auto sr = login("r1", "r", renewed, token("r", 5));
        const auto step = [&](int seconds) {
            m_clock.advance(std::chrono::seconds(seconds));
            m_rooms->heartbeat(sa);
            m_rooms->heartbeat(sr);
            m_rooms->sweep();
        };
        step(5);
        QVERIFY(a->saw("token_expired"));
        QVERIFY(std::holds_alternative<std::int64_t>(m_rooms->renewToken(sr, token("r", 3600))));
        for (int i = 0; i < 5; ++i) {
            step(5);
        }
        QVERIFY(!a->saw("ended:4:"));
        step(5);
        QVERIFY(a->saw("ended:4:"));
        QVERIFY(!renewed->saw("ended:4:"));
        QVERIFY(renewed->saw("left:a:4"));
    }

    void kickAndClose() {
        auto a = std::make_shared<Recorder>();
        auto b = std::make_shared<Recorder>();
        login("r1", "a", a);
        login("r1", "b", b);
        QVERIFY(std::holds_alternative<std::monostate>(m_rooms->kickout("r1", {"b"}, "bye")));
        QVERIFY(b->saw("ended:3:bye"));
        QVERIFY(a->saw("left:b:3"));
        QVERIFY(std::holds_alternative<std::monostate>(m_rooms->closeRoom("r1", "over", true)));
        QVERIFY(a->saw("ended:3:closed:over"));
        QVERIFY(!m_rooms->room("r1"));
        QCOMPARE(std::get<RoomFailure>(m_rooms->closeRoom("r1", "", false)).error,
                 RoomError::roomMissing);
    }

    void injectedStreamsKeepTheRoom() {
        auto a = std::make_shared<Recorder>();
        auto sa = login("r1", "a", a);
        QCOMPARE(std::get<RoomFailure>(m_rooms->addStream({"nope", "srv", "", "s", "", ""})).error,
                 RoomError::roomMissing);
        QVERIFY(std::holds_alternative<std::monostate>(
            m_rooms->addStream({"r1", "Server-Administrator", "", "cdn1", "t", "x"})));
        QVERIFY(a->saw("stream+:cdn1"));
        m_rooms->logout(sa, LogoutReason::normal);
        QVERIFY(m_rooms->room("r1"));
        QCOMPARE(m_rooms->streams("r1")->size(), std::size_t(1));
        QCOMPARE(std::get<RoomFailure>(m_rooms->deleteStream("r1", "srv", "nope")).error,
                 RoomError::streamMissing);
        QVERIFY(std::holds_alternative<std::monostate>(m_rooms->deleteStream("r1", "srv", "cdn1")));
        QVERIFY(!m_rooms->room("r1"));
    }

    void announcedStreamsAndThePublishGate() {
        auto a = std::make_shared<Recorder>();
        auto b = std::make_shared<Recorder>();
        auto sa = login("r1", "a", a);
        login("r1", "b", b, token("b", 3600, privilegePayload("", true, false, {})));
        auto sm = login("r1", "mute", std::make_shared<Recorder>());
        QVERIFY(std::holds_alternative<RoomStream>(m_rooms->announceStream(sa, {"s1", "", ""})));
        QVERIFY(b->saw("stream+:s1"));
        QCOMPARE(std::get<RoomFailure>(m_rooms->announceStream(sm, {"s2", "", ""})).error,
                 RoomError::publishBanned);
        auto gate = m_rooms->publishGate();
        auto ask = [&](const std::string& stream, const std::string& params) {
            std::optional<std::string> refusal = "unanswered";
            regie::media::AccessRequest request;
            request.key = {"__defaultVhost__", "live", stream};
            request.params = params;
            request.peerIp = "10.0.0.9";
            request.sessionId = "rtmp-" + stream;
            gate(request, [&](regie::media::AccessVerdict v) { refusal = v.refusal; });
            return refusal;
        };
        QCOMPARE(ask("s1", ""), std::nullopt);
        QCOMPARE(ask("plain", ""), std::nullopt);
        QVERIFY(ask("x", "room_id=r1&user_id=c&token=garbage"));
        const auto encoded = [&](const std::string& user) {
            return QUrl::toPercentEncoding(QString::fromStdString(token(user))).toStdString();
        };
        QVERIFY(ask("s1", "room_id=r1&user_id=c&token=" + encoded("c")));  // owned by a
        QCOMPARE(ask("s3", "room_id=r1&user_id=c&user_name=C&token=" + encoded("c")), std::nullopt);
        m_rooms->mediaStarted("live", "s3", "rtmp-s3");
        QVERIFY(a->saw("joined:c"));
        QVERIFY(a->saw("stream+:s3"));
        QCOMPARE(m_rooms->roomOfStream("s3")->userName, std::string("C"));
        m_rooms->mediaStopped("live", "s3");
        QVERIFY(a->saw("stream-:s3"));
        QVERIFY(a->saw("left:c:0"));
        m_rooms->mediaStarted("live", "s1", "rtmp-s1");
        m_rooms->kickout("r1", {"a"}, "");
        QCOMPARE(m_rooms->roomOfStream("s1")->closeType, StreamCloseType::kicked);
        m_rooms->mediaStopped("live", "s1");
        QVERIFY(!m_rooms->roomOfStream("s1"));
    }
};

QTEST_GUILESS_MAIN(TestRoomService)
#include "tst_room_service.moc"
