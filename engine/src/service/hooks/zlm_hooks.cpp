#include "service/hooks/zlm_hooks.h"

#include <algorithm>
#include <boost/asio.hpp>
#include <boost/asio/as_tuple.hpp>
#include <boost/json.hpp>
#include <cmath>
#include <mutex>
#include <set>

#include "core/text.h"
#include "service/hooks/http_post_client.h"

namespace regie::service::hooks {

namespace asio = boost::asio;
namespace json = boost::json;
using asio::awaitable;
using asio::use_awaitable;
constexpr auto kTuple = asio::as_tuple(use_awaitable);

namespace {

// The hooks this service sends; the others of [hook] belong to features not built yet.
constexpr std::string_view kHookNames[] = {
    "on_publish",          "on_play",        "on_stream_changed", "on_stream_none_reader",
    "on_stream_not_found", "on_flow_report", "on_server_started", "on_server_exited",
    "on_server_keepalive",
};

std::chrono::milliseconds seconds(double s) {
    return std::chrono::milliseconds(static_cast<std::int64_t>(std::llround(s * 1000)));
}

struct HookResult {
    HookOutcome outcome = HookOutcome::failed;
    json::object reply;
    std::string reason;
};

void addTuple(json::object& body, const MediaAccess& a) {
    body["schema"] = a.schema;
    body["vhost"] = a.key.vhost;
    body["app"] = a.key.app;
    body["stream"] = a.key.stream;
    body["params"] = a.params;
    body["ip"] = a.peer.ip;
    body["port"] = a.peer.port;
    body["id"] = a.peer.id;
}

// Reply members "may be JSON booleans, numbers or strings".
std::optional<bool> replyBool(const json::object& reply, std::string_view key) {
    const json::value* v = reply.if_contains(key);
    if (v == nullptr || v->is_null()) {
        return std::nullopt;
    }
    if (v->is_bool()) {
        return v->get_bool();
    }
    if (v->is_int64()) {
        return v->get_int64() != 0;
    }
    if (v->is_uint64()) {
        return v->get_uint64() != 0;
    }
    if (v->is_double()) {
        return v->get_double() != 0;
    }
    if (v->is_string()) {
        return core::lenientBool(v->get_string());
    }
    return std::nullopt;
}

std::optional<std::int64_t> replyInt(const json::object& reply, std::string_view key) {
    const json::value* v = reply.if_contains(key);
    if (v == nullptr || v->is_null()) {
        return std::nullopt;
    }
    if (v->is_bool()) {
        return v->get_bool() ? 1 : 0;
    }
    if (v->is_int64()) {
        return v->get_int64();
    }
    if (v->is_uint64()) {
        return static_cast<std::int64_t>(v->get_uint64());
    }
    if (v->is_double()) {
        return static_cast<std::int64_t>(v->get_double());
    }
    if (v->is_string()) {
        return core::lenientInt(v->get_string());
    }
    return std::nullopt;
}

std::optional<std::string> replyString(const json::object& reply, std::string_view key) {
    const json::value* v = reply.if_contains(key);
    if (v == nullptr || v->is_null()) {
        return std::nullopt;
    }
    if (v->is_string()) {
        return std::string(v->get_string());
    }
    return json::serialize(*v);
}

PublishOptions publishOptions(const json::object& r) {
    PublishOptions o;
    o.enableHls = replyBool(r, "enable_hls");
    o.enableHlsFmp4 = replyBool(r, "enable_hls_fmp4");
    o.enableMp4 = replyBool(r, "enable_mp4");
    o.enableRtsp = replyBool(r, "enable_rtsp");
    o.enableRtmp = replyBool(r, "enable_rtmp");
    o.enableTs = replyBool(r, "enable_ts");
    o.enableFmp4 = replyBool(r, "enable_fmp4");
    o.hlsDemand = replyBool(r, "hls_demand");
    o.rtspDemand = replyBool(r, "rtsp_demand");
    o.rtmpDemand = replyBool(r, "rtmp_demand");
    o.tsDemand = replyBool(r, "ts_demand");
    o.fmp4Demand = replyBool(r, "fmp4_demand");
    o.enableAudio = replyBool(r, "enable_audio");
    o.addMuteAudio = replyBool(r, "add_mute_audio");
    o.mp4AsPlayer = replyBool(r, "mp4_as_player");
    o.autoClose = replyBool(r, "auto_close");
    o.mp4MaxSecond = replyInt(r, "mp4_max_second");
    o.modifyStamp = replyInt(r, "modify_stamp");
    o.continuePushMs = replyInt(r, "continue_push_ms");
    o.mp4SavePath = replyString(r, "mp4_save_path");
    o.hlsSavePath = replyString(r, "hls_save_path");
    o.streamReplace = replyString(r, "stream_replace");
    return o;
}

AuthDecision authDecision(const HookResult& r, bool allowOnError) {
    switch (r.outcome) {
        case HookOutcome::disabled:
        case HookOutcome::success:
            return {true, r.outcome, {}};
        case HookOutcome::refused:
            return {false, r.outcome, r.reason};
        case HookOutcome::failed:
            break;
    }
    return {allowOnError, r.outcome, r.reason};
}

}  // namespace

HookSettings HookSettings::fromConfig(const core::ConfigSnapshot& c) {
    HookSettings s;
    s.enable = c.getBool("hook.enable");
    s.timeout = seconds(c.getDouble("hook.timeoutSec"));
    s.retry = static_cast<int>(std::max<std::int64_t>(0, c.getInt("hook.retry")));
    s.retryDelay = std::max(std::chrono::milliseconds(0), seconds(c.getDouble("hook.retry_delay")));
    s.aliveInterval = seconds(c.getDouble("hook.alive_interval"));
    std::string_view schemas = c.get("hook.stream_changed_schemas");
    while (!schemas.empty()) {
        auto slash = schemas.find('/');
        std::string_view item = core::trim(schemas.substr(0, slash));
        if (!item.empty()) {
            s.streamChangedSchemas.emplace_back(item);
        }
        schemas = slash == std::string_view::npos ? std::string_view{} : schemas.substr(slash + 1);
    }
    s.allowOnError = core::iequals(core::trim(c.get("hook.on_error_policy")), "allow");
    s.mediaServerId = std::string(c.get("general.mediaServerId"));
    for (std::string_view name : kHookNames) {
        std::string key = "hook." + std::string(name);
        s.urls.emplace(std::string(name), std::string(core::trim(c.get(key))));
    }
    return s;
}

struct ZlmHookService::Impl : std::enable_shared_from_this<Impl> {
    Impl(asio::io_context& io, core::Logger& log, HookSettings s)
        : strand(asio::make_strand(io))
        , client(io)
        , log(log)
        , settings(std::move(s))
        , keepaliveTimer(strand) {}

