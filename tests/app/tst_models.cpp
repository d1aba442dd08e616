#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "api_client.h"
#include "backoff.h"
#include "config_filter.h"
#include "config_model.h"
#include "connection_settings.h"
#include "counter_model.h"
#include "dashboard_model.h"
#include "event_feed.h"
#include "log_filter.h"
#include "log_model.h"
#include "thread_load_model.h"

using namespace std::chrono_literals;

class TestModels : public QObject {
    Q_OBJECT

private slots:
    void backoffDoublesUpToCeiling();
    void threadLoadsUpdateInPlace();
    void countersUpdateInPlaceAndReset();
    void logRingDropsOldest();
    void logLevelsFromFeedAndOutput();
    void logFilterByLevelAndText();
    void configRowsSortedAndSplit();
    void configRestartFlagsUntilEngineRestarts();
    void configFilterMatchesKeyOrValue();
    void dashboardFollowsFeed();
    void uptimeFormat_data();
    void uptimeFormat();
    void connectionSettingsPersist();
};

void TestModels::backoffDoublesUpToCeiling() {
    Backoff backoff(100ms, 500ms);
    QCOMPARE(backoff.next(), 100ms);
    QCOMPARE(backoff.next(), 200ms);
    QCOMPARE(backoff.next(), 400ms);
    QCOMPARE(backoff.next(), 500ms);
    QCOMPARE(backoff.next(), 500ms);
    backoff.reset();
    QCOMPARE(backoff.next(), 100ms);
}

void TestModels::threadLoadsUpdateInPlace() {
    ThreadLoadModel model;
    QAbstractItemModelTester tester(&model);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    model.setLoads({{10, 1}, {30, 5}});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.averageLoad(), 20);
    QCOMPARE(model.maxDelay(), 5);
    QCOMPARE(model.data(model.index(1), ThreadLoadModel::LoadRole).toInt(), 30);
    QCOMPARE(model.data(model.index(1), ThreadLoadModel::NameRole).toString(),
             QStringLiteral("#2"));

    model.setLoads({{90, 0}, {30, 5}});
    QCOMPARE(reset.count(), 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.data(model.index(0), ThreadLoadModel::LoadRole).toInt(), 90);

    model.setLoads({{90, 0}, {30, 5}});
    QCOMPARE(changed.count(), 1);
}

void TestModels::countersUpdateInPlaceAndReset() {
    CounterModel model;
    QAbstractItemModelTester tester(&model);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setCounters({{"Socket", 3}, {"TcpServer", 1}});
    model.setCounters({{"Socket", 4}, {"TcpServer", 1}});
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.value("Socket"), 4);
    QCOMPARE(model.data(model.index(0), CounterModel::NameRole).toString(),
             QStringLiteral("Socket"));
    model.setCounters({{"Frame", 9}});
    QCOMPARE(reset.count(), 2);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.value("Socket"), 0);
}

void TestModels::logRingDropsOldest() {
    LogModel model;
    QAbstractItemModelTester tester(&model);
    model.setCapacity(3);
    for (int i = 0; i < 5; ++i) {
        model.appendNotice(QStringLiteral("line %1").arg(i));
    }
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.data(model.index(0), LogModel::MessageRole).toString(),
             QStringLiteral("line 2"));
    QCOMPARE(model.data(model.index(2), LogModel::MessageRole).toString(),
             QStringLiteral("line 4"));
    model.setCapacity(1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.data(model.index(0), LogModel::MessageRole).toString(),
             QStringLiteral("line 4"));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestModels::logLevelsFromFeedAndOutput() {
    LogModel model;
    FeedLog record;
    record.time = QDateTime::fromMSecsSinceEpoch(1763712006000);
    record.level = "error";
    record.event = "http.listen";
    record.fields = {{"ip", "127.0.0.1"}, {"port", "8080"}};
    model.appendFeedLog(record);
    model.appendProcessLine("2026-11-21 07:00:00.123 [warning] disk almost full", false);
    model.appendProcessLine("plain text on stderr", true);
    model.appendProcessLine("plain text on stdout", false);
    model.appendProcessLine(
        "2026-11-21T07:46:37.528Z WARN config.generated key=api.secret reason=\"empty\"", true);
    model.appendProcessLine("2026-11-21T07:46:37.529Z INFO http.listen error_count=0", true);

    auto at = [&](int row, int role) { return model.data(model.index(row), role); };
    QCOMPARE(at(0, LogModel::LevelRole).toInt(), int(LogModel::Error));
    QCOMPARE(at(0, LogModel::LevelNameRole).toString(), QStringLiteral("ERROR"));
    QCOMPARE(at(0, LogModel::MessageRole).toString(),
             QStringLiteral("http.listen ip=127.0.0.1 port=8080"));
    QCOMPARE(at(0, LogModel::SourceRole).toInt(), int(LogModel::Feed));
    QCOMPARE(at(1, LogModel::LevelRole).toInt(), int(LogModel::Warn));
    QCOMPARE(at(1, LogModel::SourceRole).toInt(), int(LogModel::Process));
    QCOMPARE(at(2, LogModel::LevelRole).toInt(), int(LogModel::Warn));
    QCOMPARE(at(3, LogModel::LevelRole).toInt(), int(LogModel::Info));
    QCOMPARE(at(4, LogModel::LevelRole).toInt(), int(LogModel::Warn));
    QCOMPARE(at(4, LogModel::MessageRole).toString(),
             QStringLiteral("config.generated key=api.secret reason=\"empty\""));
    const LogModel::Entry entry =
        LogModel::entryFromOutput("2026-11-21T07:46:37.529Z INFO http.listen error_count=0", true);
    QCOMPARE(entry.time.toUTC(), QDateTime(QDate(2026, 11, 21), QTime(7, 46, 37, 529), Qt::UTC));
    QCOMPARE(entry.level, LogModel::Info);
    QCOMPARE(at(5, LogModel::MessageRole).toString(), QStringLiteral("http.listen error_count=0"));
}

