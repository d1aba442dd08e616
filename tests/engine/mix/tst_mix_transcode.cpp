// StartCloudTranscode / StopCloudTranscode through a real regie-engine: a 1280x720 ffmpeg
// source transcoded with TemplateId 0 (640x360 H.264, pulled and pixel-checked) and into a
// custom 320x180 H.265 output (read back from its FLV tags); the transcode_start /
// transcode_stop callbacks; updates, ownership of the Actions and the codes of bad requests.

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include "flv_capture.h"
#include "hook_receiver.h"
#include "mix_engine_client.h"
#include "mix_media.h"
#include "raw_http.h"

using regie::test::HookReceiver;
using regie::test::MixEngineClient;
using regie::test::RawHttp;
using namespace regie::test::mix;

class TestMixTranscode : public QObject {
    Q_OBJECT

    static int code(const QJsonObject& answer) { return MixEngineClient::code(answer); }
    QList<QJsonObject> callbacks(const QString& event) const {
        return regie::test::zegoCallbacks(m_hooks, event, "Event");
    }

    std::unique_ptr<MixEngineClient> m_engine;
    HookReceiver m_hooks;
    std::unique_ptr<Publisher> m_source;

    static QJsonObject body(int sequence, const QString& input = "tcsource") {
        return {{"TaskId", "tc-1"},
                {"UserId", "owner-1"},
                {"Sequence", sequence},
                {"TranscodeInput", QJsonObject{{"StreamId", input}}},
                {"TranscodeOutput",
                 QJsonArray{QJsonObject{{"StreamId", "tc360"}, {"TemplateId", 0}},
                            QJsonObject{{"StreamId", "tchevc"},
                                        {"TemplateId", 4},
                                        {"TemplateConfig", QJsonObject{{"VideoEncId", 2},
                                                                       {"Width", 320},
                                                                       {"Height", 180},
                                                                       {"VideoBitrate", 300000},
                                                                       {"GOP", 1}}}}}}};
    }

private slots:
    void initTestCase() {
        QVERIFY(m_hooks.listenInThread());
        m_engine = std::make_unique<MixEngineClient>("[zego]\ncallbackUrl=" + m_hooks.url("/zego") +
                                                     "\ncallbackSecret=cbsecret\nmixOwnerCheck=1\n"
                                                     "mixMaxFps=25\n");
        QVERIFY2(m_engine->start(), qPrintable(m_engine->process().output()));
    }

    void cleanup() {
        if (QTest::currentTestFailed()) {
            qWarning().noquote() << "engine output:\n" << m_engine->process().output();
        }
    }

    void badRequestsGetTheirCodes() {
        QCOMPARE(code(m_engine->post("StartCloudTranscode", body(1))),
                 110200150);  // nothing published
        QJsonObject noConfig = body(1);
        noConfig["TranscodeOutput"] = QJsonArray{QJsonObject{{"StreamId", "x"}, {"TemplateId", 4}}};
        QCOMPARE(code(m_engine->post("StartCloudTranscode", noConfig)), 110200002);
        QJsonObject twice = body(1);
        twice["TranscodeOutput"] = QJsonArray{QJsonObject{{"StreamId", "x"}, {"TemplateId", 0}},
                                              QJsonObject{{"StreamId", "x"}, {"TemplateId", 1}}};
        QCOMPARE(code(m_engine->post("StartCloudTranscode", twice)), 110200176);
        QJsonObject noInput = body(1);
        noInput.remove("TranscodeInput");
        QCOMPARE(code(m_engine->post("StartCloudTranscode", noInput)), 110200002);
        QCOMPARE(code(m_engine->post("StopCloudTranscode", QJsonObject{{"TaskId", "tc-1"}})),
                 110200002);
        QCOMPARE(code(m_engine->post("StopCloudTranscode",
                                     QJsonObject{{"TaskId", "nope"}, {"UserId", "owner-1"}})),
                 110209001);
    }

    void transcodesIntoATemplateAndACustomH265Output() {
        m_source = std::make_unique<Publisher>("red", 440, m_engine->rtmpUrl("tcsource"),
                                               "1280x720:25:44100");
        QVERIFY(QTest::qWaitFor([&] { return m_engine->online("tcsource"); }, 10000));
        QTest::qWait(500);  // the source's size is known once its parameter sets came

        QCOMPARE(code(m_engine->post("StartCloudTranscode", body(1))), 0);
        QVERIFY(QTest::qWaitFor(
            [&] { return m_engine->online("tc360") && m_engine->online("tchevc"); }, 5000));
        Player player(m_engine->flvUrl("tc360"), 640, 360);
        QVERIFY2(QTest::qWaitFor([&] { return player.shows(320, 180, kRed); }, 15000),
                 qPrintable(player.describe(320, 180)));
        QCOMPARE(probeCodecs(m_engine->flvUrl("tc360")), QString("aac@1ch,h264@640x360"));

        FlvCapture hevc = capture(m_engine->process().httpPort(), "tchevc");
        const PictureReading read = readHevc(hevc.hevc, 320, 180);
        QCOMPARE(read.codecs, QString("hevc@320x180"));
        QVERIFY2(read.shows(160, 90, kRed), qPrintable(read.describe(160, 90)));

        QVERIFY(QTest::qWaitFor([&] { return !callbacks("transcode_start").isEmpty(); }, 5000));
        auto started = callbacks("transcode_start").first();
        QCOMPARE(started.value("Status").toString(), QString("TranscodeStarted"));
        QCOMPARE(started.value("TaskId").toString(), QString("tc-1"));
        QCOMPARE(started.value("UserId").toString(), QString("owner-1"));
        QCOMPARE(started.value("Sequence").toInt(), 1);
        QVERIFY(!started.value("Signature").toString().isEmpty());
        auto details = started.value("Details").toObject();
        QCOMPARE(details.value("Input").toObject().value("StreamId").toString(),
                 QString("tcsource"));
        auto outputs = details.value("Outputs").toArray();
        QCOMPARE(outputs.size(), 2);
        QCOMPARE(outputs[1].toObject().value("VideoEncId").toInt(), 2);
        QCOMPARE(outputs[1].toObject().value("GOP").toInt(), 1);
        QCOMPARE(outputs[0].toObject().value("ShortEdgeAdaption").toInt(), 1);
        QCOMPARE(outputs[0].toObject().value("Width").toInt(), 360);
    }

