// Several outputs of one mix through a real regie-engine: red and blue publishers side by side
// on a 640x360 canvas, published as that and as a 320x240 output (scaled and cropped from the
// first, mono where the first is stereo), plus a third pushed by rtmp:// back into the engine.
// Players pull the outputs and sample their pixels; a live update swaps the inputs in every
// output without reconnecting the players; StopMix ends them all.

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include "hook_receiver.h"
#include "mix_engine_client.h"
#include "mix_media.h"

using regie::test::HookReceiver;
using regie::test::MixEngineClient;
using namespace regie::test::mix;

namespace {

QJsonObject rect(int left, int top, int right, int bottom) {
    return {{"Left", left}, {"Top", top}, {"Right", right}, {"Bottom", bottom}};
}

QJsonObject output(const QString& key, const QString& value, int width, int height, int channels) {
    return {{key, value},
            {"Width", width},
            {"Height", height},
            {"Fps", 25},
            {"VideoBitrate", 600000},
            {"AudioCodec", 1},
            {"SoundChannel", channels}};
}

}  // namespace

class TestMixOutputs : public QObject {
    Q_OBJECT

    static int code(const QJsonObject& answer) { return MixEngineClient::code(answer); }
    QList<QJsonObject> callbacks(const QString& event) const {
        return regie::test::zegoCallbacks(m_hooks, event);
    }

    std::unique_ptr<MixEngineClient> m_engine;
    HookReceiver m_hooks;
    std::unique_ptr<Publisher> m_red;
    std::unique_ptr<Publisher> m_blue;
    std::unique_ptr<Player> m_big;
    std::unique_ptr<Player> m_small;

    QJsonObject body(int sequence, const QJsonObject& redRect, const QJsonObject& blueRect,
                     QJsonArray outputs = {}) {
        if (outputs.isEmpty()) {
            outputs = {output("StreamId", "mixbig", 640, 360, 2),
                       output("StreamId", "mixsmall", 320, 240, 1),
                       output("StreamUrl", m_engine->rtmpUrl("mixpushed"), 320, 180, 2)};
        }
        return {
            {"TaskId", "multi"},
            {"UserId", "owner-1"},
            {"Sequence", sequence},
            {"MixInput", QJsonArray{QJsonObject{{"StreamId", "outred"}, {"RectInfo", redRect}},
                                    QJsonObject{{"StreamId", "outblue"}, {"RectInfo", blueRect}}}},
            {"MixOutput", outputs}};
    }

private slots:
    void initTestCase() {
        QVERIFY(m_hooks.listenInThread());
        m_engine = std::make_unique<MixEngineClient>("[zego]\ncallbackUrl=" + m_hooks.url("/zego") +
                                                     "\ncallbackSecret=cbsecret\nmixMaxFps=25\n");
        QVERIFY2(m_engine->start(), qPrintable(m_engine->process().output()));
    }

    void cleanup() {
        if (QTest::currentTestFailed()) {
            qWarning().noquote() << "engine output:\n" << m_engine->process().output();
        }
    }

    void outputCountsAndDuplicatesGetTheirCodes() {
        const QJsonObject left = rect(0, 0, 320, 360);
        const QJsonObject right = rect(320, 0, 640, 360);
        QJsonArray five;
        for (int i = 0; i < 5; ++i) {
            five.append(output("StreamId", QString("out%1").arg(i), 320, 240, 1));
        }
        QCOMPARE(code(m_engine->post("StartMix", body(1, left, right, five))), 110200178);
        const QJsonObject pushed = output("StreamUrl", m_engine->rtmpUrl("x"), 320, 240, 1);
        QCOMPARE(code(m_engine->post("StartMix", body(1, left, right, {pushed, pushed}))),
                 110200176);
        QJsonObject audioOnly = output("StreamId", "aonly", 1, 1, 1);
        QCOMPARE(code(m_engine->post(
                     "StartMix",
                     body(1, left, right, {audioOnly, output("StreamId", "v", 320, 240, 1)}))),
                 110200156);
    }

