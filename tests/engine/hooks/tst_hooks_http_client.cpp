// The hook HTTP client: URL parsing, request bytes, statuses, deadlines, reply size cap,
// unreachable servers and shutdown.

#include <QElapsedTimer>
#include <QTest>

#include "hook_receiver.h"
#include "hooks_test_support.h"
#include "service/hooks/http_post_client.h"

using namespace regie::service::hooks;
using regie::test::HookAnswer;
using regie::test::HookReceiver;
using regie::test::IoThread;
using regie::test::Slot;
using PostResult = regie::core::Result<HttpPostResponse>;

namespace {

HttpPostRequest request(const QByteArray& url, std::chrono::milliseconds timeout) {
    HttpPostRequest r;
    r.url = url.toStdString();
    r.body = R"({"a":1})";
    r.timeout = timeout;
    return r;
}

int closedPort() {
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

}  // namespace

class TestHttpPostClient : public QObject {
    Q_OBJECT

private slots:
    void parsesUrls() {
        auto t = parseHttpUrl("http://127.0.0.1:8080/index/hook/on_publish?x=1&y=%20");
        QVERIFY(t.ok());
        QCOMPARE(t.value().host, std::string("127.0.0.1"));
        QCOMPARE(t.value().port, std::string("8080"));
        QCOMPARE(t.value().target, std::string("/index/hook/on_publish?x=1&y=%20"));
        QCOMPARE(t.value().hostField, std::string("127.0.0.1:8080"));

        auto d = parseHttpUrl("http://hooks.example.com");
        QVERIFY(d.ok());
        QCOMPARE(d.value().host, std::string("hooks.example.com"));
        QCOMPARE(d.value().port, std::string("80"));
        QCOMPARE(d.value().target, std::string("/"));

        auto v6 = parseHttpUrl("http://[::1]:81/a");
        QVERIFY(v6.ok());
        QCOMPARE(v6.value().host, std::string("::1"));
        QCOMPARE(v6.value().hostField, std::string("[::1]:81"));

        QVERIFY(!parseHttpUrl("https://127.0.0.1/x").ok());
        QVERIFY(!parseHttpUrl("not a url").ok());
        QVERIFY(!parseHttpUrl("").ok());
    }

    void postsAndReturnsStatusAndBody() {
        HookReceiver receiver;
        QVERIFY(receiver.listen());
        receiver.setResponder([](const auto&) { return HookAnswer{201, "created", 0, false}; });
        IoThread loop;
        HttpPostClient client(loop.io);
        Slot<PostResult> result;
        auto req = request(receiver.url("/hook/x?q=1"), std::chrono::seconds(3));
        req.headers.emplace_back("X-VHOST", "__defaultVhost__");
        client.post(req, [&](PostResult r) { result.set(std::move(r)); });
        QTRY_VERIFY_WITH_TIMEOUT(result.has(), 5000);
        auto r = result.get();
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        QCOMPARE(r.value().status, 201);
        QCOMPARE(r.value().body, std::string("created"));
        QCOMPARE(receiver.requests().size(), 1);
        const auto got = receiver.requests().first();
        QCOMPARE(got.method, QByteArray("POST"));
        QCOMPARE(got.target, QByteArray("/hook/x?q=1"));
        QCOMPARE(got.headers.value("content-type"), QByteArray("application/json"));
        QCOMPARE(got.headers.value("x-vhost"), QByteArray("__defaultVhost__"));
        QCOMPARE(got.headers.value("host"), "127.0.0.1:" + QByteArray::number(receiver.port()));
        QCOMPARE(got.body, QByteArray(R"({"a":1})"));
    }

    void timesOut() {
        HookReceiver receiver;
        QVERIFY(receiver.listen());
        receiver.setResponder([](const auto&) { return HookAnswer{200, "{}", 3000, false}; });
        IoThread loop;
        HttpPostClient client(loop.io);
        Slot<PostResult> result;
        QElapsedTimer timer;
        timer.start();
        client.post(request(receiver.url("/slow"), std::chrono::milliseconds(200)),
                    [&](PostResult r) { result.set(std::move(r)); });
        QTRY_VERIFY_WITH_TIMEOUT(result.has(), 5000);
        QVERIFY(timer.elapsed() < 2000);
        QVERIFY(!result.get().ok());
        QVERIFY(result.get().error().message.find("timeout") != std::string::npos);
    }

    void capsReplySize() {
        HookReceiver receiver;
        QVERIFY(receiver.listen());
        receiver.setResponder([](const auto&) {
            return HookAnswer{200, QByteArray(5000, 'x'), 0, false};
        });
        IoThread loop;
        HttpPostClient client(loop.io);
        Slot<PostResult> result;
        auto req = request(receiver.url("/big"), std::chrono::seconds(3));
        req.maxResponseBytes = 100;
        client.post(req, [&](PostResult r) { result.set(std::move(r)); });
        QTRY_VERIFY_WITH_TIMEOUT(result.has(), 5000);
        QVERIFY(!result.get().ok());
        QVERIFY(result.get().error().message.find("larger") != std::string::npos);
    }

    void failsWhenNobodyListensOrConnectionDrops() {
        IoThread loop;
        HttpPostClient client(loop.io);
        Slot<PostResult> refused;
        client.post(request("http://127.0.0.1:" + QByteArray::number(closedPort()) + "/x",
                            std::chrono::seconds(3)),
                    [&](PostResult r) { refused.set(std::move(r)); });
        QTRY_VERIFY_WITH_TIMEOUT(refused.has(), 5000);
        QVERIFY(!refused.get().ok());

        HookReceiver receiver;
        QVERIFY(receiver.listen());
        receiver.setResponder([](const auto&) { return HookAnswer{200, "", 0, true}; });
        Slot<PostResult> dropped;
        client.post(request(receiver.url("/drop"), std::chrono::seconds(3)),
                    [&](PostResult r) { dropped.set(std::move(r)); });
        QTRY_VERIFY_WITH_TIMEOUT(dropped.has(), 5000);
        QVERIFY(!dropped.get().ok());
    }

    void shutdownAbortsInFlightAndLaterRequests() {
        HookReceiver receiver;
        QVERIFY(receiver.listen());
        receiver.setResponder([](const auto&) { return HookAnswer{200, "{}", 10000, false}; });
        IoThread loop;
        HttpPostClient client(loop.io);
        Slot<PostResult> inFlight;
        client.post(request(receiver.url("/hang"), std::chrono::seconds(30)),
                    [&](PostResult r) { inFlight.set(std::move(r)); });
        QTRY_COMPARE_WITH_TIMEOUT(receiver.requests().size(), 1, 5000);
        QElapsedTimer timer;
        timer.start();
        client.shutdown();
        QTRY_VERIFY_WITH_TIMEOUT(inFlight.has(), 5000);
        QVERIFY(timer.elapsed() < 2000);
        QVERIFY(!inFlight.get().ok());
        QVERIFY(inFlight.get().error().message.find("shut down") != std::string::npos);

        Slot<PostResult> later;
        client.post(request(receiver.url("/later"), std::chrono::seconds(3)),
                    [&](PostResult r) { later.set(std::move(r)); });
        QTRY_VERIFY_WITH_TIMEOUT(later.has(), 5000);
        QVERIFY(!later.get().ok());
        QCOMPARE(receiver.requests().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestHttpPostClient)
#include "tst_hooks_http_client.moc"
