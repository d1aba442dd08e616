// Label fonts through a real regie-engine: a label in each FontType (0-3) over the same input,
// pulled and decoded; the label area's pixels show text and differ from FontType to FontType.
// One font per task: an update with another FontType is refused, one without labels keeps it.

#include <QTest>

#include "mix_engine_client.h"
#include "mix_media.h"

using regie::test::MixEngineClient;
using regie::test::mix::Player;
using regie::test::mix::Publisher;

namespace {

constexpr int kWidth = 320;
constexpr int kHeight = 96;
// Where the label is drawn: the input's rectangle is the whole canvas.
constexpr int kTextLeft = 8;
constexpr int kTextTop = 8;
constexpr int kTextRight = 312;
constexpr int kTextBottom = 72;

QJsonObject labelled(int sequence, std::optional<int> fontType) {
    QJsonObject input{
        {"StreamId", "fontin"},
        {"RectInfo", QJsonObject{{"Left", 0}, {"Top", 0}, {"Right", kWidth}, {"Bottom", kHeight}}}};
    if (fontType) {
        input["Label"] = QJsonObject{
            {"Text", "主播 Ag 乐"},
            {"Left", kTextLeft},
            {"Top", kTextTop},
            {"Font",
             QJsonObject{{"FontType", *fontType}, {"FontSize", 48}, {"FontColor", 16777215}}}};
    }
    return {{"TaskId", "task-font"},
            {"UserId", "owner-1"},
            {"Sequence", sequence},
            {"MixInput", QJsonArray{input}},
            {"MixOutput", QJsonArray{QJsonObject{{"StreamId", "fontout"},
                                                 {"Width", kWidth},
                                                 {"Height", kHeight},
                                                 {"Fps", 15},
                                                 {"VideoBitrate", 800000}}}}};
}

// The luma of the label area, once the white text shows in it.
QByteArray labelArea(MixEngineClient& engine) {
    Player player(engine.flvUrl("fontout"), kWidth, kHeight);
    QByteArray luma;
    auto read = [&] {
        luma.clear();
        int lit = 0;
        for (int y = kTextTop; y < kTextBottom; ++y) {
            for (int x = kTextLeft; x < kTextRight; ++x) {
                const int v = player.at(x, y).y;
                luma.append(static_cast<char>(std::clamp(v, 0, 255)));
                lit += v > 180 ? 1 : 0;
            }
        }
        return lit > 300;
    };
    // A few frames after the text first shows, so the picture is no longer the first keyframe's.
    if (!QTest::qWaitFor(read, 15000)) {
        return {};
    }
    QTest::qWait(1000);
    read();
    return luma;
}

int differing(const QByteArray& a, const QByteArray& b) {
    int n = 0;
    for (int i = 0; i < std::min(a.size(), b.size()); ++i) {
        n += std::abs(quint8(a[i]) - quint8(b[i])) > 64 ? 1 : 0;
    }
    return n;
}

}  // namespace

class TestMixLabels : public QObject {
    Q_OBJECT

    std::unique_ptr<MixEngineClient> m_engine;
    std::unique_ptr<Publisher> m_input;

private slots:
    void initTestCase() {
        m_engine = std::make_unique<MixEngineClient>();
        QVERIFY2(m_engine->start(), qPrintable(m_engine->process().output()));
        m_input = std::make_unique<Publisher>("blue", 440, m_engine->rtmpUrl("fontin"),
                                              "320x96:15:44100");
        QVERIFY(QTest::qWaitFor([&] { return m_engine->online("fontin"); }, 10000));
    }

    void cleanup() {
        if (QTest::currentTestFailed()) {
            qWarning().noquote() << "engine output:\n" << m_engine->process().output();
        }
    }

    void eachFontTypeShowsAFaceOfItsOwn() {
        std::vector<QByteArray> areas;
        for (int type = 0; type <= 3; ++type) {
            QCOMPARE(MixEngineClient::code(m_engine->post("StartMix", labelled(1, type))), 0);
            QVERIFY(QTest::qWaitFor([&] { return m_engine->online("fontout"); }, 5000));
            areas.push_back(labelArea(*m_engine));
            QVERIFY2(!areas.back().isEmpty(), qPrintable(QString("FontType %1").arg(type)));
            QCOMPARE(MixEngineClient::code(
                         m_engine->post("StopMix", QJsonObject{{"TaskId", "task-font"}})),
                     0);
            QVERIFY(QTest::qWaitFor([&] { return !m_engine->online("fontout"); }, 5000));
        }
        for (std::size_t a = 0; a < areas.size(); ++a) {
            for (std::size_t b = a + 1; b < areas.size(); ++b) {
                const int n = differing(areas[a], areas[b]);
                QVERIFY2(n > 150,
                         qPrintable(
                             QString("FontType %1 and %2: %3 pixels differ").arg(a).arg(b).arg(n)));
            }
        }
    }

    void theFontIsFixedForTheTasksLife() {
        QCOMPARE(MixEngineClient::code(m_engine->post("StartMix", labelled(1, 2))), 0);
        QCOMPARE(MixEngineClient::code(m_engine->post("StartMix", labelled(2, 1))), 110200179);
        QCOMPARE(MixEngineClient::code(m_engine->post("StartMix", labelled(3, std::nullopt))), 0);
        QCOMPARE(MixEngineClient::code(m_engine->post("StartMix", labelled(4, 0))), 110200179);
        QCOMPARE(MixEngineClient::code(m_engine->post("StartMix", labelled(5, 2))), 0);
        QCOMPARE(
            MixEngineClient::code(m_engine->post("StopMix", QJsonObject{{"TaskId", "task-font"}})),
            0);
    }
};

QTEST_GUILESS_MAIN(TestMixLabels)
#include "tst_mix_labels.moc"
