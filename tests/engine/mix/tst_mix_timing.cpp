// When a mix uses its inputs, through a real regie-engine: WaitVideoInput=1 keeps the output
// stream away (and mix_start back) until an input's picture arrives, and ends the task with
// mix_stop when none comes within 10 s; RecvBufferLevel holds every input's frames, so a colour
// change of an input reaches the output that much later than without it, sound still heard;
// AlignmentType lines up inputs of one source of which some became 500 ms slower on the way
// (a relay that starts holding them back mid-stream): the flagged ones (1) or all (2).

#include <QElapsedTimer>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <algorithm>
#include <deque>

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
constexpr const char* kTone = "sine=frequency=440:sample_rate=44100";

// `inputs` side by side, each kWidth x kHeight, on a green canvas.
QJsonObject startBody(const QString& task, const QStringList& inputs, const QString& output) {
    QJsonArray mixInputs;
    for (int i = 0; i < inputs.size(); ++i) {
        mixInputs.append(QJsonObject{{"StreamId", inputs[i]},
                                     {"RectInfo", QJsonObject{{"Left", i * kWidth},
                                                              {"Top", 0},
                                                              {"Right", (i + 1) * kWidth},
                                                              {"Bottom", kHeight}}}});
    }
    return {
        {"TaskId", task},
        {"UserId", "owner-1"},
        {"BackGroundColorHex", "0x00FF0000"},
        {"MixInput", mixInputs},
        {"MixOutput", QJsonArray{QJsonObject{{"StreamId", output},
                                             {"Width", static_cast<int>(inputs.size()) * kWidth},
                                             {"Height", kHeight},
                                             {"Fps", 25},
                                             {"VideoBitrate", 300000}}}}};
}

// Blue for two seconds, red for two, again and again.
QString blinking() {
    return Publisher::lavfiColor("red", kFormat) + ",drawbox=c=blue:t=fill:enable='lt(mod(t,4),2)'";
}

// Where a colour change is watched: a player's pixel.
struct Probe {
    const Player* player;
    int x;
    int y;
};

// The times (ms of `clock`) at which each probe first shows `to`, watched from the moment all
// of them show `from`; -1 for a probe that did not within `timeoutMs`.
QList<qint64> changeTimes(const QList<Probe>& probes, Yuv from, Yuv to, const QElapsedTimer& clock,
                          int timeoutMs) {
    QList<qint64> at(probes.size(), -1);
    const qint64 deadline = clock.elapsed() + timeoutMs;
    bool watching = false;
    while (clock.elapsed() < deadline && at.contains(-1)) {
        QTest::qWait(5);
        if (!watching) {
            watching = std::all_of(probes.begin(), probes.end(),
                                   [&](const Probe& p) { return p.player->shows(p.x, p.y, from); });
            continue;
        }
        for (int i = 0; i < probes.size(); ++i) {
            if (at[i] < 0 && probes[i].player->shows(probes[i].x, probes[i].y, to)) {
                at[i] = clock.elapsed();
            }
        }
    }
    return at;
}

// Each probe's times of three changes from red to blue, by change; fails the test on a miss.
QList<QList<qint64>> threeChanges(const QList<Probe>& probes) {
    QList<QList<qint64>> changes;
    QElapsedTimer clock;
    clock.start();
    for (int change = 0; change < 3; ++change) {
        changes << changeTimes(probes, kRed, kBlue, clock, 8000);
        if (changes.last().contains(-1)) {
            return {};
        }
    }
    return changes;
}

// The median over three changes of how much later probe `later` changed than probe `first`.
qint64 medianLag(const QList<QList<qint64>>& changes, int first, int later) {
    QList<qint64> lags;
    for (const auto& at : changes) {
        lags << at[later] - at[first];
    }
    std::sort(lags.begin(), lags.end());
    return lags[1];
}

// A TCP relay to the engine's RTMP port: what publishers send through it passes at once, or,
// after setDelay(), that much later (a path that became slower mid-stream). Runs on the test's
// thread, served while the test waits.
class SlowingRelay {
public:
    explicit SlowingRelay(quint16 target) : m_target(target) {
        QObject::connect(&m_server, &QTcpServer::newConnection, [this] { accept(); });
        QObject::connect(&m_tick, &QTimer::timeout, [this] { release(); });
        m_clock.start();
        m_tick.start(1);
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    quint16 port() const { return m_server.serverPort(); }
    void setDelay(int ms) { m_delayMs = ms; }

private:
    struct Pending {
        qint64 dueMs;
        QPointer<QTcpSocket> to;
        QByteArray data;
    };

    void accept() {
        while (QTcpSocket* in = m_server.nextPendingConnection()) {
            auto* out = new QTcpSocket(in);
            out->connectToHost(QHostAddress::LocalHost, m_target);
            if (!out->waitForConnected(2000)) {
                in->abort();
                continue;
            }
            QObject::connect(in, &QTcpSocket::readyRead, [this, in, out] {
                m_pending.push_back({m_clock.elapsed() + m_delayMs, out, in->readAll()});
                release();
            });
            QObject::connect(out, &QTcpSocket::readyRead, [in, out] { in->write(out->readAll()); });
            QObject::connect(in, &QTcpSocket::disconnected, out, &QTcpSocket::disconnectFromHost);
            QObject::connect(out, &QTcpSocket::disconnected, in, &QTcpSocket::disconnectFromHost);
        }
    }
    void release() {
        while (!m_pending.empty() && m_pending.front().dueMs <= m_clock.elapsed()) {
            if (m_pending.front().to) {
                m_pending.front().to->write(m_pending.front().data);
            }
            m_pending.pop_front();
        }
    }

    quint16 m_target;
    QTcpServer m_server;
    QTimer m_tick;
    QElapsedTimer m_clock;
    int m_delayMs = 0;
    std::deque<Pending> m_pending;
};

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
        QJsonObject body = startBody("task-wait", {"waitin"}, "waitout");
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
        QJsonObject body = startBody("task-novideo", {"nobody"}, "novideoout");
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
        Publisher source({m_engine->rtmpUrl("blink")}, blinking(), kTone);
        QVERIFY(QTest::qWaitFor([&] { return m_engine->online("blink"); }, 10000));
        QCOMPARE(code(m_engine->post("StartMix", startBody("task-direct", {"blink"}, "direct"))),
                 0);
        QJsonObject buffered = startBody("task-buffered", {"blink"}, "buffered");
        buffered["RecvBufferLevel"] = 1000;
        QCOMPARE(code(m_engine->post("StartMix", buffered)), 0);
        QVERIFY(QTest::qWaitFor(
            [&] { return m_engine->online("direct") && m_engine->online("buffered"); }, 5000));

