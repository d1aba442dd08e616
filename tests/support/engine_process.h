#pragma once
// Starts a real regie-engine on free ports in a temporary data folder, for integration tests.

#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace regie::test {

class EngineProcess {
public:
    // `extraConfig` is INI text appended to the generated config (e.g. "[http]\nmaxReqSize=1024").
    explicit EngineProcess(QString extraConfig = {});
    ~EngineProcess();

    bool start(int timeoutMs = 10000);
    // Waits for the ready file to be rewritten with a new port set (after restartServer).
    bool waitReady(int timeoutMs = 10000);
    void kill();       // SIGKILL, as in a crash
    bool terminate();  // SIGTERM and wait for a clean exit

    int httpPort() const { return m_httpPort; }
    int rtmpPort() const { return m_rtmpPort; }  // 0 while the engine has no RTMP listener
    QString baseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_httpPort); }
    QString dataDir() const { return m_dir.path(); }
    QString configPath() const { return m_dir.filePath(QStringLiteral("config.ini")); }
    QString configValue(const QString& section, const QString& key) const;
    QString secret() const { return configValue(QStringLiteral("api"), QStringLiteral("secret")); }
    // Everything the engine printed so far.
    QString output();
    QProcess& process() { return m_process; }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    QString m_output;
    int m_httpPort = 0;
    int m_rtmpPort = 0;
};

}  // namespace regie::test
