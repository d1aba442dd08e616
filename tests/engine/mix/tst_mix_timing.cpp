// When a mix uses its inputs, through a real regie-engine: WaitVideoInput=1 keeps the output
// stream away (and mix_start back) until an input's picture arrives, and ends the task with
// mix_stop when none comes within 10 s; RecvBufferLevel holds every input's frames, so a colour
// change of an input reaches the output that much later than without it, sound still heard.

#include <QElapsedTimer>
#include <QTest>
#include <algorithm>

#include "hook_receiver.h"
#include "mix_engine_client.h"
#include "mix_media.h"

using regie::test::HookReceiver;
using regie::test::MixEngineClient;
using namespace regie::test::mix;

namespace {

constexpr int kWidth = 160;
constexpr int kHeight = 120;
constexpr const char* kFormat = "160x120:25:44100";

QJsonObject startBody(const QString& task, const QString& input, const QString& output) {
    return {{"TaskId", task},
            {"UserId", "owner-1"},
            {"BackGroundColorHex", "0x00FF0000"},
            {"MixInput",
             QJsonArray{QJsonObject{
                 {"StreamId", input},
                 {"RectInfo",
                  QJsonObject{{"Left", 0}, {"Top", 0}, {"Right", kWidth}, {"Bottom", kHeight}}}}}},
            {"MixOutput", QJsonArray{QJsonObject{{"StreamId", output},
                                                 {"Width", kWidth},
                                                 {"Height", kHeight},
                                                 {"Fps", 25},
                                                 {"VideoBitrate", 300000}}}}};
}

}  // namespace

class TestMixTiming : public QObject {
    Q_OBJECT

    std::unique_ptr<MixEngineClient> m_engine;
    HookReceiver m_hooks;
    QString m_appId;

    int code(const QJsonObject& answer) { return MixEngineClient::code(answer); }
    int taskCode(const QString& task) {
        return code(m_engine->get("GetMixTaskInfo", "TaskId=" + task.toUtf8()));
    }
    int callbacksOf(const QString& event, const QString& task) const {
        const auto all = regie::test::zegoCallbacks(m_hooks, event);
        return static_cast<int>(std::count_if(all.begin(), all.end(), [&](const QJsonObject& c) {
            return c.value("task_id").toString() == m_appId + ":" + task;
        }));
    }