    asio::strand<asio::io_context::executor_type> strand;
    HttpPostClient client;
    core::Logger& log;

    std::mutex mutex;
    HookSettings settings;

    // Strand only.
    bool stopped = false;
    bool keepaliveRunning = false;
    std::int64_t hookIndex = 0;
    std::set<std::shared_ptr<asio::steady_timer>> retryTimers;
    asio::steady_timer keepaliveTimer;

    HookSettings current() {
        std::lock_guard lock(mutex);
        return settings;
    }

    awaitable<HookResult> invoke(std::string hook, json::object fields) {
        HookSettings s = current();
        auto it = s.urls.find(hook);
        if (!s.enable || it == s.urls.end() || it->second.empty()) {
            co_return HookResult{HookOutcome::disabled, {}, {}};
        }
        json::object body;
        body["mediaServerId"] = s.mediaServerId;
        body["hook_index"] = 0;
        for (auto& kv : fields) {
            body[kv.key()] = std::move(kv.value());
        }
        HttpPostRequest req;
        req.url = it->second;
        req.timeout = s.timeout;
        req.maxResponseBytes = std::size_t{64} * 1024;
        if (const auto* vhost = body.if_contains("vhost"); vhost && vhost->is_string()) {
            req.headers.emplace_back("X-VHOST", std::string(vhost->get_string()));
        }
        std::string lastError;
        for (int attempt = 0; attempt <= s.retry && !stopped; ++attempt) {
            if (attempt > 0 && !co_await retryPause(s.retryDelay)) {
                break;
            }
            body["hook_index"] = hookIndex++;
            req.body = json::serialize(body);
            auto res = co_await client.post(req);
            HookResult r = classify(res);
            if (r.outcome != HookOutcome::failed) {
                if (r.outcome == HookOutcome::refused) {
                    log.info("hook.refused", {{"hook", hook}, {"reason", r.reason}});
                }
                co_return r;
            }
            lastError = r.reason;
            log.warn(
                "hook.failed",
                {{"hook", hook}, {"url", req.url}, {"attempt", attempt + 1}, {"error", lastError}});
        }
        co_return HookResult{
            HookOutcome::failed, {}, lastError.empty() ? "hook service stopped" : lastError};
    }

