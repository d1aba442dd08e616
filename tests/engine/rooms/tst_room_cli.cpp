// regie-room's parsers: the join and token options, the ws:// URL, and the stdin commands
// turned into protocol requests.

#include <QTest>
#include <boost/json/serialize.hpp>

#include "cli_options.h"
#include "commands.h"
#include "ws_url.h"

using namespace regie::room_cli;

namespace {

std::vector<std::string_view> words(std::initializer_list<std::string_view> list) {
    return list;
}

std::string request(std::string_view line) {
    auto command = parseCommand(line);
    const auto* object = std::get_if<boost::json::object>(&command);
    return object != nullptr ? boost::json::serialize(*object) : std::string();
}

}  // namespace

class TestRoomCli : public QObject {
    Q_OBJECT

private slots:
    void joinOptions() {
        auto args = words({"--url", "ws://h:1/room/ws", "--room", "r", "--user", "u", "--app-id",
                           "7", "--secret", "s", "--announce", "a", "--announce", "b"});
        auto parsed = parseJoinOptions(args);
        QVERIFY(std::holds_alternative<JoinOptions>(parsed));
        const auto& o = std::get<JoinOptions>(parsed);
        QCOMPARE(o.userName, std::string("u"));
        QCOMPARE(o.announce, (std::vector<std::string>{"a", "b"}));
        const auto& make = std::get<TokenOptions>(o.credentials);
        QCOMPARE(make.appId, 7u);
        QCOMPARE(make.roomId.value_or(""), std::string("r"));

        auto token = words(
            {"--url", "ws://h/", "--room", "r", "--user", "u", "--token", "T", "--name", "N"});
        const auto tokenParsed = parseJoinOptions(token);
        const auto& withToken = std::get<JoinOptions>(tokenParsed);
        QCOMPARE(std::get<std::string>(withToken.credentials), std::string("T"));
        QCOMPARE(withToken.userName, std::string("N"));

        for (auto bad : {words({"--url", "ws://h/", "--room", "r", "--user", "u"}),
                         words({"--url", "ws://h/", "--room", "r", "--user", "u", "--token", "T",
                                "--secret", "s"}),
                         words({"--url", "ws://h/", "--room", "r", "--user", "u", "--token"}),
                         words({"--url", "ws://h/", "--user", "u", "--token", "T"}),
                         words({"--url", "ws://h/", "--room", "r", "--room", "q", "--user", "u",
                                "--token", "T"}),
                         words({"--bogus", "1"})}) {
            QVERIFY(std::holds_alternative<UsageError>(parseJoinOptions(bad)));
        }
    }

    void tokenOptions() {
        auto args = words(
            {"--app-id", "5", "--secret", "s", "--user", "u", "--publish", "0", "--ttl", "60"});
        const auto parsed = parseTokenOptions(args);
        const auto& o = std::get<TokenOptions>(parsed);
        QCOMPARE(o.publish.value_or(true), false);
        QCOMPARE(o.ttlSeconds, std::int64_t{60});
        QVERIFY(!o.roomId);
        for (auto bad :
             {words({"--app-id", "0", "--user", "u"}),
              words({"--app-id", "4294967296", "--user", "u"}),
              words({"--app-id", "5", "--user", "u", "--ttl", "-1"}), words({"--app-id", "5"})}) {
            QVERIFY(std::holds_alternative<UsageError>(parseTokenOptions(bad)));
        }
    }

    void urls() {
        auto url = parseWsUrl("ws://127.0.0.1:8080/room/ws?x=1");
        QVERIFY(url);
        QCOMPARE(url->host, std::string("127.0.0.1"));
        QCOMPARE(url->port, std::string("8080"));
        QCOMPARE(url->hostHeader, std::string("127.0.0.1:8080"));
        QCOMPARE(url->target, std::string("/room/ws?x=1"));
        auto v6 = parseWsUrl("ws://[::1]/room/ws");
        QVERIFY(v6);
        QCOMPARE(v6->host, std::string("::1"));
        QCOMPARE(v6->port, std::string("80"));
        QCOMPARE(parseWsUrl("ws://h").value().target, std::string("/"));
        QVERIFY(!parseWsUrl("wss://h/room/ws"));
        QVERIFY(!parseWsUrl("http://h/room/ws"));
        QVERIFY(!parseWsUrl("not a url"));
    }

    void commands() {
        QCOMPARE(
            request("say hello  world"),
            std::string(R"({"type":"send_message","kind":"broadcast","content":"hello  world"})"));
        QCOMPARE(request("barrage boo"),
                 std::string(R"({"type":"send_message","kind":"barrage","content":"boo"})"));
        QCOMPARE(request("tell a,b psst now"),
                 std::string(R"({"type":"send_message","kind":"custom","content":"psst now",)"
                             R"("toUserIds":["a","b"]})"));
        QCOMPARE(request("announce cam1 My camera"),
                 std::string(R"({"type":"stream_add","streamId":"cam1","title":"My camera"})"));
        QCOMPARE(request("unannounce cam1"),
                 std::string(R"({"type":"stream_remove","streamId":"cam1"})"));
        QCOMPARE(request("renew 04abc"), std::string(R"({"type":"token_renew","token":"04abc"})"));
        QVERIFY(std::holds_alternative<Quit>(parseCommand("  quit ")));
        QVERIFY(std::holds_alternative<std::monostate>(parseCommand("   ")));
        for (auto bad : {"say", "tell a", "announce", "renew", "dance"}) {
            QVERIFY(std::holds_alternative<CommandError>(parseCommand(bad)));
        }
    }
};

QTEST_GUILESS_MAIN(TestRoomCli)
#include "tst_room_cli.moc"
