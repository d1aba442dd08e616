#include "event_feed.h"

#include "feed_parser.h"

EventFeed::EventFeed(QObject* parent) : QObject(parent) {
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &EventFeed::connectSocket);
    // The engine sends stats every second: a connection silent for much longer is dead.
    m_silenceTimer.setSingleShot(true);
    m_silenceTimer.setInterval(20000);
    connect(&m_silenceTimer, &QTimer::timeout, this, [this] {
        setLastError(tr("The event feed went silent."));
        m_socket.abort();
    });

    connect(&m_socket, &QWebSocket::connected, this, [this] {
        m_backoff.reset();
        setLastError({});
        setState(State::Open);
        m_silenceTimer.start();
    });
    connect(&m_socket, &QWebSocket::disconnected, this, &EventFeed::onDisconnected);
    connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this] { setLastError(m_socket.errorString()); });
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &EventFeed::processMessage);
}

EventFeed::~EventFeed() {
    // Closing the socket on destruction emits disconnected(); the timers are gone by then.
    m_socket.disconnect(this);
}

void EventFeed::setEndpoint(const EngineEndpoint& endpoint) {
    const bool changed = endpoint != m_endpoint;
    m_endpoint = endpoint;
    if (!m_wanted) {
        return;
    }
    // A (re)started engine is worth trying at once rather than after the backoff delay.
    m_backoff.reset();
    if (m_socket.state() == QAbstractSocket::UnconnectedState) {
        m_retryTimer.stop();
        connectSocket();
    } else if (changed) {
        m_socket.abort();  // onDisconnected() reconnects to the new endpoint
    }
}

void EventFeed::setLogLevel(const QString& level) {
    if (level == m_logLevel) {
        return;
    }
    m_logLevel = level;
    if (m_socket.state() != QAbstractSocket::UnconnectedState) {
        m_backoff.reset();
        m_socket.abort();  // onDisconnected() reconnects with the new level
    }
}

QUrl EventFeed::feedUrl() const {
    QUrl url = m_endpoint.httpUrl;
    url.setScheme(url.scheme() == QLatin1String("https") ? QStringLiteral("wss")
                                                         : QStringLiteral("ws"));
    url.setPath(QStringLiteral("/index/events"));
    url.setQuery(QStringLiteral("secret=%1&log=%2")
                     .arg(QString::fromLatin1(QUrl::toPercentEncoding(m_endpoint.secret)),
                          QString::fromLatin1(QUrl::toPercentEncoding(m_logLevel))));
    return url;
}

void EventFeed::open() {
    m_wanted = true;
    if (m_socket.state() == QAbstractSocket::UnconnectedState && !m_retryTimer.isActive()) {
        connectSocket();
    }
}

void EventFeed::connectSocket() {
    if (!m_wanted) {
        return;
    }
    if (!m_endpoint.isValid()) {
        setState(State::Waiting);
        return;
    }
    setState(State::Connecting);
    m_socket.open(feedUrl());
}

void EventFeed::onDisconnected() {
    m_silenceTimer.stop();
    setState(State::Waiting);
    m_retryTimer.start(m_backoff.next());
}

void EventFeed::processMessage(const QString& text) {
    m_silenceTimer.start();
    QString error;
    const auto envelope = parseFeedEnvelope(text.toUtf8(), &error);
    if (!envelope) {
        setLastError(tr("Unreadable event: %1").arg(error));
        return;
    }
    const QString& type = envelope->type;
    if (type == QLatin1String("hello")) {
        emit hello(parseHello(envelope->data));
    } else if (type == QLatin1String("stats")) {
        emit stats(parseStats(envelope->data));
    } else if (type == QLatin1String("config.changed")) {
        emit configChanged(parseConfigChange(envelope->data));
    } else if (type == QLatin1String("log")) {
        emit log(parseLog(*envelope));
    } else if (type == QLatin1String("shutdown")) {
        emit shutdown(parseShutdown(envelope->data));
    } else if (type == QLatin1String("streams")) {
        emit streams(parseStreamList(envelope->data.value(u"streams").toArray()));
    } else if (type == QLatin1String("stream.added")) {
        emit streamAdded(parseStreamInfo(envelope->data));
    } else if (type == QLatin1String("stream.removed")) {
        emit streamRemoved(parseStreamInfo(envelope->data));
    } else if (type == QLatin1String("rooms")) {
        emit rooms(parseRoomList(envelope->data.value(u"rooms").toArray()));
    } else if (type.startsWith(QLatin1String("room."))) {
        emit roomEvent(type, envelope->data);
    } else if (type == QLatin1String("rules")) {
        emit rules(parseRuleSnapshot(envelope->data));
    } else if (type == QLatin1String("mixes")) {
        emit mixes(parseMixTasks(envelope->data.value(u"tasks").toArray()));
    }
}

void EventFeed::setState(State state) {
    if (m_state == state) {
        return;
    }
    m_state = state;
    emit stateChanged();
}

void EventFeed::setLastError(const QString& error) {
    if (m_lastError == error) {
        return;
    }
    m_lastError = error;
    emit lastErrorChanged();
}