void TestModels::logFilterByLevelAndText() {
    LogModel model;
    LogFilter filter;
    QAbstractItemModelTester tester(&filter);
    filter.setSourceModel(&model);
    model.appendNotice("debug detail", LogModel::Debug);
    model.appendNotice("stream started", LogModel::Info);
    model.appendNotice("stream stalled", LogModel::Warn);
    model.appendNotice("port in use", LogModel::Error);

    QCOMPARE(filter.count(), 4);
    filter.setMinimumLevel(LogModel::Warn);
    QCOMPARE(filter.count(), 2);
    filter.setText("STREAM");
    QCOMPARE(filter.count(), 1);
    QCOMPARE(filter.data(filter.index(0, 0), LogModel::MessageRole).toString(),
             QStringLiteral("stream stalled"));
    QSignalSpy count(&filter, &LogFilter::countChanged);
    model.appendNotice("stream gone", LogModel::Error);
    QCOMPARE(filter.count(), 2);
    QVERIFY(count.count() >= 1);
}

void TestModels::configRowsSortedAndSplit() {
    ApiClient client;
    EventFeed feed;
    ConfigModel model(&client, &feed);
    QAbstractItemModelTester tester(&model);
    model.applyValues({{"rtmp.port", "1935"}, {"api.secret", "x"}, {"http.port", "80"}});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.data(model.index(0), ConfigModel::KeyRole).toString(),
             QStringLiteral("api.secret"));
    QCOMPARE(model.data(model.index(1), ConfigModel::SectionRole).toString(),
             QStringLiteral("http"));
    QCOMPARE(model.data(model.index(1), ConfigModel::NameRole).toString(), QStringLiteral("port"));
    QCOMPARE(model.value("rtmp.port"), QStringLiteral("1935"));
    QCOMPARE(model.data(model.index(0), ConfigModel::SecretRole).toBool(), true);
    QCOMPARE(model.data(model.index(1), ConfigModel::SecretRole).toBool(), false);
    QVERIFY(model.roleNames().values().contains("secret"));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.applyValues({{"http.port", "8080"}});
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.value("http.port"), QStringLiteral("8080"));
    QCOMPARE(model.rowCount(), 3);
}

void TestModels::configRestartFlagsUntilEngineRestarts() {
    ApiClient client;
    EventFeed feed;
    ConfigModel model(&client, &feed);
    model.applyValues({{"http.port", "80"}, {"hook.enable", "0"}});
    FeedHello first;
    first.startedAtMs = 1000;
    model.applyHello(first);

    QSignalSpy needed(&model, &ConfigModel::restartNeededChanged);
    feed.processMessage(R"({"type":"config.changed","seq":2,"time":1,"data":{
        "changed":{"hook.enable":"1","http.port":"8081"},"restartRequired":["http.port"]}})");
    QCOMPARE(model.value("hook.enable"), QStringLiteral("1"));
    QCOMPARE(model.value("http.port"), QStringLiteral("8081"));
    QVERIFY(model.restartNeeded());
    QCOMPARE(needed.count(), 1);
    QCOMPARE(model.data(model.index(1), ConfigModel::RestartRequiredRole).toBool(), true);
    QCOMPARE(model.data(model.index(0), ConfigModel::RestartRequiredRole).toBool(), false);

    model.applyHello(first);  // a reconnect to the same process changes nothing
    QVERIFY(model.restartNeeded());

    FeedHello second;
    second.startedAtMs = 2000;
    model.applyHello(second);
    QVERIFY(!model.restartNeeded());
    QCOMPARE(model.data(model.index(1), ConfigModel::RestartRequiredRole).toBool(), false);
}

