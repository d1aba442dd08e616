#include "engine_process.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>
#include <QSettings>
#include <QThread>
#include <csignal>

namespace regie::test {

EngineProcess::EngineProcess(QString extraConfig) {
    QFile config(configPath());
    config.open(QIODevice::WriteOnly);
    config.write(
        "[general]\nlisten_ip=127.0.0.1\n[http]\nport=0\n[rtmp]\nport=0\n[rtsp]\nport=0\n"
        "[rtp_proxy]\nport=0\n");
    config.write(extraConfig.toUtf8());
    config.close();
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    QObject::connect(&m_process, &QProcess::readyRead,
                     [this] { m_output += QString::fromUtf8(m_process.readAll()); });
}

EngineProcess::~EngineProcess() {
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool EngineProcess::start(int timeoutMs) {
    QFile::remove(m_dir.filePath(QStringLiteral("ready.json")));
    m_process.start(QStringLiteral(REGIE_ENGINE_PATH),
                    {QStringLiteral("-c"), configPath(), QStringLiteral("--ready-file"),
                     m_dir.filePath(QStringLiteral("ready.json"))});
    if (!m_process.waitForStarted(timeoutMs)) {
        return false;
    }
    return waitReady(timeoutMs);
}

bool EngineProcess::waitReady(int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        m_process.waitForReadyRead(20);
        QFile ready(m_dir.filePath(QStringLiteral("ready.json")));
        if (ready.open(QIODevice::ReadOnly)) {
            const QJsonObject ports = QJsonDocument::fromJson(ready.readAll())
                                          .object()
                                          .value(QStringLiteral("ports"))
                                          .toObject();
            int port = ports.value(QStringLiteral("http")).toInt();
            if (port > 0) {
                m_httpPort = port;
                m_rtmpPort = ports.value(QStringLiteral("rtmp")).toInt();
                return true;
            }
        }
        if (m_process.state() == QProcess::NotRunning) {
            return false;
        }
    }
    return false;
}

void EngineProcess::kill() {
    m_process.kill();
    m_process.waitForFinished(5000);
}

bool EngineProcess::terminate() {
    m_process.terminate();
    return m_process.waitForFinished(10000) && m_process.exitStatus() == QProcess::NormalExit &&
           m_process.exitCode() == 0;
}

QString EngineProcess::output() {
    // Qt only sees what it has pulled from the pipe; pull what the engine wrote by now.
    while (m_process.state() == QProcess::Running && m_process.waitForReadyRead(50)) {
    }
    m_output += QString::fromUtf8(m_process.readAll());
    return m_output;
}

QString EngineProcess::configValue(const QString& section, const QString& key) const {
    QFile file(configPath());
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    QString current;
    for (const QByteArray& raw : file.readAll().split('\n')) {
        QString line = QString::fromUtf8(raw).trimmed();
        if (line.startsWith(u'[') && line.endsWith(u']')) {
            current = line.mid(1, line.size() - 2).trimmed();
        } else if (current == section) {
            int eq = line.indexOf(u'=');
            if (eq > 0 && line.left(eq).trimmed() == key) {
                return line.mid(eq + 1).trimmed();
            }
        }
    }
    return {};
}

}  // namespace regie::test
