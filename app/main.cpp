#include <QCommandLineParser>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QtQml/QQmlExtensionPlugin>
#include <cstdio>
#include <memory>

#include "console_session.h"
#include "language_manager.h"
#include "preview_census.h"
#include "screenshot_taker.h"

Q_IMPORT_QML_PLUGIN(RegieConsolePlugin)
Q_IMPORT_QML_PLUGIN(RegieUiPlugin)

int main(int argc, char* argv[]) {
    QGuiApplication app(argc, argv);
    QGuiApplication::setOrganizationName(QStringLiteral("Regie"));
    QGuiApplication::setApplicationName(QStringLiteral("regie"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Regie"));
    QGuiApplication::setApplicationVersion(QStringLiteral(REGIE_VERSION));
    QQuickStyle::setStyle(QStringLiteral("Fusion"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Regie control room console"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption pageOption(QStringLiteral("page"),
                                        QStringLiteral("Page to open (dashboard, log, ...)."),
                                        QStringLiteral("page"), QStringLiteral("dashboard"));
    const QCommandLineOption languageOption(QStringLiteral("language"),
                                            QStringLiteral("UI language (en, zh_CN)."),
                                            QStringLiteral("code"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QStringLiteral("Save the window as PNG once the engine is live, then quit."),
        QStringLiteral("file"));
    const QCommandLineOption timeoutOption(QStringLiteral("screenshot-timeout"),
                                           QStringLiteral("Seconds to wait for a live engine."),
                                           QStringLiteral("seconds"), QStringLiteral("60"));
    parser.addOptions({pageOption, languageOption, screenshotOption, timeoutOption});
    parser.process(app);

    // Declared before the QML engine so that they outlive every binding that refers to them.
    ConsoleSession session;
    LanguageManager languages;

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    languages.setEngine(&engine);
    const QString language = parser.isSet(languageOption) ? parser.value(languageOption)
                                                          : LanguageManager::initialLanguage();
    if (!languages.load(language)) {
        languages.load(QStringLiteral("en"));
    }

    engine.setInitialProperties({{QStringLiteral("session"), QVariant::fromValue(&session)},
                                 {QStringLiteral("languages"), QVariant::fromValue(&languages)},
                                 {QStringLiteral("initialPage"), parser.value(pageOption)}});
    engine.load(QUrl(QStringLiteral("qrc:/Regie/Ui/Main.qml")));
    if (engine.rootObjects().isEmpty()) {
        return 1;
    }
    session.connectEngine();

    if (parser.isSet(screenshotOption)) {
        // A picture of a page with broken bindings is a failure, not documentation.
        auto qmlWarnings = std::make_shared<int>(0);
        QObject::connect(&engine, &QQmlEngine::warnings, &app,
                         [qmlWarnings](const QList<QQmlError>& warnings) {
                             *qmlWarnings += int(warnings.size());
                         });
        auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
        auto* taker =
            new ScreenshotTaker(window, session.dashboard(), parser.value(screenshotOption),
                                parser.value(timeoutOption).toInt() * 1000, &app);
        const QString page = parser.value(pageOption);
        if (page == QLatin1String("streams")) {
            // A second of video in every tile: the pictures are live, not a first keyframe.
            taker->setCondition(
                [window] { return fewestPreviewFrames(window->contentItem()) >= 25; });
        } else if (page == QLatin1String("rooms")) {
            // A room with its users and, when it has streams, live video in the preview.
            taker->setCondition([window, &session] {
                return session.rooms()->rowCount() > 0 && session.room()->users()->rowCount() > 0 &&
                       (session.room()->streams().isEmpty() ||
                        fewestPreviewFrames(window->contentItem()) >= 25);
            });
        } else if (page == QLatin1String("mix")) {
            // The layout's inputs and the mixed output, all live.
            taker->setCondition([window, &session] {
                return session.mix()->rowCount() > 0 &&
                       fewestPreviewFrames(window->contentItem()) >= 25;
            });
        } else if (page == QLatin1String("rules")) {
            taker->setCondition([&session] {
                return session.userRules()->rowCount() > 0 && session.streamRules()->rowCount() > 0;
            });
        }
        QObject::connect(taker, &ScreenshotTaker::done, &app, [qmlWarnings](bool ok) {
            if (*qmlWarnings > 0) {
                std::fprintf(stderr, "screenshot: %d QML warning(s)\n", *qmlWarnings);
            }
            QCoreApplication::exit(ok && *qmlWarnings == 0 ? 0 : 1);
        });
    }
    return app.exec();
}
