// The io/worker thread pools: stop() lets queued work finish, and stops a loop whose work
// never ends after its grace period instead of hanging the engine's shutdown.

#include <QElapsedTimer>
#include <QTest>
#include <atomic>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <thread>

#include "core/log.h"
#include "core/loop_pool.h"

using namespace regie::core;
using namespace std::chrono_literals;

namespace {
class CollectingSink final : public LogSink {
public:
    using LogSink::LogSink;
    void write(const LogRecord& r) override { lines.push_back(formatLogLine(r)); }
    std::vector<std::string> lines;
};
}  // namespace

class TestLoopPool : public QObject {
    Q_OBJECT

private slots:
    void stopLetsQueuedWorkFinish() {
        Logger log;
        LoopPool pool("t", 2, log);
        std::atomic<int> done{0};
        for (int i = 0; i < 4; ++i) {
            boost::asio::post(pool.next(), [&] {
                std::this_thread::sleep_for(50ms);
                ++done;
            });
        }
        pool.stop();
        QCOMPARE(done.load(), 4);
    }

    void workThatNeverEndsIsStoppedAfterTheGrace() {
        Logger log;
        auto sink = std::make_shared<CollectingSink>(LogLevel::info);
        log.addSink(sink);
        LoopPool pool("t", 1, log);
        boost::asio::steady_timer endless(pool.next(), 1h);
        bool ran = false;
        endless.async_wait([&](const boost::system::error_code&) { ran = true; });
        QElapsedTimer timer;
        timer.start();
        pool.stop(200ms);
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(timer.elapsed() >= 190);
        QVERIFY(!ran);
        QVERIFY(!sink->lines.empty() &&
                sink->lines.back().find("loop.forced_stop") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestLoopPool)
#include "tst_loop_pool.moc"
