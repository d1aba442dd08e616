// ForbidCDNLiveStream, QueryForbidCDNLiveStream, ResumeCDNLiveStream (media-service.md). The
// engine's own RTMP ingest is the "CDN" and reports itself as Wangsu (`ws`).

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/zego/rule_actions.h"
#include "api/zego/stream_id.h"
#include "api/zego/utc_time.h"

namespace regie::api::zego {

namespace {

namespace json = boost::json;
using service::rules::CdnForbid;
using service::rules::RuleError;
using service::rules::RuleFailure;

constexpr double kRatePerSecond = 20;
constexpr int kFailed = 1;
constexpr int kParameterError = 2;
constexpr std::string_view kVendor = "ws";
// These Actions' published answers say "success", unlike the RTC ones ("ok").
constexpr std::string_view kSuccess = "success";

ZegoResult failure(int code, std::string message) {
    return {code, std::move(message), std::nullopt};
}

ZegoResult ruleFailure(const RuleFailure& f) {
    return failure(f.error == RuleError::invalidInput ? kParameterError : kFailed, f.message);
}

ZegoResult cdnResults() {
    return {0, std::string(kSuccess),
            json::array{json::object{{"CdnType", kVendor}, {"CdnResult", kSuccess}}}};
}

ZegoResult forbid(const RuleActionContext& context, const ZegoRequest& request) {
    const std::string streamId = textParam(request, "StreamId");
    if (!isValidStreamId(streamId)) {
        return failure(kParameterError, "invalid StreamId");
    }
    std::optional<std::int64_t> resumeAt;
    if (const auto text = request.query.value("ResumeTime"); text && !text->empty()) {
        resumeAt = parseUtcTime(*text);
        if (!resumeAt) {
            return failure(kParameterError, "ResumeTime must be YYYY-MM-DDThh:mm:ssZ");
        }
    }
    auto result = context.rules.forbidCdn(streamId, resumeAt);
    if (const auto* f = std::get_if<RuleFailure>(&result)) {
        return ruleFailure(*f);
    }
    return cdnResults();
}

ZegoResult query(const RuleActionContext& context, const ZegoRequest& request) {
    if (request.query.value("Vendor") != kVendor) {
        return failure(kParameterError, "Vendor must be ws");
    }
    const auto endpoint = context.rtmpEndpoint ? context.rtmpEndpoint() : std::nullopt;
    const std::string channel = endpoint ? hostPort(*endpoint) : std::string();
    json::array details;
    for (const CdnForbid& rule : context.rules.cdnForbiddenNow()) {
        details.push_back(json::object{
            {"Channel", channel},
            {"Url", "rtmp://" + channel + "/" + request.settings->app + "/" + rule.streamId},
            {"StartTime", formatUtcTime(rule.startTime)},
            {"EndTime", formatUtcTime(rule.endTime)},
            {"Ip", ""}});
    }
    return {0, std::string(kSuccess),
            json::object{{"Ws", json::object{{"ResultDetail", std::move(details)}}}}};
}

ZegoResult resume(const RuleActionContext& context, const ZegoRequest& request) {
    const std::string streamId = textParam(request, "StreamId");
    if (!isValidStreamId(streamId)) {
        return failure(kParameterError, "invalid StreamId");
    }
    if (auto f = context.rules.resumeCdn(streamId)) {
        return ruleFailure(*f);
    }
    return cdnResults();
}

ActionSpec onWorker(const RuleActionContext& context, std::string name,
                    ZegoResult (*call)(const RuleActionContext&, const ZegoRequest&)) {
    return ruleAction(
        std::move(name), Family::mediaService, kRatePerSecond,
        [context, call](std::shared_ptr<const ZegoRequest> request, ZegoResponder responder) {
            answerOnWorker(
                context, std::move(responder),
                [context, call, request = std::move(request)] { return call(context, *request); });
        });
}

}  // namespace

std::optional<RegisterError> registerCdnForbidActions(ZegoDoor& door,
                                                      const RuleActionContext& context) {
    for (auto spec : {onWorker(context, "ForbidCDNLiveStream", forbid),
                      onWorker(context, "QueryForbidCDNLiveStream", query),
                      onWorker(context, "ResumeCDNLiveStream", resume)}) {
        if (auto error = door.registerAction(std::move(spec))) {
            return error;
        }
    }
    return std::nullopt;
}

}  // namespace regie::api::zego
