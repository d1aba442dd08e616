#include "api/events/stream_events.h"

#include <boost/asio/post.hpp>
#include <boost/json.hpp>

#include "api/zlm/stream_json.h"

namespace regie::api::events {

namespace json = boost::json;

StreamEvents::StreamEvents(EventFeed& feed, media::SourceRegistry& sources,
                           boost::asio::io_context& context)
    : m_feed(feed)
    , m_snapshots(std::make_shared<SnapshotTicker>(feed, context, "streams", [&sources] {
        json::array streams;
        for (const auto& s : sources.list()) {
            streams.push_back(zlm::streamJson(*s, zlm::kRtmpSchema, false));
        }
        return Snapshot{streams.empty(), json::object{{"streams", std::move(streams)}}};
    })) {}

void StreamEvents::added(const media::MediaSource& source) {
    m_feed.publish("stream.added", zlm::streamJson(source, zlm::kRtmpSchema, false));
}

void StreamEvents::removed(const media::MediaSource& source, media::SourceEndReason reason) {
    const auto& key = source.key();
    m_feed.publish("stream.removed", json::object{{"schema", zlm::kRtmpSchema},
                                                  {"vhost", key.vhost},
                                                  {"app", key.app},
                                                  {"stream", key.stream},
                                                  {"reason", media::sourceEndReasonName(reason)}});
}

}  // namespace regie::api::events
