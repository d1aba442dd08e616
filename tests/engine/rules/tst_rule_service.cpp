// The rule service without sockets: a ManualClock, a real SQLite file and an enforcer that
// records what it is told. User rule types and privileges, validation, replace, limits,
// expiry and purge, stream rules withholding tracks, RTC and CDN bans, the feature switch,
// and a restart that reopens the same database.

#include <QTemporaryDir>
#include <QTest>

#include "core/log.h"
#include "service/rules/rule_service.h"

using namespace regie;
using namespace regie::service::rules;

namespace {

class RecordingEnforcer final : public RuleEnforcer {
public:
    void withhold(const std::string& app, const std::string& streamId,
                  media::WithheldTracks tracks) override {
        withheld[app + "/" + streamId] = tracks;
    }
    void cutPublisher(const std::string& app, const std::string& streamId) override {
        cut.push_back(app + "/" + streamId);
    }
    std::map<std::string, media::WithheldTracks> withheld;
    std::vector<std::string> cut;
};

UserAction login(std::string ip, std::string room, std::string user) {
    return {UserPrivilege::login, std::move(ip), std::move(room), std::move(user)};
}

UserAction publish(std::string ip, std::string room, std::string user) {
    return {UserPrivilege::publish, std::move(ip), std::move(room), std::move(user)};
}

template <typename T>
bool failsWith(const RuleResult<T>& result, RuleError error) {
    const auto* failure = std::get_if<RuleFailure>(&result);
    return failure != nullptr && failure->error == error;
}

bool failsWith(const RuleStatus& status, RuleError error) {
    return status && status->error == error;
}

}  // namespace

class TestRuleService : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    core::ManualClock m_clock;
    core::Logger m_log;
    RecordingEnforcer m_enforcer;
    std::unique_ptr<core::Store> m_store;
    std::unique_ptr<RuleService> m_rules;
    std::vector<RuleChange> m_changes;

    void open(RuleSettings settings = {}) {
        m_rules.reset();
        m_store.reset();
        auto store = core::Store::open(m_dir.filePath("rules.db").toStdString());
        QVERIFY(store.ok());
        m_store = std::move(store.value());
        auto rules = RuleService::open(*m_store, m_clock, m_enforcer, m_log, std::move(settings));
        QVERIFY(rules.ok());
        m_rules = std::move(rules.value());
        m_rules->setListener([this](const RuleChange& c) { m_changes.push_back(c); });
    }

    std::int64_t setUser(UserRuleKey key, std::vector<int> privileges, std::int64_t seconds) {
        auto result = m_rules->setUserRule({std::move(key), std::move(privileges), seconds});
        return std::holds_alternative<std::int64_t>(result) ? std::get<std::int64_t>(result) : -1;
    }

