#pragma once
// The event feed (docs/event-feed.md): an authenticated WebSocket that pushes JSON events so
// clients never poll. Each event body is serialized once; only the per-connection `seq`
// prefix is written per subscriber.

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/json/object.hpp>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>

#include "api/zlm/zlm_door.h"
#include "core/clock.h"
#include "core/log.h"
#include "protocol/http/http_server.h"
#include "service/server/server_service.h"

namespace regie::api::events {

class EventFeed : public std::enable_shared_from_this<EventFeed> {
public:
    EventFeed(service::ServerService& server, const zlm::ZlmDoor& authority, core::Logger& log,
              const core::Clock& clock, boost::asio::io_context& timerContext,
              std::function<boost::json::object()> helloData);

    static bool isFeedPath(std::string_view path);
    http::UpgradeDecision accept(const ApiCall& call);

    void publish(std::string_view type, const boost::json::object& data);

    void start();
    // Sends `shutdown` to every subscriber, closes them and stops the stats ticker.
    void stop(std::string_view reason);

    std::size_t subscriberCount() const;

private:
    class Subscriber;

    std::string eventTail(std::string_view type, const boost::json::object& data) const;
    void scheduleStats();
    void publishStats();

    service::ServerService& m_server;
    const zlm::ZlmDoor& m_authority;
    core::Logger& m_log;
    const core::Clock& m_clock;
    boost::asio::steady_timer m_statsTimer;
    std::function<boost::json::object()> m_helloData;

    mutable std::mutex m_mutex;
    std::set<std::shared_ptr<Subscriber>> m_subscribers;
    bool m_stopped = false;
};

}  // namespace regie::api::events
