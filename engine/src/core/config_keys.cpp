#include "core/config_keys.h"

#include <algorithm>
#include <array>

namespace regie::core {

namespace {

constexpr bool kLive = false;
constexpr bool kRestart = true;

constexpr std::array kKeys = std::to_array<ConfigKey>({
    {"api.apiDebug", "1", kLive},
    {"api.secret", "", kLive},
    {"api.snapRoot", "./www/snap/", kLive},
    {"api.defaultSnap", "./www/logo.png", kLive},
    {"api.downloadRoot", "./www", kLive},

    {"auth.token.enforce_privilege", "1", kLive},

    {"cluster.origin_url", "", kLive},
    {"cluster.timeout_sec", "15", kLive},
    {"cluster.retry_count", "3", kLive},

    {"ffmpeg.bin", "/usr/bin/ffmpeg", kRestart},
    {"ffmpeg.cmd", "%s -re -i %s -c:a aac -strict -2 -ar 44100 -ab 48k -c:v libx264 -f flv %s",
     kLive},
    {"ffmpeg.snap", "%s -i %s -y -f mjpeg -frames:v 1 %s", kLive},
    {"ffmpeg.log", "./ffmpeg/ffmpeg.log", kLive},
    {"ffmpeg.restart_sec", "0", kLive},

    {"general.enableVhost", "0", kLive},
    {"general.flowThreshold", "1024", kLive},
    {"general.maxStreamWaitMS", "15000", kLive},
    {"general.streamNoneReaderDelayMS", "20000", kLive},
    {"general.resetWhenRePlay", "1", kLive},
    {"general.mergeWriteMS", "0", kLive},
    {"general.mediaServerId", "", kLive},
    {"general.wait_track_ready_ms", "10000", kLive},
    {"general.wait_add_track_ms", "3000", kLive},
    {"general.unready_frame_cache", "100", kLive},
    {"general.check_nvidia_dev", "0", kLive},
    {"general.enable_ffmpeg_log", "0", kLive},
    {"general.listen_ip", "127.0.0.1", kRestart},
    {"general.io_threads", "0", kRestart},
    {"general.worker_threads", "0", kRestart},

    {"hls.segDur", "2", kLive},
    {"hls.segNum", "3", kLive},
    {"hls.segRetain", "5", kLive},
    {"hls.segKeep", "0", kLive},
    {"hls.fileBufSize", "65536", kLive},
    {"hls.broadcastRecordTs", "0", kLive},
    {"hls.deleteDelaySec", "10", kLive},
    {"hls.segDelay", "0", kLive},
    {"hls.fastRegister", "0", kLive},

    {"hook.enable", "0", kLive},
    {"hook.timeoutSec", "10", kLive},
    {"hook.retry", "1", kLive},
    {"hook.retry_delay", "3.0", kLive},
    {"hook.alive_interval", "10.0", kLive},
    {"hook.stream_changed_schemas", "rtsp/rtmp/fmp4/ts/hls/hls.fmp4", kLive},
    // Regie: on_publish/on_play answer when the hook server cannot be reached; ZLM denies.
    {"hook.on_error_policy", "deny", kLive},
    {"hook.on_flow_report", "", kLive},
    {"hook.on_http_access", "", kLive},
    {"hook.on_play", "", kLive},
    {"hook.on_publish", "", kLive},
    {"hook.on_record_mp4", "", kLive},
    {"hook.on_record_ts", "", kLive},
    {"hook.on_rtsp_auth", "", kLive},
    {"hook.on_rtsp_realm", "", kLive},
    {"hook.on_shell_login", "", kLive},
    {"hook.on_stream_changed", "", kLive},
    {"hook.on_stream_none_reader", "", kLive},
    {"hook.on_stream_not_found", "", kLive},
    {"hook.on_server_started", "", kLive},
    {"hook.on_server_exited", "", kLive},
    {"hook.on_server_keepalive", "", kLive},
    {"hook.on_send_rtp_stopped", "", kLive},
    {"hook.on_rtp_server_timeout", "", kLive},

    {"http.port", "8080", kRestart},
    {"http.sslport", "0", kRestart},
    {"http.charSet", "utf-8", kLive},
    {"http.keepAliveSecond", "30", kLive},
    {"http.maxReqSize", "40960", kLive},
    {"http.rootPath", "./www", kLive},
    {"http.sendBufSize", "65536", kLive},
    {"http.dirMenu", "1", kLive},
    {"http.virtualPath", "", kLive},
    {"http.forbidCacheSuffix", "", kLive},
    {"http.forwarded_ip_header", "", kLive},
    {"http.allow_cross_domains", "1", kLive},
    {"http.allow_ip_range",
     "::1,127.0.0.1,172.16.0.0-172.31.255.255,192.168.0.0-192.168.255.255,10.0.0.0-10.255.255.255",
     kLive},
    {"http.notFound",
     "<html><head><title>404 Not Found</title></head><body bgcolor=\"white\"><center><h1>"
     "\xE6\x82\xA8\xE8\xAE\xBF\xE9\x97\xAE\xE7\x9A\x84\xE8\xB5\x84\xE6\xBA\x90\xE4\xB8\x8D"
     "\xE5\xAD\x98\xE5\x9C\xA8\xEF\xBC\x81</h1></center><hr><center>regie-engine</center>"
     "</body></html>",
     kLive},

    {"multicast.addrMin", "239.0.0.0", kLive},
    {"multicast.addrMax", "239.255.255.255", kLive},
    {"multicast.udpTTL", "64", kLive},

    {"protocol.modify_stamp", "2", kLive},
    {"protocol.enable_audio", "1", kLive},
    {"protocol.add_mute_audio", "1", kLive},
    {"protocol.auto_close", "0", kLive},
    {"protocol.continue_push_ms", "15000", kLive},
    {"protocol.enable_hls", "1", kLive},
    {"protocol.enable_hls_fmp4", "0", kLive},
    {"protocol.enable_mp4", "0", kLive},
    {"protocol.enable_rtsp", "1", kLive},
    {"protocol.enable_rtmp", "1", kLive},
    {"protocol.enable_ts", "1", kLive},
    {"protocol.enable_fmp4", "1", kLive},
    {"protocol.mp4_as_player", "0", kLive},
    {"protocol.mp4_max_second", "3600", kLive},
    {"protocol.mp4_save_path", "./www", kLive},
    {"protocol.hls_save_path", "./www", kLive},
    {"protocol.hls_demand", "0", kLive},
    {"protocol.rtsp_demand", "0", kLive},
    {"protocol.rtmp_demand", "0", kLive},
    {"protocol.ts_demand", "0", kLive},
    {"protocol.fmp4_demand", "0", kLive},
    {"protocol.paced_sender_ms", "0", kLive},

    {"record.appName", "record", kLive},
    {"record.fileBufSize", "65536", kLive},
    {"record.sampleMS", "500", kLive},
    {"record.fastStart", "0", kLive},
    {"record.fileRepeat", "0", kLive},

    {"rtmp.port", "1935", kRestart},
    {"rtmp.sslport", "0", kRestart},
    {"rtmp.handshakeSecond", "15", kLive},
    {"rtmp.keepAliveSecond", "15", kLive},
    {"rtmp.directProxy", "1", kLive},
    {"rtmp.enhanced", "0", kLive},

    {"rtp.videoMtuSize", "1400", kLive},
    {"rtp.audioMtuSize", "600", kLive},
    {"rtp.rtpMaxSize", "10", kLive},
    {"rtp.lowLatency", "0", kLive},
    {"rtp.h264_stap_a", "1", kLive},

    {"rtp_proxy.port", "10000", kRestart},
    {"rtp_proxy.timeoutSec", "15", kLive},
    {"rtp_proxy.port_range", "30000-35000", kRestart},
    {"rtp_proxy.dumpDir", "", kLive},
    {"rtp_proxy.h264_pt", "98", kLive},
    {"rtp_proxy.h265_pt", "99", kLive},
    {"rtp_proxy.ps_pt", "96", kLive},
    {"rtp_proxy.opus_pt", "100", kLive},
    {"rtp_proxy.gop_cache", "1", kLive},

    {"room.heartbeatTimeoutMS", "100000", kLive},
    {"room.tokenGraceMS", "30000", kLive},

    {"rtsp.port", "8554", kRestart},
    {"rtsp.sslport", "0", kRestart},
    {"rtsp.authBasic", "0", kLive},
    {"rtsp.directProxy", "1", kLive},
    {"rtsp.handshakeSecond", "15", kLive},
    {"rtsp.keepAliveSecond", "15", kLive},
    {"rtsp.lowLatency", "0", kLive},
    {"rtsp.rtpTransportType", "-1", kLive},

    // Regie: the ZEGO user and stream ban rules (SetForbidUserRule...); off, they answer 9.
    {"rules.enable", "1", kLive},

    {"zego.appId", "", kLive},
    {"zego.serverSecret", "", kLive},
    {"zego.callbackUrl", "", kLive},
    {"zego.callbackSecret", "", kLive},
    {"zego.app", "live", kLive},
    {"zego.nonceCheck", "1", kLive},
    {"zego.rateLimits", "", kLive},
    {"zego.mixOwnerCheck", "0", kLive},
    {"zego.mixSequenceRequired", "0", kLive},
    {"zego.mixMaxFps", "20", kLive},
    {"zego.mixIdleStopMs", "90000", kLive},
    {"zego.autoMixAnyRoom", "0", kLive},
    {"zego.mixPresetImageDir", "", kLive},
});

}  // namespace

std::span<const ConfigKey> builtinConfigKeys() {
    return kKeys;
}

const ConfigKey* findBuiltinConfigKey(std::string_view key) {
    auto it =
        std::find_if(kKeys.begin(), kKeys.end(), [&](const ConfigKey& k) { return k.key == key; });
    return it == kKeys.end() ? nullptr : &*it;
}

bool isGeneratedSecret(std::string_view key) {
    return key == "api.secret" || key == "zego.serverSecret" || key == "zego.callbackSecret" ||
           key == "zego.appId" || key == "general.mediaServerId";
}

bool isWellKnownSampleValue(std::string_view key, std::string_view value) {
    if (key == "api.secret") {
        return value == "035c73f7-bb6b-4889-a715-d9eb2d1925cc";
    }
    if (key == "general.mediaServerId") {
        return value == "your_server_id";
    }
    return false;
}

bool isProtectedConfigKey(std::string_view key) {
    return key == "ffmpeg.bin";
}

}  // namespace regie::core
