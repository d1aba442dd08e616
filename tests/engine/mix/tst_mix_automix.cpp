// The room auto mix through a real regie-engine: ffmpeg publishers join a room over RTMP (URL
// login, each with its own sine tone); StartAutoMix mixes the room's sound, and the test measures
// each tone's share of the pulled output (Goertzel over one second) while a third publisher joins,
// one leaves, a stream is excluded and one from outside the room is added, and after an engine
// restart. Then the codes of refused calls, StopAutoMix and the mix_start / mix_stop callbacks.

#include <QDateTime>
#include <QTest>
#include <QUrl>
#include <cmath>

#include "hook_receiver.h"
#include "mix_engine_client.h"
#include "mix_media.h"
#include "service/rooms/token04.h"

using regie::test::HookReceiver;
using regie::test::MixEngineClient;
using regie::test::mix::Publisher;

namespace {

constexpr std::uint32_t kAppId = 1234567890;
const QByteArray kSecret = "0123456789abcdef0123456789abcdef";
constexpr int kRate = 44100;

QString token(const QString& user) {
    auto built = regie::service::rooms::generateToken04({kAppId,
                                                         user.toStdString(),
                                                         kSecret.toStdString(),
                                                         QDateTime::currentSecsSinceEpoch(),
                                                         3600,
                                                         {},
                                                         {},
                                                         {}});
    return QString::fromStdString(std::get<std::string>(built));
}

// Each frequency's share of the sound's energy over the last second of 2.5 s of `url` (a lone
// sine scores about 1, two equal ones about 0.5 each); empty when nothing could be read.
QMap<int, double> toneShares(const QString& url, const QList<int>& frequencies) {
    QProcess ffmpeg;
    ffmpeg.start("ffmpeg", {"-hide_banner", "-loglevel", "error", "-rw_timeout", "8000000", "-i",
                            url, "-t", "2.5", "-vn", "-ac", "1", "-ar", QString::number(kRate),
                            "-f", "s16le", "pipe:1"});
    ffmpeg.waitForFinished(15000);
    const QByteArray pcm = ffmpeg.readAllStandardOutput();
    const int n = kRate;
    if (pcm.size() < 2 * n) {
        return {};
    }
    const auto* samples = reinterpret_cast<const qint16*>(pcm.constData()) + pcm.size() / 2 - n;
    double energy = 0;
    for (int i = 0; i < n; ++i) {
        energy += double(samples[i]) * samples[i];
    }
    QMap<int, double> shares;
    for (int f : frequencies) {
        const double w = 2 * M_PI * f / kRate;
        double s1 = 0, s2 = 0;
        for (int i = 0; i < n; ++i) {
            const double s0 = samples[i] + 2 * std::cos(w) * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        const double power = s1 * s1 + s2 * s2 - 2 * std::cos(w) * s1 * s2;
        shares[f] = energy > 0 ? power / (n / 2.0 * energy) : 0;
    }
    return shares;
}

QString describe(const QMap<int, double>& shares) {
    QStringList parts;
    for (auto it = shares.begin(); it != shares.end(); ++it) {
        parts << QString("%1 Hz: %2").arg(it.key()).arg(it.value(), 0, 'f', 3);
    }
    return parts.isEmpty() ? "no sound" : parts.join(", ");
}

}  // namespace

class TestMixAutoMix : public QObject {
    Q_OBJECT

    HookReceiver m_hooks;
    std::unique_ptr<MixEngineClient> m_engine;
    std::map<QString, std::unique_ptr<Publisher>> m_publishers;
    const QList<int> m_tones{440, 660, 880, 1100};

    int code(const QJsonObject& answer) { return MixEngineClient::code(answer); }
    void publishInRoom(const QString& stream, const QString& user, int tone) {
        m_publishers[stream] = std::make_unique<Publisher>(
            "gray", tone,
            m_engine->rtmpUrl(stream) +
                QString("?room_id=chorus&user_id=%1&token=%2")
                    .arg(user, QString::fromLatin1(QUrl::toPercentEncoding(token(user)))),
            "160x120:10:44100");
    }
    QJsonObject startBody(int sequence, const QJsonArray& extra = {}) {
        return {{"TaskId", "auto-1"},
                {"UserId", "mixer"},
                {"RoomId", "chorus"},
                {"Sequence", sequence},
                {"ExtraMixInput", extra},
                {"MixOutput", QJsonArray{QJsonObject{{"StreamId", "chorusmix"}}}}};
    }
    // Waits until `heard` tones are in the output and `gone` ones are not.
    bool hears(const QList<int>& heard, const QList<int>& gone, int ms) {
        QMap<int, double> last;
        const bool ok = QTest::qWaitFor(
            [&] {
                last = toneShares(m_engine->flvUrl("chorusmix"), m_tones);
                if (last.isEmpty()) {
                    return false;
                }
                return std::all_of(heard.begin(), heard.end(),
                                   [&](int f) { return last[f] > 0.1; }) &&
                       std::all_of(gone.begin(), gone.end(), [&](int f) { return last[f] < 0.02; });
            },
            ms);
        if (!ok) {
            qWarning().noquote() << "tone shares:" << describe(last);
        }
        return ok;
    }
    QList<QJsonObject> callbacks(const QString& event) const {
        return regie::test::zegoCallbacks(m_hooks, event);
    }

private slots:
    void initTestCase() {
        QVERIFY(m_hooks.listenInThread());
        m_engine = std::make_unique<MixEngineClient>(
            "[protocol]\ncontinue_push_ms=500\n[zego]\nappId=" + QString::number(kAppId) +
            "\nserverSecret=" + kSecret + "\ncallbackUrl=" + m_hooks.url("/zego") +
            "\ncallbackSecret=cbsecret\n");
        QVERIFY2(m_engine->start(), qPrintable(m_engine->process().output()));
    }

