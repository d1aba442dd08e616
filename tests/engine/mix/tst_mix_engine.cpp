// Stream mixing through a real regie-engine: two ffmpeg publishers (solid red and blue, two
// tones) are mixed side by side; an ffmpeg player pulls the output over HTTP-FLV and the test
// samples its pixels at the rectangle centres. Then: a live update swaps the rectangles for
// the same player, an input leaves and comes back, the ZEGO codes for bad requests, StopMix,
// the idle stop, and the mix_start / mix_stop callbacks.

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include "hook_receiver.h"
#include "mix_engine_client.h"
#include "mix_media.h"

using regie::test::HookReceiver;
using regie::test::MixEngineClient;
using namespace regie::test::mix;

namespace {

constexpr int kWidth = 640;
constexpr int kHeight = 240;

QJsonObject rect(int left, int top, int right, int bottom, int layer = 0) {
    return {{"Left", left}, {"Top", top}, {"Right", right}, {"Bottom", bottom}, {"Layer", layer}};
}

QJsonObject output(const QString& id = "mixout") {
    return {
        {"StreamId", id},         {"Width", kWidth}, {"Height", kHeight},     {"Fps", 25},
        {"VideoBitrate", 800000}, {"AudioCodec", 1}, {"AudioBitrate", 64000}, {"SoundChannel", 2}};
}

}  // namespace

class TestMixEngine : public QObject {
    Q_OBJECT

    static int code(const QJsonObject& answer) { return MixEngineClient::code(answer); }
    QList<QJsonObject> callbacks(const QString& event) const {
        return regie::test::zegoCallbacks(m_hooks, event);
    }

    std::unique_ptr<MixEngineClient> m_engine;
    HookReceiver m_hooks;
    QByteArray m_secret;
    QByteArray m_appId;
    std::unique_ptr<Publisher> m_red;
    std::unique_ptr<Publisher> m_blue;
    std::unique_ptr<Player> m_player;

    // The tasks of the feed's first `mixes` snapshot (none within 5 s: empty).
    QJsonArray tasksOnTheFeed() {
        QWebSocket feed;
        QJsonArray tasks;
        bool seen = false;
        connect(&feed, &QWebSocket::textMessageReceived, this, [&](const QString& text) {
            auto event = QJsonDocument::fromJson(text.toUtf8()).object();
            if (!seen && event.value("type").toString() == "mixes") {
                tasks = event.value("data").toObject().value("tasks").toArray();
                seen = true;
            }
        });
        feed.open(QUrl(QString("ws://127.0.0.1:%1/index/events?secret=%2")
                           .arg(m_engine->process().httpPort())
                           .arg(QString::fromUtf8(m_secret))));
        return QTest::qWaitFor([&] { return seen; }, 5000) ? tasks : QJsonArray{};
    }
    QJsonObject startBody(const QString& task, int sequence, const QJsonObject& redRect,
                          const QJsonObject& blueRect) {
        return {{"TaskId", task},
                {"UserId", "owner-1"},
                {"Sequence", sequence},
                {"RoomId", "room-1"},
                {"BackGroundColorHex", "0x00FF0000"},
                {"MixInput",
                 QJsonArray{QJsonObject{{"StreamId", "mixred"}, {"RectInfo", redRect}},
                            QJsonObject{
                                {"StreamId", "mixblue"}, {"RectInfo", blueRect}, {"Volume", 150}}}},
                {"MixOutput", QJsonArray{output()}}};
    }

private slots:
    void initTestCase() {
        QVERIFY(m_hooks.listenInThread());
        m_engine = std::make_unique<MixEngineClient>(
            "[protocol]\ncontinue_push_ms=500\n[zego]\ncallbackUrl=" + m_hooks.url("/zego") +
            "\ncallbackSecret=cbsecret\nmixOwnerCheck=1\nmixMaxFps=25\nmixIdleStopMs=3000\n");
        QVERIFY2(m_engine->start(), qPrintable(m_engine->process().output()));
        m_secret = m_engine->process().secret().toUtf8();
        m_appId = m_engine->process().configValue("zego", "appId").toUtf8();
    }

