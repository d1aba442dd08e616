#include "engine_supervisor.h"

#include <sys/prctl.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <csignal>

#include "ini_file.h"
#include "ready_file.h"

EngineSupervisor::EngineSupervisor(QObject* parent) : QObject(parent) {
    m_readyPoll.setInterval(150);
    connect(&m_readyPoll, &QTimer::timeout, this, &EngineSupervisor::pollReadyFile);
    m_readyDeadline.setSingleShot(true);
    connect(&m_readyDeadline, &QTimer::timeout, this, [this] {
        emit notice(tr("The engine did not report ready in time; killing it."));
        if (m_process) {
            m_process->kill();
        }
    });
    m_restartTimer.setSingleShot(true);
    connect(&m_restartTimer, &QTimer::timeout, this, &EngineSupervisor::launch);
    m_killTimer.setSingleShot(true);
    connect(&m_killTimer, &QTimer::timeout, this, [this] {
        if (m_process) {
            emit notice(tr("The engine ignored SIGTERM; killing it."));
            m_process->kill();
        }
    });
}

EngineSupervisor::~EngineSupervisor() {
    if (!m_process) {
        return;
    }
    m_process->disconnect(this);
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(int(m_options.stopTimeout.count()))) {
            m_process->kill();
            m_process->waitForFinished(1000);
        }
    }
}

QString EngineSupervisor::bundledProgram() {
    return QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("regie-engine"));
}

EngineSupervisor::Options EngineSupervisor::bundledOptions() {
    const QDir dir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                   QStringLiteral("/engine"));
    Options options;
    options.program = bundledProgram();
    options.configPath = dir.filePath(QStringLiteral("config.ini"));
    options.readyFilePath = dir.filePath(QStringLiteral("ready.json"));
    return options;
}

void EngineSupervisor::setOptions(const Options& options) {
    m_options = options;
    m_backoff = Backoff(options.backoffInitial, options.backoffMax);
}

qint64 EngineSupervisor::pid() const {
    return m_process ? m_process->processId() : 0;
}

void EngineSupervisor::start() {
    m_wanted = true;
    m_killTimer.stop();
    if (m_process || m_restartTimer.isActive()) {
        return;
    }
    m_backoff.reset();
    launch();
}

void EngineSupervisor::stop() {
    m_wanted = false;
    m_restartTimer.stop();
    m_readyPoll.stop();
    m_readyDeadline.stop();
    if (!m_process) {
        setState(State::Stopped);
        return;
    }
    setState(State::Stopping);
    m_process->terminate();
    m_killTimer.start(m_options.stopTimeout);
}

void EngineSupervisor::launch() {
    QFile::remove(m_options.readyFilePath);
    QDir().mkpath(QFileInfo(m_options.readyFilePath).absolutePath());
    m_endpoint = {};
    m_partial[0].clear();
    m_partial[1].clear();

    m_process = new QProcess(this);
    m_process->setProgram(m_options.program);
    m_process->setArguments({QStringLiteral("-c"), m_options.configPath,
                             QStringLiteral("--ready-file"), m_options.readyFilePath});
    // If the console dies without stopping it, the bundled engine gets SIGTERM too instead of
    // holding its ports for the next console.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    connect(m_process, &QProcess::readyReadStandardOutput, this,
            [this] { drain(QProcess::StandardOutput, false); });
    connect(m_process, &QProcess::readyReadStandardError, this,
            [this] { drain(QProcess::StandardError, false); });
    connect(m_process, &QProcess::finished, this, &EngineSupervisor::onFinished);
    connect(m_process, &QProcess::errorOccurred, this, &EngineSupervisor::onErrorOccurred);

    // started() comes only once exec succeeded; a missing program ends in FailedToStart.
    connect(m_process, &QProcess::started, this, [this] {
        emit notice(tr("Started %1 (pid %2).").arg(m_options.program).arg(pid()));
        emit stateChanged();
    });

    setState(m_restarts > 0 ? State::Restarting : State::Starting);
    m_readyPoll.start();
    m_readyDeadline.start(m_options.readyTimeout);
    m_process->start();
}

