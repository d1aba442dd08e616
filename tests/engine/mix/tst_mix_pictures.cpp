// Pictures on a real mix canvas: a BackgroundImage under the input (its colour showing where
// the picture is transparent), a WaterMark above everything, both changed live, what
// CheckImageMode refuses or lets through, and pictures of the preset store (preset-id://). The
// pictures are PNGs made by ffmpeg and served by the test's own HTTP server or put in the
// engine's preset directory; the test samples the pulled output's pixels.

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "hook_receiver.h"
#include "mix_engine_client.h"
#include "mix_media.h"

using regie::test::HookAnswer;
using regie::test::HookReceiver;
using regie::test::MixEngineClient;
using regie::test::ReceivedRequest;
using regie::test::mix::Player;
using regie::test::mix::Publisher;
using regie::test::mix::Yuv;

namespace {

constexpr int kWidth = 640;
constexpr int kHeight = 240;

// A PNG from an ffmpeg filter graph.
QByteArray png(const QTemporaryDir& dir, const QString& name, const QString& graph) {
    const QString path = dir.filePath(name);
    QProcess ffmpeg;
    ffmpeg.start("ffmpeg", {"-hide_banner", "-loglevel", "error", "-filter_complex", graph,
                            "-frames:v", "1", path});
    ffmpeg.waitForFinished(10000);
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QJsonObject rect(int left, int top, int right, int bottom) {
    return {{"Left", left}, {"Top", top}, {"Right", right}, {"Bottom", bottom}};
}

}  // namespace

class TestMixPictures : public QObject {
    Q_OBJECT

    HookReceiver m_server;
    QTemporaryDir m_presets;
    std::unique_ptr<MixEngineClient> m_engine;
    std::unique_ptr<Publisher> m_red;
    std::unique_ptr<Player> m_player;

    QString url(const char* path) const { return QString(m_server.url(path)); }
    int start(const QJsonObject& extra, int sequence) {
        QJsonObject body{{"TaskId", "task-pic"},
                         {"UserId", "owner-1"},
                         {"Sequence", sequence},
                         {"BackGroundColorHex", "0x00FF0000"},
                         {"MixInput", QJsonArray{QJsonObject{{"StreamId", "picred"},
                                                             {"RectInfo", rect(0, 0, 160, 120)}}}},
                         {"MixOutput", QJsonArray{QJsonObject{{"StreamId", "picout"},
                                                              {"Width", kWidth},
                                                              {"Height", kHeight},
                                                              {"Fps", 15},
                                                              {"VideoBitrate", 800000}}}}};
        for (auto it = extra.begin(); it != extra.end(); ++it) {
            body[it.key()] = it.value();
        }
        return MixEngineClient::code(m_engine->post("StartMix", body));
    }
    // Waits until every point shows its colour; false (with the samples logged) after `ms`.
    bool showsAll(const QList<std::tuple<int, int, Yuv>>& points, int ms) {
        bool all = QTest::qWaitFor(
            [&] {
                return std::all_of(points.begin(), points.end(), [&](const auto& p) {
                    return m_player->shows(std::get<0>(p), std::get<1>(p), std::get<2>(p));
                });
            },
            ms);
        if (!all) {
            for (const auto& [x, y, c] : points) {
                qWarning().noquote() << x << y << "shows" << m_player->describe(x, y);
            }
        }
        return all;
    }

private slots:
    void initTestCase() {
        QTemporaryDir dir;
        // Left half opaque yellow, right half fully transparent.
        const QByteArray half =
            png(dir, "half.png",
                "color=c=yellow:s=32x48,format=rgba[a];color=c=black@0.0:s=32x48,format=rgba[b];"
                "[a][b]hstack");
        const QByteArray blue = png(dir, "blue.png", "color=c=blue:s=64x64");
        const QByteArray white = png(dir, "white.png", "color=c=white:s=64x48");
        QVERIFY(!half.isEmpty() && !blue.isEmpty() && !white.isEmpty());
        const QHash<QByteArray, QByteArray> pictures{
            {"/half.png", half}, {"/blue.png", blue}, {"/white.png", white}};
        m_server.setResponder([pictures](const ReceivedRequest& r) {
            HookAnswer answer;
            answer.status = pictures.contains(r.target) ? 200 : 404;
            answer.body = pictures.value(r.target);
            return answer;
        });
        QVERIFY(m_server.listenInThread());
        QVERIFY(!png(m_presets, "yellow-bg.png", "color=c=yellow:s=64x48").isEmpty());
        QVERIFY(!png(m_presets, "mark.png", "color=c=blue:s=64x64").isEmpty());

        m_engine = std::make_unique<MixEngineClient>(
            "[zego]\nmixMaxFps=25\nmixPresetImageDir=" + m_presets.path() + "\n");
        QVERIFY2(m_engine->start(), qPrintable(m_engine->process().output()));
        m_red = std::make_unique<Publisher>("red", 440, m_engine->rtmpUrl("picred"));
        QVERIFY(QTest::qWaitFor([&] { return m_engine->online("picred"); }, 10000));
    }

