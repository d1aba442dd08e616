#pragma once

#include <QObject>
#include <QTimer>
#include <functional>

class DashboardModel;
class QQuickWindow;

// Saves the window as a PNG once the dashboard shows a live engine (its version and a few
// stats samples), then reports success. When that does not happen in time it saves what the
// window shows and reports failure.
// Used to produce the README screenshot and by the screenshot test.
class ScreenshotTaker : public QObject {
    Q_OBJECT

public:
    ScreenshotTaker(QQuickWindow* window, DashboardModel* dashboard, QString path, int timeoutMs,
                    QObject* parent = nullptr);

    // A further condition the window must meet before the shot, e.g. live video in a page.
    void setCondition(std::function<bool()> condition) { m_condition = std::move(condition); }

signals:
    void done(bool ok);

private:
    void check();
    void capture(bool live);

    QQuickWindow* m_window;
    DashboardModel* m_dashboard;
    QString m_path;
    std::function<bool()> m_condition;
    QTimer m_poll;
    QTimer m_deadline;
};
