#include <QRegularExpression>
#include <QTest>
#include <QUrlQuery>

#include "api_client.h"
#include "zego_signature.h"

class TestApiSigning : public QObject {
    Q_OBJECT

private slots:
    void signature_data();
    void signature();
    void zegoUrlCarriesSignedPublicParameters();
    void zegoNoncesAreFreshHex();
    void zlmUrlAddsSecretAndEncodesValues();
};

void TestApiSigning::signature_data() {
    QTest::addColumn<QString>("appId");
    QTest::addColumn<QString>("nonce");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<qint64>("timestamp");
    QTest::addColumn<QString>("expected");
    QTest::newRow("spec example A") << "12345"
                                    << "4fd24687296dd9f3"
                                    << "9193cc662a4c0ec135ec71fb57194b38" << qint64(1615186943)
                                    << "43e5cfcca828314675f91b001390566a";
    QTest::newRow("spec example B") << "1234567890"
                                    << "a1b2c3d4e5f60718"
                                    << "0123456789abcdef0123456789abcdef" << qint64(1700000000)
                                    << "c90a56c08221a571fbf3007d1d7300d6";
}

void TestApiSigning::signature() {
    QFETCH(QString, appId);
    QFETCH(QString, nonce);
    QFETCH(QString, secret);
    QFETCH(qint64, timestamp);
    QFETCH(QString, expected);
    QCOMPARE(zegoSignature(appId, nonce, secret, timestamp), expected);
}

void TestApiSigning::zegoUrlCarriesSignedPublicParameters() {
    ApiClient client;
    client.setEndpoint(
        {QUrl("http://127.0.0.1:8080"), "zlm", "1234567890", "0123456789abcdef0123456789abcdef"});
    client.setClock([] { return qint64(1700000000); });
    client.setNonceSource([] { return QStringLiteral("a1b2c3d4e5f60718"); });

    ApiParams params{{"IsTest", "false"}};
    appendArrayParam(params, "RoomId", {"room1", "room 2"});
    const QUrl url = client.zegoUrl("DescribeUserNum", params);

    QCOMPARE(url.path(), QStringLiteral("/"));
    const QList<std::pair<QString, QString>> items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    const QList<std::pair<QString, QString>> expected{
        {"Action", "DescribeUserNum"},
        {"AppId", "1234567890"},
        {"SignatureNonce", "a1b2c3d4e5f60718"},
        {"Timestamp", "1700000000"},
        {"Signature", "c90a56c08221a571fbf3007d1d7300d6"},
        {"SignatureVersion", "2.0"},
        {"IsTest", "false"},
        {"RoomId[]", "room1"},
        {"RoomId[]", "room 2"},
    };
    QCOMPARE(items, expected);
    const QByteArray wire = url.toEncoded();
    QVERIFY2(wire.contains("&RoomId[]=room1&RoomId[]=room%202"), wire.constData());
}

void TestApiSigning::zegoNoncesAreFreshHex() {
    ApiClient client;
    client.setEndpoint({QUrl("http://127.0.0.1:8080"), "zlm", "1", "s"});
    const QString first = QUrlQuery(client.zegoUrl("X", {})).queryItemValue("SignatureNonce");
    const QString second = QUrlQuery(client.zegoUrl("X", {})).queryItemValue("SignatureNonce");
    static const QRegularExpression hex16("^[0-9a-f]{16}$");
    QVERIFY2(hex16.match(first).hasMatch(), qPrintable(first));
    QVERIFY(first != second);
}

void TestApiSigning::zlmUrlAddsSecretAndEncodesValues() {
    ApiClient client;
    client.setEndpoint({QUrl("http://127.0.0.1:9092"), "s3cr+t", {}, {}});
    const QUrl url = client.zlmUrl("setServerConfig", {{"hook.on_play", "http://h/x?a=1&b=2 c+d"}});
    QCOMPARE(url.path(), QStringLiteral("/index/api/setServerConfig"));
    const QByteArray wire = url.toEncoded();
    QVERIFY2(wire.startsWith("http://127.0.0.1:9092/index/api/setServerConfig?secret=s3cr%2Bt&"),
             wire.constData());
    QVERIFY2(wire.endsWith("hook.on_play=http%3A%2F%2Fh%2Fx%3Fa%3D1%26b%3D2%20c%2Bd"),
             wire.constData());
}

QTEST_GUILESS_MAIN(TestApiSigning)
#include "tst_api_signing.moc"
