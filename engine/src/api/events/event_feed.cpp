#include "api/events/event_feed.h"

#include <atomic>
#include <boost/asio/post.hpp>
#include <boost/json.hpp>

#include "api/zlm/server_json.h"

namespace regie::api::events {

namespace json = boost::json;

// One connected client: its WebSocket peer, its sequence counter and its log subscription.
class EventFeed::Subscriber final : public http::WebSocketEndpoint,
                                    public std::enable_shared_from_this<Subscriber> {
public:
    Subscriber(std::weak_ptr<EventFeed> feed, core::LogLevel logLevel)
        : m_feed(std::move(feed)), m_logLevel(logLevel) {}

    void onOpen(std::shared_ptr<http::WebSocketPeer> peer) override {
        auto feed = m_feed.lock();
        if (!feed) {
            peer->close();
            return;
        }
        {
            std::lock_guard lock(m_mutex);
            m_peer = std::move(peer);
        }
        send(feed->eventTail("hello", feed->m_helloData()));
        {
            std::lock_guard lock(feed->m_mutex);
            if (feed->m_stopped) {
                close();
                return;
            }
            feed->m_subscribers.insert(shared_from_this());
        }
        if (m_logLevel != core::LogLevel::off) {
            m_logSink = std::make_shared<LogForwarder>(m_logLevel, weak_from_this());
            feed->m_log.addSink(m_logSink);
        }
    }

    void onClose() override {
        auto feed = m_feed.lock();
        if (!feed) {
            return;
        }
        if (m_logSink) {
            feed->m_log.removeSink(m_logSink);
        }
        std::lock_guard lock(feed->m_mutex);
        feed->m_subscribers.erase(shared_from_this());
    }

    // `tail` is `"type":...,"time":...,"data":...}`; the seq prefix is the only per-peer part.
    void send(const std::string& tail) {
        std::shared_ptr<http::WebSocketPeer> peer;
        {
            std::lock_guard lock(m_mutex);
            peer = m_peer;
        }
        if (!peer) {
            return;
        }
        auto message = std::make_shared<std::string>();
        message->reserve(tail.size() + 24);
        *message += "{\"seq\":";
        *message += std::to_string(m_seq.fetch_add(1) + 1);
        *message += ',';
        *message += tail;
        peer->sendText(std::move(message));
    }

    void close() {
        std::lock_guard lock(m_mutex);
        if (m_peer) {
            m_peer->close();
        }
    }

private:
    class LogForwarder final : public core::LogSink {
    public:
        LogForwarder(core::LogLevel level, std::weak_ptr<Subscriber> subscriber)
            : LogSink(level), m_subscriber(std::move(subscriber)) {}

        void write(const core::LogRecord& record) override {
            auto subscriber = m_subscriber.lock();
            auto feed = subscriber ? subscriber->m_feed.lock() : nullptr;
            if (!feed) {
                return;
            }
            json::object fields;
            for (const auto& f : record.fields) {
                fields[f.key] = f.value;
            }
            json::object data{{"level", core::logLevelName(record.level)},
                              {"event", record.event},
                              {"fields", std::move(fields)}};
            subscriber->send(feed->eventTail("log", data));
        }

    private:
        std::weak_ptr<Subscriber> m_subscriber;
    };

    std::weak_ptr<EventFeed> m_feed;
    core::LogLevel m_logLevel;
    std::mutex m_mutex;
    std::shared_ptr<http::WebSocketPeer> m_peer;
    std::atomic<std::uint64_t> m_seq{0};
    std::shared_ptr<LogForwarder> m_logSink;
};

EventFeed::EventFeed(service::ServerService& server, const zlm::ZlmDoor& authority,
                     core::Logger& log, const core::Clock& clock,
                     boost::asio::io_context& timerContext, std::function<json::object()> helloData)
    : m_server(server)
    , m_authority(authority)
    , m_log(log)
    , m_clock(clock)
    , m_statsTimer(timerContext)
    , m_helloData(std::move(helloData)) {}

bool EventFeed::isFeedPath(std::string_view path) {
    return path == "/index/events";
}

http::UpgradeDecision EventFeed::accept(const ApiCall& call) {
    zlm::ZlmArgs args = zlm::ZlmArgs::fromCall(call);
    http::UpgradeDecision decision;
    if (auto refusal = m_authority.checkSecret(call, args)) {
        decision.refusal.status = 401;
        decision.refusal.body = json::serialize(*refusal);
        return decision;
    }
    std::string levelName = args.get("log");
    auto level =
        levelName.empty() ? std::optional(core::LogLevel::info) : core::parseLogLevel(levelName);
    if (!level) {
        decision.refusal.status = 400;
        decision.refusal.body = json::serialize(json::object{
            {"code", -300}, {"msg", "log must be one of trace, debug, info, warn, error, off"}});
        return decision;
    }
    decision.endpoint = std::make_shared<Subscriber>(weak_from_this(), *level);
    return decision;
}

std::string EventFeed::eventTail(std::string_view type, const json::object& data) const {
    std::string tail = "\"type\":";
    tail += json::serialize(json::string(type));
    tail += ",\"time\":";
    tail += std::to_string(m_clock.unixMillis());
    tail += ",\"data\":";
    tail += json::serialize(data);
    tail += '}';
    return tail;
}

void EventFeed::publish(std::string_view type, const json::object& data) {
    std::vector<std::shared_ptr<Subscriber>> targets;
    {
        std::lock_guard lock(m_mutex);
        targets.assign(m_subscribers.begin(), m_subscribers.end());
    }
    if (targets.empty()) {
        return;
    }
    std::string tail = eventTail(type, data);
    for (const auto& s : targets) {
        s->send(tail);
    }
}

std::size_t EventFeed::subscriberCount() const {
    std::lock_guard lock(m_mutex);
    return m_subscribers.size();
}

void EventFeed::start() {
    scheduleStats();
}

void EventFeed::scheduleStats() {
    m_statsTimer.expires_after(std::chrono::seconds(1));
    m_statsTimer.async_wait([weak = weak_from_this()](const boost::system::error_code& ec) {
        auto self = weak.lock();
        if (ec || !self) {
            return;
        }
        if (self->subscriberCount() > 0) {
            self->publishStats();
        }
        self->scheduleStats();
    });
}

void EventFeed::publishStats() {
    auto weak = weak_from_this();
    m_server.ioLoads([weak](std::vector<core::LoopLoad> io) {
        auto self = weak.lock();
        if (!self) {
            return;
        }
        self->m_server.workerLoads([weak,
                                    io = std::move(io)](const std::vector<core::LoopLoad>& work) {
            auto feed = weak.lock();
            if (!feed) {
                return;
            }
            feed->publish("stats", json::object{{"uptimeMs", feed->m_server.uptimeMs()},
                                                {"threads", zlm::loadsJson(io)},
                                                {"workThreads", zlm::loadsJson(work)},
                                                {"statistic",
                                                 zlm::statisticJson(feed->m_server.statistic())}});
        });
    });
}

void EventFeed::stop(std::string_view reason) {
    publish("shutdown", json::object{{"reason", reason}});
    std::set<std::shared_ptr<Subscriber>> subscribers;
    {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
        subscribers = m_subscribers;
    }
    for (const auto& s : subscribers) {
        s->close();
    }
    boost::asio::post(m_statsTimer.get_executor(),
                      [self = shared_from_this()] { self->m_statsTimer.cancel(); });
}

}  // namespace regie::api::events
