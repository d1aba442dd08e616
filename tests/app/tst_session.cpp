// The console session against a running engine (fake or real, see CMakeLists.txt): the
// supervisor starts it, the feed delivers hello/stats/config.changed, the models fill, and
// after kill -9 the supervisor restarts the engine and everything reconnects.
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

#include "console_session.h"
#include "engine_fixture.h"

using namespace std::chrono_literals;

class TestSession : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void connectsAndFillsTheModels();
    void editsConfigurationThroughTheFeed();
    void restartServerAppliesPendingChanges();
    void restartsAfterKillAndReconnects();
    void attachesToARemoteEngine();
    void followsTheChosenLogLevel();
    void connectingAgainKeepsTheBundledEngine();
    void stopsTheEngineCleanly();
#if ENGINE_IS_FAKE
    void killsAnEngineThatIgnoresSigterm();
#endif

private:
    EngineFixture m_fixture;
    QTemporaryDir m_settingsDir;
    ConsoleSession* m_session = nullptr;
};

void TestSession::initTestCase() {
    QVERIFY(m_fixture.isValid());
    m_session = new ConsoleSession(m_settingsDir.filePath("regie.ini"), this);
    m_session->supervisor()->setOptions(m_fixture.options());
    m_session->connectEngine();
    QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), ConsoleSession::State::Connected, 30000);
}

void TestSession::cleanupTestCase() {
    delete m_session;  // the supervisor stops the engine on destruction
}

void TestSession::connectsAndFillsTheModels() {
    DashboardModel* dashboard = m_session->dashboard();
    QTRY_VERIFY_WITH_TIMEOUT(!dashboard->version().isEmpty(), 10000);
    QVERIFY(dashboard->enginePid() > 0);
    QCOMPARE(dashboard->enginePid(), m_session->supervisor()->pid());
    QTRY_VERIFY_WITH_TIMEOUT(dashboard->statsReceived() >= 2, 10000);
    QVERIFY(dashboard->ioThreads()->rowCount() > 0);
    QVERIFY(dashboard->workerThreads()->rowCount() > 0);
    QVERIFY(dashboard->counters()->rowCount() > 0);
    QVERIFY(dashboard->uptimeMs() > 0);

    QTRY_VERIFY_WITH_TIMEOUT(m_session->config()->rowCount() > 0, 10000);
    QCOMPARE(m_session->config()->value("api.secret"), QLatin1String(EngineFixture::kSecret));
    QVERIFY(m_session->log()->rowCount() > 0);
    QVERIFY(m_session->engineUrl().startsWith("http://"));
}