void TestModels::configFilterMatchesKeyOrValue() {
    ApiClient client;
    EventFeed feed;
    ConfigModel model(&client, &feed);
    ConfigFilter filter;
    QAbstractItemModelTester tester(&filter);
    filter.setSourceModel(&model);
    model.applyValues({{"http.port", "80"}, {"rtmp.port", "1935"}, {"hook.on_play", "http://x"}});
    QCOMPARE(filter.count(), 3);
    filter.setText("PORT");
    QCOMPARE(filter.count(), 2);
    filter.setText("http");
    QCOMPARE(filter.count(), 2);  // http.port by key, hook.on_play by value
    filter.setText("nothing");
    QCOMPARE(filter.count(), 0);
}

void TestModels::dashboardFollowsFeed() {
    ApiClient client;
    EventFeed feed;
    DashboardModel dashboard(&client, &feed);
    QSignalSpy version(&dashboard, &DashboardModel::versionChanged);
    feed.processMessage(R"({"type":"hello","seq":1,"time":1,"data":{"protocol":1,
        "version":{"branchName":"main","commitHash":"1a2b3c4","buildTime":"t"},
        "mediaServerId":"m","startedAt":5,"pid":77,"ports":{"http":8080}}})");
    QCOMPARE(version.count(), 1);
    QCOMPARE(dashboard.version(), QStringLiteral("1a2b3c4"));
    QCOMPARE(dashboard.enginePid(), 77);
    QCOMPARE(dashboard.httpPort(), 8080);
    QVERIFY(!dashboard.hasStats());

    feed.processMessage(R"({"type":"stats","seq":2,"time":2,"data":{"uptimeMs":3723000,
        "threads":[{"load":50,"delay":2}],"workThreads":[{"load":1,"delay":0},{"load":3,"delay":4}],
        "statistic":{"Socket":3}}})");
    QVERIFY(dashboard.hasStats());
    QCOMPARE(dashboard.uptimeText(), QStringLiteral("01:02:03"));
    QCOMPARE(dashboard.ioThreads()->rowCount(), 1);
    QCOMPARE(dashboard.workerThreads()->rowCount(), 2);
    QCOMPARE(dashboard.workerThreads()->maxDelay(), 4);
    QCOMPARE(dashboard.counters()->value("Socket"), 3);
}

void TestModels::uptimeFormat_data() {
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << qint64(0) << "00:00:00";
    QTest::newRow("seconds") << qint64(59999) << "00:00:59";
    QTest::newRow("hours") << qint64(23 * 3600 * 1000 + 61000) << "23:01:01";
    QTest::newRow("days") << qint64((2 * 86400 + 3 * 3600 + 4 * 60 + 5) * 1000LL) << "2d 03:04:05";
}

void TestModels::uptimeFormat() {
    QFETCH(qint64, ms);
    QFETCH(QString, text);
    QCOMPARE(DashboardModel::formatUptime(ms), text);
}

void TestModels::connectionSettingsPersist() {
    QTemporaryDir dir;
    const QString file = dir.filePath("regie.ini");
    {
        ConnectionSettings settings(file);
        QCOMPARE(settings.mode(), ConnectionSettings::Mode::Bundled);
        QVERIFY(!settings.remoteValid());
        QSignalSpy changed(&settings, &ConnectionSettings::changed);
        settings.setMode(ConnectionSettings::Mode::Remote);
        settings.setRemoteUrl(" http://10.1.2.3:9092 ");
        settings.setSecret("zlm");
        settings.setAppId("1234567890");
        settings.setServerSecret("abc");
        settings.setSecret("zlm");
        QCOMPARE(changed.count(), 5);
    }
    ConnectionSettings reread(file);
    QCOMPARE(reread.mode(), ConnectionSettings::Mode::Remote);
    const EngineEndpoint endpoint = reread.remoteEndpoint();
    QCOMPARE(endpoint.httpUrl, QUrl("http://10.1.2.3:9092"));
    QCOMPARE(endpoint.secret, QStringLiteral("zlm"));
    QCOMPARE(endpoint.appId, QStringLiteral("1234567890"));
    QCOMPARE(endpoint.serverSecret, QStringLiteral("abc"));
    QVERIFY(reread.remoteValid());
}

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"
