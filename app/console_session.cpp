#include "console_session.h"

#include <QMetaEnum>
#include <algorithm>

ConsoleSession::ConsoleSession(const QString& settingsFile, QObject* parent)
    : QObject(parent), m_settings(settingsFile), m_mix(&m_client, &m_mixTasks, settingsFile) {
    m_supervisor.setOptions(EngineSupervisor::bundledOptions());

    connect(&m_supervisor, &EngineSupervisor::ready, this, &ConsoleSession::useEndpoint);
    // While the feed is open it carries the same records as the engine's stderr; the raw
    // output fills the gaps: start-up, crashes and shutdown.
    connect(&m_supervisor, &EngineSupervisor::outputLine, &m_log,
            [this](const QString& line, bool isStderr) {
                if (m_feed.state() != EventFeed::State::Open) {
                    m_log.appendProcessLine(line, isStderr);
                }
            });
    connect(&m_supervisor, &EngineSupervisor::notice, &m_log,
            [this](const QString& text) { m_log.appendNotice(text); });
    connect(&m_supervisor, &EngineSupervisor::stateChanged, this, &ConsoleSession::updateState);

    connect(&m_feed, &EventFeed::log, &m_log, &LogModel::appendFeedLog);
    connect(&m_feed, &EventFeed::stateChanged, this, &ConsoleSession::updateState);
    connect(&m_feed, &EventFeed::configChanged, this, &ConsoleSession::onConfigChanged);
    connect(&m_feed, &EventFeed::shutdown, this, [this](const FeedShutdown& shutdown) {
        m_log.appendNotice(tr("The engine is shutting down (%1).").arg(shutdown.reason),
                           LogModel::Warn);
    });
}

void ConsoleSession::connectEngine() {
    m_everConnected = false;
    if (m_settings.mode() == ConnectionSettings::Mode::Remote) {
        m_supervisor.stop();
        m_log.appendNotice(tr("Attaching to the engine at %1.").arg(m_settings.remoteUrl()));
        useEndpoint(m_settings.remoteEndpoint());
    } else {
        // A missing config.ini is created by the engine itself, with fresh secrets that the
        // supervisor reads back once the engine is ready. An engine already running keeps
        // its endpoint; a starting one reports it through ready().
        useEndpoint(m_supervisor.endpoint());
        m_supervisor.start();
    }
    m_feed.open();
    updateState();
}

void ConsoleSession::setEngineLogLevel(int level) {
    level = std::clamp(level, int(LogModel::Trace), int(LogModel::Error));
    if (level == m_engineLogLevel) {
        return;
    }
    m_engineLogLevel = level;
    const auto name = QMetaEnum::fromType<LogModel::Level>().valueToKey(level);
    m_feed.setLogLevel(QString::fromLatin1(name).toLower());
    emit engineLogLevelChanged();
}

void ConsoleSession::useEndpoint(const EngineEndpoint& endpoint) {
    m_client.setEndpoint(endpoint);
    m_feed.setEndpoint(endpoint);
    m_tokens.setEndpoint(endpoint);
    emit endpointChanged();
}

void ConsoleSession::onConfigChanged(const FeedConfigChange& change) {
    // A new api.secret applies to this client's next calls and next feed connection.
    const auto secret = change.changed.constFind(QStringLiteral("api.secret"));
    if (secret != change.changed.constEnd() && *secret != m_client.endpoint().secret) {
        EngineEndpoint endpoint = m_client.endpoint();
        endpoint.secret = *secret;
        m_client.setEndpoint(endpoint);
        m_feed.setEndpoint(endpoint);
    }
}

void ConsoleSession::updateState() {
    State next;
    const bool bundled = m_settings.mode() == ConnectionSettings::Mode::Bundled;
    if (m_feed.state() == EventFeed::State::Open) {
        m_everConnected = true;
        next = State::Connected;
    } else if (m_feed.state() == EventFeed::State::Closed) {
        next = State::Idle;
    } else if (bundled && m_supervisor.state() != EngineSupervisor::State::Running) {
        next = m_everConnected ? State::Reconnecting : State::StartingEngine;
    } else {
        next = m_everConnected ? State::Reconnecting : State::Connecting;
    }
    if (next != m_state) {
        m_state = next;
        emit stateChanged();
    }
}
