#include "engine_app.h"

#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <future>
#include <thread>

#include "api/events/event_feed.h"
#include "api/events/mix_events.h"
#include "api/events/room_events.h"
#include "api/events/rule_events.h"
#include "api/events/stream_events.h"
#include "api/rooms/room_signalling.h"
#include "api/zego/automix_actions.h"
#include "api/zego/automix_request.h"
#include "api/zego/mix_actions.h"
#include "api/zego/room_actions.h"
#include "api/zego/rtmp_dispatch_actions.h"
#include "api/zego/rule_actions.h"
#include "api/zego/stored_request.h"
#include "api/zego/zego_door.h"
#include "api/zlm/server_endpoints.h"
#include "api/zlm/server_json.h"
#include "api/zlm/stream_endpoints.h"
#include "api/zlm/stream_json.h"
#include "api/zlm/zlm_door.h"
#include "core/config.h"
#include "core/config_file.h"
#include "core/loop_pool.h"
#include "core/session_registry.h"
#include "core/store.h"
#include "core/text.h"
#include "engine_router.h"
#include "engine_settings.h"
#include "media/source_registry.h"
#include "protocol/http/http_server.h"
#include "protocol/httpflv/http_flv_service.h"
#include "protocol/rtmpserver/rtmp_muxer.h"
#include "protocol/rtmpserver/rtmp_server.h"
#include "service/hooks/callback_outbox.h"
#include "service/hooks/media_hooks.h"
#include "service/hooks/zego_callbacks.h"
#include "service/hooks/zlm_hooks.h"
#include "service/mix/auto_mixer.h"
#include "service/mix/mix_service.h"
#include "service/rooms/room_callbacks.h"
#include "service/rooms/room_service.h"
#include "service/rules/rule_service.h"
#include "service/rules/rule_sweeper.h"
#include "service/rules/source_enforcer.h"
#include "service/server/server_service.h"

namespace regie {

namespace fs = std::filesystem;
namespace json = boost::json;

namespace {

bool writeReadyFile(const std::string& path, const json::object& content) {
    std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::trunc);
        out << json::serialize(content) << '\n';
        if (!out) {
            return false;
        }
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    return !ec;
}

}  // namespace

EngineApp::EngineApp(EngineOptions options, core::Logger& log, const core::Clock& clock)
    : m_options(std::move(options)), m_log(log), m_clock(clock) {}

