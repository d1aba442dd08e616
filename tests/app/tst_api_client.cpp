// ApiClient's ZLM calls against a running engine (fake or real, see CMakeLists.txt), started
// through the EngineSupervisor on a temporary data folder.
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
#if ENGINE_IS_FAKE
    void malformedRepliesAreJsonErrors();
#endif

private:
    ApiResult call(ApiReply* reply);

    EngineFixture m_fixture;
    EngineSupervisor m_supervisor;
    ApiClient m_client;
};

ApiResult TestApiClient::call(ApiReply* reply) {
    return EngineFixture::await(reply);
}

void TestApiClient::initTestCase() {
    QVERIFY(m_fixture.isValid());
    QVERIFY2(m_fixture.start(m_supervisor), "the engine did not write its ready file");
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
#endif

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_api_client.moc"