void TestSession::editsConfigurationThroughTheFeed() {
    ConfigModel* config = m_session->config();
    QSignalSpy applied(config, &ConfigModel::applied);
    QSignalSpy changed(m_session->feed(), &EventFeed::configChanged);
    const QString next = config->value("api.apiDebug") == "1" ? "0" : "1";
    config->setValue("api.apiDebug", next);
    QVERIFY(applied.wait(10000));
    QCOMPARE(applied.at(0).at(0).toString(), QStringLiteral("api.apiDebug"));
    QCOMPARE(applied.at(0).at(1).toInt(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 10000);
    const auto change = changed.at(0).at(0).value<FeedConfigChange>();
    QCOMPARE(change.changed.value("api.apiDebug"), next);
    QCOMPARE(config->value("api.apiDebug"), next);
    QVERIFY(config->lastError().isEmpty());
}

void TestSession::restartServerAppliesPendingChanges() {
    ConfigModel* config = m_session->config();
    QSignalSpy applied(config, &ConfigModel::applied);
    config->setValue("general.io_threads", "2");
    QVERIFY(applied.wait(10000));
    QTRY_VERIFY_WITH_TIMEOUT(config->restartNeeded(), 10000);

    QSignalSpy requested(config, &ConfigModel::restartRequested);
    QSignalSpy shutdown(m_session->feed(), &EventFeed::shutdown);
    QSignalSpy hello(m_session->feed(), &EventFeed::hello);
    const qint64 requestedAt = QDateTime::currentMSecsSinceEpoch();
    config->restartServer();
    QVERIFY(requested.wait(10000));
    QTRY_VERIFY_WITH_TIMEOUT(!shutdown.isEmpty(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!config->restartNeeded(), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), ConsoleSession::State::Connected, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(config->value("general.io_threads"), QStringLiteral("2"), 10000);
    QVERIFY(!hello.isEmpty());
    QVERIFY(hello.last().at(0).value<FeedHello>().startedAtMs >= requestedAt);
}

void TestSession::restartsAfterKillAndReconnects() {
    EngineSupervisor* supervisor = m_session->supervisor();
    const qint64 oldPid = supervisor->pid();
    const int restarts = supervisor->restarts();
    QSignalSpy ready(supervisor, &EngineSupervisor::ready);
    QVERIFY(oldPid > 0);
    QCOMPARE(::kill(pid_t(oldPid), SIGKILL), 0);

    QTRY_VERIFY_WITH_TIMEOUT(m_session->state() != ConsoleSession::State::Connected, 10000);
    QVERIFY(ready.wait(30000));
    QCOMPARE(supervisor->restarts(), restarts + 1);
    QVERIFY(supervisor->pid() != oldPid);
    QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), ConsoleSession::State::Connected, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(m_session->dashboard()->enginePid(), supervisor->pid(), 10000);
    const int samples = m_session->dashboard()->statsReceived();
    QTRY_VERIFY_WITH_TIMEOUT(m_session->dashboard()->statsReceived() > samples, 10000);
}

void TestSession::attachesToARemoteEngine() {
    QTemporaryDir dir;
    ConsoleSession remote(dir.filePath("regie.ini"));
    const EngineEndpoint endpoint = m_session->supervisor()->endpoint();
    ConnectionSettings* settings = remote.settings();
    settings->setMode(ConnectionSettings::Mode::Remote);
    settings->setRemoteUrl(endpoint.httpUrl.toString());
    settings->setSecret(endpoint.secret);
    settings->setAppId(endpoint.appId);
    settings->setServerSecret(endpoint.serverSecret);
    remote.connectEngine();
    QTRY_COMPARE_WITH_TIMEOUT(remote.state(), ConsoleSession::State::Connected, 15000);
    QCOMPARE(remote.supervisor()->state(), EngineSupervisor::State::Stopped);
    QTRY_VERIFY_WITH_TIMEOUT(remote.dashboard()->statsReceived() > 0, 10000);
    QCOMPARE(remote.dashboard()->enginePid(), m_session->supervisor()->pid());
}

void TestSession::followsTheChosenLogLevel() {
    QSignalSpy hello(m_session->feed(), &EventFeed::hello);
    m_session->setEngineLogLevel(LogModel::Debug);
    QCOMPARE(m_session->engineLogLevel(), int(LogModel::Debug));
    QVERIFY(m_session->feed()->feedUrl().query().contains("log=debug"));
    QVERIFY(hello.wait(10000));  // the feed reconnected to apply the level
    QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), ConsoleSession::State::Connected, 10000);
    m_session->setEngineLogLevel(LogModel::Warn);
    QVERIFY(m_session->feed()->feedUrl().query().contains("log=warn"));
}

void TestSession::connectingAgainKeepsTheBundledEngine() {
    const qint64 pid = m_session->supervisor()->pid();
    const QString url = m_session->engineUrl();
    m_session->connectEngine();
    QCOMPARE(m_session->engineUrl(), url);
    QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), ConsoleSession::State::Connected, 10000);
    QCOMPARE(m_session->supervisor()->pid(), pid);
}

void TestSession::stopsTheEngineCleanly() {
    EngineSupervisor* supervisor = m_session->supervisor();
    QSignalSpy stopped(supervisor, &EngineSupervisor::stopped);
    const int restarts = supervisor->restarts();
    QElapsedTimer clock;
    clock.start();
    supervisor->stop();
    QVERIFY(stopped.wait(10000));
    QVERIFY2(clock.elapsed() < 3000, "SIGTERM should have been enough");
    QCOMPARE(supervisor->state(), EngineSupervisor::State::Stopped);
    QCOMPARE(supervisor->restarts(), restarts);
    QVERIFY(!QFileInfo::exists(supervisor->options().readyFilePath));
    QTRY_VERIFY_WITH_TIMEOUT(m_session->state() != ConsoleSession::State::Connected, 10000);
}

#if ENGINE_IS_FAKE
void TestSession::killsAnEngineThatIgnoresSigterm() {
    EngineFixture fixture;
    EngineSupervisor supervisor;
    EngineSupervisor::Options options = fixture.options();
    options.stopTimeout = 1s;
    supervisor.setOptions(options);
    QSignalSpy ready(&supervisor, &EngineSupervisor::ready);
    QSignalSpy lines(&supervisor, &EngineSupervisor::outputLine);
    qputenv("FAKE_ENGINE_IGNORE_SIGTERM", "1");
    supervisor.start();
    qunsetenv("FAKE_ENGINE_IGNORE_SIGTERM");
    QVERIFY(ready.wait(15000));
    QTRY_VERIFY(!lines.isEmpty());

    QSignalSpy stopped(&supervisor, &EngineSupervisor::stopped);
    QElapsedTimer clock;
    clock.start();
    supervisor.stop();
    QVERIFY(stopped.wait(10000));
    QVERIFY2(clock.elapsed() >= 900, "stopped before the SIGTERM grace period");
    QCOMPARE(supervisor.state(), EngineSupervisor::State::Stopped);
}
#endif

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
