#pragma once
// A private home for a console started by a test: its settings, and the bundled engine's data
// folder with every listener on a port the system picks, so tests never collide.

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

class ConsoleHome {
public:
    // `extraConfig` is appended to the engine's config.ini (e.g. known ZEGO secrets).
    bool prepare(const QByteArray& extraConfig = {}) {
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
            "[shell]\nport=0\n" +
            extraConfig);
        return true;
    }

    QString engineDir() const { return m_dir.filePath("data/Regie/regie/engine"); }
    // The console's own settings (QSettings of organisation Regie, application regie).
    QString settingsFile() const { return m_dir.filePath("config/Regie/regie.conf"); }

    // The bound ports of the bundled engine ({"http":…,"rtmp":…}) once its ready file says
    // so; empty after `ms`.
    QJsonObject waitForPorts(int ms = 30000) const {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < ms) {
            QFile file(engineDir() + "/ready.json");
            if (file.open(QIODevice::ReadOnly)) {
                const QJsonObject ports =
                    QJsonDocument::fromJson(file.readAll()).object().value("ports").toObject();
                if (ports.value("rtmp").toInt() > 0) {
                    return ports;
                }
            }
            QTest::qWait(200);
        }
        return {};
    }

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
