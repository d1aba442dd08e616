// ApiClient's signed ZEGO calls against a running engine (fake or real, see CMakeLists.txt).
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

#include "api_client.h"
#include "engine_fixture.h"
#include "engine_supervisor.h"

class TestZegoClient : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void signedCallPassesTheGateway();
    void wrongServerSecretFailsTheSignature();
    void unknownAppIdIsRefused();
#if ENGINE_IS_FAKE
    void arraysAndPostBodyReachTheServer();
#endif

private:
    ApiResult call(ApiReply* reply);
    // A well-formed request for an Action every engine version serves.
    static ApiParams dispatchParams() {
        return {
            {"StreamId", "cam1"}, {"Sequence", "1"}, {"Type", "pull"}, {"ClientIP", "127.0.0.1"}};
    }

    EngineFixture m_fixture;
    EngineSupervisor m_supervisor;
    ApiClient m_client;
};

ApiResult TestZegoClient::call(ApiReply* reply) {
    return EngineFixture::await(reply);
}

void TestZegoClient::initTestCase() {
    QVERIFY(m_fixture.isValid());
    QVERIFY2(m_fixture.start(m_supervisor), "the engine did not write its ready file");
    m_client.setEndpoint(m_supervisor.endpoint());
    QCOMPARE(m_client.endpoint().serverSecret, QLatin1String(EngineFixture::kServerSecret));
}

void TestZegoClient::signedCallPassesTheGateway() {
    const ApiResult result = call(m_client.zegoGet("RTMPDispatchV2", dispatchParams()));
    QVERIFY2(result.error == ApiResult::Error::None || result.error == ApiResult::Error::Api,
             qPrintable(result.describe()));
    // Gateway codes 100000001..100000016 would mean the signed public parameters were refused.
    QVERIFY2(result.code < 100000000 || result.code > 100000099, qPrintable(result.describe()));
    QVERIFY(!result.requestId.isEmpty());
}

void TestZegoClient::wrongServerSecretFailsTheSignature() {
    ApiClient client;
    EngineEndpoint endpoint = m_client.endpoint();
    endpoint.serverSecret = "ffffffffffffffffffffffffffffffff";
    client.setEndpoint(endpoint);
    const ApiResult result = call(client.zegoGet("RTMPDispatchV2", dispatchParams()));
    QCOMPARE(result.error, ApiResult::Error::Api);
    QCOMPARE(result.code, 100000005);
}

void TestZegoClient::unknownAppIdIsRefused() {
    ApiClient client;
    EngineEndpoint endpoint = m_client.endpoint();
    endpoint.appId = "42";
    client.setEndpoint(endpoint);
    const ApiResult result = call(client.zegoGet("RTMPDispatchV2", dispatchParams()));
    QCOMPARE(result.error, ApiResult::Error::Api);
    // The spec allows either "secret lookup failed" or "app configuration lookup failed".
    QVERIFY2(result.code == 100000010 || result.code == 100000011, qPrintable(result.describe()));
}

#if ENGINE_IS_FAKE
void TestZegoClient::arraysAndPostBodyReachTheServer() {
    ApiParams params;
    appendArrayParam(params, "UserId", {"a b", "c&d"});
    const ApiResult get = call(m_client.zegoGet("DescribeUsers", params));
    QVERIFY2(get.ok(), qPrintable(get.describe()));
    const QJsonArray query = get.data().toObject().value("query").toArray();
    QCOMPARE(query.at(6), QJsonValue(QJsonArray{"UserId[]", "a b"}));
    QCOMPARE(query.at(7), QJsonValue(QJsonArray{"UserId[]", "c&d"}));

    const ApiResult post = call(m_client.zegoPost("StartMix", {{"TaskId", "t1"}, {"Sequence", 3}}));
    QVERIFY2(post.ok(), qPrintable(post.describe()));
    const QJsonObject echo = post.data().toObject();
    QCOMPARE(echo.value("method").toString(), QStringLiteral("POST"));
    QCOMPARE(echo.value("body").toObject().value("TaskId").toString(), QStringLiteral("t1"));
    QCOMPARE(echo.value("query").toArray().first(), QJsonValue(QJsonArray{"Action", "StartMix"}));
}
#endif

QTEST_GUILESS_MAIN(TestZegoClient)
#include "tst_zego_client.moc"
