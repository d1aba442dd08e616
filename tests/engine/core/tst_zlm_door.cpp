// The ZLM door without sockets: argument sources and decoding, the secret check order, the
// missing-argument envelope, routing and the IP allow-list.

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "api/zlm/ip_allow_list.h"
#include "api/zlm/zlm_args.h"
#include "api/zlm/zlm_door.h"

using namespace regie;
using namespace regie::api;
using namespace regie::api::zlm;

namespace {
ApiCall call(std::string path, std::string query, std::string body = {},
             std::string contentType = {}, std::string peer = "127.0.0.1") {
    ApiCall c;
    c.method = body.empty() ? "GET" : "POST";
    c.path = std::move(path);
    c.rawQuery = std::move(query);
    c.body = std::move(body);
    if (!contentType.empty()) {
        c.headers.push_back({"Content-Type", contentType});
    }
    c.peerIp = std::move(peer);
    return c;
}

struct Answer {
    ApiReply reply;
    QJsonObject json() const {
        return QJsonDocument::fromJson(QByteArray::fromStdString(reply.body)).object();
    }
};

Answer run(const ZlmDoor& door, const ApiCall& c) {
    Answer a;
    door.handle(c, [&](ApiReply r) { a.reply = std::move(r); });
    return a;
}
}  // namespace

class TestZlmDoor : public QObject {
    Q_OBJECT

    core::Logger m_log;
    ZlmDoor m_door{m_log};
    std::string m_lastStream;

private slots:
    void initTestCase() {
        ZlmDoorSettings s;
        s.secret = "s3cret";
        s.allowList = IpAllowList::parse("::1,127.0.0.1,10.0.0.0-10.255.255.255");
        s.notFoundPage = "<html>404</html>";
        m_door.updateSettings(std::move(s));
        m_door.add({"getMediaInfo",
                    {"schema", "vhost", "app", "stream"},
                    [this](const ZlmRequest& r, ZlmResponder out) {
                        m_lastStream = r.args.get("stream");
                        out.ok({{"echo", r.args.get("stream")}});
                    }});
        m_door.add({"throws", {}, [](const ZlmRequest&, ZlmResponder) -> void {
                        throw std::runtime_error("disk on fire");
                    }});
    }

    void argumentsComeFromQueryFormJsonAndHeaders() {
        auto a = ZlmArgs::fromCall(call("/x", "A=1&b=%41%zz+&a=2&empty=&STREAM=%2Flive"));
        QCOMPARE(QString::fromStdString(a.get("a")), QStringLiteral("2"));
        QCOMPARE(QString::fromStdString(a.get("b")), QStringLiteral("A%zz+"));
        QCOMPARE(QString::fromStdString(a.get("stream")), QStringLiteral("/live"));
        QVERIFY(!a.has("empty"));

        auto form = ZlmArgs::fromCall(call("/x", "k=query", "k=body&f=%20v%20",
                                           "application/x-www-form-urlencoded; charset=utf-8"));
        QCOMPARE(QString::fromStdString(form.get("k")), QStringLiteral("query"));
        QCOMPARE(QString::fromStdString(form.get("f")), QStringLiteral("v"));

        auto json = ZlmArgs::fromCall(
            call("/x", "", R"({"n":10,"f":1.5,"t":true,"z":null,"o":{"x":1},"s":"v"})",
                 "application/json"));
        QCOMPARE(QString::fromStdString(json.get("n")), QStringLiteral("10"));
        QCOMPARE(QString::fromStdString(json.get("f")), QStringLiteral("1.5"));
        QCOMPARE(QString::fromStdString(json.get("t")), QStringLiteral("true"));
        QCOMPARE(QString::fromStdString(json.get("z")), QString());
        QCOMPARE(QString::fromStdString(json.get("o")), QString());
        QCOMPARE(QString::fromStdString(json.get("s")), QStringLiteral("v"));

        auto bad = ZlmArgs::fromCall(call("/x", "", "{not json", "application/json"));
        QVERIFY(bad.entries().empty());

        auto other = ZlmArgs::fromCall(call("/x", "", "k=v", "text/plain"));
        QVERIFY(other.entries().empty());

        ApiCall withHeader = call("/x", "");
        withHeader.headers.push_back({"Secret", "fromheader"});
        QCOMPARE(QString::fromStdString(ZlmArgs::fromCall(withHeader).get("secret")),
                 QStringLiteral("fromheader"));
    }

