#include "protocol/httpflv/http_flv_service.h"

#include <boost/asio/post.hpp>

#include "api/zlm/zlm_args.h"
#include "core/text.h"
#include "protocol/httpflv/flv_player.h"

namespace regie::httpflv {

namespace {

constexpr std::string_view kLiveFlvSuffix = ".live.flv";

bool endsWithIgnoreCase(std::string_view s, std::string_view suffix) {
    return s.size() > suffix.size() && core::iequals(s.substr(s.size() - suffix.size()), suffix);
}

api::ApiReply textReply(unsigned status, std::string body) {
    api::ApiReply r;
    r.status = status;
    r.contentType = "text/plain; charset=utf-8";
    r.body = std::move(body);
    return r;
}

// The application side of one WS-FLV connection.
class WsFlvEndpoint final : public http::WebSocketEndpoint,
                            public std::enable_shared_from_this<WsFlvEndpoint> {
public:
    using Resolve =
        std::function<void(boost::asio::any_io_executor,
                           std::function<void(std::shared_ptr<media::MediaSource>, std::string)>)>;
    using MakePlayer =
        std::function<std::shared_ptr<FlvPlayer>(std::shared_ptr<media::MediaSource>)>;

    WsFlvEndpoint(Resolve resolve, MakePlayer makePlayer)
        : m_resolve(std::move(resolve)), m_makePlayer(std::move(makePlayer)) {}

    void onOpen(std::shared_ptr<http::WebSocketPeer> peer) override {
        m_peer = peer;
        m_resolve(peer->executor(), [self = shared_from_this()](auto source, const std::string&) {
            if (self->m_closed || !self->m_peer) {
                return;
            }
            if (!source) {
                self->m_peer->close();
                return;
            }
            self->m_player = self->m_makePlayer(std::move(source));
            self->m_player->attach(self->m_peer);
        });
    }

    void onClose() override {
        m_closed = true;
        if (m_player) {
            m_player->detach();
            m_player.reset();
        }
        m_peer.reset();
    }

private:
    Resolve m_resolve;
    MakePlayer m_makePlayer;
    std::shared_ptr<http::WebSocketPeer> m_peer;
    std::shared_ptr<FlvPlayer> m_player;
    bool m_closed = false;
};

}  // namespace

HttpFlvService::HttpFlvService(boost::asio::io_context& context, media::SourceRegistry& sources,
                               core::SessionRegistry& sessions, const core::Config& config,
                               core::Logger& log)
    : m_context(context), m_sources(sources), m_sessions(sessions), m_config(config), m_log(log) {}

std::optional<media::AccessRequest> HttpFlvService::parse(const api::ApiCall& call) const {
    std::string_view path = call.path;
    if (path.size() < 4 || path.front() != '/') {
        return std::nullopt;
    }
    path.remove_prefix(1);
    auto slash = path.find('/');
    if (slash == std::string_view::npos || slash == 0 || slash + 1 >= path.size()) {
        return std::nullopt;
    }
    std::string_view app = path.substr(0, slash);
    std::string_view stream = path.substr(slash + 1);
    api::zlm::ZlmArgs args = api::zlm::ZlmArgs::fromCall(call);
    if (endsWithIgnoreCase(stream, kLiveFlvSuffix)) {
        stream.remove_suffix(kLiveFlvSuffix.size());
    } else if (args.get("schema") != "rtmp") {
        return std::nullopt;
    }
    bool vhosts = m_config.snapshot()->getBool("general.enableVhost");
    media::AccessRequest req;
    req.key = media::normalizedKey(args.get("vhost"), app, stream, vhosts);
    req.params = call.rawQuery;
    req.peerIp = call.peerIp;
    req.sessionId = call.sessionId;
    req.originUrl = call.path + (call.rawQuery.empty() ? "" : "?" + call.rawQuery);
    req.protocol = call.header("Upgrade").empty() ? "http-flv" : "ws-flv";
    return req;
}

void HttpFlvService::resolve(
    const media::AccessRequest& request, const boost::asio::any_io_executor& executor,
    const std::function<void(std::shared_ptr<media::MediaSource>, std::string)>& done) {
    auto find = [this, key = request.key, executor, done](media::AccessVerdict verdict) {
        if (verdict.refusal) {
            boost::asio::post(executor, [done, r = *verdict.refusal] { done(nullptr, r); });
            return;
        }
        auto wait = std::chrono::milliseconds(
            std::max<std::int64_t>(0, m_config.snapshot()->getInt("general.maxStreamWaitMS")));
        m_sources.findOrWait(key, wait, executor, [done](std::shared_ptr<media::MediaSource> s) {
            done(std::move(s), s ? std::string() : std::string("stream not found"));
        });
    };
    if (m_accessCheck) {
        m_accessCheck(request, find);
    } else {
        find(media::AccessVerdict::allow());
    }
}

void HttpFlvService::play(const api::ApiCall& call, const api::ReplySink& reply) {
    auto request = parse(call);
    if (!request) {
        reply(textReply(404, "not found\n"));
        return;
    }
    resolve(*request, m_context.get_executor(),
            [this, reply, access = *request](std::shared_ptr<media::MediaSource> source,
                                             const std::string& error) {
                if (!source) {
                    reply(textReply(error == "stream not found" ? 404 : 403, error + "\n"));
                    return;
                }
                api::ApiReply r;
                r.contentType = "video/x-flv";
                r.stream =
                    std::make_shared<FlvPlayer>(std::move(source), m_sessions, access,
                                                "mediakit::HttpSession", m_flowReport, m_log);
                reply(std::move(r));
            });
}

http::UpgradeDecision HttpFlvService::playWebSocket(const api::ApiCall& call) {
    http::UpgradeDecision decision;
    auto request = parse(call);
    if (!request) {
        decision.refusal = textReply(404, "not found\n");
        return decision;
    }
    auto resolveFn = [this, req = *request](const boost::asio::any_io_executor& executor,
                                            const auto& done) { resolve(req, executor, done); };
    auto makePlayer = [this, access = *request](std::shared_ptr<media::MediaSource> source) {
        return std::make_shared<FlvPlayer>(std::move(source), m_sessions, access,
                                           "mediakit::WebSocketSession", m_flowReport, m_log);
    };
    decision.endpoint = std::make_shared<WsFlvEndpoint>(resolveFn, makePlayer);
    return decision;
}

}  // namespace regie::httpflv
