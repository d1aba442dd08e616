#include "api/zego/rtmp_dispatch_actions.h"

#include <boost/asio/ip/address_v4.hpp>
#include <boost/json/array.hpp>

#include "api/zego/scalars.h"
#include "api/zego/stream_id.h"

namespace regie::api::zego {

namespace {

constexpr double kRatePerSecond = 40;
constexpr int kInvalidParameter = 1006;
constexpr int kNoPublishNode = 1002;
constexpr int kNoPlayNode = 1003;
constexpr int kInvalidStreamId = 30009;
constexpr int kInvalidType = 30010;
constexpr int kInvalidClientIp = 30011;

enum class Answer { url, hostPort };

bool isIpv4(std::string_view text) {
    boost::system::error_code ec;
    boost::asio::ip::make_address_v4(std::string(text), ec);
    return !ec;
}

ZegoResult dispatch(const ZegoRequest& request, const RtmpEndpointSource& source, Answer answer) {
    const auto streamId = request.query.value("StreamId");
    if (!streamId || !isValidStreamId(*streamId)) {
        return {kInvalidStreamId, "invalid StreamId", std::nullopt};
    }
    const auto sequence = request.query.value("Sequence");
    if (!sequence || !parseInt64(*sequence)) {
        return {kInvalidParameter, "invalid parameter: Sequence must be an Int64", std::nullopt};
    }
    const auto type = request.query.value("Type");
    const bool push = type == "push";
    if (!push && type != "pull") {
        return {kInvalidType, "invalid Type, expected push or pull", std::nullopt};
    }
    if (const auto clientIp = request.query.value("ClientIP");
        clientIp && !clientIp->empty() && !isIpv4(*clientIp)) {
        return {kInvalidClientIp, "invalid ClientIP, expected an IPv4 address", std::nullopt};
    }

    const std::optional<RtmpEndpoint> endpoint = source ? source() : std::nullopt;
    if (!endpoint) {
        return push ? ZegoResult{kNoPublishNode, "no publish node", std::nullopt}
                    : ZegoResult{kNoPlayNode, "no play node", std::nullopt};
    }
    boost::json::array nodes;
    if (answer == Answer::url) {
        nodes.emplace_back("rtmp://" + hostPort(*endpoint) + "/" + request.settings->app + "/" +
                           std::string(*streamId));
    } else {
        nodes.emplace_back(hostPort(*endpoint));
    }
    return {0, "ok", boost::json::value(std::move(nodes))};
}

ActionSpec dispatchAction(std::string name, RtmpEndpointSource source, Answer answer) {
    ActionSpec spec;
    spec.name = std::move(name);
    spec.style = MethodStyle::get;
    spec.family = Family::mediaService;
    spec.ratePerSecond = kRatePerSecond;
    spec.handler = [source = std::move(source), answer](
                       const std::shared_ptr<const ZegoRequest>& request,
                       const ZegoResponder& responder) {
        responder.reply(dispatch(*request, source, answer));
    };
    return spec;
}

}  // namespace

std::string hostPort(const RtmpEndpoint& endpoint) {
    const bool ipv6 = endpoint.host.find(':') != std::string::npos;
    std::string out = ipv6 ? "[" + endpoint.host + "]" : endpoint.host;
    out.push_back(':');
    out.append(std::to_string(endpoint.port));
    return out;
}

std::optional<RegisterError> registerRtmpDispatchActions(ZegoDoor& door,
                                                         RtmpEndpointSource endpoint) {
    if (auto error = door.registerAction(dispatchAction("RTMPDispatchV2", endpoint, Answer::url))) {
        return error;
    }
    return door.registerAction(
        dispatchAction("RTMPDispatch", std::move(endpoint), Answer::hostPort));
}

}  // namespace regie::api::zego