private slots:
    void init() {
        QVERIFY(m_dir.isValid());
        QFile::remove(m_dir.filePath("rules.db"));
        m_clock.setUnixSeconds(1'700'000'000);
        m_enforcer = {};
        m_changes.clear();
        open();
    }

    void eachRuleTypeBansItsKeyForItsPrivileges() {
        QCOMPARE(setUser({1, "10.0.0.1", "ignored", "ignored"}, {1}, 60), 1'700'000'060);
        QVERIFY(m_rules->refusal(login("10.0.0.1", "any-room", "u")));
        QVERIFY(!m_rules->refusal(publish("10.0.0.1", "any-room", "u")));
        QVERIFY(!m_rules->refusal(login("10.0.0.2", "any-room", "u")));

        QVERIFY(setUser({2, "", "room2", ""}, {1}, 60) > 0);
        QVERIFY(m_rules->refusal(login("10.0.0.9", "room2", "anyone")));
        QVERIFY(!m_rules->refusal(login("10.0.0.9", "room3", "anyone")));

        QVERIFY(setUser({3, "", "", "u3"}, {2}, 60) > 0);
        QVERIFY(!m_rules->refusal(login("10.0.0.9", "room3", "u3")));
        QVERIFY(m_rules->refusal(publish("10.0.0.9", "room3", "u3")));
        QVERIFY(m_rules->refusal(publish("10.0.0.9", "room4", "u3")));

        QVERIFY(setUser({4, "", "room4", "u4"}, {2}, 60) > 0);
        QVERIFY(!m_rules->refusal(login("10.0.0.9", "room4", "u4")));
        QVERIFY(m_rules->refusal(publish("10.0.0.9", "room4", "u4")));
        QVERIFY(!m_rules->refusal(publish("10.0.0.9", "room5", "u4")));
        QVERIFY(!m_rules->refusal(publish("10.0.0.9", "room4", "other")));

        auto listed = std::get<std::vector<UserRule>>(m_rules->userRules(1));
        QCOMPARE(listed.size(), std::size_t(1));
        QCOMPARE(listed[0].key, (UserRuleKey{1, "10.0.0.1", "", ""}));
        QCOMPARE(m_changes.size(), std::size_t(4));
        QCOMPARE(m_changes[0].action, ChangeAction::set);
    }

    void badInputChangesNothing() {
        QVERIFY(
            failsWith(m_rules->setUserRule({{1, "", "", ""}, {1}, 60}), RuleError::invalidInput));
        QVERIFY(failsWith(m_rules->setUserRule({{1, "not-an-ip", "", ""}, {1}, 60}),
                          RuleError::invalidInput));
        QVERIFY(
            failsWith(m_rules->setUserRule({{4, "", "r", ""}, {1}, 60}), RuleError::invalidInput));
        QVERIFY(
            failsWith(m_rules->setUserRule({{5, "", "r", "u"}, {1}, 60}), RuleError::invalidInput));
        QVERIFY(
            failsWith(m_rules->setUserRule({{2, "", "r", ""}, {3}, 60}), RuleError::invalidInput));
        QVERIFY(
            failsWith(m_rules->setUserRule({{2, "", "r", ""}, {}, 60}), RuleError::invalidInput));
        QVERIFY(
            failsWith(m_rules->setUserRule({{2, "", "r", ""}, {1}, 0}), RuleError::invalidInput));
        QVERIFY(failsWith(m_rules->setUserRule({{2, "", "r", ""}, {1}, 86401}),
                          RuleError::invalidInput));
        QVERIFY(failsWith(m_rules->userRules(0), RuleError::invalidInput));
        QVERIFY(failsWith(m_rules->setStreamRule({"r", "s", 0, 0, {}}), RuleError::invalidInput));
        QVERIFY(failsWith(m_rules->setStreamRule({"r", "s", 2, 0, {}}), RuleError::invalidInput));
        QVERIFY(failsWith(m_rules->setStreamRule({"", "s", 1, 0, {}}), RuleError::invalidInput));
        QVERIFY(failsWith(m_rules->setStreamRule({"r", std::string(257, 's'), 1, 0, {}}),
                          RuleError::invalidInput));
        QVERIFY(failsWith(m_rules->setStreamRule({"r", "s", 1, 0, 0}), RuleError::invalidInput));
        QVERIFY(failsWith(m_rules->streamRules("r", {}), RuleError::invalidInput));
        QVERIFY(failsWith(m_rules->streamRules("r", std::vector<std::string>(11, "s")),
                          RuleError::invalidInput));
        QVERIFY(failsWith(m_rules->forbidCdn("s", m_clock.unixSeconds()), RuleError::invalidInput));
        QVERIFY(m_changes.empty());
        QVERIFY(m_rules->snapshot().userRules.empty());
        QVERIFY(m_rules->snapshot().streamRules.empty());
    }

    void settingTheSameKeyReplacesTheRule() {
        QVERIFY(setUser({3, "", "", "u"}, {1, 2, 2}, 60) > 0);
        m_clock.advance(std::chrono::seconds(10));
        QCOMPARE(setUser({3, "", "", "u"}, {2}, 100), 1'700'000'110);
        auto listed = std::get<std::vector<UserRule>>(m_rules->userRules(3));
        QCOMPARE(listed.size(), std::size_t(1));
        QCOMPARE(listed[0].privileges, std::vector<int>{2});
        QCOMPARE(listed[0].createTime, 1'700'000'010);
        QVERIFY(!m_rules->refusal(login("", "r", "u")));
    }

    void limitsCountOnlyRulesInForce() {
        for (int i = 0; i < 100; ++i) {
            QVERIFY(setUser({1, "10.1.0." + std::to_string(i), "", ""}, {1}, 10 + i) > 0);
        }
        QVERIFY(failsWith(m_rules->setUserRule({{1, "10.2.0.1", "", ""}, {1}, 60}),
                          RuleError::tooManyRules));
        // Replacing a rule in force does not add one.
        QVERIFY(setUser({1, "10.1.0.5", "", ""}, {1, 2}, 60) > 0);
        // Other types have their own limit.
        QVERIFY(setUser({2, "", "r", ""}, {1}, 60) > 0);
        m_clock.advance(std::chrono::seconds(10));  // the rule of 10.1.0.0 expired
        QVERIFY(setUser({1, "10.2.0.1", "", ""}, {1}, 60) > 0);
        QVERIFY(failsWith(m_rules->setUserRule({{1, "10.2.0.2", "", ""}, {1}, 60}),
                          RuleError::tooManyRules));
        QCOMPARE(RuleService::maxEffectiveUserRules(2), std::size_t(200));
    }

    void expiredRulesStayListedUntilPurged() {
        QVERIFY(setUser({2, "", "r", ""}, {1}, 60) > 0);
        m_changes.clear();
        m_clock.advance(std::chrono::seconds(60));
        QVERIFY(!m_rules->refusal(login("", "r", "")));
        QCOMPARE(std::get<std::vector<UserRule>>(m_rules->userRules(2)).size(), std::size_t(1));
        m_rules->sweep();
        m_rules->sweep();
        QCOMPARE(m_changes.size(), std::size_t(1));
        QCOMPARE(m_changes[0].action, ChangeAction::expired);

        open();  // an expired rule is not announced again after a restart
        m_rules->sweep();
        QCOMPARE(m_changes.size(), std::size_t(1));
        QCOMPARE(std::get<std::vector<UserRule>>(m_rules->userRules(2)).size(), std::size_t(1));

        m_clock.advance(std::chrono::seconds(RuleService::kPurgeAfterSeconds + 1));
        m_rules->sweep();
        QVERIFY(std::get<std::vector<UserRule>>(m_rules->userRules(2)).empty());
        open();
        QVERIFY(std::get<std::vector<UserRule>>(m_rules->userRules(2)).empty());
    }

    void deletingNeedsAnExistingRule() {
        QVERIFY(failsWith(m_rules->deleteUserRule({2, "", "nope", ""}), RuleError::notFound));
        QVERIFY(setUser({4, "", "r", "u"}, {2}, 60) > 0);
        QVERIFY(!m_rules->deleteUserRule({4, "ignored", "r", "u"}));
        QVERIFY(!m_rules->refusal(publish("", "r", "u")));
        QCOMPARE(m_changes.back().action, ChangeAction::deleted);
    }

    void switchedOffTheUserAndStreamRulesAnswerNotEnabled() {
        QVERIFY(setUser({3, "", "", "u"}, {1}, 60) > 0);
        open({false, "live"});
        QVERIFY(!m_rules->userAndStreamRulesEnabled());
        QVERIFY(failsWith(m_rules->setUserRule({{3, "", "", "v"}, {1}, 60}),
                          RuleError::featureDisabled));
        QVERIFY(failsWith(m_rules->userRules(3), RuleError::featureDisabled));
        QVERIFY(
            failsWith(m_rules->setStreamRule({"r", "s", 1, 0, {}}), RuleError::featureDisabled));
        QVERIFY(m_rules->refusal(login("", "", "u")));  // rules already set still hold
        QVERIFY(!m_rules->forbidRtc({"s"}));            // RTC bans are not part of the switch
    }

    void streamRulesWithholdTracksUntilDeletedOrExpired() {
        QVERIFY(!m_rules->setStreamRule({"room1", "s1", 0, 1, {}}));
        QCOMPARE(m_enforcer.withheld["live/s1"], (media::WithheldTracks{false, true}));
        QCOMPARE(m_rules->withheldTracks("live", "s1"), (media::WithheldTracks{false, true}));
        QCOMPARE(m_rules->withheldTracks("other", "s1"), media::WithheldTracks{});
        auto described = std::get<std::vector<std::optional<StreamRule>>>(
            m_rules->streamRules("room1", {"s1", "unknown"}));
        QVERIFY(described[0] && !described[0]->disableAudio && described[0]->disableVideo);
        QCOMPARE(described[0]->expireTime - described[0]->createTime,
                 RuleService::kDefaultStreamRuleSeconds);
        QVERIFY(!described[1]);
        QVERIFY(!std::get<std::vector<std::optional<StreamRule>>>(
            m_rules->streamRules("room2", {"s1"}))[0]);

        QVERIFY(!m_rules->deleteStreamRule("room1", "s1"));
        QCOMPARE(m_enforcer.withheld["live/s1"], media::WithheldTracks{});
        QVERIFY(!m_rules->deleteStreamRule("room1", "s1"));  // not an error

        QVERIFY(!m_rules->setStreamRule({"room1", "s2", 1, 1, 999999}));
        auto clamped = std::get<std::vector<std::optional<StreamRule>>>(
            m_rules->streamRules("room1", {"s2"}))[0];
        QCOMPARE(clamped->expireTime - clamped->createTime, RuleService::kMaxStreamRuleSeconds);
        QVERIFY(!m_rules->setStreamRule({"room1", "s2", 1, 0, 30}));  // replaces: audio only
        QCOMPARE(m_enforcer.withheld["live/s2"], (media::WithheldTracks{true, false}));
        m_clock.advance(std::chrono::seconds(30));
        m_rules->sweep();
        QCOMPARE(m_enforcer.withheld["live/s2"], media::WithheldTracks{});
        QCOMPARE(m_changes.back().action, ChangeAction::expired);
        // Expired rules are still described until purged.
        QVERIFY(std::get<std::vector<std::optional<StreamRule>>>(
            m_rules->streamRules("room1", {"s2"}))[0]);
    }

    void streamRulesHoldInTheirRoomOrForStreamsInNoRoom() {
        std::map<std::string, std::string> roomOf{{"in1", "room1"}, {"in2", "room2"}};
        m_rules->setStreamRoomLookup([&](const std::string& id) -> std::optional<std::string> {
            auto it = roomOf.find(id);
            return it == roomOf.end() ? std::nullopt : std::optional(it->second);
        });
        for (const char* id : {"in1", "in2", "loose"}) {
            QVERIFY(!m_rules->setStreamRule({"room1", id, 1, 0, {}}));
        }
        QCOMPARE(m_rules->withheldTracks("live", "in1"), (media::WithheldTracks{true, false}));
        QCOMPARE(m_rules->withheldTracks("live", "in2"), media::WithheldTracks{});
        QCOMPARE(m_enforcer.withheld["live/in2"], media::WithheldTracks{});
        QCOMPARE(m_rules->withheldTracks("live", "loose"), (media::WithheldTracks{true, false}));
    }

    void rtcBansCutThePublisherAndRefuseUntilResumed() {
        QVERIFY(!m_rules->forbidRtc({"a", "b"}));
        QCOMPARE(m_enforcer.cut, (std::vector<std::string>{"live/a", "live/b"}));
        QVERIFY(m_rules->publishRefusal("live", "a"));
        QVERIFY(!m_rules->publishRefusal("other", "a"));
        m_clock.advance(std::chrono::hours(24 * 365));
        QVERIFY(m_rules->publishRefusal("live", "b"));  // no expiry
        QVERIFY(!m_rules->resumeRtc({"a", "never-banned"}));
        QVERIFY(!m_rules->publishRefusal("live", "a"));
        QCOMPARE(m_changes.back().action, ChangeAction::resumed);

        std::optional<media::AccessVerdict> verdict;
        media::AccessRequest request;
        request.key = {"__defaultVhost__", "live", "b"};
        m_rules->publishCheck()(request, [&](media::AccessVerdict v) { verdict = v; });
        QVERIFY(verdict && verdict->refusal);
    }

    void cdnBansLastADayByDefaultAtMostThirtyDays() {
        auto ban = std::get<CdnForbid>(m_rules->forbidCdn("c", std::nullopt));
        QCOMPARE(ban.endTime - ban.startTime, RuleService::kDefaultCdnForbidSeconds);
        QCOMPARE(m_enforcer.cut.back(), std::string("live/c"));
        QVERIFY(m_rules->publishRefusal("live", "c"));
        auto capped =
            std::get<CdnForbid>(m_rules->forbidCdn("d", m_clock.unixSeconds() + 90 * 86400));
        QCOMPARE(capped.endTime - capped.startTime, RuleService::kMaxCdnForbidSeconds);
        QCOMPARE(m_rules->cdnForbiddenNow().size(), std::size_t(2));

        m_clock.advance(std::chrono::seconds(RuleService::kDefaultCdnForbidSeconds));
        QVERIFY(!m_rules->publishRefusal("live", "c"));
        QCOMPARE(m_rules->cdnForbiddenNow().size(), std::size_t(1));
        QCOMPARE(m_rules->snapshot().cdnForbidden.size(), std::size_t(2));  // recently expired
        QVERIFY(!m_rules->resumeCdn("d"));
        QVERIFY(!m_rules->publishRefusal("live", "d"));
        QVERIFY(!m_rules->resumeCdn("not-banned"));
    }

    void everyRuleSurvivesARestart() {
        QVERIFY(setUser({1, "192.0.2.1", "", ""}, {1, 2}, 3600) > 0);
        QVERIFY(setUser({4, "", "r|x", "u\"y"}, {2}, 3600) > 0);
        QVERIFY(!m_rules->setStreamRule({"room", "s", 1, 1, 600}));
        QVERIFY(!m_rules->forbidRtc({"rtc1"}));
        QVERIFY(std::holds_alternative<CdnForbid>(m_rules->forbidCdn("cdn1", std::nullopt)));
        const auto before = m_rules->snapshot();

        open();
        const auto after = m_rules->snapshot();
        QCOMPARE(after.userRules.size(), before.userRules.size());
        QCOMPARE(after.userRules.size(), std::size_t(2));
        QVERIFY(m_rules->refusal(publish("192.0.2.1", "", "")));
        QVERIFY(m_rules->refusal(publish("", "r|x", "u\"y")));
        QCOMPARE(m_rules->withheldTracks("live", "s"), (media::WithheldTracks{true, true}));
        QVERIFY(m_rules->publishRefusal("live", "rtc1"));
        QVERIFY(m_rules->publishRefusal("live", "cdn1"));
        QCOMPARE(after.streamRules.at(0).expireTime, before.streamRules.at(0).expireTime);
        QCOMPARE(after.cdnForbidden.at(0).endTime, before.cdnForbidden.at(0).endTime);
        QCOMPARE(after.rtcForbidden.at(0).since, before.rtcForbidden.at(0).since);
    }
};

QTEST_GUILESS_MAIN(TestRuleService)
#include "tst_rule_service.moc"
