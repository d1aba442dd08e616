#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>

#include "api_client.h"
#include "config_model.h"
#include "connection_settings.h"
#include "dashboard_model.h"
#include "engine_supervisor.h"
#include "event_feed.h"
#include "log_model.h"
#include "stream_list_model.h"

// Wires one engine connection together: the settings choose a bundled (supervised) or remote
// engine; its endpoint feeds the API client and the event feed; the models listen to both.
// It holds no logic of its own beyond that wiring and the connection state it summarises.
class ConsoleSession : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the application")
    Q_PROPERTY(ConnectionSettings* settings READ settings CONSTANT)
    Q_PROPERTY(EngineSupervisor* supervisor READ supervisor CONSTANT)
    Q_PROPERTY(EventFeed* feed READ feed CONSTANT)
    Q_PROPERTY(DashboardModel* dashboard READ dashboard CONSTANT)
    Q_PROPERTY(LogModel* log READ log CONSTANT)
    Q_PROPERTY(ConfigModel* config READ config CONSTANT)
    Q_PROPERTY(StreamListModel* streams READ streams CONSTANT)
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString engineUrl READ engineUrl NOTIFY endpointChanged)
    Q_PROPERTY(
        int engineLogLevel READ engineLogLevel WRITE setEngineLogLevel NOTIFY engineLogLevelChanged)

public:
    enum class State { Idle, StartingEngine, Connecting, Connected, Reconnecting };
    Q_ENUM(State)

    explicit ConsoleSession(const QString& settingsFile = {}, QObject* parent = nullptr);

    ConnectionSettings* settings() { return &m_settings; }
    EngineSupervisor* supervisor() { return &m_supervisor; }
    EventFeed* feed() { return &m_feed; }
    DashboardModel* dashboard() { return &m_dashboard; }
    LogModel* log() { return &m_log; }
    ConfigModel* config() { return &m_config; }
    StreamListModel* streams() { return &m_streams; }
    State state() const { return m_state; }
    QString engineUrl() const { return m_client.endpoint().httpUrl.toString(); }
    // A LogModel::Level: the lowest level of engine records the feed forwards.
    int engineLogLevel() const { return m_engineLogLevel; }
    void setEngineLogLevel(int level);

    // (Re)connects as the settings say: starts the bundled engine or attaches to the remote.
    Q_INVOKABLE void connectEngine();

signals:
    void stateChanged();
    void endpointChanged();
    void engineLogLevelChanged();

private:
    void useEndpoint(const EngineEndpoint& endpoint);
    void onConfigChanged(const FeedConfigChange& change);
    void updateState();

    ConnectionSettings m_settings;
    EngineSupervisor m_supervisor;
    ApiClient m_client;
    EventFeed m_feed;
    LogModel m_log;
    DashboardModel m_dashboard{&m_client, &m_feed};
    ConfigModel m_config{&m_client, &m_feed};
    StreamListModel m_streams{&m_client, &m_feed};
    State m_state = State::Idle;
    bool m_everConnected = false;
    int m_engineLogLevel = LogModel::Info;
};