    static HookResult classify(const core::Result<HttpPostResponse>& res) {
        if (!res) {
            return {HookOutcome::failed, {}, res.error().message};
        }
        if (res.value().status != 200) {
            return {HookOutcome::failed, {}, "HTTP status " + std::to_string(res.value().status)};
        }
        boost::system::error_code ec;
        json::value v = json::parse(res.value().body, ec);
        if (ec || !v.is_object()) {
            return {HookOutcome::failed, {}, "reply is not a JSON object"};
        }
        json::object& o = v.as_object();
        const json::value* code = o.if_contains("code");
        if (code == nullptr || !(code->is_int64() || code->is_uint64())) {
            return {HookOutcome::failed, {}, "reply has no integer code"};
        }
        bool zero = code->is_int64() ? code->get_int64() == 0 : code->get_uint64() == 0;
        if (!zero) {
            std::string msg;
            if (const auto* m = o.if_contains("msg"); m && m->is_string()) {
                msg = m->get_string();
            }
            return {HookOutcome::refused, std::move(o), std::move(msg)};
        }
        return {HookOutcome::success, std::move(o), {}};
    }

    // False when the service stopped during the pause.
    awaitable<bool> retryPause(std::chrono::milliseconds delay) {
        auto timer = std::make_shared<asio::steady_timer>(strand, delay);
        retryTimers.insert(timer);
        co_await timer->async_wait(kTuple);
        retryTimers.erase(timer);
        co_return !stopped;
    }

    // Runs the hook on the strand, then hands `map(result)` to `done` on `replyOn`.
    template <typename Decision, typename Map>
    void decide(std::string hook, json::object body, asio::any_io_executor replyOn,
                std::function<void(Decision)> done, Map map) {
        asio::co_spawn(
            strand, invoke(std::move(hook), std::move(body)),
            [self = shared_from_this(), replyOn = std::move(replyOn), done = std::move(done),
             map = std::move(map)](const std::exception_ptr& e, HookResult r) mutable {
                if (e) {
                    r = HookResult{HookOutcome::failed, {}, "hook failure"};
                }
                asio::post(replyOn,
                           [done = std::move(done), d = map(r)]() mutable { done(std::move(d)); });
            });
    }

    void notify(std::string hook, json::object body, std::function<void()> done = nullptr) {
        asio::co_spawn(strand, invoke(std::move(hook), std::move(body)),
                       [self = shared_from_this(), done = std::move(done)](
                           const std::exception_ptr&, const HookResult&) {
                           if (done) {
                               done();
                           }
                       });
    }