    void secretCheckOrderAndMessages() {
        auto denied =
            run(m_door, call("/index/api/getMediaInfo", "secret=s3cret", {}, {}, "192.168.1.5"));
        QCOMPARE(denied.json().value("code").toInt(), -100);
        QCOMPARE(denied.json().value("msg").toString(),
                 QStringLiteral("Your ip is not allowed to access the service."));

        auto missing = run(m_door, call("/index/api/getMediaInfo", ""));
        QCOMPARE(missing.json().value("code").toInt(), -300);
        QCOMPARE(missing.json().value("msg").toString(), QStringLiteral("缺少必要参数:\"secret\""));
        QCOMPARE(missing.json().size(), 2);

        auto wrong = run(m_door, call("/index/api/getMediaInfo", "secret=S3CRET"));
        QCOMPARE(wrong.json().value("code").toInt(), -100);
        QCOMPARE(wrong.json().value("msg").toString(), QStringLiteral("secret错误"));
        QCOMPARE(QString::fromStdString(wrong.reply.contentType),
                 QStringLiteral("application/json; charset=utf-8"));
        QCOMPARE(wrong.reply.status, 200u);

        auto privateNet =
            run(m_door, call("/index/api/getMediaInfo", "secret=s3cret", {}, {}, "10.1.2.3"));
        QCOMPARE(privateNet.json().value("code").toInt(), -300);
    }

    void requiredArgumentsListAllNames() {
        auto a = run(m_door,
                     call("/index/api/getMediaInfo", "secret=s3cret&schema=rtmp&app=live&stream="));
        QCOMPARE(a.json().value("code").toInt(), -300);
        QCOMPARE(a.json().value("msg").toString(),
                 QStringLiteral("缺少必要参数:\"schema\",\"vhost\",\"app\",\"stream\""));
        auto ok = run(m_door, call("/INDEX/API/GETMEDIAINFO",
                                   "secret=s3cret&schema=rtmp&vhost=v&app=live&stream=a/b"));
        QCOMPARE(ok.json().value("code").toInt(), 0);
        QCOMPARE(ok.json().value("echo").toString(), QStringLiteral("a/b"));
        QVERIFY(!ok.json().contains("msg"));
    }

    void exceptionsBecomeCodeMinus400() {
        auto a = run(m_door, call("/index/api/throws", "secret=s3cret"));
        QCOMPARE(a.json().value("code").toInt(), -400);
        QCOMPARE(a.json().value("msg").toString(), QStringLiteral("disk on fire"));
    }

    void unknownPathIsA404WithoutEnvelope() {
        auto get = run(m_door, call("/index/api/nothing", "secret=s3cret"));
        QCOMPARE(get.reply.status, 404u);
        QCOMPARE(QString::fromStdString(get.reply.body), QStringLiteral("<html>404</html>"));
        ApiCall post = call("/index/api/nothing", "", "x=1", "application/x-www-form-urlencoded");
        auto p = run(m_door, post);
        QCOMPARE(p.reply.status, 404u);
        QVERIFY(p.reply.body.empty());
    }

    void apiListIsSortedAndIncludesIndexAlias() {
        auto list = m_door.apiList();
        QCOMPARE(QString::fromStdString(list.front()), QStringLiteral("/index/"));
        QVERIFY(std::is_sorted(list.begin(), list.end()));
        QVERIFY(ZlmDoor::isApiPath("/index/"));
        QVERIFY(ZlmDoor::isApiPath("/Index/Api/version"));
        QVERIFY(!ZlmDoor::isApiPath("/index/api/"));
        QVERIFY(!ZlmDoor::isApiPath("/live/stream.flv"));
    }

    void ipAllowListRanges() {
        auto list = IpAllowList::parse(
            " 127.0.0.1 , 172.16.0.0-172.31.255.255,::1,fd00::-fd00::ffff,garbage");
        QVERIFY(list.allows("127.0.0.1"));
        QVERIFY(list.allows("::ffff:127.0.0.1"));
        QVERIFY(list.allows("172.20.1.1"));
        QVERIFY(!list.allows("172.32.0.1"));
        QVERIFY(list.allows("::1"));
        QVERIFY(list.allows("fd00::12"));
        QVERIFY(!list.allows("fd00::1:0"));
        QVERIFY(!list.allows("8.8.8.8"));
        QVERIFY(!list.allows("not-an-ip"));
        QVERIFY(IpAllowList::parse("").allows("8.8.8.8"));
    }
};

QTEST_GUILESS_MAIN(TestZlmDoor)
#include "tst_zlm_door.moc"
