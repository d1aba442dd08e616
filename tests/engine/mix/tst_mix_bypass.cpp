// ByPass=1 through a real regie-engine: the one input's own H.264 and AAC reach the output
// without re-encoding. The publisher's stream (320x240, x264 ultrafast: Constrained Baseline)
// comes out with its own size and profile, although the output asks for 640x240 (which the
// mixer's own encoder would make High profile); the pixels are the publisher's red; a pushed
// output and an input pulled by URL get the same; UserData goes in as SEI; more than one input
// is refused.

#include <QTest>

#include "mix_engine_client.h"
#include "mix_media.h"
#include "sei_reader.h"

using regie::test::MixEngineClient;
using regie::test::mix::Player;
using regie::test::mix::Publisher;

namespace {

// ffprobe's "codec profile WxH" of each stream: "aac LC, h264 Constrained Baseline 320x240".
QString probe(const QString& url) {
    QProcess p;
    p.start("ffprobe", {"-v", "error", "-rw_timeout", "8000000", "-show_entries",
                        "stream=codec_name,profile,width,height", "-of", "json", url});
    p.waitForFinished(20000);
    QStringList seen;
    for (const auto& s :
         QJsonDocument::fromJson(p.readAllStandardOutput()).object().value("streams").toArray()) {
        auto o = s.toObject();
        QString line = o.value("codec_name").toString() + " " + o.value("profile").toString();
        if (o.contains("width")) {
            line += QString(" %1x%2").arg(o.value("width").toInt()).arg(o.value("height").toInt());
        }
        seen << line;
    }
    seen.sort();
    return seen.join(", ");
}

}  // namespace

class TestMixBypass : public QObject {
    Q_OBJECT

    std::unique_ptr<MixEngineClient> m_engine;
    std::unique_ptr<Publisher> m_red;

    QJsonObject body(const QString& task, const QJsonObject& output) {
        return {{"TaskId", task},
                {"UserId", "owner-1"},
                {"ByPass", 1},
                {"UserData", QString(QByteArray("forwarded").toBase64())},
                {"MixInput",
                 QJsonArray{QJsonObject{
                     {"StreamId", "bypin"},
                     {"RectInfo",
                      QJsonObject{{"Left", 0}, {"Top", 0}, {"Right", 640}, {"Bottom", 240}}}}}},
                {"MixOutput", QJsonArray{output}}};
    }
    static QJsonObject output(const QString& id) {
        return {{"StreamId", id},
                {"Width", 640},
                {"Height", 240},
                {"Fps", 15},
                {"VideoBitrate", 800000}};
    }

private slots:
    void initTestCase() {
        m_engine = std::make_unique<MixEngineClient>("[zego]\nmixMaxFps=25\n");
        QVERIFY2(m_engine->start(), qPrintable(m_engine->process().output()));
        m_red = std::make_unique<Publisher>("red", 440, m_engine->rtmpUrl("bypin"));
        QVERIFY(QTest::qWaitFor([&] { return m_engine->online("bypin"); }, 10000));
    }

    void cleanup() {
        if (QTest::currentTestFailed()) {
            qWarning().noquote() << "engine output:\n" << m_engine->process().output();
        }
    }

    void theInputIsForwardedAsItIs() {
        const QString input = probe(m_engine->flvUrl("bypin"));
        QCOMPARE(input, QString("aac LC, h264 Constrained Baseline 320x240"));
        QCOMPARE(
            MixEngineClient::code(m_engine->post("StartMix", body("task-byp", output("bypout")))),
            0);
        QVERIFY(QTest::qWaitFor([&] { return m_engine->online("bypout"); }, 5000));
        QString out;
        QVERIFY2(QTest::qWaitFor([&] { return (out = probe(m_engine->flvUrl("bypout"))) == input; },
                                 15000),
                 qPrintable(out));
        Player player(m_engine->flvUrl("bypout"), 320, 240);
        QVERIFY2(
            QTest::qWaitFor([&] { return player.shows(160, 120, regie::test::mix::kRed); }, 10000),
            qPrintable(player.describe(160, 120)));
    }

    void userDataGoesIntoTheForwardedPictures() {
        auto seen = regie::test::readSei(m_engine->flvUrl("bypout"), 3);
        QVERIFY(seen.frames > 20);
        QVERIFY(!seen.userData.isEmpty());
        QCOMPARE(seen.userData.first(), QByteArray("forwarded"));
        QVERIFY(seen.soundLevels.isEmpty());
        QJsonObject changed = body("task-byp", output("bypout"));
        changed["UserData"] = QString(QByteArray("changed").toBase64());
        QCOMPARE(MixEngineClient::code(m_engine->post("StartMix", changed)), 0);
        QVERIFY(QTest::qWaitFor(
            [&] {
                seen = regie::test::readSei(m_engine->flvUrl("bypout"), 3);
                return !seen.userData.isEmpty() && seen.userData.first() == "changed";
            },
            10000));
    }

    void aPushedOutputGetsTheSame() {
        QJsonObject pushed = output("ignored");
        pushed["StreamUrl"] = m_engine->rtmpUrl("byppushed");
        QCOMPARE(MixEngineClient::code(m_engine->post("StartMix", body("task-push", pushed))), 0);
        QVERIFY(QTest::qWaitFor([&] { return m_engine->online("byppushed"); }, 10000));
        QString out;
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         return (out = probe(m_engine->flvUrl("byppushed"))) ==
                                "aac LC, h264 Constrained Baseline 320x240";
                     },
                     15000),
                 qPrintable(out));
    }

    void aPulledInputIsForwardedToo() {
        QJsonObject pulled = body("task-url", output("bypurl"));
        QJsonObject in = pulled["MixInput"].toArray().first().toObject();
        in["StreamUrl"] = m_engine->flvUrl("bypin");
        pulled["MixInput"] = QJsonArray{in};
        QCOMPARE(MixEngineClient::code(m_engine->post("StartMix", pulled)), 0);
        QVERIFY(QTest::qWaitFor([&] { return m_engine->online("bypurl"); }, 5000));
        QString out;
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         return (out = probe(m_engine->flvUrl("bypurl"))) ==
                                "aac LC, h264 Constrained Baseline 320x240";
                     },
                     15000),
                 qPrintable(out));
        Player player(m_engine->flvUrl("bypurl"), 320, 240);
        QVERIFY2(
            QTest::qWaitFor([&] { return player.shows(160, 120, regie::test::mix::kRed); }, 10000),
            qPrintable(player.describe(160, 120)));
    }

    void moreThanOneInputIsRefused() {
        QJsonObject two = body("task-two", output("bypout2"));
        QJsonArray inputs = two["MixInput"].toArray();
        inputs.append(QJsonObject{{"StreamId", "other"}, {"RectInfo", QJsonObject{}}});
        two["MixInput"] = inputs;
        auto answer = m_engine->post("StartMix", two);
        QCOMPARE(MixEngineClient::code(answer), 110200002);
        QVERIFY(answer.value("Message").toString().contains("exactly one"));
    }

    void cleanupTestCase() {
        for (const char* task : {"task-byp", "task-push", "task-url"}) {
            m_engine->post("StopMix", QJsonObject{{"TaskId", task}});
        }
    }
};

QTEST_GUILESS_MAIN(TestMixBypass)
#include "tst_mix_bypass.moc"