    awaitable<void> keepaliveLoop(StatisticSource statistic) {
        while (!stopped) {
            auto interval = current().aliveInterval;
            if (interval.count() > 0) {
                keepaliveTimer.expires_after(interval);
            } else {
                keepaliveTimer.expires_at(asio::steady_timer::time_point::max());
            }
            auto [ec] = co_await keepaliveTimer.async_wait(kTuple);
            if (stopped) {
                break;
            }
            if (!ec) {
                notify("on_server_keepalive",
                       json::object{{"data", statistic ? statistic() : json::object{}}});
            }
        }
        keepaliveRunning = false;
    }
};

ZlmHookService::ZlmHookService(asio::io_context& io, core::Logger& log, HookSettings settings)
    : m_impl(std::make_shared<Impl>(io, log, std::move(settings))) {}

ZlmHookService::~ZlmHookService() {
    stop();
}

void ZlmHookService::updateSettings(HookSettings settings) {
    bool intervalChanged = false;
    {
        std::lock_guard lock(m_impl->mutex);
        intervalChanged = m_impl->settings.aliveInterval != settings.aliveInterval;
        m_impl->settings = std::move(settings);
    }
    if (intervalChanged) {
        asio::post(m_impl->strand, [impl = m_impl] { impl->keepaliveTimer.cancel(); });
    }
}

void ZlmHookService::start(StatisticSource statistic) {
    asio::post(m_impl->strand, [impl = m_impl, statistic = std::move(statistic)]() mutable {
        if (impl->stopped || impl->keepaliveRunning) {
            return;
        }
        impl->keepaliveRunning = true;
        asio::co_spawn(impl->strand, impl->keepaliveLoop(std::move(statistic)),
                       [impl](const std::exception_ptr&) {});
    });
}

void ZlmHookService::stop() {
    asio::post(m_impl->strand, [impl = m_impl] {
        impl->stopped = true;
        impl->keepaliveTimer.cancel();
        for (const auto& t : impl->retryTimers) {
            t->cancel();
        }
        impl->client.shutdown();
    });
}

void ZlmHookService::onPublish(const PublishEvent& event, asio::any_io_executor replyOn,
                               std::function<void(PublishDecision)> done) {
    json::object body;
    addTuple(body, event.access);
    body["originType"] = event.originType;
    body["originTypeStr"] = event.originTypeStr;
    bool allowOnError = m_impl->current().allowOnError;
    m_impl->decide("on_publish", std::move(body), std::move(replyOn), std::move(done),
                   [allowOnError](const HookResult& r) {
                       AuthDecision a = authDecision(r, allowOnError);
                       PublishDecision d{a.allowed, a.outcome, std::move(a.reason), {}};
                       if (r.outcome == HookOutcome::success) {
                           d.options = publishOptions(r.reply);
                       }
                       return d;
                   });
}

void ZlmHookService::onPlay(const MediaAccess& event, asio::any_io_executor replyOn,
                            std::function<void(AuthDecision)> done) {
    json::object body;
    addTuple(body, event);
    bool allowOnError = m_impl->current().allowOnError;
    m_impl->decide("on_play", std::move(body), std::move(replyOn), std::move(done),
                   [allowOnError](const HookResult& r) { return authDecision(r, allowOnError); });
}

void ZlmHookService::onStreamNoneReader(const StreamRef& event, asio::any_io_executor replyOn,
                                        std::function<void(NoneReaderDecision)> done) {
    json::object body{{"schema", event.schema},
                      {"vhost", event.key.vhost},
                      {"app", event.key.app},
                      {"stream", event.key.stream}};
    m_impl->decide("on_stream_none_reader", std::move(body), std::move(replyOn), std::move(done),
                   [](const HookResult& r) {
                       bool close = r.outcome == HookOutcome::success &&
                                    replyBool(r.reply, "close").value_or(false);
                       return NoneReaderDecision{close, r.outcome};
                   });
}

void ZlmHookService::onStreamNotFound(const MediaAccess& event, asio::any_io_executor replyOn,
                                      std::function<void(NotFoundReply)> done) {
    json::object body;
    addTuple(body, event);
    m_impl->decide("on_stream_not_found", std::move(body), std::move(replyOn), std::move(done),
                   [](const HookResult& r) {
                       bool close = r.outcome == HookOutcome::success &&
                                    replyBool(r.reply, "close").value_or(false);
                       return NotFoundReply{close, r.outcome};
                   });
}

void ZlmHookService::onStreamChanged(const StreamChangedEvent& event) {
    auto schemas = m_impl->current().streamChangedSchemas;
    if (!schemas.empty() &&
        std::find(schemas.begin(), schemas.end(), event.schema) == schemas.end()) {
        return;
    }
    json::object body;
    if (event.registered) {
        body = event.mediaSource;
    }
    body["regist"] = event.registered;
    body["schema"] = event.schema;
    body["vhost"] = event.key.vhost;
    body["app"] = event.key.app;
    body["stream"] = event.key.stream;
    m_impl->notify("on_stream_changed", std::move(body));
}

void ZlmHookService::onFlowReport(const FlowReportEvent& event) {
    json::object body;
    addTuple(body, event.access);
    body["totalBytes"] = event.totalBytes;
    body["duration"] = event.durationSec;
    body["player"] = event.player;
    m_impl->notify("on_flow_report", std::move(body));
}

void ZlmHookService::onServerStarted(const core::ConfigSnapshot& config) {
    json::object body;
    for (const auto& [k, v] : config.values()) {
        body[k] = v;
    }
    m_impl->notify("on_server_started", std::move(body));
}

void ZlmHookService::onServerExited(std::function<void()> done) {
    m_impl->notify("on_server_exited", {}, std::move(done));
}

}  // namespace regie::service::hooks
