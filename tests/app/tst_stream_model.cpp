// StreamListModel fed with the engine's real feed messages (the objects of
// engine/src/api/zlm/stream_json.cpp): parsing, roles, play URLs, added/removed, snapshots, and
// an API failure shown as one plain line.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "api_client.h"
#include "event_feed.h"
#include "stream_list_model.h"

namespace {

QString streamObject(const QString& stream, int readers, qint64 bytesSpeed, int alive) {
    return QStringLiteral(
               R"({"schema":"rtmp","vhost":"__defaultVhost__","app":"live","stream":"%1",)"
               R"("createStamp":1763712000,"aliveSecond":%4,"bytesSpeed":%3,"totalBytes":99999,)"
               R"("readerCount":%2,"totalReaderCount":%2,"originType":1,"originTypeStr":"rtmp_push",)"
               R"("originUrl":"rtmp://127.0.0.1:1935/live/%1","params":"","isRecordingMP4":false,)"
               R"("isRecordingHLS":false,"originSock":{"identifier":"7","local_ip":"127.0.0.1",)"
               R"("local_port":1935,"peer_ip":"127.0.0.1","peer_port":50432},"tracks":[)"
               R"({"codec_id":0,"codec_id_name":"H264","codec_type":0,"ready":true,"frames":250,)"
               R"("duration":10000,"width":1280,"height":720,"fps":25.0,"key_frames":5,)"
               R"("gop_size":50,"gop_interval_ms":2000},)"
               R"({"codec_id":2,"codec_id_name":"mpeg4-generic","codec_type":1,"ready":true,)"
               R"("frames":430,"duration":10000,"sample_rate":44100,"channels":2,"sample_bit":16}]})")
        .arg(stream)
        .arg(readers)
        .arg(bytesSpeed)
        .arg(alive);
}

QString message(const QString& type, int seq, const QString& data) {
    return QStringLiteral(R"({"type":"%1","seq":%2,"time":1763712001000,"data":%3})")
        .arg(type)
        .arg(seq)
        .arg(data);
}

const QString kHello =
    message("hello", 1,
            R"({"protocol":1,"version":{"branchName":"main","commitHash":"abc","buildTime":"x"},)"
            R"("mediaServerId":"regie-1","startedAt":1763711990000,"pid":42,)"
            R"("ports":{"http":18080,"rtmp":11935}})");

}  // namespace

class TestStreamModel : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void parsesEveryRole();
    void addedAndRemovedEvents();
    void snapshotsUpdateInPlace();
    void apiFailureIsShownPlainly();

private:
    ApiClient* m_client = nullptr;
    EventFeed* m_feed = nullptr;
    StreamListModel* m_model = nullptr;
};

void TestStreamModel::init() {
    m_client = new ApiClient(this);
    // Nothing listens on port 1: getMediaList (sent on hello) fails with a transport error.
    m_client->setEndpoint({QUrl("http://127.0.0.1:1"), "s", "1", "x"});
    m_feed = new EventFeed(this);
    m_model = new StreamListModel(m_client, m_feed, this);
    new QAbstractItemModelTester(m_model, this);
    m_feed->processMessage(kHello);
}

void TestStreamModel::cleanup() {
    delete m_model;
    delete m_feed;
    delete m_client;
}

