// The Rooms and Rules pages' C++ side on the feed's JSON: the room list, the selected room's
// streams following room events, the rule lists (in force apart from expired, remaining time),
// and the rule editor's validation and plain-words descriptions.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "api_client.h"
#include "event_feed.h"
#include "room_detail.h"
#include "room_list_model.h"
#include "rule_editor.h"
#include "rule_list_model.h"

namespace {

QString message(const QString& type, const QString& data) {
    return QStringLiteral(R"({"type":"%1","seq":1,"time":1763712001000,"data":%2})")
        .arg(type, data);
}

constexpr qint64 kNow = 1763712000;

const QString kRules = QStringLiteral(
    R"({"userRules":[)"
    R"({"RuleType":1,"IP":"10.0.0.7","RoomId":"","UserId":"","DisabledPrivilegeList":[1],)"
    R"("CreateTime":1763711000,"ExpireTime":1763711900},)"
    R"({"RuleType":4,"IP":"","RoomId":"r1","UserId":"u1","DisabledPrivilegeList":[1,2],)"
    R"("CreateTime":1763711000,"ExpireTime":1763715600}],)"
    R"("streamRules":[{"RoomId":"r1","StreamId":"s1","DisableAudio":0,"DisableVideo":1,)"
    R"("CreateTime":1763711000,"EffectiveTime":1763712090}],)"
    R"("rtcForbidden":[{"StreamId":"s2","Since":1763711500}],)"
    R"("cdnForbidden":[{"StreamId":"s3","StartTime":"2025-11-19T08:00:00Z",)"
    R"("EndTime":"2025-11-20T08:00:00Z"}]})");

}  // namespace

class TestRoomRuleModels : public QObject {
    Q_OBJECT

private slots:
    void roomListFollowsSnapshots() {
        EventFeed feed;
        RoomListModel rooms(&feed);
        QAbstractItemModelTester tester(&rooms);
        feed.processMessage(message(
            "rooms", R"({"rooms":[{"roomId":"b","userCount":3,"streamCount":1,"createdAt":1},)"
                     R"({"roomId":"a","userCount":2,"streamCount":0,"createdAt":1}]})"));
        QCOMPARE(rooms.rowCount(), 2);
        QCOMPARE(rooms.data(rooms.index(0), RoomListModel::RoomIdRole).toString(), "a");
        QCOMPARE(rooms.userTotal(), 5);
        QSignalSpy resets(&rooms, &QAbstractItemModel::modelReset);
        feed.processMessage(message(
            "rooms", R"({"rooms":[{"roomId":"b","userCount":4,"streamCount":1,"createdAt":1},)"
                     R"({"roomId":"a","userCount":2,"streamCount":0,"createdAt":1}]})"));
        QCOMPARE(resets.count(), 0);  // same rooms: updated in place
        QCOMPARE(rooms.data(rooms.index(1), RoomListModel::UserCountRole).toInt(), 4);
        QCOMPARE(rooms.indexOf("b"), 1);
        feed.processMessage(message("rooms", R"({"rooms":[]})"));
        QCOMPARE(rooms.rowCount(), 0);
    }

    void selectedRoomFollowsStreamEvents() {
        EventFeed feed;
        ApiClient client;  // no engine: the reloads fail, the feed still drives the streams
        RoomDetail room(&client, &feed);
        room.setRoomId("r1");
        feed.processMessage(
            message("room.stream_added",
                    R"({"roomId":"r1","streamId":"s1","userId":"u1","userName":"Ann"})"));
        feed.processMessage(
            message("room.stream_added", R"({"roomId":"r2","streamId":"s9","userId":"u9"})"));
        QCOMPARE(room.streams().size(), 1);
        QCOMPARE(room.streams().first().toMap().value("userName").toString(), "Ann");
        feed.processMessage(message("room.stream_removed", R"({"roomId":"r1","streamId":"s1"})"));
        QVERIFY(room.streams().isEmpty());
    }

