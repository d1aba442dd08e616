#pragma once

#include <QtQml/qqmlregistration.h>

#include <QElapsedTimer>
#include <QObject>
#include <QProcess>
#include <QTimer>
#include <chrono>

#include "backoff.h"
#include "engine_endpoint.h"

// Runs the bundled regie-engine: starts it with a config file and a ready file, learns its URL
// and secrets once it is listening (and again after it restarts in place), restarts it with
// exponential backoff when it dies, and
// stops it with SIGTERM (then SIGKILL after a grace period). Every line the engine prints is
// forwarded through outputLine().
class EngineSupervisor : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The console session owns the supervisor")
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(qint64 pid READ pid NOTIFY stateChanged)
    Q_PROPERTY(int restarts READ restarts NOTIFY stateChanged)
    Q_PROPERTY(QString configPath READ configPath NOTIFY stateChanged)

public:
    enum class State { Stopped, Starting, Running, Restarting, Stopping };
    Q_ENUM(State)

    struct Options {
        QString program;
        QString configPath;
        QString readyFilePath;
        std::chrono::milliseconds readyTimeout{20000};
        std::chrono::milliseconds stopTimeout{5000};
        std::chrono::milliseconds backoffInitial{500};
        std::chrono::milliseconds backoffMax{30000};
        // An engine that stayed up this long is healthy again: the backoff starts over.
        std::chrono::milliseconds stableAfter{10000};
    };

    explicit EngineSupervisor(QObject* parent = nullptr);
    ~EngineSupervisor() override;

    // regie-engine beside the running console binary.
    static QString bundledProgram();
    // Options for the bundled engine under AppDataLocation/engine.
    static Options bundledOptions();

    void setOptions(const Options& options);
    const Options& options() const { return m_options; }

    void start();
    void stop();

    State state() const { return m_state; }
    qint64 pid() const;
    int restarts() const { return m_restarts; }
    QString configPath() const { return m_options.configPath; }
    EngineEndpoint endpoint() const { return m_endpoint; }

signals:
    void stateChanged();
    // The engine (re)started and listens: the URL and secrets to use from now on.
    void ready(const EngineEndpoint& endpoint);
    void outputLine(const QString& line, bool isStderr);
    // The supervisor's own account of what it does, for the log.
    void notice(const QString& text);
    void stopped();

private:
    void launch();
    void pollReadyFile();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onErrorOccurred(QProcess::ProcessError error);
    void scheduleRestart(const QString& why);
    void drain(QProcess::ProcessChannel channel, bool flush);
    void setState(State state);

    Options m_options;
    QProcess* m_process = nullptr;
    State m_state = State::Stopped;
    bool m_wanted = false;
    int m_restarts = 0;
    EngineEndpoint m_endpoint;
    Backoff m_backoff{m_options.backoffInitial, m_options.backoffMax};
    QTimer m_readyPoll;
    QTimer m_readyDeadline;
    QTimer m_restartTimer;
    QTimer m_killTimer;
    QElapsedTimer m_upSince;
    QByteArray m_partial[2];
};
