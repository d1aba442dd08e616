#include "stream_list_model.h"

#include <QJsonArray>
#include <QSet>

#include "api_client.h"
#include "dashboard_model.h"
#include "event_feed.h"

namespace {

StreamInfo fromKey(const QString& key) {
    StreamInfo info;
    const QStringList parts = key.split(u'/');
    if (parts.size() == 3) {
        info.vhost = parts.at(0);
        info.app = parts.at(1);
        info.stream = parts.at(2);
    }
    return info;
}

// ZLM names AAC by its RTP payload format; people know it as AAC.
QString displayCodec(const QString& codec) {
    return codec == QLatin1String("mpeg4-generic") ? QStringLiteral("AAC") : codec;
}

ApiParams tupleParams(const StreamInfo& s) {
    return {{QStringLiteral("schema"), s.schema.isEmpty() ? QStringLiteral("rtmp") : s.schema},
            {QStringLiteral("vhost"), s.vhost},
            {QStringLiteral("app"), s.app},
            {QStringLiteral("stream"), s.stream}};
}

}  // namespace

StreamListModel::StreamListModel(ApiClient* client, EventFeed* feed, QObject* parent)
    : QAbstractListModel(parent), m_client(client) {
    connect(feed, &EventFeed::hello, this, [this](const FeedHello& hello) {
        applyHello(hello);
        refresh();
    });
    connect(feed, &EventFeed::streams, this, &StreamListModel::applySnapshot);
    connect(feed, &EventFeed::streamAdded, this, &StreamListModel::upsert);
    connect(feed, &EventFeed::streamRemoved, this, &StreamListModel::remove);
    // Streams are live engine state: without a feed they are unknown, not unchanged.
    connect(feed, &EventFeed::stateChanged, this, [this, feed] {
        if (feed->state() != EventFeed::State::Open) {
            applySnapshot({});
        }
    });
}

int StreamListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_streams.size());
}

QVariant StreamListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const StreamInfo& s = m_streams.at(index.row());
    switch (role) {
        case Qt::DisplayRole:
        case KeyRole:
            return s.key();
        case SchemaRole:
            return s.schema;
        case VhostRole:
            return s.vhost;
        case AppRole:
            return s.app;
        case StreamRole:
            return s.stream;
        case OriginRole:
            return s.origin;
        case OriginUrlRole:
            return s.originUrl;
        case PeerRole:
            return s.peer;
        case VideoCodecRole:
            return s.videoCodec;
        case WidthRole:
            return s.width;
        case HeightRole:
            return s.height;
        case FpsRole:
            return s.fps;
        case VideoTextRole:
            return s.videoCodec.isEmpty() ? QString()
                                          : QStringLiteral("%1 %2×%3 @%4")
                                                .arg(s.videoCodec)
                                                .arg(s.width)
                                                .arg(s.height)
                                                .arg(s.fps);
        case AudioCodecRole:
            return s.audioCodec;
        case SampleRateRole:
            return s.sampleRate;
        case ChannelsRole:
            return s.channels;
        case AudioTextRole:
            return s.audioCodec.isEmpty() ? QString()
                                          : QStringLiteral("%1 %2 Hz ×%3")
                                                .arg(displayCodec(s.audioCodec))
                                                .arg(s.sampleRate)
                                                .arg(s.channels);
        case BitrateKbpsRole:
            return s.bytesPerSecond * 8 / 1000;
        case ReadersRole:
            return s.readers;
        case UptimeSecondsRole:
            return s.aliveSeconds;
        case UptimeTextRole:
            return DashboardModel::formatUptime(s.aliveSeconds * 1000);
        case RtmpUrlRole:
            return playUrl(s, QStringLiteral("rtmp"), m_rtmpPort, {});
        case FlvUrlRole:
            return playUrl(s, QStringLiteral("http"), m_httpPort, QStringLiteral(".live.flv"));
        case WsFlvUrlRole:
            return playUrl(s, QStringLiteral("ws"), m_httpPort, QStringLiteral(".live.flv"));
    }
    return {};
}