    void cleanup() {
        if (QTest::currentTestFailed()) {
            qWarning().noquote() << "engine output:\n" << m_engine->process().output();
        }
    }

    void badRequestsGetTheirCodes() {
        QCOMPARE(code(m_engine->postRaw("StartMix", "not json")), 110200002);
        QJsonObject body = startBody("bad", 1, rect(0, 0, 320, 240), rect(320, 0, 640, 240));
        auto with = [&](const QString& key, const QJsonValue& value) {
            QJsonObject b = body;
            b[key] = value;
            return b;
        };
        auto withOutput = [&](const QString& key, const QJsonValue& value) {
            QJsonObject o = output();
            o[key] = value;
            return with("MixOutput", QJsonArray{o});
        };
        QJsonObject noTask = body;
        noTask.remove("TaskId");
        QCOMPARE(code(m_engine->post("StartMix", noTask)), 110200002);
        QJsonArray ten;
        for (int i = 0; i < 10; ++i) {
            ten.append(
                QJsonObject{{"StreamId", QString("in%1").arg(i)}, {"RectInfo", rect(0, 0, 2, 2)}});
        }
        QCOMPARE(code(m_engine->post("StartMix", with("MixInput", ten))), 110200158);
        QJsonArray five;
        for (int i = 0; i < 5; ++i) {
            five.append(output(QString("out%1").arg(i)));
        }
        QCOMPARE(code(m_engine->post("StartMix", with("MixOutput", five))), 110200178);
        QCOMPARE(code(m_engine->post("StartMix", withOutput("Width", 3002))), 110200161);
        QCOMPARE(code(m_engine->post("StartMix", withOutput("Height", -2))), 110200161);
        QCOMPARE(code(m_engine->post("StartMix", withOutput("Width", 641))), 110200156);
        QCOMPARE(code(m_engine->post("StartMix", withOutput("Fps", 60))), 110200156);
        QJsonArray same{QJsonObject{{"StreamId", "mixred"}, {"RectInfo", rect(0, 0, 2, 2)}},
                        QJsonObject{{"StreamId", "mixred"}, {"RectInfo", rect(2, 2, 4, 4)}}};
        QCOMPARE(code(m_engine->post("StartMix", with("MixInput", same))), 110200175);
        QCOMPARE(
            code(m_engine->post("StartMix", with("MixOutput", QJsonArray{output(), output()}))),
            110200176);
        QCOMPARE(code(m_engine->post("StartMix", with("MixOutput", QJsonArray{output("mixred")}))),
                 110200140);
        QJsonArray badVolume{
            QJsonObject{{"StreamId", "mixred"}, {"RectInfo", rect(0, 0, 2, 2)}, {"Volume", 201}}};
        QCOMPARE(code(m_engine->post("StartMix", with("MixInput", badVolume))), 110200155);

        QCOMPARE(code(m_engine->post("StartMix",
                                     with("WaterMark", QJsonObject{{"Image", "http://x/a.png"}}))),
                 110200170);
        QCOMPARE(code(m_engine->post("StartMix", with("BackgroundImage", "ftp://x/bg.png"))),
                 110200141);

        QJsonArray labelled{QJsonObject{{"StreamId", "mixred"},
                                        {"RectInfo", rect(0, 0, 2, 2)},
                                        {"Label", QJsonObject{{"Text", "hi"}}}}};
        QCOMPARE(code(m_engine->post("StartMix", with("MixInput", labelled))), 110200179);
        auto badCodec = m_engine->post("StartMix", withOutput("AudioCodec", 4));
        QCOMPARE(code(badCodec), 110200156);
        QVERIFY(badCodec.value("Message").toString().contains("AudioCodec"));
        QCOMPARE(code(m_engine->post("StartMix", withOutput("StreamUrl", "http://cdn/live/x"))),
                 110200156);
        QCOMPARE(code(m_engine->post("StartMix", withOutput("VideoEncId", 1))), 110200156);
        QCOMPARE(code(m_engine->post("StartAutoMix", QJsonObject{{"TaskId", "a"}})), 110200002);

        // Nothing is published yet.
        QCOMPARE(code(m_engine->post("StartMix", body)), 110200150);
        QCOMPARE(code(m_engine->post("StopMix", QJsonObject{{"TaskId", "nope"}})), 110209001);
        QCOMPARE(code(m_engine->get("GetMixTaskInfo", "TaskId=nope")), 110209001);
        QCOMPARE(code(m_engine->get("GetMixTaskInfo", "")), 110200002);
    }

