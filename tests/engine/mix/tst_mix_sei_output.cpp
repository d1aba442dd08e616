// UserData and SoundLevel through a real regie-engine, read back from the pulled output's H.264
// (sei_reader.h): the UserData bytes, and the sound levels of a sine input (loud) and a muted
// one (silent). A live update changes both. An H.265 output carries the same as prefix SEI,
// read from the FLV tags (flv_capture.h).

#include <QTest>

#include "flv_capture.h"
#include "mix_engine_client.h"
#include "mix_media.h"
#include "sei_reader.h"

using regie::test::MixEngineClient;
using regie::test::readSei;
using regie::test::SeenSei;
using regie::test::seiOfAnnexB;
using regie::test::mix::capture;
using regie::test::mix::Publisher;

class TestMixSeiOutput : public QObject {
    Q_OBJECT

    std::unique_ptr<MixEngineClient> m_engine;
    std::unique_ptr<Publisher> m_loud;
    std::unique_ptr<Publisher> m_muted;

    QJsonObject body(int sequence, const QString& userData, int soundLevel, bool hevc = false) {
        QJsonObject output{{"StreamId", hevc ? "seihevc" : "seiout"},
                           {"Width", 320},
                           {"Height", 240},
                           {"Fps", 15},
                           {"VideoBitrate", 400000}};
        if (hevc) {
            output["VideoEncId"] = 3;
        }
        return {{"TaskId", hevc ? "task-sei-hevc" : "task-sei"},
                {"UserId", "owner-1"},
                {"Sequence", sequence},
                {"UserData", userData},
                {"SoundLevel", soundLevel},
                {"MixInput",
                 QJsonArray{
                     QJsonObject{
                         {"StreamId", "seiloud"},
                         {"SoundLevelId", 11},
                         {"RectInfo",
                          QJsonObject{{"Left", 0}, {"Top", 0}, {"Right", 160}, {"Bottom", 120}}}},
                     QJsonObject{{"StreamId", "seimuted"},
                                 {"SoundLevelId", 0x01000000},
                                 {"Volume", 0},
                                 {"RectInfo", QJsonObject{}}}}},
                {"MixOutput", QJsonArray{output}}};
    }

    // Every UserData seen is `userData`; every frame but the first ones carries the levels:
    // count 2, then id 11 (loud) and id 0x01000000 (muted, level 0).
    static void checkSei(const SeenSei& seen, const QByteArray& userData) {
        for (const auto& data : seen.userData) {
            QCOMPARE(data, userData);
        }
        QVERIFY2(seen.soundLevels.size() >= seen.frames - 2,
                 qPrintable(QString("%1 of %2").arg(seen.soundLevels.size()).arg(seen.frames)));
        const QByteArray last = seen.soundLevels.last();
        QCOMPARE(last.size(), 11);
        QCOMPARE(last.left(5), QByteArray("\2\0\0\0\x0b", 5));
        QCOMPARE(last.mid(6, 4), QByteArray("\1\0\0\0", 4));
        QCOMPARE(quint8(last[10]), quint8(0));
    }

private slots:
    void initTestCase() {
        m_engine = std::make_unique<MixEngineClient>("[zego]\nmixMaxFps=25\n");
        QVERIFY2(m_engine->start(), qPrintable(m_engine->process().output()));
        m_loud = std::make_unique<Publisher>("red", 440, m_engine->rtmpUrl("seiloud"),
                                             "160x120:15:44100");
        m_muted = std::make_unique<Publisher>("blue", 660, m_engine->rtmpUrl("seimuted"),
                                              "160x120:15:44100");
        QVERIFY(QTest::qWaitFor(
            [&] { return m_engine->online("seiloud") && m_engine->online("seimuted"); }, 10000));
    }

    void cleanup() {
        if (QTest::currentTestFailed()) {
            qWarning().noquote() << "engine output:\n" << m_engine->process().output();
        }
    }

    void userDataAndSoundLevelsTravelAsSei() {
        QCOMPARE(MixEngineClient::code(m_engine->post(
                     "StartMix", body(1, QByteArray("hello\0regie", 11).toBase64(), 1))),
                 0);
        QVERIFY(QTest::qWaitFor([&] { return m_engine->online("seiout"); }, 5000));
        SeenSei seen;
        // Sound arrives a little after the start: wait for the loud input to be measured.
        QVERIFY(QTest::qWaitFor(
            [&] {
                seen = readSei(m_engine->flvUrl("seiout"), 3);
                return !seen.soundLevels.isEmpty() && quint8(seen.soundLevels.last()[5]) > 40;
            },
            20000));
        QVERIFY(seen.frames > 20);
        // A keyframe every 2 s: at least one UserData in 3 s, always the same bytes.
        QVERIFY(!seen.userData.isEmpty());
        checkSei(seen, QByteArray("hello\0regie", 11));
        QVERIFY(!QTest::currentTestFailed());
    }

    void bothChangeLive() {
        QCOMPARE(MixEngineClient::code(
                     m_engine->post("StartMix", body(2, QByteArray("changed").toBase64(), 0))),
                 0);
        SeenSei seen;
        QVERIFY(QTest::qWaitFor(
            [&] {
                seen = readSei(m_engine->flvUrl("seiout"), 3);
                return !seen.userData.isEmpty() && seen.userData.first() == "changed" &&
                       seen.soundLevels.isEmpty();
            },
            15000));
        QVERIFY(seen.frames > 20);
        QCOMPARE(
            MixEngineClient::code(m_engine->post("StopMix", QJsonObject{{"TaskId", "task-sei"}})),
            0);
    }
    void anHevcOutputCarriesThemAsPrefixSei() {
        QCOMPARE(MixEngineClient::code(m_engine->post(
                     "StartMix", body(1, QByteArray("hevc\0data", 9).toBase64(), 1, true))),
                 0);
        QVERIFY(QTest::qWaitFor([&] { return m_engine->online("seihevc"); }, 5000));
        SeenSei seen;
        QVERIFY(QTest::qWaitFor(
            [&] {
                seen = seiOfAnnexB(capture(m_engine->process().httpPort(), "seihevc").hevc, true);
                return !seen.soundLevels.isEmpty() && quint8(seen.soundLevels.last()[5]) > 40;
            },
            20000));
        QVERIFY2(seen.frames > 20, qPrintable(QString::number(seen.frames)));
        // The capture starts at a keyframe, which carries the UserData.
        QVERIFY(!seen.userData.isEmpty());
        checkSei(seen, QByteArray("hevc\0data", 9));
        QVERIFY(!QTest::currentTestFailed());
        QCOMPARE(MixEngineClient::code(
                     m_engine->post("StopMix", QJsonObject{{"TaskId", "task-sei-hevc"}})),
                 0);
    }
};

QTEST_GUILESS_MAIN(TestMixSeiOutput)
#include "tst_mix_sei_output.moc"
