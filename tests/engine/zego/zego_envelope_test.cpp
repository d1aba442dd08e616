#include <QTest>
#include <boost/json/parse.hpp>
#include <set>

#include "api/zego/envelope.h"
#include "api/zego/request_id.h"

using regie::api::zego::renderEnvelope;
using regie::api::zego::RequestIdGenerator;
using regie::api::zego::ZegoResult;

namespace {
boost::json::object parsed(const regie::api::ApiReply& reply) {
    return boost::json::parse(reply.body).as_object();
}

bool isDecimal(std::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}
}  // namespace

class ZegoEnvelopeTest : public QObject {
    Q_OBJECT

private slots:
    void successCarriesData() {
        boost::json::object data;
        data["MessageId"] = "1_1611647493487_29";
        const auto reply =
            renderEnvelope({0, "success", boost::json::value(data)}, "2237080460466033406");
        QCOMPARE(reply.status, 200u);
        QCOMPARE(reply.contentType, std::string("application/json; charset=utf-8"));
        const auto body = parsed(reply);
        QCOMPARE(body.size(), std::size_t{4});
        QCOMPARE(body.at("Code").as_int64(), 0);
        QCOMPARE(body.at("Message").as_string(), "success");
        QVERIFY(body.at("RequestId").is_string());
        QCOMPARE(body.at("RequestId").as_string(), "2237080460466033406");
        QCOMPARE(body.at("Data").as_object().at("MessageId").as_string(), "1_1611647493487_29");
    }

    void nullDataIsRendered() {
        const auto body = parsed(renderEnvelope({0, "ok", boost::json::value(nullptr)}, "1"));
        QVERIFY(body.contains("Data"));
        QVERIFY(body.at("Data").is_null());
    }

    void absentDataIsOmitted() {
        const auto body = parsed(renderEnvelope({0, "success", std::nullopt}, "1"));
        QVERIFY(!body.contains("Data"));
    }

    void errorOmitsData() {
        const auto reply =
            renderEnvelope({100000005, "signature wrong", boost::json::value(42)}, "7");
        QCOMPARE(reply.status, 200u);
        const auto body = parsed(reply);
        QCOMPARE(body.size(), std::size_t{3});
        QCOMPARE(body.at("Code").as_int64(), 100000005);
        QCOMPARE(body.at("Message").as_string(), "signature wrong");
        QCOMPARE(body.at("RequestId").as_string(), "7");
    }

    void escapesMessageText() {
        const auto body = parsed(renderEnvelope({2, "bad \"x\"\n", std::nullopt}, "1"));
        QCOMPARE(body.at("Message").as_string(), "bad \"x\"\n");
    }

    void requestIdsAreUniqueDecimalStrings() {
        RequestIdGenerator ids;
        std::set<std::string> seen;
        for (int i = 0; i < 1000; ++i) {
            const std::string id = ids.next();
            QVERIFY(isDecimal(id));
            QVERIFY(seen.insert(id).second);
        }
    }

    void requestIdsStayWithin63Bits() {
        RequestIdGenerator ids((std::uint64_t{1} << 63) - 1);
        QCOMPARE(ids.next(), std::string("9223372036854775807"));
        QCOMPARE(ids.next(), std::string("0"));
    }
};

QTEST_APPLESS_MAIN(ZegoEnvelopeTest)
#include "zego_envelope_test.moc"