    // The times (ms of `clock`) at which each player first shows `to`, watched from the moment
    // all of them show `from`; -1 for a player that did not within `timeoutMs`.
    static QList<qint64> changeTimes(const QList<Player*>& players, Yuv from, Yuv to,
                                     const QElapsedTimer& clock, int timeoutMs) {
        const auto centre = [](const Player* p, Yuv c) {
            return p->shows(kWidth / 2, kHeight / 2, c);
        };
        QList<qint64> at(players.size(), -1);
        const qint64 deadline = clock.elapsed() + timeoutMs;
        bool watching = false;
        while (clock.elapsed() < deadline && at.contains(-1)) {
            QTest::qWait(5);
            if (!watching) {
                watching = std::all_of(players.begin(), players.end(),
                                       [&](const Player* p) { return centre(p, from); });
                continue;
            }
            for (int i = 0; i < players.size(); ++i) {
                if (at[i] < 0 && centre(players[i], to)) {
                    at[i] = clock.elapsed();
                }
            }
        }
        return at;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_hooks.listenInThread());
        m_engine = std::make_unique<MixEngineClient>("[zego]\ncallbackUrl=" + m_hooks.url("/zego") +
                                                     "\ncallbackSecret=cbsecret\nmixMaxFps=25\n");
        QVERIFY2(m_engine->start(), qPrintable(m_engine->process().output()));
        m_appId = m_engine->process().configValue("zego", "appId");
    }

    void cleanup() {
        if (QTest::currentTestFailed()) {
            qWarning().noquote() << "engine output:\n" << m_engine->process().output();
        }
    }

    void theOutputWaitsForAnInputsVideo() {
        QJsonObject body = startBody("task-wait", "waitin", "waitout");
        body["WaitVideoInput"] = 1;
        QElapsedTimer clock;
        clock.start();
        // The input need not be live: waiting for it is the point.
        QCOMPARE(code(m_engine->post("StartMix", body)), 0);
        QTest::qWait(2000);
        QCOMPARE(taskCode("task-wait"), 0);
        QVERIFY(!m_engine->online("waitout"));
        QCOMPARE(callbacksOf("mix_start", "task-wait"), 0);

        Publisher red("red", 440, m_engine->rtmpUrl("waitin"), kFormat);
        QVERIFY(QTest::qWaitFor([&] { return m_engine->online("waitout"); }, 7000));
        QVERIFY(QTest::qWaitFor([&] { return callbacksOf("mix_start", "task-wait") == 1; }, 5000));
        Player player(m_engine->flvUrl("waitout"), kWidth, kHeight);
        QVERIFY2(
            QTest::qWaitFor([&] { return player.shows(kWidth / 2, kHeight / 2, kRed); }, 10000),
            qPrintable(player.describe(kWidth / 2, kHeight / 2)));
        // Past the 10 s: the started task does not give up.
        QTest::qWait(static_cast<int>(std::max<qint64>(0, 11000 - clock.elapsed())));
        QCOMPARE(taskCode("task-wait"), 0);
        QCOMPARE(code(m_engine->post("StopMix", QJsonObject{{"TaskId", "task-wait"}})), 0);
        QVERIFY(QTest::qWaitFor([&] { return callbacksOf("mix_stop", "task-wait") == 1; }, 5000));
    }

    void withoutVideoTheTaskEndsAfterTenSeconds() {
        QJsonObject body = startBody("task-novideo", "nobody", "novideoout");
        body["WaitVideoInput"] = 1;
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(code(m_engine->post("StartMix", body)), 0);
        bool appeared = false;
        while (taskCode("task-novideo") == 0 && clock.elapsed() < 15000) {
            appeared = appeared || m_engine->online("novideoout");
            QTest::qWait(250);
        }
        const qint64 ended = clock.elapsed();
        QVERIFY2(ended >= 9500 && ended < 13000,
                 qPrintable(QString("ended after %1 ms").arg(ended)));
        QCOMPARE(taskCode("task-novideo"), 110209001);
        QVERIFY(!appeared);
        QVERIFY(!m_engine->online("novideoout"));
        QVERIFY(
            QTest::qWaitFor([&] { return callbacksOf("mix_stop", "task-novideo") == 1; }, 5000));
        QCOMPARE(callbacksOf("mix_start", "task-novideo"), 0);
    }

    void theReceiveBufferDelaysAnInput() {
        // Blue for two seconds, red for two, again and again.
        Publisher blinking(m_engine->rtmpUrl("blink"),
                           Publisher::lavfiColor("red", kFormat) +
                               ",drawbox=c=blue:t=fill:enable='lt(mod(t,4),2)'",
                           "sine=frequency=440:sample_rate=44100");
        QVERIFY(QTest::qWaitFor([&] { return m_engine->online("blink"); }, 10000));
        QCOMPARE(code(m_engine->post("StartMix", startBody("task-direct", "blink", "direct"))), 0);
        QJsonObject buffered = startBody("task-buffered", "blink", "buffered");
        buffered["RecvBufferLevel"] = 1000;
        QCOMPARE(code(m_engine->post("StartMix", buffered)), 0);
        QVERIFY(QTest::qWaitFor(
            [&] { return m_engine->online("direct") && m_engine->online("buffered"); }, 5000));

        Player input(m_engine->flvUrl("blink"), kWidth, kHeight);
        Player direct(m_engine->flvUrl("direct"), kWidth, kHeight);
        Player delayed(m_engine->flvUrl("buffered"), kWidth, kHeight);
        QList<qint64> mixLags;
        QList<qint64> bufferLags;
        QElapsedTimer clock;
        clock.start();
        for (int change = 0; change < 3; ++change) {
            const auto at = changeTimes({&input, &direct, &delayed}, kRed, kBlue, clock, 8000);
            QVERIFY2(!at.contains(-1),
                     qPrintable(QString("%1 %2 %3 / %4")
                                    .arg(at[0])
                                    .arg(at[1])
                                    .arg(at[2])
                                    .arg(delayed.describe(kWidth / 2, kHeight / 2))));
            mixLags << at[1] - at[0];
            bufferLags << at[2] - at[1];
        }
        std::sort(mixLags.begin(), mixLags.end());
        std::sort(bufferLags.begin(), bufferLags.end());
        const QString lags = QString("mix %1 ms, buffer %2 ms (medians of three changes)")
                                 .arg(mixLags[1])
                                 .arg(bufferLags[1]);
        qInfo().noquote() << lags;
        QVERIFY2(mixLags[1] < 600, qPrintable(lags));
        QVERIFY2(bufferLags[1] >= 800 && bufferLags[1] < 1600, qPrintable(lags));
        // The sound is held as long, not lost.
        QVERIFY(meanVolume(m_engine->flvUrl("buffered")) > -35);
        for (const char* task : {"task-direct", "task-buffered"}) {
            QCOMPARE(code(m_engine->post("StopMix", QJsonObject{{"TaskId", task}})), 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestMixTiming)
#include "tst_mix_timing.moc"
