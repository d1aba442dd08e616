// EngineSupervisor with programs that never become ready: crash loops back off exponentially,
// a missing program is retried, and stop() ends the loop.
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "engine_supervisor.h"

using namespace std::chrono_literals;

class TestSupervisor : public QObject {
    Q_OBJECT

private slots:
    void crashLoopBacksOffExponentially();
    void missingProgramIsRetriedUntilStopped();

private:
    EngineSupervisor::Options options(const QString& program) const;
    QTemporaryDir m_dir;
};

EngineSupervisor::Options TestSupervisor::options(const QString& program) const {
    EngineSupervisor::Options options;
    options.program = program;
    options.configPath = m_dir.filePath("config.ini");
    options.readyFilePath = m_dir.filePath("ready.json");
    options.backoffInitial = 100ms;
    options.backoffMax = 400ms;
    return options;
}

void TestSupervisor::crashLoopBacksOffExponentially() {
    EngineSupervisor supervisor;
    supervisor.setOptions(options("/bin/false"));
    QSignalSpy notices(&supervisor, &EngineSupervisor::notice);
    QSignalSpy ready(&supervisor, &EngineSupervisor::ready);
    supervisor.start();
    QTRY_VERIFY_WITH_TIMEOUT(supervisor.restarts() >= 5, 10000);
    QCOMPARE(ready.count(), 0);

    QList<int> delays;
    static const QRegularExpression restarting("Restarting in (\\d+) ms");
    for (const QList<QVariant>& args : std::as_const(notices)) {
        const QRegularExpressionMatch match = restarting.match(args.at(0).toString());
        if (match.hasMatch()) {
            delays.append(match.captured(1).toInt());
        }
    }
    QVERIFY2(delays.size() >= 5, qPrintable(QString::number(delays.size())));
    QCOMPARE(delays.mid(0, 5), (QList<int>{100, 200, 400, 400, 400}));
    QVERIFY(notices.first().at(0).toString().contains("/bin/false"));

    QSignalSpy stopped(&supervisor, &EngineSupervisor::stopped);
    supervisor.stop();
    QTRY_COMPARE_WITH_TIMEOUT(supervisor.state(), EngineSupervisor::State::Stopped, 5000);
    const int restarts = supervisor.restarts();
    QTest::qWait(600);
    QCOMPARE(supervisor.restarts(), restarts);
}

void TestSupervisor::missingProgramIsRetriedUntilStopped() {
    EngineSupervisor supervisor;
    supervisor.setOptions(options(m_dir.filePath("no-such-engine")));
    QSignalSpy notices(&supervisor, &EngineSupervisor::notice);
    supervisor.start();
    QTRY_VERIFY_WITH_TIMEOUT(supervisor.restarts() >= 2, 5000);
    QVERIFY2(notices.first().at(0).toString().startsWith("Cannot start"),
             qPrintable(notices.first().at(0).toString()));
    QCOMPARE(supervisor.pid(), 0);
    supervisor.stop();
    QCOMPARE(supervisor.state(), EngineSupervisor::State::Stopped);
    const int restarts = supervisor.restarts();
    QTest::qWait(600);
    QCOMPARE(supervisor.restarts(), restarts);
}

QTEST_GUILESS_MAIN(TestSupervisor)
#include "tst_supervisor.moc"
