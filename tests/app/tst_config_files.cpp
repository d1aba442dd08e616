#include <QTest>

#include "ini_file.h"
#include "ready_file.h"

class TestConfigFiles : public QObject {
    Q_OBJECT

private slots:
    void parsesZlmStyleIni();
    void readyFile_data();
    void readyFile();
};

void TestConfigFiles::parsesZlmStyleIni() {
    const auto values = parseIni(
        "; comment\n# another\n[api]\nsecret = abc=def \napiDebug=1\n\n[zego]\nappId=123\n"
        "serverSecret=s\"q\"\nbroken line\n[hook]\non_play=http://h/p?a=1,b\n");
    QCOMPARE(values.value("api.secret"), QStringLiteral("abc=def"));
    QCOMPARE(values.value("api.apiDebug"), QStringLiteral("1"));
    QCOMPARE(values.value("zego.appId"), QStringLiteral("123"));
    QCOMPARE(values.value("zego.serverSecret"), QStringLiteral("s\"q\""));
    QCOMPARE(values.value("hook.on_play"), QStringLiteral("http://h/p?a=1,b"));
    QCOMPARE(values.size(), 5);
}

void TestConfigFiles::readyFile_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("pid");
    QTest::addColumn<QString>("url");
    QTest::newRow("documented")
        << QByteArray(R"({"pid":4242,"httpUrl":"http://127.0.0.1:8080","ports":{"http":8080}})")
        << true << qint64(4242) << "http://127.0.0.1:8080";
    QTest::newRow("partial write") << QByteArray(R"({"pid":42)") << false << qint64(0) << "";
    QTest::newRow("no url") << QByteArray(R"({"pid":42})") << false << qint64(0) << "";
    QTest::newRow("no pid") << QByteArray(R"({"httpUrl":"http://h:1"})") << false << qint64(0)
                            << "";
}

void TestConfigFiles::readyFile() {
    QFETCH(QByteArray, json);
    QFETCH(bool, valid);
    const auto ready = parseReadyFile(json);
    QCOMPARE(ready.has_value(), valid);
    if (valid) {
        QFETCH(qint64, pid);
        QFETCH(QString, url);
        QCOMPARE(ready->pid, pid);
        QCOMPARE(ready->httpUrl, QUrl(url));
    }
}

QTEST_GUILESS_MAIN(TestConfigFiles)
#include "tst_config_files.moc"
