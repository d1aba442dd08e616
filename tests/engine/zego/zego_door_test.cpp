#include <QTest>
#include <future>
#include <set>
#include <stdexcept>
#include <thread>

#include "core/clock.h"
#include "zego_test_support.h"

using namespace std::chrono_literals;
using namespace regie::api::zego;
using namespace zego_test;
using regie::core::ManualClock;

namespace {

ZegoDoorSettings defaultSettings() {
    ZegoDoorSettings settings;
    settings.appId = kAppId;
    settings.serverSecret = std::string(kSecret);
    return settings;
}

ActionSpec action(std::string name, Family family, ActionHandler handler,
                  MethodStyle style = MethodStyle::get) {
    ActionSpec spec;
    spec.name = std::move(name);
    spec.family = family;
    spec.style = style;
    spec.handler = std::move(handler);
    return spec;
}

void echoGet(std::shared_ptr<const ZegoRequest> request, ZegoResponder responder) {
    boost::json::object data;
    data["Action"] = request->action;
    data["AppId"] = request->appId;
    data["IsTest"] = request->isTest;
    data["RequestId"] = request->requestId;
    data["PeerIp"] = request->peerIp;
    data["ReceivedAt"] =
        std::chrono::duration_cast<std::chrono::seconds>(request->receivedAt.time_since_epoch())
            .count();
    data["App"] = request->settings->app;
    data["Foo"] = request->query.value("Foo").value_or("<none>");
    boost::json::array bar;
    for (auto v : request->query.values("Bar")) {
        bar.emplace_back(v);
    }
    data["Bar"] = std::move(bar);
    responder.reply({0, {}, boost::json::value(std::move(data))});
}

void echoBody(std::shared_ptr<const ZegoRequest> request, ZegoResponder responder) {
    responder.reply({0, {}, boost::json::value(request->body)});
}

void answerOk(std::shared_ptr<const ZegoRequest>, ZegoResponder responder) {
    responder.reply({0, {}, std::nullopt});
}

}  // namespace

class ZegoDoorTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<ZegoDoor> m_door;
    std::vector<std::thread> m_threads;

    void registerOrFail(ActionSpec spec) { QVERIFY(!m_door->registerAction(std::move(spec))); }