    void mixesTwoInputsSideBySide() {
        m_red = std::make_unique<Publisher>("red", 440, m_engine->rtmpUrl("mixred"));
        // A different size (scaled and cropped into its rectangle), frame rate and sample rate.
        m_blue = std::make_unique<Publisher>("blue", 880, m_engine->rtmpUrl("mixblue"),
                                             "640x360:15:48000");
        QVERIFY(QTest::qWaitFor(
            [&] { return m_engine->online("mixred") && m_engine->online("mixblue"); }, 10000));

        auto answer = m_engine->post(
            "StartMix", startBody("task-1", 1, rect(0, 0, 320, 240), rect(320, 0, 640, 240, 1)));
        QCOMPARE(code(answer), 0);
        auto data = answer.value("Data").toObject();
        QCOMPARE(data.value("UserId").toString(), QString("owner-1"));
        QCOMPARE(data.value("Sequence").toInt(), 1);
        QCOMPARE(data.value("RoomId").toString(), QString("room-1"));
        auto play = data.value("PlayInfo").toArray().first().toObject();
        QCOMPARE(play.value("StreamId").toString(), QString("mixout"));
        QVERIFY(play.value("FLV").toString().endsWith("/live/mixout.live.flv"));
        QVERIFY(play.value("RTMP").toString().endsWith("/live/mixout"));
        QVERIFY(QTest::qWaitFor([&] { return m_engine->online("mixout"); }, 5000));

        QVERIFY(QTest::qWaitFor([&] { return !callbacks("mix_start").isEmpty(); }, 5000));
        auto started = callbacks("mix_start").first();
        QCOMPARE(started.value("task_id").toString(), QString(m_appId) + ":task-1");
        QCOMPARE(started.value("mix_stream_alias").toString(), QString("mixout"));
        QCOMPARE(started.value("publish_id").toString(), QString("owner-1"));
        QCOMPARE(started.value("channel_id").toString(), QString("room-1"));
        QCOMPARE(started.value("seq").toString(), QString("1"));
        for (const auto& r : m_hooks.requestsTo("/zego")) {
            QVERIFY(r.json().value("stream_id").toString() != "mixout");  // no stream_create
        }

        m_player = std::make_unique<Player>(play.value("FLV").toString(), kWidth, kHeight);
        bool sideBySide = QTest::qWaitFor(
            [&] { return m_player->shows(160, 120, kRed) && m_player->shows(480, 120, kBlue); },
            15000);
        QVERIFY2(sideBySide,
                 qPrintable(m_player->describe(160, 120) + " | " + m_player->describe(480, 120)));

        QCOMPARE(probeCodecs(play.value("FLV").toString()), QString("aac@2ch,h264@640x240"));

        auto info = m_engine->get("GetMixTaskInfo", "TaskId=task-1");
        QCOMPARE(code(info), 0);
        auto taskInfo = info.value("Data").toObject().value("TaskInfo").toObject();
        QCOMPARE(taskInfo.value("TaskId").toString(), QString("task-1"));
        QVERIFY(taskInfo.value("MixDuration").isDouble());
    }