void TestStreamModel::parsesEveryRole() {
    QCOMPARE(m_model->httpPort(), 18080);
    QCOMPARE(m_model->rtmpPort(), 11935);
    m_feed->processMessage(message("stream.added", 2, streamObject("cam1", 3, 250000, 65)));
    QCOMPARE(m_model->rowCount(), 1);
    const QModelIndex row = m_model->index(0);
    auto role = [&](StreamListModel::Role r) { return m_model->data(row, r); };
    QCOMPARE(role(StreamListModel::KeyRole).toString(), "__defaultVhost__/live/cam1");
    QCOMPARE(role(StreamListModel::SchemaRole).toString(), "rtmp");
    QCOMPARE(role(StreamListModel::AppRole).toString(), "live");
    QCOMPARE(role(StreamListModel::StreamRole).toString(), "cam1");
    QCOMPARE(role(StreamListModel::OriginRole).toString(), "rtmp_push");
    QCOMPARE(role(StreamListModel::PeerRole).toString(), "127.0.0.1:50432");
    QCOMPARE(role(StreamListModel::VideoCodecRole).toString(), "H264");
    QCOMPARE(role(StreamListModel::WidthRole).toInt(), 1280);
    QCOMPARE(role(StreamListModel::HeightRole).toInt(), 720);
    QCOMPARE(role(StreamListModel::FpsRole).toInt(), 25);
    QCOMPARE(role(StreamListModel::VideoTextRole).toString(), QString("H264 1280×720 @25"));
    QCOMPARE(role(StreamListModel::AudioCodecRole).toString(), "mpeg4-generic");
    QCOMPARE(role(StreamListModel::SampleRateRole).toInt(), 44100);
    QCOMPARE(role(StreamListModel::ChannelsRole).toInt(), 2);
    QCOMPARE(role(StreamListModel::AudioTextRole).toString(), QString("AAC 44100 Hz ×2"));
    QCOMPARE(role(StreamListModel::BitrateKbpsRole).toInt(), 2000);
    QCOMPARE(role(StreamListModel::ReadersRole).toInt(), 3);
    QCOMPARE(role(StreamListModel::UptimeSecondsRole).toInt(), 65);
    QCOMPARE(role(StreamListModel::UptimeTextRole).toString(), "00:01:05");
    QCOMPARE(role(StreamListModel::RtmpUrlRole).toString(), "rtmp://127.0.0.1:11935/live/cam1");
    QCOMPARE(role(StreamListModel::FlvUrlRole).toString(),
             "http://127.0.0.1:18080/live/cam1.live.flv");
    QCOMPARE(role(StreamListModel::WsFlvUrlRole).toString(),
             "ws://127.0.0.1:18080/live/cam1.live.flv");
    QCOMPARE(m_model->get(0, "flvUrl").toString(), "http://127.0.0.1:18080/live/cam1.live.flv");
    QCOMPARE(m_model->indexOf("__defaultVhost__/live/cam1"), 0);
    QCOMPARE(m_model->indexOf("__defaultVhost__/live/none"), -1);
}

void TestStreamModel::addedAndRemovedEvents() {
    QSignalSpy count(m_model, &StreamListModel::countChanged);
    m_feed->processMessage(message("stream.added", 2, streamObject("a", 0, 0, 0)));
    m_feed->processMessage(message("stream.added", 3, streamObject("b", 0, 0, 0)));
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(count.count(), 2);
    m_feed->processMessage(message(
        "stream.removed", 4,
        R"({"schema":"rtmp","vhost":"__defaultVhost__","app":"live","stream":"a","reason":"publisher_left"})"));
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->data(m_model->index(0), StreamListModel::StreamRole).toString(), "b");
    // Removing what is not there changes nothing.
    m_feed->processMessage(message(
        "stream.removed", 5,
        R"({"schema":"rtmp","vhost":"__defaultVhost__","app":"live","stream":"zz","reason":"x"})"));
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(count.count(), 3);
}

void TestStreamModel::snapshotsUpdateInPlace() {
    m_feed->processMessage(
        message("streams", 2,
                QStringLiteral(R"({"streams":[%1,%2]})")
                    .arg(streamObject("a", 0, 1000, 1), streamObject("b", 0, 1000, 1))));
    QCOMPARE(m_model->rowCount(), 2);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    m_feed->processMessage(
        message("streams", 3,
                QStringLiteral(R"({"streams":[%1,%2]})")
                    .arg(streamObject("a", 4, 1000, 2), streamObject("c", 0, 0, 0))));
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_model->data(m_model->index(0), StreamListModel::StreamRole).toString(), "a");
    QCOMPARE(m_model->data(m_model->index(0), StreamListModel::ReadersRole).toInt(), 4);
    QCOMPARE(m_model->data(m_model->index(1), StreamListModel::StreamRole).toString(), "c");
    QCOMPARE(m_model->data(m_model->index(1), StreamListModel::VideoCodecRole).toString(), "H264");

    m_feed->processMessage(message("streams", 4, R"({"streams":[]})"));
    QCOMPARE(m_model->rowCount(), 0);
}

void TestStreamModel::apiFailureIsShownPlainly() {
    // The getMediaList sent on hello cannot reach port 1.
    QTRY_VERIFY_WITH_TIMEOUT(!m_model->lastError().isEmpty(), 10000);
    QVERIFY2(m_model->lastError().startsWith("getMediaList: Network error"),
             qPrintable(m_model->lastError()));
    m_model->closeStream("__defaultVhost__/live/x");
    QTRY_VERIFY_WITH_TIMEOUT(m_model->lastError().startsWith("Closing __defaultVhost__/live/x"),
                             10000);
}

QTEST_GUILESS_MAIN(TestStreamModel)
#include "tst_stream_model.moc"