QHash<int, QByteArray> StreamListModel::roleNames() const {
    return {{KeyRole, "key"},
            {SchemaRole, "schema"},
            {VhostRole, "vhost"},
            {AppRole, "app"},
            {StreamRole, "stream"},
            {OriginRole, "origin"},
            {OriginUrlRole, "originUrl"},
            {PeerRole, "peer"},
            {VideoCodecRole, "videoCodec"},
            {WidthRole, "width"},
            {HeightRole, "height"},
            {FpsRole, "fps"},
            {VideoTextRole, "videoText"},
            {AudioCodecRole, "audioCodec"},
            {SampleRateRole, "sampleRate"},
            {ChannelsRole, "channels"},
            {AudioTextRole, "audioText"},
            {BitrateKbpsRole, "bitrateKbps"},
            {ReadersRole, "readers"},
            {UptimeSecondsRole, "uptimeSeconds"},
            {UptimeTextRole, "uptimeText"},
            {RtmpUrlRole, "rtmpUrl"},
            {FlvUrlRole, "flvUrl"},
            {WsFlvUrlRole, "wsFlvUrl"}};
}

int StreamListModel::indexOfStreamName(const QString& name) const {
    for (int i = 0; i < m_streams.size(); ++i) {
        if (m_streams.at(i).stream == name) {
            return i;
        }
    }
    return -1;
}

int StreamListModel::indexOf(const QString& key) const {
    for (int row = 0; row < m_streams.size(); ++row) {
        if (m_streams.at(row).key() == key) {
            return row;
        }
    }
    return -1;
}

QVariant StreamListModel::get(int row, const QString& roleName) const {
    const QByteArray name = roleName.toUtf8();
    const auto roles = roleNames();
    for (auto it = roles.begin(); it != roles.end(); ++it) {
        if (it.value() == name) {
            return data(index(row), it.key());
        }
    }
    return {};
}

void StreamListModel::refresh() {
    connect(m_client->zlm(QStringLiteral("getMediaList")), &ApiReply::finished, this,
            [this](const ApiResult& result) {
                if (!result.ok()) {
                    reportError(QStringLiteral("getMediaList"), result);
                    return;
                }
                applySnapshot(parseStreamList(result.data().toArray()));
            });
}

void StreamListModel::closeStream(const QString& key) {
    const int row = indexOf(key);
    const StreamInfo target = row >= 0 ? m_streams.at(row) : fromKey(key);
    ApiParams params = tupleParams(target);
    params.append({QStringLiteral("force"), QStringLiteral("1")});
    connect(m_client->zlm(QStringLiteral("close_stream"), params), &ApiReply::finished, this,
            [this, key](const ApiResult& result) {
                if (!result.ok()) {
                    reportError(tr("Closing %1").arg(key), result);
                    return;
                }
                setLastError({});
                emit actionDone(QStringLiteral("close"), key);
            });
}

void StreamListModel::loadPlayers(const QString& key) {
    const int row = indexOf(key);
    const StreamInfo target = row >= 0 ? m_streams.at(row) : fromKey(key);
    connect(m_client->zlm(QStringLiteral("getMediaPlayerList"), tupleParams(target)),
            &ApiReply::finished, this, [this, key](const ApiResult& result) {
                if (!result.ok()) {
                    reportError(tr("Players of %1").arg(key), result);
                    return;
                }
                QVariantList players;
                for (const auto& item : result.data().toArray()) {
                    const QJsonObject p = item.toObject();
                    players.append(QVariantMap{
                        {QStringLiteral("id"), p.value(u"identifier").toString()},
                        {QStringLiteral("peer"), QStringLiteral("%1:%2")
                                                     .arg(p.value(u"peer_ip").toString())
                                                     .arg(p.value(u"peer_port").toInt())},
                        {QStringLiteral("localPort"), p.value(u"local_port").toInt()},
                        {QStringLiteral("type"), p.value(u"typeid").toString()}});
                }
                m_playersKey = key;
                m_players = players;
                emit playersChanged();
            });
}