    void liveUpdateSwapsTheRectanglesForTheSamePlayer() {
        QVERIFY(m_player);
        auto answer = m_engine->post(
            "StartMix", startBody("task-1", 2, rect(320, 0, 640, 240), rect(0, 0, 320, 240)));
        QCOMPARE(code(answer), 0);
        QCOMPARE(answer.value("Data").toObject().value("Sequence").toInt(), 2);
        bool swapped = QTest::qWaitFor(
            [&] { return m_player->shows(160, 120, kBlue) && m_player->shows(480, 120, kRed); },
            10000);
        QVERIFY2(swapped,
                 qPrintable(m_player->describe(160, 120) + " | " + m_player->describe(480, 120)));
        QCOMPARE(m_player->process().state(), QProcess::Running);  // never reconnected

        // Ordering and ownership.
        QCOMPARE(code(m_engine->post("StartMix", startBody("task-1", 2, rect(0, 0, 320, 240),
                                                           rect(320, 0, 640, 240)))),
                 110200103);
        QJsonObject stranger = startBody("task-1", 3, rect(0, 0, 320, 240), rect(320, 0, 640, 240));
        stranger["UserId"] = "someone-else";
        QCOMPARE(code(m_engine->post("StartMix", stranger)), 110200160);
        QCOMPARE(code(m_engine->post(
                     "StopMix", QJsonObject{{"TaskId", "task-1"}, {"UserId", "someone-else"}})),
                 110200160);
        QCOMPARE(code(m_engine->post(
                     "StopMix",
                     QJsonObject{{"TaskId", "task-1"}, {"UserId", "owner-1"}, {"Sequence", 1}})),
                 110200103);
    }

    void aMissingInputShowsTheBackgroundAndComesBack() {
        QVERIFY(m_player);
        m_blue.reset();  // blue is on the left now
        bool background = QTest::qWaitFor(
            [&] { return m_player->shows(160, 120, kGreen) && m_player->shows(480, 120, kRed); },
            10000);
        QVERIFY2(background,
                 qPrintable(m_player->describe(160, 120) + " | " + m_player->describe(480, 120)));
        QCOMPARE(code(m_engine->get("GetMixTaskInfo", "TaskId=task-1")), 0);

        m_blue = std::make_unique<Publisher>("blue", 880, m_engine->rtmpUrl("mixblue"));
        bool back = QTest::qWaitFor([&] { return m_player->shows(160, 120, kBlue); }, 15000);
        QVERIFY2(back, qPrintable(m_player->describe(160, 120)));
        QCOMPARE(m_player->process().state(), QProcess::Running);
    }

    void aSizeChangeKeepsThePlayersConnected() {
        QVERIFY(m_player);
        QJsonObject body = startBody("task-1", 4, rect(320, 0, 640, 240), rect(0, 0, 320, 240));
        QJsonObject out = output();
        out["Width"] = 480;
        out["Height"] = 272;
        body["MixOutput"] = QJsonArray{out};
        QCOMPARE(code(m_engine->post("StartMix", body)), 0);
        const QString url =
            QString("http://127.0.0.1:%1/live/mixout.live.flv").arg(m_engine->process().httpPort());
        QVERIFY(QTest::qWaitFor([&] { return probeCodecs(url) == "aac@2ch,h264@480x272"; }, 10000));
        QTest::qWait(500);
        QCOMPARE(m_player->process().state(), QProcess::Running);
    }

    void pullsAnInputByUrl() {
        const QString redFlv =
            QString("http://127.0.0.1:%1/live/mixred.live.flv").arg(m_engine->process().httpPort());
        QJsonObject body{
            {"TaskId", "task-url"},
            {"UserId", "owner-3"},
            {"BackGroundColorHex", "0x00FF0000"},
            {"MixInput",
             QJsonArray{QJsonObject{
                 {"StreamUrl", redFlv},
                 {"StreamId", "ignored"},
                 {"Label", QJsonObject{{"Text", "CAM 1 主播"},
                                       {"Left", 4},
                                       {"Top", 4},
                                       {"Font", QJsonObject{{"FontType", 0}, {"FontSize", 16}}}}},
                 {"RectInfo", rect(0, 0, 320, 240)}}}},
            {"MixOutput", QJsonArray{output("mixout3")}}};
        QCOMPARE(code(m_engine->post("StartMix", body)), 0);
        Player player(QString("http://127.0.0.1:%1/live/mixout3.live.flv")
                          .arg(m_engine->process().httpPort()),
                      kWidth, kHeight);
        bool shown = QTest::qWaitFor(
            [&] { return player.shows(160, 120, kRed) && player.shows(480, 120, kGreen); }, 20000);
        QVERIFY2(shown, qPrintable(player.describe(160, 120) + " | " + player.describe(480, 120)));
        QCOMPARE(code(m_engine->post("StopMix",
                                     QJsonObject{{"TaskId", "task-url"}, {"UserId", "owner-3"}})),
                 0);
    }

