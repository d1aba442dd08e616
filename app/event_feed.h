#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QTimer>
#include <QWebSocket>
#include <chrono>

#include "backoff.h"
#include "engine_endpoint.h"
#include "feed_events.h"
#include "mix_task_info.h"
#include "room_info.h"
#include "rule_info.h"
#include "stream_info.h"

// The engine's event feed: one WebSocket to /index/events, reopened with backoff whenever it
// drops, decoded into one typed signal per event type. QWebSocket lives on the GUI thread and
// never blocks it, so every signal arrives there.
class EventFeed : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The console session owns the event feed")
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)

public:
    enum class State { Closed, Connecting, Open, Waiting };
    Q_ENUM(State)

    explicit EventFeed(QObject* parent = nullptr);
    ~EventFeed() override;

    // Reconnects at once when the feed is wanted and not connected, or the endpoint changed.
    void setEndpoint(const EngineEndpoint& endpoint);
    // The lowest engine log level forwarded as `log` events (trace, debug, info, warn, error);
    // an open feed reconnects to apply it.
    void setLogLevel(const QString& level);

    void open();

    State state() const { return m_state; }
    QString lastError() const { return m_lastError; }
    QUrl feedUrl() const;

    // Decodes one text frame and emits the matching signal.
    void processMessage(const QString& text);

signals:
    void stateChanged();
    void lastErrorChanged();
    void hello(const FeedHello& hello);
    void stats(const FeedStats& stats);
    void configChanged(const FeedConfigChange& change);
    void log(const FeedLog& record);
    void shutdown(const FeedShutdown& shutdown);
    void streams(const QList<StreamInfo>& streams);
    void streamAdded(const StreamInfo& stream);
    void streamRemoved(const StreamInfo& stream);
    void rooms(const QList<RoomSummary>& rooms);
    // A `room.*` event: a user or stream joined or left, a room was created or closed.
    void roomEvent(const QString& type, const QJsonObject& data);
    void rules(const RuleSnapshot& rules);
    void mixes(const QList<MixTaskInfo>& tasks);

private:
    void connectSocket();
    void onDisconnected();
    void setState(State state);
    void setLastError(const QString& error);

    QWebSocket m_socket;
    EngineEndpoint m_endpoint;
    QString m_logLevel = QStringLiteral("info");
    bool m_wanted = false;
    State m_state = State::Closed;
    QString m_lastError;
    Backoff m_backoff{std::chrono::milliseconds(250), std::chrono::milliseconds(8000)};
    QTimer m_retryTimer;
    QTimer m_silenceTimer;
};
