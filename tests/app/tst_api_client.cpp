// ApiClient against a running engine (fake or real, see CMakeLists.txt), started through the
// EngineSupervisor on a temporary data folder.
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

#include "api_client.h"
#include "engine_fixture.h"
#include "engine_supervisor.h"

class TestApiClient : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void version();
    void wrongSecretIsAnApiError();
    void unknownEndpointIsAnHttpError();
    void refusedConnectionIsATransportError();
    void getServerConfigListsEveryKeyAsString();
    void setServerConfigChangesAndPersists();
    void signedZegoCallPassesTheGateway();
    void wrongServerSecretFailsTheSignature();
#if ENGINE_IS_FAKE
    void malformedRepliesAreJsonErrors();
    void zegoArraysAndPostBodyReachTheServer();
#endif

private:
    ApiResult call(ApiReply* reply);

    EngineFixture m_fixture;
    EngineSupervisor m_supervisor;
    ApiClient m_client;
};

ApiResult TestApiClient::call(ApiReply* reply) {
    QSignalSpy spy(reply, &ApiReply::finished);
    if (!spy.wait(15000)) {
        return {ApiResult::Error::Transport, 0, 0, "test: no reply within 15 s", {}, {}};
    }
    return spy.at(0).at(0).value<ApiResult>();
}

void TestApiClient::initTestCase() {
    QVERIFY(m_fixture.isValid());
    m_supervisor.setOptions(m_fixture.options());
    QSignalSpy ready(&m_supervisor, &EngineSupervisor::ready);
    m_supervisor.start();
    QVERIFY2(ready.wait(30000), "the engine did not write its ready file");
    m_client.setEndpoint(m_supervisor.endpoint());
    QCOMPARE(m_client.endpoint().secret, QLatin1String(EngineFixture::kSecret));
    QCOMPARE(m_client.endpoint().appId, QLatin1String(EngineFixture::kAppId));
}

void TestApiClient::cleanupTestCase() {
    QSignalSpy stopped(&m_supervisor, &EngineSupervisor::stopped);
    m_supervisor.stop();
    QVERIFY(stopped.wait(10000));
}

void TestApiClient::version() {
    const ApiResult result = call(m_client.zlm("version"));
    QVERIFY2(result.ok(), qPrintable(result.describe()));
    const QJsonObject data = result.data().toObject();
    QVERIFY(!data.value("commitHash").toString().isEmpty());
    QVERIFY(data.contains("branchName"));
    QVERIFY(data.contains("buildTime"));
}

void TestApiClient::wrongSecretIsAnApiError() {
    ApiClient client;
    EngineEndpoint endpoint = m_client.endpoint();
    endpoint.secret = "wrong";
    client.setEndpoint(endpoint);
    const ApiResult result = call(client.zlm("version"));
    QCOMPARE(result.error, ApiResult::Error::Api);
    QCOMPARE(result.code, -100);
    QVERIFY(result.describe().contains("-100"));
}

void TestApiClient::unknownEndpointIsAnHttpError() {
    const ApiResult result = call(m_client.zlm("noSuchEndpoint"));
    QCOMPARE(result.error, ApiResult::Error::Http);
    QCOMPARE(result.httpStatus, 404);
}

void TestApiClient::refusedConnectionIsATransportError() {
    ApiClient client;
    client.setEndpoint({QUrl("http://127.0.0.1:1"), "x", {}, {}});
    const ApiResult result = call(client.zlm("version"));
    QCOMPARE(result.error, ApiResult::Error::Transport);
    QVERIFY(!result.message.isEmpty());
}

void TestApiClient::getServerConfigListsEveryKeyAsString() {
    const ApiResult result = call(m_client.zlm("getServerConfig"));
    QVERIFY2(result.ok(), qPrintable(result.describe()));
    const QJsonArray data = result.data().toArray();
    QCOMPARE(data.size(), 1);
    const QJsonObject config = data.first().toObject();
    QCOMPARE(config.value("api.secret").toString(), QLatin1String(EngineFixture::kSecret));
    QVERIFY(config.value("http.port").isString());
    QVERIFY(config.contains("api.apiDebug"));
}

void TestApiClient::setServerConfigChangesAndPersists() {
    const ApiResult set = call(m_client.zlm("setServerConfig", {{"api.apiDebug", "0"}}));
    QVERIFY2(set.ok(), qPrintable(set.describe()));
    QCOMPARE(set.body.value("changed").toInt(), 1);

    const ApiResult again = call(m_client.zlm("setServerConfig", {{"api.apiDebug", "0"}}));
    QVERIFY2(again.ok(), qPrintable(again.describe()));
    QCOMPARE(again.body.value("changed").toInt(), 0);

    const ApiResult get = call(m_client.zlm("getServerConfig"));
    QVERIFY2(get.ok(), qPrintable(get.describe()));
    QCOMPARE(get.data().toArray().first().toObject().value("api.apiDebug").toString(),
             QStringLiteral("0"));

    QVERIFY(call(m_client.zlm("setServerConfig", {{"api.apiDebug", "1"}})).ok());
}

void TestApiClient::signedZegoCallPassesTheGateway() {
    ApiParams params;
    appendArrayParam(params, "RoomId", {"room1", "room2"});
    const ApiResult result = call(m_client.zegoGet("DescribeUserNum", params));
    QVERIFY2(result.error == ApiResult::Error::None || result.error == ApiResult::Error::Api,
             qPrintable(result.describe()));
    // Gateway codes 100000001..100000016 would mean the signed public parameters were refused.
    QVERIFY2(result.code < 100000000 || result.code > 100000099, qPrintable(result.describe()));
    QVERIFY(!result.requestId.isEmpty());
}

void TestApiClient::wrongServerSecretFailsTheSignature() {
    ApiClient client;
    EngineEndpoint endpoint = m_client.endpoint();
    endpoint.serverSecret = "ffffffffffffffffffffffffffffffff";
    client.setEndpoint(endpoint);
    const ApiResult result = call(client.zegoGet("DescribeUserNum", {{"RoomId[]", "room1"}}));
    QCOMPARE(result.error, ApiResult::Error::Api);
    QCOMPARE(result.code, 100000005);
}

#if ENGINE_IS_FAKE
void TestApiClient::malformedRepliesAreJsonErrors() {
    const ApiResult notJson = call(m_client.zlm("testNotJson"));
    QCOMPARE(notJson.error, ApiResult::Error::Json);
    const ApiResult noCode = call(m_client.zlm("testNoCode"));
    QCOMPARE(noCode.error, ApiResult::Error::Json);
    QVERIFY(noCode.message.contains("code"));
    const ApiResult http500 = call(m_client.zlm("testHttp500"));
    QCOMPARE(http500.error, ApiResult::Error::Http);
    QCOMPARE(http500.httpStatus, 500);
}

void TestApiClient::zegoArraysAndPostBodyReachTheServer() {
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

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_api_client.moc"
