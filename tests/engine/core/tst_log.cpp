// Log line format, level filtering across sinks, and file rotation.

#include <QTemporaryDir>
#include <QTest>
#include <filesystem>

#include "core/log.h"

using namespace regie::core;

namespace {
class CollectingSink final : public LogSink {
public:
    using LogSink::LogSink;
    void write(const LogRecord& r) override { lines.push_back(formatLogLine(r)); }
    std::vector<std::string> lines;
};
}  // namespace

class TestLog : public QObject {
    Q_OBJECT

private slots:
    void formatsLogfmtWithQuoting() {
        LogRecord r{
            std::chrono::system_clock::time_point(std::chrono::milliseconds(1'700'000'000'123)),
            LogLevel::warn,
            "http.listen",
            {{"ip", "127.0.0.1"}, {"port", 8080}, {"msg", "a \"b\"=c"}, {"empty", ""}}};
        QCOMPARE(QString::fromStdString(formatLogLine(r)),
                 QStringLiteral("2023-11-14T22:13:20.123Z WARN http.listen ip=127.0.0.1 port=8080 "
                                "msg=\"a \\\"b\\\"=c\" empty=\"\""));
    }

    void thresholdFollowsSinks() {
        Logger log;
        QVERIFY(!log.enabled(LogLevel::error));
        auto info = std::make_shared<CollectingSink>(LogLevel::info);
        log.addSink(info);
        QVERIFY(log.enabled(LogLevel::info));
        QVERIFY(!log.enabled(LogLevel::debug));
        auto trace = std::make_shared<CollectingSink>(LogLevel::trace);
        log.addSink(trace);
        log.debug("d");
        log.info("i");
        QCOMPARE(info->lines.size(), std::size_t(1));
        QCOMPARE(trace->lines.size(), std::size_t(2));
        log.removeSink(trace);
        QVERIFY(!log.enabled(LogLevel::debug));
        QVERIFY(parseLogLevel("warn") == LogLevel::warn);
        QVERIFY(!parseLogLevel("loud"));
    }

    void fileRotates() {
        QTemporaryDir dir;
        std::string path = dir.filePath("log/engine.log").toStdString();
        Logger log;
        log.addSink(std::make_shared<RotatingFileSink>(LogLevel::info, path, 300, 2));
        for (int i = 0; i < 40; ++i) {
            log.info("tick", {{"i", i}});
        }
        QVERIFY(std::filesystem::exists(path));
        QVERIFY(std::filesystem::exists(path + ".1"));
        QVERIFY(std::filesystem::exists(path + ".2"));
        QVERIFY(!std::filesystem::exists(path + ".3"));
        QVERIFY(std::filesystem::file_size(path) <= 300);
    }
};

QTEST_GUILESS_MAIN(TestLog)
#include "tst_log.moc"