void StreamListModel::kickPlayer(const QString& sessionId) {
    connect(m_client->zlm(QStringLiteral("kick_session"), {{QStringLiteral("id"), sessionId}}),
            &ApiReply::finished, this, [this, sessionId](const ApiResult& result) {
                if (!result.ok()) {
                    reportError(tr("Kicking %1").arg(sessionId), result);
                    return;
                }
                setLastError({});
                emit actionDone(QStringLiteral("kick"), sessionId);
                if (!m_playersKey.isEmpty()) {
                    loadPlayers(m_playersKey);
                }
            });
}

void StreamListModel::applyHello(const FeedHello& hello) {
    m_httpPort = hello.ports.value(QStringLiteral("http"));
    m_rtmpPort = hello.ports.value(QStringLiteral("rtmp"));
    emitPortsChanged();
    if (m_rtmpPort == 0) {
        fetchRtmpPort();
    }
}

void StreamListModel::applySnapshot(const QList<StreamInfo>& streams) {
    QSet<QString> keep;
    for (const StreamInfo& s : streams) {
        keep.insert(s.key());
    }
    for (int row = int(m_streams.size()) - 1; row >= 0; --row) {
        if (!keep.contains(m_streams.at(row).key())) {
            remove(m_streams.at(row));
        }
    }
    for (const StreamInfo& s : streams) {
        upsert(s);
    }
}

void StreamListModel::upsert(const StreamInfo& stream) {
    const int row = indexOf(stream.key());
    if (row >= 0) {
        if (m_streams.at(row) != stream) {
            m_streams[row] = stream;
            emit dataChanged(index(row), index(row));
        }
        return;
    }
    const int at = int(m_streams.size());
    beginInsertRows({}, at, at);
    m_streams.append(stream);
    endInsertRows();
    emit countChanged();
}

void StreamListModel::remove(const StreamInfo& stream) {
    const QString key = stream.key();  // `stream` may be the row about to go
    const int row = indexOf(key);
    if (row < 0) {
        return;
    }
    beginRemoveRows({}, row, row);
    m_streams.removeAt(row);
    endRemoveRows();
    emit countChanged();
    if (m_playersKey == key) {
        m_playersKey.clear();
        m_players.clear();
        emit playersChanged();
    }
}

QString StreamListModel::playUrl(const StreamInfo& s, const QString& scheme, int port,
                                 const QString& suffix) const {
    const QString host = m_client->endpoint().httpUrl.host();
    if (port <= 0 || host.isEmpty()) {
        return {};
    }
    return QStringLiteral("%1://%2:%3/%4/%5%6")
        .arg(scheme, host)
        .arg(port)
        .arg(s.app, s.stream, suffix);
}

void StreamListModel::fetchRtmpPort() {
    connect(m_client->zlm(QStringLiteral("getServerConfig")), &ApiReply::finished, this,
            [this](const ApiResult& result) {
                if (!result.ok()) {
                    reportError(QStringLiteral("getServerConfig"), result);
                    return;
                }
                const QJsonObject config = result.data().toArray().first().toObject();
                m_rtmpPort = config.value(u"rtmp.port").toString().toInt();
                emitPortsChanged();
            });
}

void StreamListModel::emitPortsChanged() {
    emit portsChanged();
    if (!m_streams.isEmpty()) {
        emit dataChanged(index(0), index(int(m_streams.size()) - 1),
                         {RtmpUrlRole, FlvUrlRole, WsFlvUrlRole});
    }
}

void StreamListModel::setLastError(const QString& error) {
    if (error == m_lastError) {
        return;
    }
    m_lastError = error;
    emit lastErrorChanged();
}

void StreamListModel::reportError(const QString& call, const ApiResult& result) {
    setLastError(QStringLiteral("%1: %2").arg(call, result.describe()));
}
