#include "screenshot_taker.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QQuickWindow>
#include <cstdio>

#include "dashboard_model.h"

namespace {
// Two stats samples mean the bars were drawn from live data, not only the initial fetch.
constexpr int kSamplesBeforeShot = 3;
}  // namespace

ScreenshotTaker::ScreenshotTaker(QQuickWindow* window, DashboardModel* dashboard, QString path,
                                 int timeoutMs, QObject* parent)
    : QObject(parent), m_window(window), m_dashboard(dashboard), m_path(std::move(path)) {
    m_poll.setInterval(200);
    connect(&m_poll, &QTimer::timeout, this, &ScreenshotTaker::check);
    m_poll.start();
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        m_poll.stop();
        std::fprintf(stderr, "screenshot: no live engine data after the timeout (version '%s')\n",
                     qPrintable(m_dashboard->version()));
        // The picture of the failure still helps whoever reads the test log.
        capture(false);
    });
    m_deadline.start(timeoutMs);
}

void ScreenshotTaker::check() {
    if (m_dashboard->version().isEmpty() || m_dashboard->statsReceived() < kSamplesBeforeShot ||
        m_dashboard->counters()->rowCount() == 0 || (m_condition && !m_condition())) {
        return;
    }
    m_poll.stop();
    m_deadline.stop();
    // Let the scene graph render the latest bindings before grabbing.
    QTimer::singleShot(300, this, [this] { capture(true); });
}

void ScreenshotTaker::capture(bool live) {
    const QImage image = m_window->grabWindow();
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    const bool saved = !image.isNull() && image.save(m_path, "PNG");
    std::fprintf(stderr, "screenshot: %s %s (engine %s)\n", saved ? "saved" : "FAILED to save",
                 qPrintable(m_path), qPrintable(m_dashboard->version()));
    emit done(live && saved);
}