    void everyOutputShowsTheMix() {
        m_red = std::make_unique<Publisher>("red", 440, m_engine->rtmpUrl("outred"));
        m_blue = std::make_unique<Publisher>("blue", 880, m_engine->rtmpUrl("outblue"));
        QVERIFY(QTest::qWaitFor(
            [&] { return m_engine->online("outred") && m_engine->online("outblue"); }, 10000));

        auto answer =
            m_engine->post("StartMix", body(1, rect(0, 0, 320, 360), rect(320, 0, 640, 360)));
        QCOMPARE(code(answer), 0);
        auto playInfo = answer.value("Data").toObject().value("PlayInfo").toArray();
        QCOMPARE(playInfo.size(), 3);
        QCOMPARE(playInfo[0].toObject().value("StreamId").toString(), QString("mixbig"));
        QCOMPARE(playInfo[1].toObject().value("StreamId").toString(), QString("mixsmall"));
        QCOMPARE(playInfo[1].toObject().value("FLV").toString(), m_engine->flvUrl("mixsmall"));
        QCOMPARE(playInfo[2].toObject().value("FLV").toString(), QString());  // pushed elsewhere
        QVERIFY(QTest::qWaitFor([&] { return callbacks("mix_start").size() == 3; }, 5000));
        QStringList aliases;
        for (const auto& started : callbacks("mix_start")) {
            aliases << started.value("mix_stream_alias").toString();
        }
        QCOMPARE(aliases, (QStringList{"mixbig", "mixsmall", ""}));
        QCOMPARE(callbacks("mix_start")[2].value("mix_url").toString(),
                 m_engine->rtmpUrl("mixpushed"));

        m_big = std::make_unique<Player>(m_engine->flvUrl("mixbig"), 640, 360);
        m_small = std::make_unique<Player>(m_engine->flvUrl("mixsmall"), 320, 240);
        // The small output is the canvas's middle 480x360 (4:3 cropped from 16:9) scaled down,
        // so its left half is red and its right half blue.
        bool shown = QTest::qWaitFor(
            [&] {
                return m_big->shows(160, 180, kRed) && m_big->shows(480, 180, kBlue) &&
                       m_small->shows(80, 120, kRed) && m_small->shows(240, 120, kBlue);
            },
            20000);
        QVERIFY2(shown,
                 qPrintable(m_big->describe(160, 180) + " | " + m_big->describe(480, 180) + " | " +
                            m_small->describe(80, 120) + " | " + m_small->describe(240, 120)));
        QCOMPARE(probeCodecs(m_engine->flvUrl("mixbig")), QString("aac@2ch,h264@640x360"));
        QCOMPARE(probeCodecs(m_engine->flvUrl("mixsmall")), QString("aac@1ch,h264@320x240"));
        QVERIFY(QTest::qWaitFor([&] { return m_engine->online("mixpushed"); }, 10000));
        QCOMPARE(probeCodecs(m_engine->flvUrl("mixpushed")), QString("aac@2ch,h264@320x180"));
    }

    void aLiveUpdateReachesEveryOutput() {
        QVERIFY(m_big && m_small);
        QJsonArray outputs{output("StreamId", "mixbig", 640, 360, 2),
                           output("StreamId", "mixsmall", 320, 240, 1),
                           output("StreamUrl", m_engine->rtmpUrl("mixpushed"), 256, 144, 2)};
        QCOMPARE(code(m_engine->post(
                     "StartMix", body(2, rect(320, 0, 640, 360), rect(0, 0, 320, 360), outputs))),
                 0);
        bool swapped = QTest::qWaitFor(
            [&] {
                return m_big->shows(160, 180, kBlue) && m_big->shows(480, 180, kRed) &&
                       m_small->shows(80, 120, kBlue) && m_small->shows(240, 120, kRed);
            },
            10000);
        QVERIFY2(swapped,
                 qPrintable(m_big->describe(160, 180) + " | " + m_small->describe(80, 120)));
        QCOMPARE(m_big->process().state(), QProcess::Running);
        QCOMPARE(m_small->process().state(), QProcess::Running);
        QVERIFY(QTest::qWaitFor(
            [&] { return probeCodecs(m_engine->flvUrl("mixpushed")) == "aac@2ch,h264@256x144"; },
            15000));
    }

    void stopMixEndsEveryOutput() {
        QCOMPARE(code(m_engine->post("StopMix", QJsonObject{{"TaskId", "multi"}, {"Sequence", 3}})),
                 0);
        QVERIFY(QTest::qWaitFor(
            [&] { return !m_engine->online("mixbig") && !m_engine->online("mixsmall"); }, 5000));
        QVERIFY(QTest::qWaitFor([&] { return callbacks("mix_stop").size() == 3; }, 5000));
        m_big.reset();
        m_small.reset();
    }
};

QTEST_GUILESS_MAIN(TestMixOutputs)
#include "tst_mix_outputs.moc"
