#pragma once
// A private X server for screenshots with video (the offscreen platform draws video black):
// Xvfb picks a free display, says which, and is stopped by its PID when this goes away.

#include <QByteArray>
#include <QElapsedTimer>
#include <QProcess>
#include <QString>

class XvfbDisplay {
public:
    ~XvfbDisplay() { stop(); }

    // The display name (":<n>") once the server accepts clients; empty when it did not start.
    QString start() {
        m_xvfb.start(REGIE_XVFB_PATH,
                     {"-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp"});
        if (!m_xvfb.waitForStarted(5000)) {
            return {};
        }
        QByteArray out;
        QElapsedTimer timer;
        timer.start();
        while (!out.contains('\n') && timer.elapsed() < 15000) {
            m_xvfb.waitForReadyRead(500);
            out += m_xvfb.readAllStandardOutput();
        }
        const QByteArray number = out.trimmed();
        return number.isEmpty() ? QString() : ":" + QString::fromLatin1(number);
    }

    void stop() {
        if (m_xvfb.state() == QProcess::NotRunning) {
            return;
        }
        m_xvfb.terminate();
        if (!m_xvfb.waitForFinished(5000)) {
            m_xvfb.kill();
            m_xvfb.waitForFinished(5000);
        }
    }

private:
    QProcess m_xvfb;
};
