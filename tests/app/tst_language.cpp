#include <QQmlComponent>
#include <QQmlEngine>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

#include "language_manager.h"

// Switching the language retranslates live QML bindings from the embedded .qm files.
class TestLanguage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void switchesLiveBindings();
    void refusesUnknownLanguage();
    void remembersTheChoice();

private:
    QTemporaryDir m_dir;
};

void TestLanguage::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void TestLanguage::switchesLiveBindings() {
    QQmlEngine engine;
    LanguageManager languages;
    languages.setEngine(&engine);
    QVERIFY(languages.load("en"));

    // qsTr() takes its context from the file name, so this reads the strings of Main.qml.
    QQmlComponent component(&engine);
    component.setData(
        "import QtQuick\nItem {\n"
        "    property string page: qsTr(\"Dashboard\")\n"
        "    property string rail: qsTr(\"Proxies & RTP\")\n}\n",
        QUrl::fromLocalFile(m_dir.filePath("Main.qml")));
    std::unique_ptr<QObject> object(component.create());
    QVERIFY2(object, qPrintable(component.errorString()));
    QCOMPARE(object->property("page").toString(), QStringLiteral("Dashboard"));

    QSignalSpy changed(&languages, &LanguageManager::languageChanged);
    languages.setLanguage("zh_CN");
    QCOMPARE(changed.count(), 1);
    QCOMPARE(languages.language(), QStringLiteral("zh_CN"));
    QCOMPARE(object->property("page").toString(), QStringLiteral("仪表盘"));
    QCOMPARE(object->property("rail").toString(), QStringLiteral("拉流代理与 RTP"));

    languages.setLanguage("en");
    QCOMPARE(object->property("page").toString(), QStringLiteral("Dashboard"));
}

void TestLanguage::refusesUnknownLanguage() {
    LanguageManager languages;
    QVERIFY(languages.load("en"));
    QVERIFY(!languages.load("xx_YY"));
    QCOMPARE(languages.language(), QStringLiteral("en"));
}

void TestLanguage::remembersTheChoice() {
    {
        LanguageManager languages;
        QVERIFY(languages.load("zh_CN"));
    }
    QCOMPARE(LanguageManager::initialLanguage(), QStringLiteral("zh_CN"));
    QCOMPARE(LanguageManager().languages().size(), 2);
}

QTEST_MAIN(TestLanguage)
#include "tst_language.moc"