private slots:
    void init() {
        m_clock = std::make_unique<ManualClock>(kNow);
        m_door = std::make_unique<ZegoDoor>(*m_clock, defaultSettings());
        registerOrFail(action("EchoGet", Family::room, echoGet));
        registerOrFail(action("EchoPost", Family::mix, echoBody, MethodStyle::postJson));
        registerOrFail(action("EchoPostRoom", Family::room, echoBody, MethodStyle::postJson));
        registerOrFail(action("MediaOk", Family::mediaService, answerOk));
        registerOrFail(action("MediaFileOk", Family::mediaFile, answerOk));
    }

    void cleanup() {
        for (auto& thread : m_threads) {
            thread.join();
        }
        m_threads.clear();
        m_door.reset();
        m_clock.reset();
    }

    void gatewayErrorsInOrder_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<qint64>("code");
        const std::string ts = std::to_string(kNow);
        const std::string app = std::to_string(kAppId);
        const std::string sig = computeSignature(app, "n1", kSecret, ts);
        const std::string upToVersion =
            "Action=EchoGet&AppId=" + app + "&Timestamp=" + ts + "&SignatureNonce=n1";
        auto row = [](const char* name, const std::string& query, qint64 code) {
            QTest::newRow(name) << QString::fromStdString(query) << code;
        };
        // Each row carries only the parameters up to the broken one, so every later check
        // would fail too: the expected code proves the order.
        row("Action missing", "", 100000006);
        row("Action missing, AppId bad", "AppId=x", 100000006);
        row("Action empty", "Action=&AppId=x", 100000006);
        row("Action unknown", "Action=Nope&AppId=x", 100000007);
        row("Action wrong case", "Action=echoget", 100000007);
        row("AppId missing", "Action=EchoGet", 100000001);
        row("AppId empty", "Action=EchoGet&AppId=", 100000001);
        row("AppId not a number", "Action=EchoGet&AppId=12ab", 100000001);
        row("AppId negative", "Action=EchoGet&AppId=-1", 100000001);
        row("AppId over 32 bits", "Action=EchoGet&AppId=4294967296", 100000001);
        row("AppId unknown", "Action=EchoGet&AppId=999", 100000010);
        row("Timestamp missing", "Action=EchoGet&AppId=" + app, 100000002);
        row("Timestamp empty", "Action=EchoGet&AppId=" + app + "&Timestamp=", 100000002);
        row("Timestamp not an integer", "Action=EchoGet&AppId=" + app + "&Timestamp=1.7e9",
            100000003);
        row("Timestamp in ms overflow",
            "Action=EchoGet&AppId=" + app + "&Timestamp=99999999999999999999", 100000003);
        row("SignatureNonce missing", "Action=EchoGet&AppId=" + app + "&Timestamp=" + ts,
            100000008);
        row("SignatureNonce empty",
            "Action=EchoGet&AppId=" + app + "&Timestamp=" + ts + "&SignatureNonce=", 100000008);
        row("Signature missing", upToVersion, 100000009);
        row("Signature empty", upToVersion + "&Signature=", 100000009);
        row("SignatureVersion missing", upToVersion + "&Signature=" + sig, 100000013);
        row("SignatureVersion empty",
            upToVersion + "&Signature=" + sig + "&SignatureVersion=", 100000013);
        row("SignatureVersion 1.0", upToVersion + "&Signature=" + sig + "&SignatureVersion=1.0",
            100000014);
        row("SignatureVersion 2", upToVersion + "&Signature=" + sig + "&SignatureVersion=2",
            100000014);

        SignedQuery old{"EchoGet"};
        old.timestamp = kNow - 601;
        row("Timestamp too old", old.str(), 100000004);
        SignedQuery future{"EchoGet"};
        future.timestamp = kNow + 601;
        row("Timestamp too new", future.str(), 100000004);
        row("Timestamp too old and bad signature",
            upToVersion.substr(0, upToVersion.find("&Timestamp")) +
                "&Timestamp=" + std::to_string(kNow - 601) + "&SignatureNonce=n1&Signature=" + sig +
                "&SignatureVersion=2.0",
            100000004);

        row("Signature wrong",
            upToVersion + "&Signature=00000000000000000000000000000000" + "&SignatureVersion=2.0",
            100000005);
        SignedQuery otherSecret{"EchoGet"};
        otherSecret.secret = "ffffffffffffffffffffffffffffffff";
        row("Signature with another secret", otherSecret.str(), 100000005);
        SignedQuery badIsTest{"EchoGet", "IsTest=yes"};
        row("IsTest not a Boolean (room family)", badIsTest.str(), 2);
        SignedQuery badIsTestMedia{"MediaOk", "IsTest=1"};
        row("IsTest not a Boolean (media service)", badIsTestMedia.str(), 30004);
        SignedQuery badIsTestMix{"EchoPost", "IsTest=no"};
        row("IsTest not a Boolean (mix)", badIsTestMix.str(), 110200002);
    }
    void gatewayErrorsInOrder() {
        QFETCH(QString, query);
        QFETCH(qint64, code);
        ReplyCatcher catcher;
        m_door->handle(makeCall(query.toStdString()), catcher.sink());
        QCOMPARE(catcher.count(), std::size_t{1});
        const auto reply = catcher.reply();
        QCOMPARE(reply.status, 200u);
        QCOMPARE(reply.contentType, std::string("application/json; charset=utf-8"));
        const auto envelope = catcher.envelope();
        QCOMPARE(codeOf(envelope), code);
        QVERIFY(envelope.at("Message").is_string());
        QVERIFY(!envelope.at("Message").as_string().empty());
        QVERIFY(envelope.at("RequestId").is_string());
        QVERIFY(!envelope.contains("Data"));
    }

    void unconfiguredDoorKnowsNoApp() {
        ZegoDoor door(*m_clock);
        QVERIFY(!door.registerAction(action("EchoGet", Family::room, echoGet)));
        SignedQuery query{"EchoGet"};
        query.appId = 0;
        QCOMPARE(codeOf(call(door, query.str())), 100000010);
        ZegoDoorSettings noSecret = defaultSettings();
        noSecret.serverSecret.clear();
        door.updateSettings(noSecret);
        QCOMPARE(codeOf(call(door, SignedQuery{"EchoGet"}.str())), 100000010);
    }

    void productionCallWithoutProductionEnvironment() {
        ZegoDoorSettings settings = defaultSettings();
        settings.hasProductionEnvironment = false;
        m_door->updateSettings(settings);
        QCOMPARE(codeOf(call(*m_door, SignedQuery{"EchoGet"}.str())), 100000016);
        QCOMPARE(codeOf(call(*m_door, SignedQuery{"EchoGet", "IsTest=false"}.str())), 100000016);
        QCOMPARE(codeOf(call(*m_door, SignedQuery{"EchoGet", "IsTest=true"}.str())), 0);
    }

    void signedGetSucceeds() {
        ReplyCatcher catcher;
        auto apiCall = makeCall(SignedQuery{"EchoGet", "Foo=a+b%21&Bar[]=1&Bar%5B%5D=2"}.str());
        m_door->handle(apiCall, catcher.sink());
        QCOMPARE(catcher.count(), std::size_t{1});
        QCOMPARE(catcher.reply().status, 200u);
        const auto envelope = catcher.envelope();
        QCOMPARE(codeOf(envelope), 0);
        QCOMPARE(envelope.at("Message").as_string(), "success");
        const auto& data = envelope.at("Data").as_object();
        QCOMPARE(data.at("Action").as_string(), "EchoGet");
        QCOMPARE(data.at("AppId").as_int64(), std::int64_t{kAppId});
        QCOMPARE(data.at("IsTest").as_bool(), false);
        QCOMPARE(data.at("RequestId").as_string(), envelope.at("RequestId").as_string());
        QCOMPARE(data.at("PeerIp").as_string(), "192.0.2.7");
        QCOMPARE(data.at("ReceivedAt").as_int64(), kNow);
        QCOMPARE(data.at("App").as_string(), "live");
        QCOMPARE(data.at("Foo").as_string(), "a b!");
        QCOMPARE(data.at("Bar").as_array(), (boost::json::array{"1", "2"}));
    }

    void acceptedVariants_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<bool>("isTest");
        SignedQuery upper{"EchoGet"};
        std::string q = upper.str();
        const auto at = q.find("&Signature=") + 11;
        for (std::size_t i = at; i < at + 32; ++i) {
            q[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(q[i])));
        }
        QTest::newRow("uppercase signature") << QString::fromStdString(q) << false;
        SignedQuery oldest{"EchoGet"};
        oldest.timestamp = kNow - 600;
        QTest::newRow("Timestamp -600 s") << QString::fromStdString(oldest.str()) << false;
        SignedQuery newest{"EchoGet"};
        newest.timestamp = kNow + 600;
        QTest::newRow("Timestamp +600 s") << QString::fromStdString(newest.str()) << false;
        SignedQuery decimalNonce{"EchoGet"};
        decimalNonce.nonce = "15215528852396";
        QTest::newRow("decimal nonce") << QString::fromStdString(decimalNonce.str()) << false;
        QTest::newRow("IsTest=TRUE")
            << QString::fromStdString(SignedQuery{"EchoGet", "IsTest=TRUE"}.str()) << true;
        QTest::newRow("IsTest=False")
            << QString::fromStdString(SignedQuery{"EchoGet", "IsTest=False"}.str()) << false;
    }
    void acceptedVariants() {
        QFETCH(QString, query);
        QFETCH(bool, isTest);
        const auto envelope = call(*m_door, query.toStdString());
        QCOMPARE(codeOf(envelope), 0);
        QCOMPARE(envelope.at("Data").as_object().at("IsTest").as_bool(), isTest);
    }

    void signedPostJsonSucceeds() {
        const std::string body = R"({"TaskId":"t1","RoomId":"r1","MixInput":[{"StreamId":"s"}]})";
        const auto envelope = call(*m_door, SignedQuery{"EchoPost"}.str(), body);
        QCOMPARE(codeOf(envelope), 0);
        QCOMPARE(envelope.at("Message").as_string(), "success");
        QCOMPARE(envelope.at("Data"), boost::json::parse(body));
    }

    void postJsonNeedsAnObjectBody_data() {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("body");
        QTest::addColumn<qint64>("code");
        for (const auto& [family, code] :
             {std::pair{"EchoPost", 110200002}, std::pair{"EchoPostRoom", 2}}) {
            for (const char* body : {"", "{", "{\"a\":1,}", "[1,2]", "\"{}\"", "null", "42"}) {
                const QString name = QString("%1 %2").arg(family, body);
                QTest::newRow(qPrintable(name)) << family << body << qint64(code);
            }
        }
    }
    void postJsonNeedsAnObjectBody() {
        QFETCH(QString, action);
        QFETCH(QString, body);
        QFETCH(qint64, code);
        const auto envelope =
            call(*m_door, SignedQuery{action.toStdString()}.str(), body.toStdString());
        QCOMPARE(codeOf(envelope), code);
        QVERIFY(!envelope.contains("Data"));
    }

    void replayedNonceIsRejected() {
        const std::string query = SignedQuery{"EchoGet"}.str();
        QCOMPARE(codeOf(call(*m_door, query)), 0);
        QCOMPARE(codeOf(call(*m_door, query)), 100000005);
        m_clock->advance(599s);
        QCOMPARE(codeOf(call(*m_door, query)), 100000005);
        m_clock->advance(2s);  // the Timestamp has now left the window as well
        QCOMPARE(codeOf(call(*m_door, query)), 100000004);
    }

    void replayCacheCanBeSwitchedOff() {
        ZegoDoorSettings settings = defaultSettings();
        settings.rejectReplayedNonce = false;
        m_door->updateSettings(settings);
        const std::string query = SignedQuery{"EchoGet"}.str();
        QCOMPARE(codeOf(call(*m_door, query)), 0);
        QCOMPARE(codeOf(call(*m_door, query)), 0);
    }

    void settingsAreLive() {
        QCOMPARE(codeOf(call(*m_door, SignedQuery{"EchoGet"}.str())), 0);
        ZegoDoorSettings settings = defaultSettings();
        settings.serverSecret = "ffffffffffffffffffffffffffffffff";
        settings.app = "show";
        m_door->updateSettings(settings);
        QCOMPARE(m_door->settings()->app, std::string("show"));
        QCOMPARE(codeOf(call(*m_door, SignedQuery{"EchoGet"}.str())), 100000005);
        SignedQuery fresh{"EchoGet"};
        fresh.secret = settings.serverSecret;
        const auto envelope = call(*m_door, fresh.str());
        QCOMPARE(codeOf(envelope), 0);
        QCOMPARE(envelope.at("Data").as_object().at("App").as_string(), "show");
    }

    void appRateLimit() {
        ActionSpec spec = action("Limited", Family::room, answerOk);
        spec.ratePerSecond = 2;
        spec.testRatePerSecond = 1;
        registerOrFail(std::move(spec));
        QCOMPARE(codeOf(call(*m_door, SignedQuery{"Limited"}.str())), 0);
        QCOMPARE(codeOf(call(*m_door, SignedQuery{"Limited"}.str())), 0);
        const auto throttled = call(*m_door, SignedQuery{"Limited"}.str());
        QCOMPARE(codeOf(throttled), 206);
        QVERIFY(!throttled.contains("Data"));
        // Other Actions and the test environment have buckets of their own.
        QCOMPARE(codeOf(call(*m_door, SignedQuery{"EchoGet"}.str())), 0);
        QCOMPARE(codeOf(call(*m_door, SignedQuery{"Limited", "IsTest=true"}.str())), 0);
        QCOMPARE(codeOf(call(*m_door, SignedQuery{"Limited", "IsTest=true"}.str())), 206);
        m_clock->advance(1s);
        QCOMPARE(codeOf(call(*m_door, SignedQuery{"Limited"}.str())), 0);
    }

    void rateLimitRunsAfterTheGatewayChecks() {
        ActionSpec spec = action("Limited", Family::room, answerOk);
        spec.ratePerSecond = 1;
        registerOrFail(std::move(spec));
        SignedQuery bad{"Limited"};
        bad.secret = "ffffffffffffffffffffffffffffffff";
        QCOMPARE(codeOf(call(*m_door, bad.str())), 100000005);
        QCOMPARE(codeOf(call(*m_door, SignedQuery{"Limited"}.str())), 0);
    }

    void roomRateLimit() {
        ActionSpec spec = action("PerRoom", Family::room, answerOk);
        spec.ratePerSecond = 100;
        spec.roomRatePerSecond = 1;
        registerOrFail(std::move(spec));
        QCOMPARE(codeOf(call(*m_door, SignedQuery{"PerRoom", "RoomId=r1"}.str())), 0);
        QCOMPARE(codeOf(call(*m_door, SignedQuery{"PerRoom", "RoomId=r1"}.str())), 207);
        QCOMPARE(codeOf(call(*m_door, SignedQuery{"PerRoom", "RoomId=r2"}.str())), 0);

        ActionSpec post = action("PerRoomPost", Family::censor, echoBody, MethodStyle::postJson);
        post.roomRatePerSecond = 1;
        registerOrFail(std::move(post));
        QCOMPARE(codeOf(call(*m_door, SignedQuery{"PerRoomPost"}.str(), R"({"RoomId":"r1"})")), 0);
        QCOMPARE(codeOf(call(*m_door, SignedQuery{"PerRoomPost"}.str(), R"({"RoomId":"r1"})")),
                 207);
    }

    void familyThrottleCodes() {
        const std::pair<Family, int> cases[] = {{Family::mix, 110200194},
                                                {Family::mediaService, 30002},
                                                {Family::mediaFile, 6},
                                                {Family::censor, 206}};
        for (const auto& [family, code] : cases) {
            const std::string name = "Limited" + std::to_string(code);
            ActionSpec spec = action(name, family, answerOk);
            spec.ratePerSecond = 1;
            registerOrFail(std::move(spec));
            QCOMPARE(codeOf(call(*m_door, SignedQuery{name}.str())), 0);
            QCOMPARE(codeOf(call(*m_door, SignedQuery{name}.str())), code);
        }
        ActionSpec start = action("StartLike", Family::mix, answerOk);
        start.ratePerSecond = 1;
        start.throttleCode = 110200190;
        registerOrFail(std::move(start));
        QCOMPARE(codeOf(call(*m_door, SignedQuery{"StartLike"}.str())), 0);
        QCOMPARE(codeOf(call(*m_door, SignedQuery{"StartLike"}.str())), 110200190);
    }

    void configuredRateLimitWins() {
        ZegoDoorSettings settings = defaultSettings();
        settings.rateLimits["EchoGet"] = 1;
        m_door->updateSettings(settings);
        QCOMPARE(codeOf(call(*m_door, SignedQuery{"EchoGet"}.str())), 0);
        QCOMPARE(codeOf(call(*m_door, SignedQuery{"EchoGet"}.str())), 206);
    }

    void successMessagePerFamily() {
        const auto media = call(*m_door, SignedQuery{"MediaOk"}.str());
        QCOMPARE(codeOf(media), 0);
        QCOMPARE(media.at("Message").as_string(), "ok");
        QVERIFY(!media.contains("Data"));
        const auto file = call(*m_door, SignedQuery{"MediaFileOk"}.str());
        QCOMPARE(file.at("Message").as_string(), "success");
    }

    void handlerExceptionsBecomeFailureCodes_data() {
        QTest::addColumn<int>("family");
        QTest::addColumn<qint64>("code");
        QTest::newRow("room") << int(Family::room) << qint64(1);
        QTest::newRow("mix") << int(Family::mix) << qint64(110200001);
        QTest::newRow("mediaService") << int(Family::mediaService) << qint64(1);
        QTest::newRow("mediaFile") << int(Family::mediaFile) << qint64(1000);
        QTest::newRow("censor") << int(Family::censor) << qint64(1);
    }
    void handlerExceptionsBecomeFailureCodes() {
        QFETCH(int, family);
        QFETCH(qint64, code);
        registerOrFail(action("Throws", Family(family),
                              [](auto, ZegoResponder) { throw std::runtime_error("boom"); }));
        registerOrFail(action("ThrowsInt", Family(family), [](auto, ZegoResponder) { throw 42; }));
        QCOMPARE(codeOf(call(*m_door, SignedQuery{"Throws"}.str())), code);
        QCOMPARE(codeOf(call(*m_door, SignedQuery{"ThrowsInt"}.str())), code);
    }

    void answerBeforeThrowWins() {
        registerOrFail(action("AnswersThenThrows", Family::room, [](auto, ZegoResponder r) {
            r.reply({0, {}, std::nullopt});
            throw std::runtime_error("late");
        }));
        ReplyCatcher catcher;
        m_door->handle(makeCall(SignedQuery{"AnswersThenThrows"}.str()), catcher.sink());
        QCOMPARE(catcher.count(), std::size_t{1});
        QCOMPARE(codeOf(catcher.envelope()), 0);
    }

    void onlyTheFirstAnswerCounts() {
        registerOrFail(action("Twice", Family::room, [](auto, ZegoResponder r) {
            r.reply({0, {}, std::nullopt});
            r.reply({1, "second", std::nullopt});
        }));
        ReplyCatcher catcher;
        m_door->handle(makeCall(SignedQuery{"Twice"}.str()), catcher.sink());
        QCOMPARE(catcher.count(), std::size_t{1});
        QCOMPARE(codeOf(catcher.envelope()), 0);
    }

    void droppedResponderStillAnswers() {
        registerOrFail(action("Silent", Family::mix, [](auto, ZegoResponder) {}));
        const auto envelope = call(*m_door, SignedQuery{"Silent"}.str());
        QCOMPARE(codeOf(envelope), 110200001);
    }

    void asyncAnswerFromAnotherThread() {
        auto release = std::make_shared<std::promise<void>>();
        std::shared_future<void> go = release->get_future().share();
        registerOrFail(action("Async", Family::room, [this, go](auto request, ZegoResponder r) {
            m_threads.emplace_back([go, request, r] {
                go.wait();
                r.reply({0, {}, boost::json::value(request->requestId)});
            });
        }));
        ReplyCatcher catcher;
        m_door->handle(makeCall(SignedQuery{"Async"}.str()), catcher.sink());
        QCOMPARE(catcher.count(), std::size_t{0});  // handle() returned without waiting
        release->set_value();
        QVERIFY(catcher.waitForReply());
        const auto envelope = catcher.envelope();
        QCOMPARE(codeOf(envelope), 0);
        QCOMPARE(envelope.at("Data").as_string(), envelope.at("RequestId").as_string());
    }

    void concurrentCalls() {
        std::mutex mutex;
        std::set<std::string> requestIds;
        std::atomic<int> ok{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&] {
                for (int i = 0; i < 200; ++i) {
                    const auto envelope = call(*m_door, SignedQuery{"EchoGet"}.str());
                    if (codeOf(envelope) == 0) {
                        ++ok;
                    }
                    const std::lock_guard lock(mutex);
                    requestIds.insert(std::string(envelope.at("RequestId").as_string()));
                }
            });
        }
        for (auto& thread : threads) {
            thread.join();
        }
        QCOMPARE(ok.load(), 800);
        QCOMPARE(requestIds.size(), std::size_t{800});
    }

    void registration() {
        QCOMPARE(m_door->registerAction(action("EchoGet", Family::room, answerOk)),
                 std::optional(RegisterError::duplicateName));
        QCOMPARE(m_door->registerAction(action("", Family::room, answerOk)),
                 std::optional(RegisterError::emptyName));
        QCOMPARE(m_door->registerAction(action("NoHandler", Family::room, nullptr)),
                 std::optional(RegisterError::missingHandler));
        QCOMPARE(m_door->actionNames(),
                 (std::vector<std::string>{"EchoGet", "EchoPost", "EchoPostRoom", "MediaFileOk",
                                           "MediaOk"}));
    }
};

QTEST_APPLESS_MAIN(ZegoDoorTest)
#include "zego_door_test.moc"
