#include <QQmlEngine>
#include <QtQml/QQmlExtensionPlugin>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(RegieConsolePlugin)
Q_IMPORT_QML_PLUGIN(RegieUiPlugin)

// The static QML modules are embedded at qrc:/Regie/...; Qt 6.4 does not search there.
class Setup : public QObject {
    Q_OBJECT

public slots:
    void qmlEngineAvailable(QQmlEngine* engine) { engine->addImportPath(QStringLiteral("qrc:/")); }
};

QUICK_TEST_MAIN_WITH_SETUP(regie_ui, Setup)
#include "tst_qml_components.moc"