    void cleanup() {
        if (QTest::currentTestFailed()) {
            qWarning().noquote() << "engine output:\n" << m_engine->process().output();
        }
    }

    void aRoomThatDoesNotExistIsRefused() {
        QJsonObject body = startBody(1);
        body["RoomId"] = "nowhere";
        auto answer = m_engine->post("StartAutoMix", body);
        QCOMPARE(code(answer), 110200151);
        QVERIFY(answer.value("Message").toString().contains("nowhere"));
    }

    void mixesEveryStreamOfTheRoom() {
        publishInRoom("singer-a", "ua", 440);
        publishInRoom("singer-b", "ub", 660);
        QVERIFY(QTest::qWaitFor(
            [&] { return m_engine->online("singer-a") && m_engine->online("singer-b"); }, 10000));

        QJsonArray ten;
        for (int i = 0; i < 8; ++i) {
            ten.append(QJsonObject{{"StreamId", QString("extra%1").arg(i)}});
        }
        QCOMPARE(code(m_engine->post("StartAutoMix", startBody(1, ten))), 110200158);

        auto answer = m_engine->post("StartAutoMix", startBody(1));
        QCOMPARE(code(answer), 0);
        auto data = answer.value("Data").toObject();
        QCOMPARE(data.value("RoomId").toString(), QString("chorus"));
        QCOMPARE(data.value("Sequence").toInt(), 1);
        auto play = data.value("PlayInfo").toArray().first().toObject();
        QCOMPARE(play.value("StreamId").toString(), QString("chorusmix"));
        QVERIFY(play.value("FLV").toString().endsWith("/live/chorusmix.live.flv"));
        QVERIFY(QTest::qWaitFor([&] { return !callbacks("mix_start").isEmpty(); }, 5000));
        QCOMPARE(callbacks("mix_start").first().value("channel_id").toString(), QString("chorus"));

        QVERIFY(hears({440, 660}, {880, 1100}, 15000));
    }

    void followsStreamsJoiningAndLeaving() {
        publishInRoom("singer-c", "uc", 880);
        QVERIFY(hears({440, 660, 880}, {1100}, 20000));
        m_publishers.erase("singer-a");
        QVERIFY(hears({660, 880}, {440, 1100}, 20000));
    }

    void excludesAndAdds() {
        m_publishers["outsider"] = std::make_unique<Publisher>(
            "gray", 1100, m_engine->rtmpUrl("outsider"), "160x120:10:44100");
        QVERIFY(QTest::qWaitFor([&] { return m_engine->online("outsider"); }, 10000));
        QJsonArray extra{QJsonObject{{"StreamId", "singer-b"}, {"ModifyType", 1}},
                         QJsonObject{{"StreamId", "outsider"}, {"Volume", 100}}};
        QCOMPARE(code(m_engine->post("StartAutoMix", startBody(2, extra))), 0);
        QVERIFY(hears({880, 1100}, {440, 660}, 20000));
        QCOMPARE(code(m_engine->post("StartAutoMix", startBody(2, extra))), 110200103);
    }

    void comesBackAfterARestartAndStillFollowsTheRoom() {
        m_publishers.clear();
        QVERIFY(m_engine->process().terminate());
        QVERIFY2(m_engine->start(), qPrintable(m_engine->process().output()));
        QVERIFY(QTest::qWaitFor([&] { return m_engine->online("chorusmix"); }, 5000));
        publishInRoom("singer-b", "ub", 660);  // still excluded
        publishInRoom("singer-c", "uc", 880);
        m_publishers["outsider"] = std::make_unique<Publisher>(
            "gray", 1100, m_engine->rtmpUrl("outsider"), "160x120:10:44100");
        QVERIFY(hears({880, 1100}, {440, 660}, 25000));
    }

    void stopAutoMixEndsTheTask() {
        QCOMPARE(code(m_engine->post("StopAutoMix", QJsonObject{{"TaskId", "auto-1"}})), 110200002);
        QCOMPARE(code(m_engine->post("StopAutoMix",
                                     QJsonObject{{"TaskId", "auto-1"}, {"RoomId", "elsewhere"}})),
                 110209001);
        QCOMPARE(code(m_engine->post(
                     "StopAutoMix",
                     QJsonObject{{"TaskId", "auto-1"}, {"RoomId", "chorus"}, {"Sequence", 3}})),
                 0);
        QVERIFY(QTest::qWaitFor([&] { return !m_engine->online("chorusmix"); }, 5000));
        QVERIFY(QTest::qWaitFor([&] { return !callbacks("mix_stop").isEmpty(); }, 5000));
        QCOMPARE(callbacks("mix_stop").first().value("seq").toString(), QString("3"));
        QCOMPARE(code(m_engine->post("StopAutoMix",
                                     QJsonObject{{"TaskId", "auto-1"}, {"RoomId", "chorus"}})),
                 110209001);
    }

    void cleanupTestCase() { m_publishers.clear(); }
};

QTEST_GUILESS_MAIN(TestMixAutoMix)
#include "tst_mix_automix.moc"
