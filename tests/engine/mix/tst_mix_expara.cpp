// StartMix's ExPara through a real regie-engine with ownership checked (mixOwnerCheck=1):
// sei_mode 1 puts the UserData SEI on every frame of the pulled output; mixowner_userid names
// users who may update and stop the task with its owner. ExPara is fixed for the task's life,
// across a restart too.

#include <QTest>

#include "mix_engine_client.h"
#include "mix_media.h"
#include "sei_reader.h"

using regie::test::MixEngineClient;
using regie::test::readSei;
using regie::test::SeenSei;
using regie::test::mix::Publisher;

namespace {

QJsonObject body(const QString& user, int sequence, const QString& coOwners) {
    return {
        {"TaskId", "task-expara"},
        {"UserId", user},
        {"Sequence", sequence},
        {"UserData", QString::fromLatin1(QByteArray("every frame").toBase64())},
        {"ExPara", QJsonArray{QJsonObject{{"Key", "sei_mode"}, {"Value", "1"}},
                              QJsonObject{{"Key", "mixowner_userid"}, {"Value", coOwners}}}},
        {"MixInput",
         QJsonArray{QJsonObject{
             {"StreamId", "exparain"},
             {"RectInfo", QJsonObject{{"Left", 0}, {"Top", 0}, {"Right", 160}, {"Bottom", 120}}}}}},
        {"MixOutput", QJsonArray{QJsonObject{{"StreamId", "exparaout"},
                                             {"Width", 160},
                                             {"Height", 120},
                                             {"Fps", 15},
                                             {"VideoBitrate", 200000}}}}};
}

}  // namespace

class TestMixExPara : public QObject {
    Q_OBJECT

    std::unique_ptr<MixEngineClient> m_engine;
    std::unique_ptr<Publisher> m_input;

    int post(const QByteArray& action, const QJsonObject& b) {
        return MixEngineClient::code(m_engine->post(action, b));
    }

private slots:
    void initTestCase() {
        m_engine = std::make_unique<MixEngineClient>("[zego]\nmixOwnerCheck=1\n");
        QVERIFY2(m_engine->start(), qPrintable(m_engine->process().output()));
        m_input = std::make_unique<Publisher>("red", 440, m_engine->rtmpUrl("exparain"),
                                              "160x120:15:44100");
        QVERIFY(QTest::qWaitFor([&] { return m_engine->online("exparain"); }, 10000));
    }

    void cleanup() {
        if (QTest::currentTestFailed()) {
            qWarning().noquote() << "engine output:\n" << m_engine->process().output();
        }
    }

    void malformedExParaIsRefused() {
        auto bad = body("owner-1", 1, "[\"456\"]");
        bad["ExPara"] = QJsonArray{QJsonObject{{"Key", "sei_mode"}, {"Value", "2"}}};
        QCOMPARE(post("StartMix", bad), 110200172);
        QCOMPARE(post("StartMix", body("owner-1", 1, "456")), 110200172);
        QVERIFY(!m_engine->online("exparaout"));
    }

    void seiModeOnePutsUserDataOnEveryFrame() {
        QCOMPARE(post("StartMix", body("owner-1", 1, "[\"456\"]")), 0);
        QVERIFY(QTest::qWaitFor([&] { return m_engine->online("exparaout"); }, 5000));
        const SeenSei seen = readSei(m_engine->flvUrl("exparaout"), 3);
        QVERIFY2(seen.frames > 20, qPrintable(QString::number(seen.frames)));
        QVERIFY2(seen.userData.size() >= seen.frames - 1,
                 qPrintable(QString("%1 of %2").arg(seen.userData.size()).arg(seen.frames)));
        QCOMPARE(seen.userData.last(), QByteArray("every frame"));
    }

    void coOwnersMayUpdateTheTask() {
        QCOMPARE(post("StartMix", body("789", 2, "[\"789\"]")), 110200160);
        // 456 may; its own ExPara is ignored (it is fixed), so 789 still may not.
        QCOMPARE(post("StartMix", body("456", 3, "[\"789\"]")), 0);
        QCOMPARE(post("StartMix", body("789", 4, "[\"789\"]")), 110200160);
    }

    void coOwnersComeBackAfterARestart() {
        QVERIFY(m_engine->process().terminate());
        QVERIFY2(m_engine->start(), qPrintable(m_engine->process().output()));
        m_input = std::make_unique<Publisher>("red", 440, m_engine->rtmpUrl("exparain"),
                                              "160x120:15:44100");
        QVERIFY(QTest::qWaitFor([&] { return m_engine->online("exparaout"); }, 10000));
        QCOMPARE(post("StopMix", QJsonObject{{"TaskId", "task-expara"}, {"UserId", "789"}}),
                 110200160);
        QCOMPARE(post("StopMix", QJsonObject{{"TaskId", "task-expara"}, {"UserId", "456"}}), 0);
        QVERIFY(QTest::qWaitFor([&] { return !m_engine->online("exparaout"); }, 5000));
    }
};

QTEST_GUILESS_MAIN(TestMixExPara)
#include "tst_mix_expara.moc"
