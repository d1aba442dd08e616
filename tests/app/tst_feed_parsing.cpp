#include <QSignalSpy>
#include <QTest>

#include "event_feed.h"
#include "feed_parser.h"

class TestFeedParsing : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void hello();
    void stats();
    void configChanged();
    void log();
    void shutdown();
    void unknownTypeIsIgnored();
    void malformedMessagesAreReported_data();
    void malformedMessagesAreReported();
    void feedUrlUsesWebSocketSchemeAndSecret();

private:
    void deliver(const char* json) { m_feed->processMessage(QString::fromUtf8(json)); }
    EventFeed* m_feed = nullptr;
};

void TestFeedParsing::initTestCase() {
    m_feed = new EventFeed(this);
}

void TestFeedParsing::hello() {
    QSignalSpy spy(m_feed, &EventFeed::hello);
    deliver(R"({"type":"hello","seq":1,"time":1763712000123,"data":{"protocol":1,
        "version":{"branchName":"main","commitHash":"1a2b3c4","buildTime":"2026-11-21T10:00:00"},
        "mediaServerId":"regie-3f9c","startedAt":1763711990000,"pid":4242,
        "ports":{"http":8080,"rtmp":1935}}})");
    QCOMPARE(spy.count(), 1);
    const auto hello = spy.at(0).at(0).value<FeedHello>();
    QCOMPARE(hello.protocol, 1);
    QCOMPARE(hello.version.branchName, QStringLiteral("main"));
    QCOMPARE(hello.version.commitHash, QStringLiteral("1a2b3c4"));
    QCOMPARE(hello.version.buildTime, QStringLiteral("2026-11-21T10:00:00"));
    QCOMPARE(hello.mediaServerId, QStringLiteral("regie-3f9c"));
    QCOMPARE(hello.startedAtMs, 1763711990000);
    QCOMPARE(hello.pid, 4242);
    QCOMPARE(hello.ports.value("http"), 8080);
    QCOMPARE(hello.ports.value("rtmp"), 1935);
}

void TestFeedParsing::stats() {
    QSignalSpy spy(m_feed, &EventFeed::stats);
    deliver(R"({"type":"stats","seq":2,"time":1763712001123,"data":{"uptimeMs":11123,
        "threads":[{"load":3,"delay":0},{"load":0,"delay":7}],
        "workThreads":[{"load":55,"delay":1}],
        "statistic":{"Buffer":0,"Socket":3,"TcpServer":1}}})");
    QCOMPARE(spy.count(), 1);
    const auto stats = spy.at(0).at(0).value<FeedStats>();
    QCOMPARE(stats.uptimeMs, 11123);
    QCOMPARE(stats.threads, (QList<ThreadLoad>{{3, 0}, {0, 7}}));
    QCOMPARE(stats.workThreads, (QList<ThreadLoad>{{55, 1}}));
    QCOMPARE(stats.statistic, (Counters{{"Buffer", 0}, {"Socket", 3}, {"TcpServer", 1}}));
}

void TestFeedParsing::configChanged() {
    QSignalSpy spy(m_feed, &EventFeed::configChanged);
    deliver(R"({"type":"config.changed","seq":9,"time":1,"data":{
        "changed":{"hook.enable":"1","http.port":"8081"},"restartRequired":["http.port"]}})");
    QCOMPARE(spy.count(), 1);
    const auto change = spy.at(0).at(0).value<FeedConfigChange>();
    QCOMPARE(change.changed.value("hook.enable"), QStringLiteral("1"));
    QCOMPARE(change.changed.value("http.port"), QStringLiteral("8081"));
    QCOMPARE(change.restartRequired, QStringList{"http.port"});
}

void TestFeedParsing::log() {
    QSignalSpy spy(m_feed, &EventFeed::log);
    deliver(R"({"type":"log","seq":30,"time":1763712006000,"data":{
        "level":"warn","event":"http.listen","fields":{"ip":"127.0.0.1","port":"8080"}}})");
    QCOMPARE(spy.count(), 1);
    const auto record = spy.at(0).at(0).value<FeedLog>();
    QCOMPARE(record.level, QStringLiteral("warn"));
    QCOMPARE(record.event, QStringLiteral("http.listen"));
    QCOMPARE(record.fields.value("port"), QStringLiteral("8080"));
    QCOMPARE(record.time.toMSecsSinceEpoch(), 1763712006000);
}

void TestFeedParsing::shutdown() {
    QSignalSpy spy(m_feed, &EventFeed::shutdown);
    deliver(R"({"type":"shutdown","seq":44,"time":1,"data":{"reason":"restartServer"}})");
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<FeedShutdown>().reason, QStringLiteral("restartServer"));
}

void TestFeedParsing::unknownTypeIsIgnored() {
    QSignalSpy hello(m_feed, &EventFeed::hello);
    QSignalSpy stats(m_feed, &EventFeed::stats);
    QSignalSpy error(m_feed, &EventFeed::lastErrorChanged);
    deliver(R"({"type":"stream.added","seq":3,"time":1,"data":{"app":"live"}})");
    QCOMPARE(hello.count() + stats.count() + error.count(), 0);
}

void TestFeedParsing::malformedMessagesAreReported_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("not json") << QByteArray("{oops");
    QTest::newRow("array") << QByteArray("[1,2]");
    QTest::newRow("no type") << QByteArray(R"({"seq":1,"data":{}})");
    QTest::newRow("data not object") << QByteArray(R"({"type":"stats","data":[1]})");
}

void TestFeedParsing::malformedMessagesAreReported() {
    QFETCH(QByteArray, text);
    QString error;
    QVERIFY(!parseFeedEnvelope(text, &error));
    QVERIFY(!error.isEmpty());
    QSignalSpy stats(m_feed, &EventFeed::stats);
    m_feed->processMessage(QString::fromUtf8(text));
    QCOMPARE(stats.count(), 0);
    QVERIFY(m_feed->lastError().contains(error));
}

void TestFeedParsing::feedUrlUsesWebSocketSchemeAndSecret() {
    EventFeed feed;
    feed.setEndpoint({QUrl("http://10.0.0.5:9092"), "a&b", {}, {}});
    feed.setLogLevel("debug");
    QCOMPARE(feed.feedUrl().toString(QUrl::FullyEncoded),
             QStringLiteral("ws://10.0.0.5:9092/index/events?secret=a%26b&log=debug"));
    feed.setEndpoint({QUrl("https://engine.example:443"), "s", {}, {}});
    QCOMPARE(feed.feedUrl().scheme(), QStringLiteral("wss"));
}

QTEST_GUILESS_MAIN(TestFeedParsing)
#include "tst_feed_parsing.moc"
