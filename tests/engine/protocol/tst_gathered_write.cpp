// A gathered write on a real loopback socket: it completes before returning when the socket
// takes everything, and what the socket cannot take at once still arrives whole and in order.

#include <QTest>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <string>
#include <vector>

#include "protocol/gathered_write.h"

using namespace regie::protocol;
namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {

struct SocketPair {
    explicit SocketPair(asio::io_context& io) : writer(io), reader(io) {
        tcp::acceptor acceptor(io, {asio::ip::address_v4::loopback(), 0});
        writer.connect(acceptor.local_endpoint());
        acceptor.accept(reader);
    }
    tcp::socket writer;
    tcp::socket reader;
};

std::string pattern(std::size_t size, char seed) {
    std::string s(size, '\0');
    for (std::size_t i = 0; i < size; ++i) {
        s[i] = static_cast<char>(seed + static_cast<char>(i % 23));
    }
    return s;
}

}  // namespace

class TestGatheredWrite : public QObject {
    Q_OBJECT

private slots:
    void consumeDropsWholeAndPartBuffers() {
        std::string a = "abc";
        std::string b = "defg";
        std::string c = "hi";
        std::vector<asio::const_buffer> buffers{asio::buffer(a), asio::buffer(b), asio::buffer(c)};
        consumeBuffers(buffers, 5);
        QCOMPARE(buffers.size(), std::size_t{2});
        QCOMPARE(std::string(static_cast<const char*>(buffers[0].data()), buffers[0].size()),
                 std::string("fg"));
        consumeBuffers(buffers, 2);
        QCOMPARE(buffers.size(), std::size_t{1});
        QCOMPARE(buffers[0].data(), static_cast<const void*>(c.data()));
        consumeBuffers(buffers, 2);
        QVERIFY(buffers.empty());
    }

    void aWriteTheSocketTakesCompletesAtOnce() {
        asio::io_context io;
        SocketPair pair(io);
        std::string head = "head-";
        std::string body = "body";
        std::vector<asio::const_buffer> buffers{asio::buffer(head), asio::buffer(body)};
        bool done = false;
        boost::system::error_code result = asio::error::fault;
        writeGathered(pair.writer, buffers, [&](boost::system::error_code ec) {
            done = true;
            result = ec;
        });
        QVERIFY(done);  // before returning, without running the loop
        QVERIFY(!result);
        std::string got(9, '\0');
        asio::read(pair.reader, asio::buffer(got));
        QCOMPARE(got, std::string("head-body"));
    }

    void whatTheSocketCannotTakeGoesOutLaterInOrder() {
        asio::io_context io;
        SocketPair pair(io);
        std::vector<std::string> pieces;
        for (char seed : {'a', 'k', 'A', 'K'}) {
            pieces.push_back(pattern(std::size_t{8} << 20, seed));
        }
        std::vector<asio::const_buffer> buffers;
        std::string expected;
        for (const auto& p : pieces) {
            buffers.push_back(asio::buffer(p));
            expected += p;
        }
        int calls = 0;
        boost::system::error_code result = asio::error::fault;
        writeGathered(pair.writer, buffers, [&](boost::system::error_code ec) {
            ++calls;
            result = ec;
        });
        QCOMPARE(calls, 0);  // 32 MiB are more than a socket buffer holds
        std::string got(expected.size(), '\0');
        asio::async_read(pair.reader, asio::buffer(got),
                         [](boost::system::error_code, std::size_t) {});
        io.run();
        QCOMPARE(calls, 1);
        QVERIFY(!result);
        QVERIFY(got == expected);
    }

    void aFailedWriteReportsItsError() {
        asio::io_context io;
        SocketPair pair(io);
        pair.writer.close();
        std::string text = "late";
        std::vector<asio::const_buffer> buffers{asio::buffer(text)};
        bool failed = false;
        writeGathered(pair.writer, buffers,
                      [&](boost::system::error_code ec) { failed = static_cast<bool>(ec); });
        io.run();
        QVERIFY(failed);
    }
};

QTEST_GUILESS_MAIN(TestGatheredWrite)
#include "tst_gathered_write.moc"
