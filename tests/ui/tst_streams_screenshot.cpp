// The Streams page with live video, photographed from a real X server: Xvfb (started here and
// stopped by its PID, so no xvfb-run cleanup race can leave it behind), the real console with
// its bundled engine, and two ffmpeg publishers. Under the offscreen platform video would be
// black (see the toolchain notes), so this is the one screenshot that needs a display.
#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <vector>

#include "console_home.h"
#include "ffmpeg_publisher.h"
#include "xvfb_display.h"

class TestStreamsScreenshot : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void streamsPageShowsLiveVideo_data();
    void streamsPageShowsLiveVideo();

private:
    void publish(int rtmpPort, const QString& stream, const QString& picture);

    XvfbDisplay m_xvfb;
    std::vector<std::unique_ptr<QProcess>> m_publishers;
};

void TestStreamsScreenshot::init() {
    m_publishers.clear();
}

void TestStreamsScreenshot::cleanup() {
    for (auto& publisher : m_publishers) {
        publisher->kill();
        publisher->waitForFinished(5000);
    }
    m_publishers.clear();
    m_xvfb.stop();
}

void TestStreamsScreenshot::publish(int rtmpPort, const QString& stream, const QString& picture) {
    auto publisher = std::make_unique<QProcess>();
    publisher->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    publisher->start(REGIE_FFMPEG_PATH,
                     regie::test::ffmpegPublishArgs(
                         picture, "sine=frequency=440:sample_rate=44100:beep_factor=4", 120,
                         QStringLiteral("rtmp://127.0.0.1:%1/live/%2").arg(rtmpPort).arg(stream)));
    m_publishers.push_back(std::move(publisher));
}

void TestStreamsScreenshot::streamsPageShowsLiveVideo_data() {
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("file");
    QTest::newRow("en") << "en"
                        << "streams.png";
    QTest::newRow("zh_CN") << "zh_CN"
                           << "streams_zh_CN.png";
}

void TestStreamsScreenshot::streamsPageShowsLiveVideo() {
    QFETCH(QString, language);
    QFETCH(QString, file);
    const QString display = m_xvfb.start();
    QVERIFY2(!display.isEmpty(), "Xvfb did not start");

    ConsoleHome home;
    QVERIFY(home.prepare());

    const QString output = QDir(REGIE_SCREENSHOT_DIR).filePath(file);
    QFile::remove(output);

    QProcess console;
    QProcessEnvironment env = home.environment();
    env.insert("DISPLAY", display);
    env.insert("QT_QPA_PLATFORM", "xcb");
    env.remove("QT_QUICK_BACKEND");
    console.setProcessEnvironment(env);
    console.setProcessChannelMode(QProcess::SeparateChannels);
    console.start(REGIE_CONSOLE_PATH, {"--page", "streams", "--language", language, "--screenshot",
                                       output, "--screenshot-timeout", "90"});
    QVERIFY2(console.waitForStarted(), qPrintable(console.errorString()));

    const int rtmpPort = home.waitForPorts().value("rtmp").toInt();
    QVERIFY2(rtmpPort > 0, "the bundled engine never wrote its ports");
    publish(rtmpPort, "studio", "testsrc2=size=640x360:rate=25");
    publish(rtmpPort, "lobby", "smptehdbars=size=640x360:rate=25");

    QVERIFY(console.waitForFinished(150000));
    const QByteArray log = console.readAllStandardError();
    QVERIFY2(console.exitStatus() == QProcess::NormalExit && console.exitCode() == 0,
             log.constData());

    const QImage image(output);
    QVERIFY2(!image.isNull(), qPrintable(output));
    QCOMPARE(image.size(), QSize(1280, 800));
    // The console's own chrome is dark grey with a few blue accents; the test patterns are
    // large areas of saturated colour, so many vivid pixels mean real video in the picture.
    int vivid = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            vivid += c.hsvSaturation() > 128 && c.value() > 128 ? 1 : 0;
        }
    }
    QVERIFY2(vivid > 15000, qPrintable(QStringLiteral("only %1 vivid pixels").arg(vivid)));
}

QTEST_GUILESS_MAIN(TestStreamsScreenshot)
#include "tst_streams_screenshot.moc"
