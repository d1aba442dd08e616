#include "api/events/snapshot_ticker.h"

#include <boost/asio/post.hpp>

namespace regie::api::events {

SnapshotTicker::SnapshotTicker(EventFeed& feed, boost::asio::io_context& context, std::string type,
                               std::function<Snapshot()> take)
    : m_feed(feed), m_timer(context), m_type(std::move(type)), m_take(std::move(take)) {}

void SnapshotTicker::start() {
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

void SnapshotTicker::stop() {
    boost::asio::post(m_timer.get_executor(),
                      [self = shared_from_this()] { self->m_timer.cancel(); });
}

void SnapshotTicker::tick() {
    if (m_feed.subscriberCount() == 0) {
        return;
    }
    Snapshot snapshot = m_take();
    if (snapshot.empty && m_lastWasEmpty) {
        return;
    }
    m_lastWasEmpty = snapshot.empty;
    m_feed.publish(m_type, snapshot.data);
}

}  // namespace regie::api::events