    void rulesInForceComeFirstWithRemainingTime() {
        EventFeed feed;
        RuleListModel users(RuleListModel::Kind::user, &feed);
        RuleListModel streams(RuleListModel::Kind::stream, &feed);
        RuleListModel forbids(RuleListModel::Kind::forbid, &feed);
        QAbstractItemModelTester tester(&users);
        for (auto* m : {&users, &streams, &forbids}) {
            m->setClock([] { return kNow; });
        }
        feed.processMessage(message("rules", kRules));

        QCOMPARE(users.rowCount(), 2);
        QCOMPARE(users.inForceCount(), 1);
        auto role = [](RuleListModel& m, int row, int r) { return m.data(m.index(row), r); };
        QCOMPARE(role(users, 0, RuleListModel::TargetRole).toString(), "User u1 in room r1");
        QCOMPARE(role(users, 0, RuleListModel::EffectRole).toString(), "No login, no publishing");
        QCOMPARE(role(users, 0, RuleListModel::RemainingTextRole).toString(), "1 h 0 min left");
        QCOMPARE(role(users, 1, RuleListModel::StateTextRole).toString(), "Expired");
        QCOMPARE(role(users, 1, RuleListModel::RemainingTextRole).toString(),
                 "ended 1 min 40 s ago");
        QCOMPARE(role(users, 1, RuleListModel::FieldsRole).toMap().value("ip").toString(),
                 "10.0.0.7");

        QCOMPARE(role(streams, 0, RuleListModel::EffectRole).toString(), "Video muted");
        QCOMPARE(role(streams, 0, RuleListModel::RemainingTextRole).toString(), "1 min 30 s left");

        QCOMPARE(forbids.rowCount(), 2);
        QCOMPARE(role(forbids, 0, RuleListModel::RemainingTextRole).toString(), "until lifted");
        QCOMPARE(role(forbids, 1, RuleListModel::FieldsRole).toMap().value("kind").toString(),
                 "cdn");
        QVERIFY(!role(forbids, 1, RuleListModel::InForceRole).toBool());  // ended the day before

        QSignalSpy resets(&users, &QAbstractItemModel::modelReset);
        feed.processMessage(message("rules", kRules));
        QCOMPARE(resets.count(), 0);  // a repeated snapshot keeps the view's selection
    }

    void editorValidatesAgainstTheActionLimits() {
        ApiClient client;
        RuleEditor editor(&client);
        QCOMPARE(editor.userRuleProblem(1, "not-an-ip", "", "", true, false, 60),
                 "Enter a valid IP address.");
        QCOMPARE(editor.userRuleProblem(4, "", "r1", "", true, false, 60), "Enter the user id.");
        QCOMPARE(editor.userRuleProblem(2, "", "r1", "", false, false, 60),
                 "Ban login, publishing or both.");
        QCOMPARE(editor.userRuleProblem(3, "", "", "u1", true, false, 86401),
                 "The duration is 1 second to 24 hours.");
        QCOMPARE(editor.userRuleProblem(3, "", "", QString(257, 'x'), true, false, 60),
                 "Ids are at most 256 bytes.");
        QVERIFY(editor.userRuleProblem(1, "192.168.1.9", "", "", true, true, 86400).isEmpty());
        QCOMPARE(editor.streamRuleProblem("r1", "s1", false, false, 60),
                 "Mute audio, video or both.");
        QVERIFY(editor.streamRuleProblem("r1", "s1", false, true, 60).isEmpty());
    }

    void editorSaysWhatARuleWillAndWillNotDo() {
        ApiClient client;
        RuleEditor editor(&client);
        const QString login = editor.describeUserRule(2, "", "r1", "", true, false, 3600);
        QVERIFY2(login.startsWith("Everybody in room r1 cannot log in for 1 h 0 min."),
                 qPrintable(login));
        QVERIFY2(login.contains("already in the room stay"), qPrintable(login));
        const QString publish = editor.describeUserRule(3, "", "", "u1", false, true, 300);
        QVERIFY2(publish.contains("next publish") && publish.contains("stream rule"),
                 qPrintable(publish));
        const QString mute = editor.describeStreamRule("r1", "s1", true, false, 60);
        QVERIFY2(mute.contains("stops receiving its audio at once"), qPrintable(mute));
        QVERIFY(editor.describeUserRule(1, "bad", "", "", true, false, 60).isEmpty());
    }

    void sendingAnInvalidRuleReportsWithoutCalling() {
        ApiClient client;
        RuleEditor editor(&client);
        QSignalSpy done(&editor, &RuleEditor::done);
        editor.setStreamRule("", "s1", true, false, 60);
        QCOMPARE(editor.lastError(), "Enter the room id and the stream id.");
        QCOMPARE(done.count(), 0);
    }
};

QTEST_MAIN(TestRoomRuleModels)
#include "tst_room_rule_models.moc"
