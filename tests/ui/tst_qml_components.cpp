#include <QQmlContext>
#include <QQmlEngine>
#include <QTemporaryDir>
#include <QtQml/QQmlExtensionPlugin>
#include <QtQuickTest>
#include <memory>

#include "console_session.h"
#include "language_manager.h"

Q_IMPORT_QML_PLUGIN(RegieConsolePlugin)
Q_IMPORT_QML_PLUGIN(RegieUiPlugin)

// The static QML modules are embedded at qrc:/Regie/...; Qt 6.4 does not search there. Page
// tests get an idle session (never connected) and a language manager to bind to.
class Setup : public QObject {
    Q_OBJECT

public slots:
    void qmlEngineAvailable(QQmlEngine* engine) {
        engine->addImportPath(QStringLiteral("qrc:/"));
        m_session = std::make_unique<ConsoleSession>(m_dir.filePath(QStringLiteral("regie.ini")));
        m_languages = std::make_unique<LanguageManager>();
        m_languages->setEngine(engine);
        m_languages->load(QStringLiteral("en"));
        engine->rootContext()->setContextProperty(QStringLiteral("idleSession"), m_session.get());
        engine->rootContext()->setContextProperty(QStringLiteral("testLanguages"),
                                                  m_languages.get());
    }

    void cleanupTestCase() {
        m_languages.reset();
        m_session.reset();
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ConsoleSession> m_session;
    std::unique_ptr<LanguageManager> m_languages;
};

QUICK_TEST_MAIN_WITH_SETUP(regie_ui, Setup)
#include "tst_qml_components.moc"
