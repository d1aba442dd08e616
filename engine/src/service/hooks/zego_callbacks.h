#pragma once
// ZEGO server callbacks (../shared/spec/zego/callbacks.md): signed JSON bodies queued in the
// durable CallbackOutbox. stream_create and stream_close are built here; later families
// (room_*, mix_*) use send() with their own fields.

#include <boost/json/object.hpp>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/config.h"
#include "core/result.h"
#include "service/hooks/callback_outbox.h"

namespace regie::service::hooks {

// lower_hex(SHA1(sorted(secret, timestamp, nonce) joined)), §2.
std::string zegoCallbackSignature(std::string_view secret, std::string_view timestamp,
                                  std::string_view nonce);

struct ZegoCallbackSettings {
    std::string appId;
    std::string callbackUrl;  // empty: callbacks are not sent
    std::string callbackSecret;

    static ZegoCallbackSettings fromConfig(const core::ConfigSnapshot& config);
};

// How `appid` and `timestamp` are typed: strings on most pages, numbers on room_create and
// room_close; pascalCase: strings under Event, Appid, Timestamp, Nonce and Signature
// (transcode_start, transcode_stop).
enum class EnvelopeTyping { strings, numbers, pascalCase };

enum class StreamCodec : int { h264 = 0, h264Svc = 1, vp8 = 2, h265 = 3 };

struct StreamCreateEvent {
    std::string roomId;
    std::uint64_t roomSessionId = 0;
    std::string userId;
    std::string userName;
    std::string streamId;
    std::string streamSid;
    std::string title;
    StreamCodec codec = StreamCodec::h264;
    std::uint64_t streamSeq = 0;
    std::int64_t createTimeMs = 0;
    std::string extraInfo;
    bool recreate = false;
    std::vector<std::string> rtmpUrls, hlsUrls, hdlUrls, picUrls;
};

struct StreamCloseEvent {
    std::string roomId;
    std::uint64_t roomSessionId = 0;
    std::string userId;
    std::string userName;
    int type = 0;  // 0 normal, 1 heartbeat timeout, 2 re-login, 3 kicked, 4 TCP lost,
                   // 5 room cleared, 100 DeleteStream
    std::string streamId;
    std::string streamSid;
    std::uint64_t streamSeq = 0;
    std::string thirdDefineData;
    std::int64_t createTimeMs = 0;
    std::int64_t destroyTimeMs = 0;
};

class ZegoCallbacks {
public:
    // `persisted` callbacks below run on the outbox's worker once the row is written (or
    // with an error when no callback URL is configured).
    using Persisted = std::function<void(core::Status)>;

    ZegoCallbacks(CallbackOutbox& outbox, const core::Clock& clock, ZegoCallbackSettings settings);

    void updateSettings(ZegoCallbackSettings settings);

    void streamCreate(const StreamCreateEvent& event, Persisted persisted = nullptr);
    void streamClose(const StreamCloseEvent& event, Persisted persisted = nullptr);

    // Prepends event, appid, timestamp, nonce and signature (lower-case keys unless
    // pascalCase) to `fields`.
    void send(std::string_view event, boost::json::object fields, Persisted persisted = nullptr,
              EnvelopeTyping typing = EnvelopeTyping::strings);

private:
    CallbackOutbox& m_outbox;
    const core::Clock& m_clock;
    std::mutex m_mutex;
    ZegoCallbackSettings m_settings;
};

}  // namespace regie::service::hooks
