#include <QTest>

#include "api/zego/signature.h"

using regie::api::zego::computeSignature;
using regie::api::zego::signatureMatches;

class ZegoSignatureTest : public QObject {
    Q_OBJECT

private slots:
    void workedExamples_data() {
        QTest::addColumn<QString>("appId");
        QTest::addColumn<QString>("nonce");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("timestamp");
        QTest::addColumn<QString>("signature");
        QTest::newRow("A") << "12345"
                           << "4fd24687296dd9f3"
                           << "9193cc662a4c0ec135ec71fb57194b38"
                           << "1615186943"
                           << "43e5cfcca828314675f91b001390566a";
        QTest::newRow("B") << "1234567890"
                           << "a1b2c3d4e5f60718"
                           << "0123456789abcdef0123456789abcdef"
                           << "1700000000"
                           << "c90a56c08221a571fbf3007d1d7300d6";
    }
    void workedExamples() {
        QFETCH(QString, appId);
        QFETCH(QString, nonce);
        QFETCH(QString, secret);
        QFETCH(QString, timestamp);
        QFETCH(QString, signature);
        const std::string computed =
            computeSignature(appId.toStdString(), nonce.toStdString(), secret.toStdString(),
                             timestamp.toStdString());
        QCOMPARE(QString::fromStdString(computed), signature);
        QVERIFY(signatureMatches(computed, signature.toStdString()));
        QVERIFY(signatureMatches(computed, signature.toUpper().toStdString()));
    }

    void everyInputCounts() {
        const std::string base = computeSignature("12345", "4fd24687296dd9f3",
                                                  "9193cc662a4c0ec135ec71fb57194b38", "1615186943");
        QVERIFY(base != computeSignature("12346", "4fd24687296dd9f3",
                                         "9193cc662a4c0ec135ec71fb57194b38", "1615186943"));
        QVERIFY(base != computeSignature("12345", "4fd24687296dd9f4",
                                         "9193cc662a4c0ec135ec71fb57194b38", "1615186943"));
        QVERIFY(base != computeSignature("12345", "4fd24687296dd9f3",
                                         "9193cc662a4c0ec135ec71fb57194b39", "1615186943"));
        QVERIFY(base != computeSignature("12345", "4fd24687296dd9f3",
                                         "9193cc662a4c0ec135ec71fb57194b38", "1615186944"));
    }

    void mismatches() {
        const std::string expected = "c90a56c08221a571fbf3007d1d7300d6";
        QVERIFY(!signatureMatches(expected, "c90a56c08221a571fbf3007d1d7300d7"));
        QVERIFY(!signatureMatches(expected, "c90a56c08221a571fbf3007d1d7300d"));
        QVERIFY(!signatureMatches(expected, ""));
        QVERIFY(!signatureMatches("", ""));
    }
};

QTEST_APPLESS_MAIN(ZegoSignatureTest)
#include "zego_signature_test.moc"