    void placeholderPicturesShowInsteadOfTheVideo() {
        QTemporaryDir dir;
        const QString png = dir.filePath("yellow.png");
        QProcess ffmpeg;
        ffmpeg.start("ffmpeg", {"-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i",
                                "color=c=yellow:size=64x48", "-frames:v", "1", png});
        QVERIFY(ffmpeg.waitForFinished(10000));
        QFile file(png);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray picture = file.readAll();
        m_hooks.setResponder([picture](const regie::test::ReceivedRequest& r) {
            regie::test::HookAnswer answer;
            if (r.target == "/yellow.png") {
                answer.body = picture;
            } else if (r.target != "/zego") {
                answer.status = 404;
            }
            return answer;
        });
        auto body = [&](const QString& url, int displayMode, int sequence) {
            return QJsonObject{
                {"TaskId", "task-img"},
                {"UserId", "owner-6"},
                {"Sequence", sequence},
                {"MixInput",
                 QJsonArray{QJsonObject{
                     {"StreamId", "mixred"},
                     {"RectInfo", rect(0, 0, 320, 240)},
                     {"Image", QJsonObject{{"Url", url}, {"DisplayMode", displayMode}}}}}},
                {"MixOutput", QJsonArray{output("mixout4")}}};
        };
        const QString base = QString(m_hooks.url(""));
        QCOMPARE(code(m_engine->post("StartMix", body(base + "/missing.png", 0, 1))), 110200142);
        // No such preset picture in the store: it cannot be had.
        QCOMPARE(code(m_engine->post("StartMix", body("preset-id://a.jpg", 0, 1))), 110200142);

        QCOMPARE(code(m_engine->post("StartMix", body(base + "/yellow.png", 0, 1))), 0);
        Player player(QString("http://127.0.0.1:%1/live/mixout4.live.flv")
                          .arg(m_engine->process().httpPort()),
                      kWidth, kHeight);
        bool yellow = QTest::qWaitFor([&] { return player.shows(160, 120, kYellow); }, 15000);
        QVERIFY2(yellow, qPrintable(player.describe(160, 120)));
        // DisplayMode 2: the picture only once the input has shown nothing for 3 s.
        QCOMPARE(code(m_engine->post("StartMix", body(base + "/yellow.png", 2, 2))), 0);
        bool red = QTest::qWaitFor([&] { return player.shows(160, 120, kRed); }, 10000);
        QVERIFY2(red, qPrintable(player.describe(160, 120)));
        QCOMPARE(code(m_engine->post("StopMix",
                                     QJsonObject{{"TaskId", "task-img"}, {"UserId", "owner-6"}})),
                 0);
        m_hooks.setResponder(
            [](const regie::test::ReceivedRequest&) { return regie::test::HookAnswer{}; });
    }

    void anAudioOnlyMixHasNoPicture() {
        QJsonObject out{{"StreamId", "mixaudio"}, {"Width", 1},     {"Height", 1}, {"Fps", 1},
                        {"VideoBitrate", 1},      {"AudioCodec", 1}};
        QJsonObject body{
            {"TaskId", "task-audio"},
            {"UserId", "owner-7"},
            {"MixInput",
             QJsonArray{QJsonObject{{"StreamId", "mixred"}, {"RectInfo", QJsonObject{}}},
                        QJsonObject{{"StreamId", "mixblue"}, {"RectInfo", QJsonObject{}}}}},
            {"MixOutput", QJsonArray{out}}};
        QCOMPARE(code(m_engine->post("StartMix", body)), 0);
        const QString url = QString("http://127.0.0.1:%1/live/mixaudio.live.flv")
                                .arg(m_engine->process().httpPort());
        QVERIFY(QTest::qWaitFor([&] { return m_engine->online("mixaudio"); }, 5000));
        QCOMPARE(probeCodecs(url), QString("aac@1ch"));  // SoundChannel defaults to mono
        const double level = meanVolume(url);
        QVERIFY2(level > -40, qPrintable(QString::number(level)));
        QCOMPARE(code(m_engine->post("StopMix",
                                     QJsonObject{{"TaskId", "task-audio"}, {"UserId", "owner-7"}})),
                 0);
    }

