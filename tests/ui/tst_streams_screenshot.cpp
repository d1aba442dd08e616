// The Streams page with live video, photographed from a real X server: Xvfb (started here and
// stopped by its PID, so no xvfb-run cleanup race can leave it behind), the real console with
// its bundled engine, and two ffmpeg publishers. Under the offscreen platform video would be
// black (see the toolchain notes), so this is the one screenshot that needs a display.
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <vector>

#include "console_home.h"
#include "ffmpeg_publisher.h"

class TestStreamsScreenshot : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void streamsPageShowsLiveVideo_data();
    void streamsPageShowsLiveVideo();

private:
    bool startXvfb(QString* display);
    int waitForRtmpPort(const QString& readyFile);
    void publish(int rtmpPort, const QString& stream, const QString& picture);

    QProcess m_xvfb;
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
    if (m_xvfb.state() != QProcess::NotRunning) {
        m_xvfb.terminate();
        if (!m_xvfb.waitForFinished(5000)) {
            m_xvfb.kill();
            m_xvfb.waitForFinished(5000);
        }
    }
}

bool TestStreamsScreenshot::startXvfb(QString* display) {
    // -displayfd picks a free display and writes its number once the server accepts clients.
    m_xvfb.start(REGIE_XVFB_PATH,
                 {"-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp"});
    if (!m_xvfb.waitForStarted(5000)) {
        return false;
    }
    QByteArray out;
    QElapsedTimer timer;
    timer.start();
    while (!out.contains('\n') && timer.elapsed() < 15000) {
        m_xvfb.waitForReadyRead(500);
        out += m_xvfb.readAllStandardOutput();
    }
    const QByteArray number = out.trimmed();
    if (number.isEmpty()) {
        return false;
    }
    *display = ":" + QString::fromLatin1(number);
    return true;
}

int TestStreamsScreenshot::waitForRtmpPort(const QString& readyFile) {
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 30000) {
        QFile file(readyFile);
        if (file.open(QIODevice::ReadOnly)) {
            const int port = QJsonDocument::fromJson(file.readAll())
                                 .object()["ports"]
                                 .toObject()["rtmp"]
                                 .toInt();
            if (port > 0) {
                return port;
            }
        }
        QTest::qWait(200);
    }
    return 0;
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
    QString display;
    QVERIFY2(startXvfb(&display), "Xvfb did not start");

    ConsoleHome home;
    QVERIFY(home.prepare());
    const QString engineDir = home.engineDir();

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

    const int rtmpPort = waitForRtmpPort(engineDir + "/ready.json");
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