void EngineSupervisor::pollReadyFile() {
    const auto readyFile = readReadyFile(m_options.readyFilePath);
    // A ready file left behind by a killed engine names another pid: keep waiting.
    if (!readyFile || !m_process || readyFile->pid != m_process->processId()) {
        // The engine removes its ready file while it restarts in place (restartServer) and
        // writes it again, possibly with new ports, once it listens again.
        m_endpoint.httpUrl.clear();
        return;
    }
    if (readyFile->httpUrl == m_endpoint.httpUrl) {
        return;
    }
    m_readyDeadline.stop();
    const QHash<QString, QString> config = readIniFile(m_options.configPath);
    m_endpoint.httpUrl = readyFile->httpUrl;
    m_endpoint.secret = config.value(QStringLiteral("api.secret"));
    m_endpoint.appId = config.value(QStringLiteral("zego.appId"));
    m_endpoint.serverSecret = config.value(QStringLiteral("zego.serverSecret"));
    if (!m_upSince.isValid()) {
        m_upSince.start();
    }
    setState(State::Running);
    emit notice(tr("The engine listens on %1.").arg(m_endpoint.httpUrl.toString()));
    emit ready(m_endpoint);
}

void EngineSupervisor::onFinished(int exitCode, QProcess::ExitStatus status) {
    drain(QProcess::StandardOutput, true);
    drain(QProcess::StandardError, true);
    m_readyPoll.stop();
    m_readyDeadline.stop();
    m_killTimer.stop();
    m_process->deleteLater();
    m_process = nullptr;

    const QString how = status == QProcess::CrashExit
                            ? tr("The engine crashed.")
                            : tr("The engine exited with status %1.").arg(exitCode);
    if (!m_wanted) {
        emit notice(how);
        setState(State::Stopped);
        emit stopped();
        return;
    }
    scheduleRestart(how);
}

void EngineSupervisor::onErrorOccurred(QProcess::ProcessError error) {
    if (error != QProcess::FailedToStart) {
        return;  // crashes and exits arrive through finished()
    }
    const QString why = tr("Cannot start %1: %2").arg(m_options.program, m_process->errorString());
    m_process->deleteLater();
    m_process = nullptr;
    m_readyPoll.stop();
    m_readyDeadline.stop();
    if (!m_wanted) {
        emit notice(why);
        setState(State::Stopped);
        return;
    }
    scheduleRestart(why);
}

void EngineSupervisor::scheduleRestart(const QString& why) {
    if (m_upSince.isValid() && m_upSince.elapsed() >= m_options.stableAfter.count()) {
        m_backoff.reset();
    }
    m_upSince.invalidate();
    const auto delay = m_backoff.next();
    ++m_restarts;
    emit notice(tr("%1 Restarting in %2 ms.").arg(why).arg(delay.count()));
    setState(State::Restarting);
    m_restartTimer.start(delay);
}

void EngineSupervisor::drain(QProcess::ProcessChannel channel, bool flush) {
    if (!m_process) {
        return;
    }
    const bool isStderr = channel == QProcess::StandardError;
    QByteArray& buffer = m_partial[isStderr ? 1 : 0];
    buffer += isStderr ? m_process->readAllStandardError() : m_process->readAllStandardOutput();
    qsizetype newline;
    while ((newline = buffer.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(buffer.left(newline)).trimmed();
        buffer.remove(0, newline + 1);
        if (!line.isEmpty()) {
            emit outputLine(line, isStderr);
        }
    }
    if (flush && !buffer.trimmed().isEmpty()) {
        emit outputLine(QString::fromUtf8(buffer).trimmed(), isStderr);
        buffer.clear();
    }
}

void EngineSupervisor::setState(State state) {
    if (m_state == state) {
        return;
    }
    m_state = state;
    emit stateChanged();
}
