#pragma once
// A private home for a console started by a test: its settings, and the bundled engine's data
// folder with every listener on a port the system picks, so tests never collide.

#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <QTemporaryDir>

class ConsoleHome {
public:
    bool prepare() {
        if (!m_dir.isValid() || !QDir().mkpath(engineDir())) {
            return false;
        }
        QFile config(engineDir() + "/config.ini");
        if (!config.open(QIODevice::WriteOnly)) {
            return false;
        }
        config.write(
            "[http]\nport=0\nsslport=0\n[rtmp]\nport=0\nsslport=0\n[rtsp]\nport=0\n"
            "sslport=0\n[rtp_proxy]\nport=0\n[rtc]\nport=0\ntcpPort=0\n[srt]\nport=0\n"
            "[shell]\nport=0\n");
        return true;
    }

    QString engineDir() const { return m_dir.filePath("data/Regie/regie/engine"); }

    // The environment that points the console's data, config and runtime folders here.
    QProcessEnvironment environment() const {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("XDG_DATA_HOME", m_dir.filePath("data"));
        env.insert("XDG_CONFIG_HOME", m_dir.filePath("config"));
        env.insert("XDG_RUNTIME_DIR", m_dir.path());
        return env;
    }

private:
    QTemporaryDir m_dir;
};
