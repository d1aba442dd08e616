#include "service/hooks/zego_callbacks.h"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <boost/json.hpp>
#include <cstdlib>

#include "core/random.h"
#include "core/text.h"

namespace regie::service::hooks {

namespace json = boost::json;

namespace {

json::array urlArray(const std::vector<std::string>& urls) {
    json::array a;
    for (const auto& u : urls) {
        a.emplace_back(u);
    }
    return a;
}

}  // namespace

std::string zegoCallbackSignature(std::string_view secret, std::string_view timestamp,
                                  std::string_view nonce) {
    std::array<std::string_view, 3> parts{secret, timestamp, nonce};
    std::sort(parts.begin(), parts.end());
    std::string joined;
    for (auto p : parts) {
        joined += p;
    }
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    if (EVP_Digest(joined.data(), joined.size(), digest.data(), &size, EVP_sha1(), nullptr) != 1) {
        return {};
    }
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < size; ++i) {
        out += kHex[digest[i] >> 4];
        out += kHex[digest[i] & 0xf];
    }
    return out;
}

ZegoCallbackSettings ZegoCallbackSettings::fromConfig(const core::ConfigSnapshot& c) {
    return {std::string(core::trim(c.get("zego.appId"))),
            std::string(core::trim(c.get("zego.callbackUrl"))),
            std::string(c.get("zego.callbackSecret"))};
}

ZegoCallbacks::ZegoCallbacks(CallbackOutbox& outbox, const core::Clock& clock,
                             ZegoCallbackSettings settings)
    : m_outbox(outbox), m_clock(clock), m_settings(std::move(settings)) {}

void ZegoCallbacks::updateSettings(ZegoCallbackSettings settings) {
    std::lock_guard lock(m_mutex);
    m_settings = std::move(settings);
}

void ZegoCallbacks::send(std::string_view event, json::object fields, Persisted persisted,
                         EnvelopeTyping typing) {
    ZegoCallbackSettings s;
    {
        std::lock_guard lock(m_mutex);
        s = m_settings;
    }
    if (s.callbackUrl.empty()) {
        if (persisted) {
            persisted(core::Error{"zego.callbackUrl is empty"});
        }
        return;
    }
    const std::int64_t now = m_clock.unixSeconds();
    std::string timestamp = std::to_string(now);
    std::string nonce = std::to_string(core::randomUint64() >> 1);
    json::object body;
    const bool pascal = typing == EnvelopeTyping::pascalCase;
    body[pascal ? "Event" : "event"] = event;
    if (typing == EnvelopeTyping::numbers) {
        body["appid"] = std::strtoull(s.appId.c_str(), nullptr, 10);
        body["timestamp"] = now;
    } else {
        body[pascal ? "Appid" : "appid"] = s.appId;
        body[pascal ? "Timestamp" : "timestamp"] = timestamp;
    }
    body[pascal ? "Nonce" : "nonce"] = nonce;
    body[pascal ? "Signature" : "signature"] =
        zegoCallbackSignature(s.callbackSecret, timestamp, nonce);
    for (auto& kv : fields) {
        body[kv.key()] = std::move(kv.value());
    }
    m_outbox.enqueue(std::string(event), s.callbackUrl, "application/json; charset=utf-8",
                     json::serialize(body), std::move(persisted));
}

void ZegoCallbacks::streamCreate(const StreamCreateEvent& e, Persisted persisted) {
    json::object f;
    f["room_id"] = e.roomId;
    f["room_session_id"] = std::to_string(e.roomSessionId);
    f["user_id"] = e.userId;
    f["user_name"] = e.userName;
    f["channel_id"] = e.roomId;
    f["stream_id"] = e.streamId;
    f["stream_sid"] = e.streamSid;
    f["title"] = e.title;
    f["stream_alias"] = e.streamId;
    f["stream_attr"] = json::serialize(json::object{{"cid", static_cast<int>(e.codec)}});
    f["stream_seq"] = std::to_string(e.streamSeq);
    f["create_time"] = std::to_string(e.createTimeMs / 1000);
    f["create_time_ms"] = std::to_string(e.createTimeMs);
    f["extra_info"] = e.extraInfo;
    f["recreate"] = e.recreate ? "1" : "0";
    f["publish_id"] = e.userId;
    f["publish_name"] = e.userName;
    f["rtmp_url"] = urlArray(e.rtmpUrls);
    f["hls_url"] = urlArray(e.hlsUrls);
    f["hdl_url"] = urlArray(e.hdlUrls);
    f["pic_url"] = urlArray(e.picUrls);
    send("stream_create", std::move(f), std::move(persisted));
}

void ZegoCallbacks::streamClose(const StreamCloseEvent& e, Persisted persisted) {
    json::object f;
    f["room_id"] = e.roomId;
    f["room_session_id"] = std::to_string(e.roomSessionId);
    f["user_id"] = e.userId;
    f["user_name"] = e.userName;
    f["channel_id"] = e.roomId;
    f["type"] = std::to_string(e.type);
    f["stream_alias"] = e.streamId;
    f["stream_id"] = e.streamId;
    f["stream_sid"] = e.streamSid;
    f["stream_seq"] = std::to_string(e.streamSeq);
    f["third_define_data"] = e.thirdDefineData;
    f["create_time_ms"] = std::to_string(e.createTimeMs);
    f["destroy_timemillis"] = std::to_string(e.destroyTimeMs);
    send("stream_close", std::move(f), std::move(persisted));
}

}  // namespace regie::service::hooks
