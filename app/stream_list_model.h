#pragma once

#include <QtQml/qqmlregistration.h>

#include <QAbstractListModel>
#include <QVariantList>

#include "feed_events.h"
#include "stream_info.h"

class ApiClient;
class EventFeed;
struct ApiResult;

// The engine's live streams: loaded with getMediaList when the feed (re)connects, then kept
// current by the feed's `streams` snapshots and `stream.added`/`stream.removed`. Builds the play
// URLs from the ports the engine actually bound, and closes streams and kicks their players
// through the ZLM API. Failed calls land in lastError as one plain line.
class StreamListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the console session")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int httpPort READ httpPort NOTIFY portsChanged)
    Q_PROPERTY(int rtmpPort READ rtmpPort NOTIFY portsChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
    Q_PROPERTY(QString playersKey READ playersKey NOTIFY playersChanged)
    Q_PROPERTY(QVariantList players READ players NOTIFY playersChanged)

public:
    enum Role {
        KeyRole = Qt::UserRole + 1,
        SchemaRole,
        VhostRole,
        AppRole,
        StreamRole,
        OriginRole,
        OriginUrlRole,
        PeerRole,
        VideoCodecRole,
        WidthRole,
        HeightRole,
        FpsRole,
        VideoTextRole,
        AudioCodecRole,
        SampleRateRole,
        ChannelsRole,
        AudioTextRole,
        BitrateKbpsRole,
        ReadersRole,
        UptimeSecondsRole,
        UptimeTextRole,
        RtmpUrlRole,
        FlvUrlRole,
        WsFlvUrlRole,
    };
    Q_ENUM(Role)

    StreamListModel(ApiClient* client, EventFeed* feed, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int httpPort() const { return m_httpPort; }
    int rtmpPort() const { return m_rtmpPort; }
    QString lastError() const { return m_lastError; }
    QString playersKey() const { return m_playersKey; }
    QVariantList players() const { return m_players; }

    // The row of a "vhost/app/stream" key, or -1.
    Q_INVOKABLE int indexOf(const QString& key) const;
    // The first row whose stream name is `name` (a ZEGO stream id), or -1.
    Q_INVOKABLE int indexOfStreamName(const QString& name) const;
    // One role of a row by name, for panes that show the selected stream outside a delegate.
    Q_INVOKABLE QVariant get(int row, const QString& roleName) const;

    // Reloads the whole list with getMediaList.
    Q_INVOKABLE void refresh();
    // close_stream with force=1: the publisher is disconnected even while players watch.
    Q_INVOKABLE void closeStream(const QString& key);
    // getMediaPlayerList into `players` (maps of id, peer, localPort, type).
    Q_INVOKABLE void loadPlayers(const QString& key);
    // kick_session, then reloads the players of the stream it belonged to.
    Q_INVOKABLE void kickPlayer(const QString& sessionId);

    void applyHello(const FeedHello& hello);
    // Replaces the list with a full snapshot, updating rows in place where the key is kept.
    void applySnapshot(const QList<StreamInfo>& streams);
    void upsert(const StreamInfo& stream);
    void remove(const StreamInfo& stream);

    static QString formatBitrate(qint64 bytesPerSecond);

signals:
    void countChanged();
    void portsChanged();
    void lastErrorChanged();
    void playersChanged();
    // A close or kick the engine accepted.
    void actionDone(const QString& action, const QString& key);

private:
    QString playUrl(const StreamInfo& s, const QString& scheme, int port,
                    const QString& suffix) const;
    void fetchRtmpPort();
    void emitPortsChanged();
    void setLastError(const QString& error);
    void reportError(const QString& call, const ApiResult& result);

    ApiClient* m_client;
    QList<StreamInfo> m_streams;
    int m_httpPort = 0;
    int m_rtmpPort = 0;
    QString m_lastError;
    QString m_playersKey;
    QVariantList m_players;
};