    void pushesTheOutputToAUrl() {
        QJsonObject out = output("ignored-alias");
        out["StreamUrl"] = m_engine->rtmpUrl("pushed");
        QJsonObject body{{"TaskId", "task-push"},
                         {"UserId", "owner-4"},
                         {"MixInput", QJsonArray{QJsonObject{{"StreamId", "mixred"},
                                                             {"RectInfo", rect(0, 0, 320, 240)}}}},
                         {"MixOutput", QJsonArray{out}}};
        auto answer = m_engine->post("StartMix", body);
        QCOMPARE(code(answer), 0);
        auto play = answer.value("Data").toObject().value("PlayInfo").toArray().first().toObject();
        QCOMPARE(play.value("FLV").toString(), QString());  // pushed elsewhere: no local URLs
        QVERIFY(QTest::qWaitFor([&] { return m_engine->online("pushed"); }, 10000));
        QVERIFY(!m_engine->online("ignored-alias"));
        const QString url =
            QString("http://127.0.0.1:%1/live/pushed.live.flv").arg(m_engine->process().httpPort());
        QCOMPARE(probeCodecs(url), QString("aac@2ch,h264@640x240"));
        QCOMPARE(code(m_engine->post("StopMix",
                                     QJsonObject{{"TaskId", "task-push"}, {"UserId", "owner-4"}})),
                 0);
        QVERIFY(QTest::qWaitFor([&] { return !m_engine->online("pushed"); }, 5000));
    }

    void volumeScalesTheSound() {
        const QString url =
            QString("http://127.0.0.1:%1/live/mixout.live.flv").arg(m_engine->process().httpPort());
        const double loud = meanVolume(url);
        QVERIFY2(loud > -40, qPrintable(QString::number(loud)));
        QJsonObject body = startBody("task-1", 5, rect(320, 0, 640, 240), rect(0, 0, 320, 240));
        QJsonArray inputs = body["MixInput"].toArray();
        for (int i = 0; i < inputs.size(); ++i) {
            QJsonObject in = inputs[i].toObject();
            in["Volume"] = 0;
            inputs[i] = in;
        }
        body["MixInput"] = inputs;
        QCOMPARE(code(m_engine->post("StartMix", body)), 0);
        double quiet = 0;
        QVERIFY2(QTest::qWaitFor([&] { return (quiet = meanVolume(url)) < -70; }, 20000),
                 qPrintable(QString::number(quiet)));
    }

    void stopMixEndsTheOutput() {
        QVERIFY(m_player);
        QCOMPARE(code(m_engine->post(
                     "StopMix",
                     QJsonObject{{"TaskId", "task-1"}, {"UserId", "owner-1"}, {"Sequence", 6}})),
                 0);
        QVERIFY(QTest::qWaitFor([&] { return !m_engine->online("mixout"); }, 5000));
        QCOMPARE(code(m_engine->get("GetMixTaskInfo", "TaskId=task-1")), 110209001);
        QJsonObject stopped;
        QVERIFY(QTest::qWaitFor(
            [&] {
                for (const auto& c : callbacks("mix_stop")) {
                    if (c.value("task_id").toString() == QString(m_appId) + ":task-1") {
                        stopped = c;
                    }
                }
                return !stopped.isEmpty();
            },
            5000));
        QCOMPARE(stopped.value("seq").toString(), QString("6"));
        QCOMPARE(stopped.value("mix_stream_alias").toString(), QString("mixout"));
        QVERIFY(m_player->process().waitForFinished(10000));
        m_player.reset();
    }

