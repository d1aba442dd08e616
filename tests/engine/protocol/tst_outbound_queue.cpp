// The write queue every connection shares, against a socket stand-in that records what a
// client would receive: gathered writes, the merge window, and a graceful close that still
// delivers everything queued before it.

#include <QTest>
#include <algorithm>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <string>

#include "protocol/outbound_queue.h"

using namespace regie::protocol;
namespace asio = boost::asio;

namespace {

// Completes each write on the next turn of the loop, like a socket with room to spare.
class RecordingQueue final : public OutboundQueue<RecordingQueue> {
public:
    explicit RecordingQueue(asio::io_context& io) : OutboundQueue(io.get_executor()) {}

    void add(const std::string& text, bool start = true) {
        auto owned = std::make_shared<const std::string>(text);
        enqueue(Outbound{{asio::buffer(*owned)}, owned, owned->size(), false}, start);
    }

    void writeFront(const OutboundRing& queue) {
        ++writes;
        for (const auto& m : queue) {
            for (const auto& b : m.buffers) {
                received.append(static_cast<const char*>(b.data()), b.size());
            }
        }
        std::size_t count = queue.size();
        asio::post(queueExecutor(),
                   [self = shared_from_this(), count] { self->written({}, count); });
    }
    void closeSocket() { socketClosed = true; }

    std::string received;
    int writes = 0;
    bool socketClosed = false;
};

// Takes at most two messages per write and completes it before returning, like a socket with
// room to spare written to at once.
class ImmediateQueue final : public OutboundQueue<ImmediateQueue> {
public:
    explicit ImmediateQueue(asio::io_context& io) : OutboundQueue(io.get_executor()) {}

    void add(const std::string& text, bool start = true) {
        auto owned = std::make_shared<const std::string>(text);
        enqueue(Outbound{{asio::buffer(*owned)}, owned, owned->size(), false}, start);
    }

    void writeFront(const OutboundRing& queue) {
        ++writes;
        ++depth;
        maxDepth = std::max(maxDepth, depth);
        std::size_t count = std::min<std::size_t>(queue.size(), 2);
        auto message = queue.begin();
        for (std::size_t i = 0; i < count; ++i, ++message) {
            for (const auto& b : message->buffers) {
                received.append(static_cast<const char*>(b.data()), b.size());
            }
        }
        written({}, count);
        --depth;
    }
    void closeSocket() { socketClosed = true; }

    std::string received;
    int writes = 0;
    int depth = 0;
    int maxDepth = 0;
    bool socketClosed = false;
};

}  // namespace

class TestOutboundQueue : public QObject {
    Q_OBJECT

private slots:
    void queuedMessagesGoOutInOneWrite() {
        asio::io_context io;
        auto q = std::make_shared<RecordingQueue>(io);
        q->add("a", false);
        q->add("b", false);
        q->add("c", false);
        q->flush();
        io.run();
        QCOMPARE(QString::fromStdString(q->received), QStringLiteral("abc"));
        QCOMPARE(q->writes, 1);
        QCOMPARE(q->queued(), std::size_t{0});
        QCOMPARE(q->bytesWritten(), std::uint64_t{3});
    }

    void mergeWindowGathersLaterMessages() {
        asio::io_context io;
        auto q = std::make_shared<RecordingQueue>(io);
        q->setMergeWindow(std::chrono::milliseconds(50));
        q->add("first");  // the first write is never held back
        io.run_for(std::chrono::milliseconds(5));
        q->add("-2");
        q->add("-3");
        io.run_for(std::chrono::milliseconds(20));
        QCOMPARE(q->writes, 1);
        io.restart();
        io.run_for(std::chrono::milliseconds(100));
        QCOMPARE(QString::fromStdString(q->received), QStringLiteral("first-2-3"));
        QCOMPARE(q->writes, 2);
    }

    void gracefulCloseDeliversWhatAMergeWindowHeldBack() {
        asio::io_context io;
        auto q = std::make_shared<RecordingQueue>(io);
        q->setMergeWindow(std::chrono::milliseconds(500));
        q->add("first");
        io.run_for(std::chrono::milliseconds(5));
        q->add("-tail");
        q->add("-end");
        q->closeGracefully();
        io.restart();
        io.run_for(std::chrono::milliseconds(50));
        QCOMPARE(QString::fromStdString(q->received), QStringLiteral("first-tail-end"));
        QVERIFY(q->socketClosed);
    }

    void writesCompletedAtOnceTakeTheNextBatchWithoutRecursing() {
        asio::io_context io;
        auto q = std::make_shared<ImmediateQueue>(io);
        std::string expected;
        for (int i = 0; i < 1000; ++i) {
            q->add(std::to_string(i) + ",", false);
            expected += std::to_string(i) + ",";
        }
        q->flush();
        QCOMPARE(QString::fromStdString(q->received), QString::fromStdString(expected));
        QCOMPARE(q->writes, 500);
        QCOMPARE(q->maxDepth, 1);
        QCOMPARE(q->queued(), std::size_t{0});
        q->add("more");
        QCOMPARE(q->writes, 501);
        q->add("-end", false);
        q->closeGracefully();
        QVERIFY(q->received.ends_with("more-end"));
        QVERIFY(q->socketClosed);
    }

    void gracefulCloseWithNothingQueuedClosesAtOnce() {
        asio::io_context io;
        auto q = std::make_shared<RecordingQueue>(io);
        q->closeGracefully();
        QVERIFY(q->socketClosed);
        q->add("late");
        io.run();
        QVERIFY(q->received.empty());
    }
};

QTEST_GUILESS_MAIN(TestOutboundQueue)
#include "tst_outbound_queue.moc"