    void cleanup() {
        if (QTest::currentTestFailed()) {
            qWarning().noquote() << "engine output:\n" << m_engine->process().output();
        }
    }

    void theBackgroundIsUnderAndTheWatermarkAbove() {
        QCOMPARE(start({{"BackgroundImage", url("/half.png")},
                        {"WaterMark", QJsonObject{{"Image", url("/blue.png")},
                                                  {"RectInfo", rect(120, 80, 200, 160)}}}},
                       1),
                 0);
        m_player = std::make_unique<Player>(m_engine->flvUrl("picout"), kWidth, kHeight);
        QVERIFY(showsAll({{40, 40, regie::test::mix::kRed},       // the input over the picture
                          {260, 200, regie::test::mix::kYellow},  // the picture's opaque half
                          {480, 120, regie::test::mix::kGreen},  // its transparent half: the colour
                          {140, 100, regie::test::mix::kBlue},   // the watermark over the input
                          {180, 140, regie::test::mix::kBlue}},  // and over the picture
                         20000));
    }

    void bothChangeLive() {
        QVERIFY(m_player);
        QCOMPARE(start({{"BackgroundImage", url("/white.png")}}, 2), 0);
        QVERIFY(showsAll({{40, 40, regie::test::mix::kRed},
                          {480, 120, regie::test::mix::kWhite},
                          {180, 140, regie::test::mix::kWhite}},
                         10000));
        QCOMPARE(m_player->process().state(), QProcess::Running);
    }

    void checkImageModeDecidesWhatIsRefused() {
        QVERIFY(m_player);
        const QJsonObject missingMark{{"Image", url("/missing.png")},
                                      {"RectInfo", rect(0, 0, 10, 10)}};
        QCOMPARE(start({{"BackgroundImage", url("/missing.png")}}, 3), 110200142);
        QCOMPARE(start({{"WaterMark", missingMark}}, 3), 110200142);
        QCOMPARE(start({{"BackgroundImage", "preset-id://../bg.jpg"}, {"CheckImageMode", 1}}, 3),
                 110200141);
        QCOMPARE(start({{"BackgroundImage", "ftp://x/bg.png"}, {"CheckImageMode", 1}}, 3),
                 110200141);
        QCOMPARE(start({{"WaterMark", QJsonObject{{"RectInfo", rect(0, 0, 10, 10)}}}}, 3),
                 110200171);
        QTest::qWait(1000);
        QVERIFY(m_player->shows(480, 120, regie::test::mix::kWhite));  // refused: nothing changed

        // Mode 1 checks only the URL: the task takes the picture, which never shows.
        QCOMPARE(start({{"BackgroundImage", url("/missing.png")}, {"CheckImageMode", 1}}, 3), 0);
        QVERIFY(showsAll({{40, 40, regie::test::mix::kRed}, {480, 120, regie::test::mix::kGreen}},
                         10000));
        QCOMPARE(start({{"BackgroundImage", "ftp://x/bg.png"}, {"CheckImageMode", 2}}, 4), 0);
        QTest::qWait(1000);
        QVERIFY(showsAll({{480, 120, regie::test::mix::kGreen}}, 1000));
    }

    void presetPicturesComeFromTheStore() {
        QVERIFY(m_player);
        // Mode 0 reads every picture before the start: an unknown preset cannot be had.
        QCOMPARE(start({{"BackgroundImage", "preset-id://nothing.png"}}, 5), 110200142);
        QCOMPARE(start({{"BackgroundImage", "preset-id://sub/x.png"}}, 5), 110200141);
        QCOMPARE(start({{"BackgroundImage", "preset-id://yellow-bg.png"},
                        {"WaterMark", QJsonObject{{"Image", "preset-id://mark.png"},
                                                  {"RectInfo", rect(120, 80, 200, 160)}}}},
                       5),
                 0);
        QVERIFY(showsAll({{40, 40, regie::test::mix::kRed},
                          {480, 120, regie::test::mix::kYellow},
                          {180, 140, regie::test::mix::kBlue}},
                         10000));
    }

    void cleanupTestCase() {
        if (m_engine) {
            MixEngineClient::code(m_engine->post("StopMix", QJsonObject{{"TaskId", "task-pic"}}));
        }
    }
};

QTEST_GUILESS_MAIN(TestMixPictures)
#include "tst_mix_pictures.moc"