    void aTaskStopsOnceAllItsInputsAreGone() {
        m_hooks.clear();
        QJsonObject body{{"TaskId", "task-2"},
                         {"UserId", "owner-2"},
                         {"MixInput", QJsonArray{QJsonObject{{"StreamId", "mixred"},
                                                             {"RectInfo", rect(0, 0, 320, 240)}}}},
                         {"MixOutput", QJsonArray{output("mixout2")}}};
        QCOMPARE(code(m_engine->post("StartMix", body)), 0);
        QVERIFY(QTest::qWaitFor([&] { return m_engine->online("mixout2"); }, 5000));
        m_red.reset();
        m_blue.reset();
        // The input goes (reconnect window 0.5 s), then the idle stop (3 s here, 90 s by default).
        QVERIFY(QTest::qWaitFor(
            [&] { return code(m_engine->get("GetMixTaskInfo", "TaskId=task-2")) == 110209001; },
            15000));
        QVERIFY(QTest::qWaitFor([&] { return !callbacks("mix_stop").isEmpty(); }, 5000));
        QVERIFY(QTest::qWaitFor([&] { return !m_engine->online("mixout2"); }, 5000));
    }

    void aRunningTaskComesBackAfterARestart() {
        m_red = std::make_unique<Publisher>("red", 440, m_engine->rtmpUrl("mixred"));
        QVERIFY(QTest::qWaitFor([&] { return m_engine->online("mixred"); }, 10000));
        QJsonObject body{
            {"TaskId", "task-keep"},
            {"UserId", "owner-5"},
            {"Sequence", 7},
            {"BackGroundColorHex", "0x00FF0000"},
            {"MixInput", QJsonArray{QJsonObject{
                             {"StreamId", "mixred"},
                             {"RectInfo", rect(0, 0, 320, 240)},
                             {"Label", QJsonObject{{"Text", "red"},
                                                   {"Left", 4},
                                                   {"Top", 4},
                                                   {"Font", QJsonObject{{"FontType", 0}}}}}}}},
            {"MixOutput", QJsonArray{output("mixkeep")}}};
        QCOMPARE(code(m_engine->post("StartMix", body)), 0);
        QVERIFY(QTest::qWaitFor([&] { return m_engine->online("mixkeep"); }, 5000));
        auto tasks = tasksOnTheFeed();
        QCOMPARE(tasks.size(), 1);
        QCOMPARE(tasks.first().toObject().value("Body").toObject(), body);
        QCOMPARE(tasks.first().toObject().value("Action").toString(), QStringLiteral("StartMix"));
        m_red.reset();

        QVERIFY(m_engine->process().terminate());
        m_hooks.clear();
        QVERIFY2(m_engine->start(), qPrintable(m_engine->process().output()));
        QCOMPARE(code(m_engine->get("GetMixTaskInfo", "TaskId=task-keep")), 0);
        QVERIFY(m_engine->online("mixkeep"));
        tasks = tasksOnTheFeed();
        QCOMPARE(tasks.size(), 1);
        QCOMPARE(tasks.first().toObject().value("Body").toObject(), body);  // the label too
        m_red = std::make_unique<Publisher>("red", 440, m_engine->rtmpUrl("mixred"));
        Player player(QString("http://127.0.0.1:%1/live/mixkeep.live.flv")
                          .arg(m_engine->process().httpPort()),
                      kWidth, kHeight);
        bool shown = QTest::qWaitFor(
            [&] { return player.shows(160, 120, kRed) && player.shows(480, 120, kGreen); }, 15000);
        QVERIFY2(shown, qPrintable(player.describe(160, 120) + " | " + player.describe(480, 120)));
        body["Sequence"] = 7;  // the last accepted Sequence came back too
        QCOMPARE(code(m_engine->post("StartMix", body)), 110200103);
        QCOMPARE(code(m_engine->post(
                     "StopMix",
                     QJsonObject{{"TaskId", "task-keep"}, {"UserId", "owner-5"}, {"Sequence", 8}})),
                 0);
        QVERIFY(callbacks("mix_start").isEmpty());  // resuming is not a new start
        m_red.reset();
    }
};

QTEST_GUILESS_MAIN(TestMixEngine)
#include "tst_mix_engine.moc"
