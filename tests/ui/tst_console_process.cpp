// The bundled engine follows the console's life: killing the console (SIGKILL, no clean-up)
// still stops the engine it started.
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

#include "console_home.h"

namespace {

// A zombie counts as gone: its parent (now init) may never reap it in a container.
bool processAlive(qint64 pid) {
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly)) {
        return false;
    }
    const QByteArray text = stat.readAll();
    const qsizetype afterName = text.lastIndexOf(')');
    return afterName > 0 && text.mid(afterName + 2, 1) != "Z";
}

}  // namespace

class TestConsoleProcess : public QObject {
    Q_OBJECT

private slots:
    void engineStopsWhenTheConsoleIsKilled();
};

void TestConsoleProcess::engineStopsWhenTheConsoleIsKilled() {
    ConsoleHome home;
    QVERIFY(home.prepare());
    const QString engineDir = home.engineDir();

    QProcess console;
    QProcessEnvironment env = home.environment();
    env.insert("QT_QPA_PLATFORM", "offscreen");
    console.setProcessEnvironment(env);
    console.start(REGIE_CONSOLE_PATH, {});
    QVERIFY2(console.waitForStarted(), qPrintable(console.errorString()));

    const QString readyPath = engineDir + "/ready.json";
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(readyPath), 30000);
    QFile ready(readyPath);
    QVERIFY(ready.open(QIODevice::ReadOnly));
    const qint64 enginePid = QJsonDocument::fromJson(ready.readAll()).object()["pid"].toInteger();
    QVERIFY(enginePid > 0);
    QVERIFY(processAlive(enginePid));
    // A failing run must not leave the engine behind.
    const auto reap = qScopeGuard([enginePid] {
        if (processAlive(enginePid)) {
            ::kill(pid_t(enginePid), SIGKILL);
        }
    });

    console.kill();
    QVERIFY(console.waitForFinished(10000));
    QTRY_VERIFY_WITH_TIMEOUT(!processAlive(enginePid), 10000);
}

QTEST_GUILESS_MAIN(TestConsoleProcess)
#include "tst_console_process.moc"