        Player input(m_engine->flvUrl("blink"), kWidth, kHeight);
        Player direct(m_engine->flvUrl("direct"), kWidth, kHeight);
        Player delayed(m_engine->flvUrl("buffered"), kWidth, kHeight);
        const int x = kWidth / 2;
        const int y = kHeight / 2;
        const auto changes = threeChanges({{&input, x, y}, {&direct, x, y}, {&delayed, x, y}});
        QVERIFY2(!changes.isEmpty(), qPrintable(delayed.describe(x, y)));
        const qint64 mixLag = medianLag(changes, 0, 1);
        const qint64 bufferLag = medianLag(changes, 1, 2);
        const QString lags = QString("mix %1 ms, buffer %2 ms (medians of three changes)")
                                 .arg(mixLag)
                                 .arg(bufferLag);
        qInfo().noquote() << lags;
        QVERIFY2(mixLag < 600, qPrintable(lags));
        QVERIFY2(bufferLag >= 800 && bufferLag < 1600, qPrintable(lags));
        // The sound is held as long, not lost.
        QVERIFY(meanVolume(m_engine->flvUrl("buffered")) > -35);
        for (const char* task : {"task-direct", "task-buffered"}) {
            QCOMPARE(code(m_engine->post("StopMix", QJsonObject{{"TaskId", task}})), 0);
        }
    }

    void alignmentLinesUpInputsThatGotSlower() {
        SlowingRelay relay(static_cast<quint16>(QUrl(m_engine->rtmpUrl("x")).port()));
        QVERIFY(relay.listen());
        const QString viaRelay = QString("rtmp://127.0.0.1:%1/live/").arg(relay.port());
        // One source, so the three share timestamps and pictures: `fast` straight in, `flagged`
        // (alignment=1) and `plain` through the relay.
        Publisher source(
            {m_engine->rtmpUrl("fast"), viaRelay + "flagged?alignment=1", viaRelay + "plain"},
            blinking(), kTone);
        QVERIFY(QTest::qWaitFor(
            [&] {
                return m_engine->online("fast") && m_engine->online("flagged") &&
                       m_engine->online("plain");
            },
            10000));
        std::vector<std::unique_ptr<Player>> players;
        for (int type = 0; type <= 2; ++type) {
            const QString output = QString("aligned%1").arg(type);
            QJsonObject body =
                startBody(QString("task-align%1").arg(type), {"fast", "flagged", "plain"}, output);
            body["AlignmentType"] = type;
            body["RecvBufferLevel"] = 1000;
            QCOMPARE(code(m_engine->post("StartMix", body)), 0);
            players.push_back(
                std::make_unique<Player>(m_engine->flvUrl(output), 3 * kWidth, kHeight));
        }
        // The tasks have seen the three arrive together; now two of them come 500 ms later.
        QTest::qWait(3000);
        relay.setDelay(500);
        QTest::qWait(2000);

        QList<Probe> probes;
        for (const auto& player : players) {
            for (int input = 0; input < 3; ++input) {
                probes.append({player.get(), input * kWidth + kWidth / 2, kHeight / 2});
            }
        }
        const auto changes = threeChanges(probes);
        QVERIFY2(!changes.isEmpty(), qPrintable(players[2]->describe(kWidth / 2, kHeight / 2)));
        QList<qint64> lags;  // per AlignmentType: flagged and plain behind fast
        for (int type = 0; type <= 2; ++type) {
            lags << medianLag(changes, type * 3, type * 3 + 1)
                 << medianLag(changes, type * 3, type * 3 + 2);
        }
        const QString seen = QString(
                                 "behind the fast input (flagged, plain) with AlignmentType "
                                 "0: %1 %2, 1: %3 %4, 2: %5 %6 ms")
                                 .arg(lags[0])
                                 .arg(lags[1])
                                 .arg(lags[2])
                                 .arg(lags[3])
                                 .arg(lags[4])
                                 .arg(lags[5]);
        qInfo().noquote() << seen;
        const auto behind = [](qint64 lag) { return lag >= 350 && lag < 800; };
        const auto together = [](qint64 lag) { return std::abs(lag) < 200; };
        QVERIFY2(behind(lags[0]) && behind(lags[1]), qPrintable(seen));
        QVERIFY2(together(lags[2]) && behind(lags[3]), qPrintable(seen));
        QVERIFY2(together(lags[4]) && together(lags[5]), qPrintable(seen));
        for (int type = 0; type <= 2; ++type) {
            QCOMPARE(code(m_engine->post(
                         "StopMix", QJsonObject{{"TaskId", QString("task-align%1").arg(type)}})),
                     0);
        }
    }
};

QTEST_GUILESS_MAIN(TestMixTiming)
#include "tst_mix_timing.moc"
