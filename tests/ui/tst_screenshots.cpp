// Runs the real console (`regie`), which starts the bundled regie-engine beside it, and saves
// pages once the engine is live. The pictures land in <build>/screenshots/.
#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include "console_home.h"

class TestScreenshots : public QObject {
    Q_OBJECT

private slots:
    void page_data();
    void page();
};

void TestScreenshots::page_data() {
    QTest::addColumn<QString>("page");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("file");
    QTest::newRow("dashboard") << "dashboard"
                               << "en"
                               << "dashboard.png";
    QTest::newRow("dashboard zh_CN") << "dashboard"
                                     << "zh_CN"
                                     << "dashboard_zh_CN.png";
    QTest::newRow("settings") << "settings"
                              << "en"
                              << "settings.png";
    QTest::newRow("log") << "log"
                         << "en"
                         << "log.png";
}

void TestScreenshots::page() {
    QFETCH(QString, page);
    QFETCH(QString, language);
    QFETCH(QString, file);

    // A private home: the console's settings, and the bundled engine's data folder under
    // AppDataLocation with every listener on a port the system picks.
    ConsoleHome home;
    QVERIFY(home.prepare());
    const QString engineDir = home.engineDir();

    const QString output = QDir(REGIE_SCREENSHOT_DIR).filePath(file);
    QFile::remove(output);

    QProcess console;
    QProcessEnvironment env = home.environment();
    env.insert("QT_QPA_PLATFORM", "offscreen");
    console.setProcessEnvironment(env);
    console.start(REGIE_CONSOLE_PATH, {"--page", page, "--language", language, "--screenshot",
                                       output, "--screenshot-timeout", "60"});
    QVERIFY2(console.waitForStarted(), qPrintable(console.errorString()));
    QVERIFY(console.waitForFinished(120000));
    const QByteArray log = console.readAllStandardError();
    QVERIFY2(console.exitStatus() == QProcess::NormalExit && console.exitCode() == 0,
             log.constData());

    // The dashboard shows the version the engine reports, which is the commit it was built from.
    const QByteArray expected = QByteArray("(engine ") + REGIE_EXPECTED_ENGINE_COMMIT + ")";
    QVERIFY2(log.contains(expected), log.constData());

    const QImage image(output);
    QVERIFY2(!image.isNull(), qPrintable(output));
    QCOMPARE(image.size(), QSize(1280, 800));
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 8) {
        for (int x = 0; x < image.width(); x += 8) {
            colours.insert(image.pixel(x, y));
        }
    }
    QVERIFY2(colours.size() > 20, "the picture is nearly blank");
    QVERIFY2(!QFile::exists(engineDir + "/ready.json"), "the engine outlived the console");
}

QTEST_GUILESS_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
