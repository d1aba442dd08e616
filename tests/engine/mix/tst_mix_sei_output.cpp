// UserData and SoundLevel through a real regie-engine: the mix output is pulled, its H.264 is
// rewritten to Annex B by ffmpeg, and the test finds the SEI NAL units itself, removes the
// emulation prevention and reads the user_data_unregistered messages: the UserData bytes, and
// the sound levels of a sine input (loud) and a muted one (silent). A live update changes both.

#include <QTest>

#include "mix_engine_client.h"
#include "mix_test_media.h"

using regie::test::MixEngineClient;
using regie::test::Publisher;

namespace {

const QByteArray kUserDataUuid = "RegieMixUserData";
const QByteArray kSoundLevelUuid = "RegieSoundLevels";

struct SeenSei {
    QList<QByteArray> userData;
    QList<QByteArray> soundLevels;  // the payloads after the UUID
    int frames = 0;
};

void readMessages(const QByteArray& rbsp, SeenSei& seen) {
    int at = 1;  // after the NAL header
    auto number = [&] {
        int v = 0;
        while (at < rbsp.size() && quint8(rbsp[at]) == 0xff) {
            v += 255;
            ++at;
        }
        return at < rbsp.size() ? v + quint8(rbsp[at++]) : -1;
    };
    while (at < rbsp.size() && quint8(rbsp[at]) != 0x80) {
        const int type = number();
        const int size = number();
        if (type < 0 || size < 0 || at + size > rbsp.size()) {
            return;
        }
        const QByteArray payload = rbsp.mid(at, size);
        at += size;
        if (type == 5 && payload.startsWith(kUserDataUuid)) {
            seen.userData << payload.mid(16);
        } else if (type == 5 && payload.startsWith(kSoundLevelUuid)) {
            seen.soundLevels << payload.mid(16);
        }
    }
}

// The SEI of `seconds` of a live H.264 stream.
SeenSei readSei(const QString& url, int seconds) {
    QProcess ffmpeg;
    ffmpeg.start("ffmpeg",
                 {"-hide_banner", "-loglevel", "error", "-rw_timeout", "8000000", "-i", url, "-t",
                  QString::number(seconds), "-an", "-c:v", "copy", "-f", "h264", "pipe:1"});
    ffmpeg.waitForFinished(20000);
    const QByteArray stream = ffmpeg.readAllStandardOutput();
    SeenSei seen;
    const QByteArray startCode("\0\0\1", 3);
    for (int at = stream.indexOf(startCode); at >= 0;) {
        const int next = stream.indexOf(startCode, at + 3);
        QByteArray nal = stream.mid(at + 3, next < 0 ? -1 : next - at - 3);
        at = next;
        if (nal.isEmpty()) {
            continue;
        }
        const int type = quint8(nal[0]) & 0x1f;
        // A picture's first slice starts at macroblock 0: ue(v) "1".
        const bool firstSlice = type >= 1 && type <= 5 && nal.size() > 1 && (quint8(nal[1]) & 0x80);
        seen.frames += firstSlice ? 1 : 0;
        if (type != 6) {
            continue;
        }
        QByteArray rbsp;
        int zeros = 0;
        for (char c : nal) {
            if (zeros >= 2 && c == 3) {
                zeros = 0;
                continue;
            }
            rbsp.append(c);
            zeros = c == 0 ? zeros + 1 : 0;
        }
        readMessages(rbsp, seen);
    }
    return seen;
}

}  // namespace

class TestMixSeiOutput : public QObject {
    Q_OBJECT

    std::unique_ptr<MixEngineClient> m_engine;
    std::unique_ptr<Publisher> m_loud;
    std::unique_ptr<Publisher> m_muted;

    QJsonObject body(int sequence, const QString& userData, int soundLevel) {
        return {{"TaskId", "task-sei"},
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
                {"MixOutput", QJsonArray{QJsonObject{{"StreamId", "seiout"},
                                                     {"Width", 320},
                                                     {"Height", 240},
                                                     {"Fps", 15},
                                                     {"VideoBitrate", 400000}}}}};
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
        for (const auto& data : seen.userData) {
            QCOMPARE(data, QByteArray("hello\0regie", 11));
        }
        // Every frame: count 2, then id 11 (loud) and id 0x01000000 (muted, level 0).
        QVERIFY2(seen.soundLevels.size() >= seen.frames - 2,
                 qPrintable(QString("%1 of %2").arg(seen.soundLevels.size()).arg(seen.frames)));
        const QByteArray last = seen.soundLevels.last();
        QCOMPARE(last.size(), 11);
        QCOMPARE(last.left(5), QByteArray("\2\0\0\0\x0b", 5));
        QCOMPARE(last.mid(6, 4), QByteArray("\1\0\0\0", 4));
        QCOMPARE(quint8(last[10]), quint8(0));
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
};

QTEST_GUILESS_MAIN(TestMixSeiOutput)
#include "tst_mix_sei_output.moc"