EngineOutcome EngineApp::run(BoundPorts& previousPorts) {
    fs::path configPath = fs::absolute(m_options.configPath);
    fs::path dataDir = configPath.parent_path();
    std::error_code ec;
    fs::create_directories(dataDir, ec);

    auto store = core::Store::open((dataDir / "regie.db").string());
    if (!store) {
        m_log.error("store.open_failed", {{"error", store.error().message}});
        return EngineOutcome::failed;
    }
    core::ConfigFile configFile(configPath.string());
    auto loaded = configFile.load(*store.value(), m_log);
    if (!loaded) {
        m_log.error("config.load_failed", {{"error", loaded.error().message}});
        return EngineOutcome::failed;
    }
    core::Config config(std::move(loaded.value()));
    auto initial = config.snapshot();

    core::SessionRegistry sessions;
    // Half as many io threads as cores: one loop serves hundreds of players with a fraction of a
    // core, while every further loop a stream's players are spread over costs a wake-up per
    // frame (tests/bench/results/fanout.md); the codecs of mixes and transcodes run on workers.
    core::LoopPool io("io", threadCount(*initial, "general.io_threads", 0.5), m_log);
    core::LoopPool workers("work", threadCount(*initial, "general.worker_threads", 1.0), m_log);

    boost::asio::io_context control;
    std::string stopReason;
    EngineOutcome outcome = EngineOutcome::stopped;
    auto requestRestart = [&](const std::string& reason) {
        boost::asio::post(control, [&, reason] {
            stopReason = reason;
            outcome = EngineOutcome::restart;
            control.stop();
        });
    };

    service::ServerService server(
        {config, configFile, *store.value(), io, workers, m_log, m_clock, requestRestart});

    media::SourceRegistry sources(io.at(0));
    sources.setTimings(registryTimings(*initial));

    service::rules::SourceRuleEnforcer ruleEnforcer(sources);
    auto openedRules = service::rules::RuleService::open(*store.value(), m_clock, ruleEnforcer,
                                                         m_log, ruleSettings(*initial));
    if (!openedRules) {
        m_log.error("rules.open_failed", {{"error", openedRules.error().message}});
        return EngineOutcome::failed;
    }
    service::rules::RuleService& rules = *openedRules.value();

    api::zlm::ZlmDoor zlm(m_log);
    api::zlm::addServerEndpoints(zlm, server, config);
    api::zlm::addStreamEndpoints(zlm, sources, sessions, config);

    std::map<std::string, int> boundPorts;
    std::string listenIp(initial->get("general.listen_ip"));
    auto feed =
        std::make_shared<api::events::EventFeed>(server, zlm, m_log, m_clock, io.at(0), [&] {
            json::object ports;
            for (const auto& [name, port] : boundPorts) {
                ports[name] = port;
            }
            return json::object{{"protocol", 1},
                                {"version", api::zlm::versionJson()},
                                {"mediaServerId", config.snapshot()->get("general.mediaServerId")},
                                {"startedAt", server.startedAtMs()},
                                {"pid", static_cast<std::int64_t>(::getpid())},
                                {"ports", std::move(ports)}};
        });

    api::zego::ZegoDoor zego(m_clock, zegoSettings(*initial, m_log));
    auto rtmpEndpoint = [&]() -> std::optional<api::zego::RtmpEndpoint> {
        auto it = boundPorts.find("rtmp");
        if (it == boundPorts.end()) {
            return std::nullopt;
        }
        return api::zego::RtmpEndpoint{listenIp, static_cast<std::uint16_t>(it->second)};
    };
    api::zego::registerRtmpDispatchActions(zego, rtmpEndpoint);
    api::zego::SequenceGate sequences(m_clock);
    api::zego::RuleActionContext ruleActions{
        rules, sequences, workers.at(0).get_executor(), rtmpEndpoint,
        [&](const std::string& streamId) -> std::optional<std::int64_t> {
            const std::string app(config.snapshot()->get("zego.app"));
            for (const auto& s : sources.list()) {
                if (s->key().app == app && s->key().stream == streamId && s->hasPublisher()) {
                    return s->createdAtUnix();
                }
            }
            return std::nullopt;
        }};
    api::zego::registerUserRuleActions(zego, ruleActions);
    api::zego::registerStreamRuleActions(zego, ruleActions);
    api::zego::registerRtcForbidActions(zego, ruleActions);
    api::zego::registerCdnForbidActions(zego, ruleActions);
    auto ruleEvents = std::make_shared<api::events::RuleEvents>(*feed, rules, io.at(0));
    rules.setListener([ruleEvents](const auto& change) { ruleEvents->changed(change); });
    auto ruleSweeper = std::make_shared<service::rules::RuleSweeper>(rules, workers.at(0));

    namespace hooks = service::hooks;
    hooks::ZlmHookService zlmHooks(io.at(0), m_log, hooks::HookSettings::fromConfig(*initial));
    hooks::CallbackOutbox outbox({io.at(0), workers.at(0), *store.value(), m_clock, m_log});
    hooks::ZegoCallbacks zegoCallbacks(outbox, m_clock,
                                       hooks::ZegoCallbackSettings::fromConfig(*initial));
    std::shared_ptr<service::mix::AutoMixer> autoMixer;  // made once the rooms exist
    service::mix::MixService mix(
        {sources, rtmpserver::addLiveFormats, zegoCallbacks, *store.value(), workers.at(0), m_log,
         [&config, &autoMixer](const std::string& action, const json::object& body) {
             auto settings = service::mix::MixSettings::fromConfig(*config.snapshot());
             const api::zego::MixLimits limits{settings.maxFps, settings.sequenceRequired};
             if (action == "StartAutoMix") {
                 auto request = api::zego::rereadAutoMixRequest(body, limits, *autoMixer);
                 return request ? std::optional<service::mix::StoredRequest>(std::move(*request))
                                : std::nullopt;
             }
             return api::zego::rereadStoredRequest(action, body, limits);
         }},
        service::mix::MixSettings::fromConfig(*initial, dataDir));
    api::zego::registerMixActions(zego, mix, workers.at(workers.size() - 1).get_executor());
    auto mixEvents = std::make_shared<api::events::MixEvents>(*feed, mix, io.at(0));
    hooks::MediaHooks mediaHooks(zlmHooks, zegoCallbacks, sources, config, m_clock, io.at(0),
                                 [](const media::MediaSource& s) {
                                     return api::zlm::streamJson(s, api::zlm::kRtmpSchema, false);
                                 });

    const auto initialRooms = roomSettings(*initial, *zego.settings());
    service::rooms::RoomService rooms(m_clock, m_log, io.at(0), rules, initialRooms);
    rules.setStreamRoomLookup([&rooms](const std::string& streamId) -> std::optional<std::string> {
        auto room = rooms.roomOfStream(streamId);
        return room ? std::optional(room->roomId) : std::nullopt;
    });
    rooms.addObserver(std::make_shared<service::rooms::RoomCallbacks>(zegoCallbacks, m_clock));
    autoMixer = std::make_shared<service::mix::AutoMixer>(
        mix,
        [&rooms](const std::string& roomId) -> std::optional<std::vector<std::string>> {
            auto streams = rooms.streams(roomId);
            if (!streams) {
                return std::nullopt;
            }
            std::vector<std::string> ids;
            for (const auto& s : *streams) {
                ids.push_back(s.streamId);
            }
            return ids;
        },
        workers.at(0).get_executor(), m_log);
    rooms.addObserver(autoMixer);
    api::zego::registerAutoMixActions(zego, *autoMixer, mix);
    auto roomEvents = std::make_shared<api::events::RoomEvents>(*feed, rooms, io.at(0));
    rooms.addObserver(roomEvents);
    rooms.setStreamCloser([&](const std::string& streamId) {
        boost::asio::post(io.at(0), [&, streamId] {
            media::MediaKey key{std::string(media::kDefaultVhost),
                                std::string(config.snapshot()->get("zego.app")), streamId};
            // A mix output listed by TargetRoom outlives the room: its task goes on.
            if (auto source = sources.find(key); source && source->publisher().engineOutput) {
                return;
            }
            sources.close(key, media::SourceEndReason::closedByApi);
        });
    });
    mix.setRoomJoin([&rooms](const service::mix::TargetRoom& target,
                             const std::string& streamId) -> std::optional<std::string> {
        auto added = rooms.addStream({target.roomId, target.userId, {}, streamId, {}, {}});
        if (const auto* refused = std::get_if<service::rooms::RoomFailure>(&added)) {
            return refused->message;
        }
        return std::nullopt;
    });
    mediaHooks.setStreamRoomLookup(
        [&](const std::string& streamId) -> std::optional<hooks::StreamRoomFields> {
            auto room = rooms.roomOfStream(streamId);
            if (!room) {
                return std::nullopt;
            }
            std::optional<int> closeType;
            if (room->closeType) {
                closeType = static_cast<int>(*room->closeType);
            }
            return hooks::StreamRoomFields{room->roomId,   room->roomSessionId, room->userId,
                                           room->userName, room->title,         room->extraInfo,
                                           closeType};
        });
    api::zego::registerRoomMessageActions(zego, rooms);
    api::zego::registerRoomUserActions(zego, rooms);
    api::zego::registerRoomStreamActions(zego, rooms);
    api::rooms::RoomSignalling roomSignalling(rooms);
    roomSignalling.setHeartbeatInterval(initialRooms.heartbeatTimeout / 3);

    auto streamEvents = std::make_shared<api::events::StreamEvents>(*feed, sources, io.at(0));
    // Rooms learn of a stream before its stream_create (which carries its room) and forget
    // it after its stream_close.
    sources.setListener(
        {[&, streamEvents](const auto& s) {
             rooms.mediaStarted(s->key().app, s->key().stream, s->publisher().sessionId);
             s->setWithheldTracks(rules.withheldTracks(s->key().app, s->key().stream));
             streamEvents->added(*s);
             mediaHooks.streamAdded(s);
         },
         [&, streamEvents](const auto& s, media::SourceEndReason reason) {
             streamEvents->removed(*s, reason);
             mediaHooks.streamRemoved(*s, reason);
             rooms.mediaStopped(s->key().app, s->key().stream);
         },
         [&](const auto& s, const std::function<void(bool)>& close) {
             mediaHooks.noReader(s, close);
         }});

    httpflv::HttpFlvService httpFlv(io.at(0), sources, sessions, config, m_log);
    httpFlv.setAccessCheck(mediaHooks.playCheck());
    httpFlv.setFlowReporter(mediaHooks.flowReporter());
    rtmpserver::RtmpServer rtmpServer(
        {io, sources, sessions, config, m_clock, m_log,
         media::chainAccess(rules.publishCheck(),
                            media::chainAccess(rooms.publishGate(), mediaHooks.publishCheck())),
         mediaHooks.playCheck(), mediaHooks.flowReporter()});

    EngineRouter router(zlm, zego, *feed, httpFlv, roomSignalling);
    http::HttpServer httpServer(io, router, sessions, m_log);

    auto applyLive = [&](const core::ConfigSnapshot& c) {
        zlm.updateSettings(zlmSettings(c));
        zego.updateSettings(zegoSettings(c, m_log));
        const auto roomsNow = roomSettings(c, *zego.settings());
        rooms.updateSettings(roomsNow);
        roomSignalling.setHeartbeatInterval(roomsNow.heartbeatTimeout / 3);
        sources.setTimings(registryTimings(c));
        rules.updateSettings(ruleSettings(c));
        zlmHooks.updateSettings(hooks::HookSettings::fromConfig(c));
        zegoCallbacks.updateSettings(hooks::ZegoCallbackSettings::fromConfig(c));
        mix.updateSettings(service::mix::MixSettings::fromConfig(c, dataDir));
        httpServer.setLimits(httpLimits(c));
    };
    httpServer.setLimits(httpLimits(*initial));
    zlm.updateSettings(zlmSettings(*initial));
    auto configSubscription =
        config.subscribe([&](const core::ConfigChange& change, const core::ConfigSnapshot& c) {
            applyLive(c);
            json::object changed;
            for (const auto& [k, v] : change.changed) {
                changed[k] = v;
            }
            json::array restart;
            for (const auto& k : change.restartRequired) {
                restart.emplace_back(k);
            }
            feed->publish("config.changed", json::object{{"changed", std::move(changed)},
                                                         {"restartRequired", std::move(restart)}});
        });

    // A configured port of 0 takes any free port (the one of the previous run after an in-place
    // restart); the bound port is logged, reported by getServerConfig and the ready file.
    auto listen = [&](const std::string& name, auto&& bind) {
        auto configured = initial->getInt(name + ".port");
        if (configured < 0 || configured > 65535) {
            m_log.error("listen.bad_port", {{"protocol", name}, {"port", configured}});
            return false;
        }
        auto bound = core::Result<std::uint16_t>(core::Error{});
        if (configured == 0 && previousPorts.count(name)) {
            bound = bind(static_cast<std::uint16_t>(previousPorts[name]));
        }
        if (!bound) {
            bound = bind(static_cast<std::uint16_t>(configured));
        }
        if (!bound) {
            m_log.error("listen.failed", {{"protocol", name}, {"error", bound.error().message}});
            return false;
        }
        boundPorts[name] = bound.value();
        config.setRuntimeValue(name + ".port", std::to_string(bound.value()));
        m_log.info("listen", {{"protocol", name}, {"ip", listenIp}, {"port", bound.value()}});
        return true;
    };
    bool listening =
        listen("http", [&](std::uint16_t p) { return httpServer.listen(listenIp, p); }) &&
        listen("rtmp", [&](std::uint16_t p) { return rtmpServer.listen(listenIp, p); });
    if (!listening) {
        rtmpServer.stop();
        httpServer.stop();
        io.stop();
        workers.stop();
        return EngineOutcome::failed;
    }
    streamEvents->start();
    roomEvents->start();
    rooms.start();
    ruleEvents->start();
    mixEvents->start();
    ruleSweeper->start();
    mediaHooks.setPlayUrlBase({"rtmp://" + listenIp + ":" + std::to_string(boundPorts["rtmp"]),
                               "http://" + listenIp + ":" + std::to_string(boundPorts["http"])});
    mix.setPlayUrlBase("rtmp://" + listenIp + ":" + std::to_string(boundPorts["rtmp"]),
                       "http://" + listenIp + ":" + std::to_string(boundPorts["http"]));
    mix.resume();
    zlmHooks.onServerStarted(*config.snapshot());
    zlmHooks.start([&server] { return api::zlm::statisticJson(server.statistic()); });
    outbox.start();
    feed->start();

    if (!m_options.readyFile.empty()) {
        json::object ports;
        for (const auto& [name, port] : boundPorts) {
            ports[name] = port;
        }
        std::string url = boundPorts.count("http")
                              ? "http://" + listenIp + ":" + std::to_string(boundPorts["http"])
                              : "";
        if (!writeReadyFile(m_options.readyFile,
                            json::object{{"pid", static_cast<std::int64_t>(::getpid())},
                                         {"httpUrl", url},
                                         {"ports", std::move(ports)}})) {
            m_log.warn("engine.ready_file_failed", {{"path", m_options.readyFile}});
        }
    }
    m_log.info("engine.started", {{"config", configPath.string()},
                                  {"io_threads", io.size()},
                                  {"worker_threads", workers.size()}});

    boost::asio::signal_set signals(control, SIGINT, SIGTERM);
    signals.async_wait([&](const boost::system::error_code& sigEc, int signo) {
        if (!sigEc) {
            stopReason = signo == SIGINT ? "SIGINT" : "SIGTERM";
            outcome = EngineOutcome::stopped;
            control.stop();
        }
    });
    auto guard = boost::asio::make_work_guard(control);
    control.run();

    m_log.info("engine.stopping", {{"reason", stopReason}});
    if (!m_options.readyFile.empty()) {
        fs::remove(m_options.readyFile, ec);
    }
    feed->stop(stopReason);
    streamEvents->stop();
    roomEvents->stop();
    rooms.stop();
    ruleEvents->stop();
    mixEvents->stop();
    ruleSweeper->stop();
    mix.stopAll();
    sources.closeAll(media::SourceEndReason::shutdown);
    // on_server_exited gets its chance to go out, bounded by the hook timeout.
    auto exited = std::make_shared<std::promise<void>>();
    zlmHooks.onServerExited([exited] { exited->set_value(); });
    exited->get_future().wait_for(std::chrono::seconds(3));
    zlmHooks.stop();
    outbox.stop();
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    rtmpServer.stop();
    httpServer.stop();
    io.stop();
    workers.stop();
    configSubscription.reset();
    previousPorts.clear();
    for (const auto& [name, port] : boundPorts) {
        if (initial->getInt(name + ".port") == 0) {
            previousPorts[name] = port;
        }
    }
    m_log.info("engine.stopped", {{"reason", stopReason}});
    return outcome;
}

}  // namespace regie