    void presetsFollowTheInputsAspectAndFrameRate() {
        Publisher portrait("blue", 880, m_engine->rtmpUrl("tcportrait"), "360x640:15:44100");
        QVERIFY(QTest::qWaitFor([&] { return m_engine->online("tcportrait"); }, 10000));
        QTest::qWait(500);
        QJsonObject request{
            {"TaskId", "tc-2"},
            {"UserId", "owner-2"},
            {"TranscodeInput", QJsonObject{{"StreamId", "tcportrait"}}},
            {"TranscodeOutput", QJsonArray{QJsonObject{{"StreamId", "tc540"}, {"TemplateId", 1}}}}};
        QCOMPARE(code(m_engine->post("StartCloudTranscode", request)), 0);
        QVERIFY(QTest::qWaitFor([&] { return m_engine->online("tc540"); }, 5000));
        QCOMPARE(probeCodecs(m_engine->flvUrl("tc540")), QString("aac@1ch,h264@540x960"));
        auto info =
            RawHttp::get(m_engine->process().httpPort(),
                         "/index/api/getMediaInfo?secret=" + m_engine->process().secret().toUtf8() +
                             "&schema=rtmp&vhost=__defaultVhost__&app=live&stream=tc540")
                .json();
        double fps = 0;
        for (const auto& track : info.value("tracks").toArray()) {
            if (track.toObject().value("codec_type").toInt(-1) == 0) {
                fps = track.toObject().value("fps").toDouble();
            }
        }
        QCOMPARE(fps, 15.0);
        QCOMPARE(code(m_engine->post("StopCloudTranscode",
                                     QJsonObject{{"TaskId", "tc-2"}, {"UserId", "owner-2"}})),
                 0);
    }

    void aRunningTranscodeComesBackAfterARestart() {
        QVERIFY(m_engine->process().terminate());
        QVERIFY2(m_engine->start(), qPrintable(m_engine->process().output()));
        QCOMPARE(code(m_engine->get("GetMixTaskInfo", "TaskId=tc-1")), 0);
        QVERIFY(m_engine->online("tc360") && m_engine->online("tchevc"));
        m_source = std::make_unique<Publisher>("red", 440, m_engine->rtmpUrl("tcsource"),
                                               "1280x720:25:44100");
        Player player(m_engine->flvUrl("tc360"), 640, 360);
        QVERIFY2(QTest::qWaitFor([&] { return player.shows(320, 180, kRed); }, 15000),
                 qPrintable(player.describe(320, 180)));
    }

    void updatesAndStops() {
        QCOMPARE(code(m_engine->post("StartCloudTranscode", body(1))), 110200103);
        QJsonObject stranger = body(2);
        stranger["UserId"] = "someone";
        QCOMPARE(code(m_engine->post("StartCloudTranscode", stranger)), 110200160);
        QCOMPARE(code(m_engine->post("StartCloudTranscode", body(2))), 0);
        auto updated = [&] {
            for (const auto& c : callbacks("transcode_start")) {
                if (c.value("TaskId") == "tc-1" && c.value("Status") == "TranscodeUpdated") {
                    return c.value("Sequence").toInt() == 2;
                }
            }
            return false;
        };
        QVERIFY(QTest::qWaitFor(updated, 5000));
        // Each kind of task has its own Stop.
        QCOMPARE(
            code(m_engine->post("StopMix", QJsonObject{{"TaskId", "tc-1"}, {"UserId", "owner-1"}})),
            110209001);
        QCOMPARE(code(m_engine->post(
                     "StopCloudTranscode",
                     QJsonObject{{"TaskId", "tc-1"}, {"UserId", "owner-1"}, {"Sequence", 3}})),
                 0);
        QVERIFY(QTest::qWaitFor(
            [&] { return !m_engine->online("tc360") && !m_engine->online("tchevc"); }, 5000));
        QVERIFY(QTest::qWaitFor([&] { return callbacks("transcode_stop").size() == 2; }, 5000));
        auto stopped = callbacks("transcode_stop").last();
        QCOMPARE(stopped.value("TaskId").toString(), QString("tc-1"));
        QCOMPARE(stopped.value("Status").toString(), QString("TranscodeStopped"));
        QCOMPARE(stopped.value("StopReason").toInt(-1), 0);
        QCOMPARE(stopped.value("Sequence").toInt(), 3);
        QCOMPARE(stopped.value("UserId").toString(), QString("owner-1"));
    }
};

QTEST_GUILESS_MAIN(TestMixTranscode)
#include "tst_mix_transcode.moc"
