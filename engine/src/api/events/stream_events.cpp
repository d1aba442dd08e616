#include "api/events/stream_events.h"

#include <boost/asio/post.hpp>
#include <boost/json.hpp>

#include "api/zlm/stream_json.h"

namespace regie::api::events {

namespace json = boost::json;

StreamEvents::StreamEvents(EventFeed& feed, media::SourceRegistry& sources,
                           boost::asio::io_context& context)
    : m_feed(feed), m_sources(sources), m_timer(context) {}

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

void StreamEvents::start() {
    m_timer.expires_after(std::chrono::seconds(1));
    m_timer.async_wait([weak = weak_from_this()](const boost::system::error_code& ec) {
        auto self = weak.lock();
        if (ec || !self) {
            return;
        }
        self->tick();
        self->start();
    });
}

void StreamEvents::stop() {
    boost::asio::post(m_timer.get_executor(),
                      [self = shared_from_this()] { self->m_timer.cancel(); });
}

void StreamEvents::tick() {
    if (m_feed.subscriberCount() == 0) {
        return;
    }
    auto sources = m_sources.list();
    if (sources.empty() && m_lastWasEmpty) {
        return;
    }
    m_lastWasEmpty = sources.empty();
    json::array streams;
    for (const auto& s : sources) {
        streams.push_back(zlm::streamJson(*s, zlm::kRtmpSchema, false));
    }
    m_feed.publish("streams", json::object{{"streams", std::move(streams)}});
}

}  // namespace regie::api::events
