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
#include "mix_designer.h"
#include "mix_task_list_model.h"
#include "room_detail.h"
#include "room_list_model.h"
#include "rule_editor.h"
#include "rule_list_model.h"
#include "stream_list_model.h"
#include "token_tool.h"

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
    Q_PROPERTY(RoomListModel* rooms READ rooms CONSTANT)
    Q_PROPERTY(RoomDetail* room READ room CONSTANT)
    Q_PROPERTY(RuleListModel* userRules READ userRules CONSTANT)
    Q_PROPERTY(RuleListModel* streamRules READ streamRules CONSTANT)
    Q_PROPERTY(RuleListModel* streamForbids READ streamForbids CONSTANT)
    Q_PROPERTY(RuleEditor* ruleEditor READ ruleEditor CONSTANT)
    Q_PROPERTY(TokenTool* tokens READ tokens CONSTANT)
    Q_PROPERTY(MixDesigner* mix READ mix CONSTANT)
    Q_PROPERTY(MixTaskListModel* mixTasks READ mixTasks CONSTANT)
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
    RoomListModel* rooms() { return &m_rooms; }
    RoomDetail* room() { return &m_room; }
    RuleListModel* userRules() { return &m_userRules; }
    RuleListModel* streamRules() { return &m_streamRules; }
    RuleListModel* streamForbids() { return &m_streamForbids; }
    RuleEditor* ruleEditor() { return &m_ruleEditor; }
    TokenTool* tokens() { return &m_tokens; }
    MixDesigner* mix() { return &m_mix; }
    MixTaskListModel* mixTasks() { return &m_mixTasks; }
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
    RoomListModel m_rooms{&m_feed};
    RoomDetail m_room{&m_client, &m_feed};
    RuleListModel m_userRules{RuleListModel::Kind::user, &m_feed};
    RuleListModel m_streamRules{RuleListModel::Kind::stream, &m_feed};
    RuleListModel m_streamForbids{RuleListModel::Kind::forbid, &m_feed};
    RuleEditor m_ruleEditor{&m_client};
    TokenTool m_tokens;
    MixTaskListModel m_mixTasks{&m_feed};
    MixDesigner m_mix;
    State m_state = State::Idle;
    bool m_everConnected = false;
    int m_engineLogLevel = LogModel::Info;
};
