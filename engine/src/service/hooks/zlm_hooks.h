#pragma once
// ZLMediaKit web hooks (../shared/spec/zlm/hooks.md): the engine reports events and asks the
// business server for publish/play decisions. Decisions are answered through a callback posted
// to the caller's executor, exactly once, even when the service stops.

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/json/object.hpp>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/config.h"
#include "core/log.h"

namespace regie::service::hooks {

struct StreamKey {
    std::string vhost = "__defaultVhost__";
    std::string app;
    std::string stream;
};

struct Peer {
    std::string ip;
    std::uint16_t port = 0;
    std::string id;  // session id, as getAllSession.id
};

// The spec's "tuple + peer" block. `schema` is the request's protocol (rtmp, rtsp, hls, ts,
// fmp4, rtc, srt, rtp); `params` the query string without '?'.
struct MediaAccess {
    std::string schema;
    StreamKey key;
    std::string params;
    Peer peer;
};

struct PublishEvent {
    MediaAccess access;
    int originType = 0;
    std::string originTypeStr;  // e.g. "rtmp_push"
};

struct StreamChangedEvent {
    bool registered = false;
    std::string schema;  // rtsp, rtmp, fmp4, ts, hls, hls.fmp4
    StreamKey key;
    boost::json::object mediaSource;  // when registering: the MediaSourceJson of endpoints.md
};

struct StreamRef {
    std::string schema;
    StreamKey key;
};

struct FlowReportEvent {
    MediaAccess access;
    std::uint64_t totalBytes = 0;
    std::uint64_t durationSec = 0;
    bool player = false;  // false: a publisher
};

enum class HookOutcome {
    disabled,  // hook.enable off or no URL: the default behaviour, nothing sent
    success,   // code 0
    refused,   // integer code != 0, not retried
    failed,    // transport/HTTP/JSON failure after all retries, or the service stopped
};

// on_publish reply members overriding the [protocol] defaults for one stream; absent ones
// keep the defaults.
struct PublishOptions {
    std::optional<bool> enableHls, enableHlsFmp4, enableMp4, enableRtsp, enableRtmp, enableTs,
        enableFmp4, hlsDemand, rtspDemand, rtmpDemand, tsDemand, fmp4Demand, enableAudio,
        addMuteAudio, mp4AsPlayer, autoClose;
    std::optional<std::int64_t> mp4MaxSecond, modifyStamp, continuePushMs;
    std::optional<std::string> mp4SavePath, hlsSavePath, streamReplace;
};

struct AuthDecision {
    bool allowed = false;
    HookOutcome outcome = HookOutcome::failed;
    std::string reason;  // the reply's msg on refusal, the error on failure
};

struct PublishDecision {
    bool allowed = false;
    HookOutcome outcome = HookOutcome::failed;
    std::string reason;
    PublishOptions options;
};

struct NoneReaderDecision {
    bool close = false;  // failure or hook off: keep the stream
    HookOutcome outcome = HookOutcome::failed;
};

struct NotFoundReply {
    bool closePlayer = false;  // true: fail the player now; else wait maxStreamWaitMS
    HookOutcome outcome = HookOutcome::failed;
};

// The [hook] section, read from a config snapshot.
struct HookSettings {
    bool enable = false;
    std::chrono::milliseconds timeout{10'000};
    int retry = 1;
    std::chrono::milliseconds retryDelay{3'000};
    std::chrono::milliseconds aliveInterval{10'000};
    std::vector<std::string> streamChangedSchemas;  // empty: all
    bool allowOnError = false;                      // hook.on_error_policy=allow
    std::string mediaServerId;
    std::map<std::string, std::string, std::less<>> urls;  // hook name → URL

    static HookSettings fromConfig(const core::ConfigSnapshot& config);
};

class ZlmHookService {
public:
    // The getStatistic `data` object for on_server_keepalive; called on the service's strand.
    using StatisticSource = std::function<boost::json::object()>;

    ZlmHookService(boost::asio::io_context& io, core::Logger& log, HookSettings settings);
    ~ZlmHookService();
    ZlmHookService(const ZlmHookService&) = delete;
    ZlmHookService& operator=(const ZlmHookService&) = delete;

    // Live: later hooks use the new settings; a changed alive_interval restarts the wait.
    void updateSettings(HookSettings settings);

    // Starts the on_server_keepalive timer.
    void start(StatisticSource statistic);
    // Cancels the keepalive, pending retries and requests in flight; decisions still pending
    // are answered as failures. Call before stopping the io loop.
    void stop();

    void onPublish(const PublishEvent& event, boost::asio::any_io_executor replyOn,
                   std::function<void(PublishDecision)> done);
    void onPlay(const MediaAccess& event, boost::asio::any_io_executor replyOn,
                std::function<void(AuthDecision)> done);
    void onStreamNoneReader(const StreamRef& event, boost::asio::any_io_executor replyOn,
                            std::function<void(NoneReaderDecision)> done);
    void onStreamNotFound(const MediaAccess& event, boost::asio::any_io_executor replyOn,
                          std::function<void(NotFoundReply)> done);

    void onStreamChanged(const StreamChangedEvent& event);
    void onFlowReport(const FlowReportEvent& event);
    void onServerStarted(const core::ConfigSnapshot& config);
    // `done` runs on the service's strand once the hook was delivered, failed or is off, so
    // shutdown can wait for it.
    void onServerExited(std::function<void()> done);

    struct Impl;

private:
    std::shared_ptr<Impl> m_impl;
};

}  // namespace regie::service::hooks
