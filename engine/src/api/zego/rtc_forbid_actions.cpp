// ForbidRTCStream(s), ResumeRTCStream(s) and DescribeRTCStreamState (media-service.md).

#include <boost/json/object.hpp>

#include "api/zego/rule_actions.h"
#include "api/zego/scalars.h"
#include "api/zego/stream_id.h"

namespace regie::api::zego {

namespace {

namespace json = boost::json;

constexpr std::string_view kSequenceFamily = "rtc";
constexpr double kRatePerSecond = 20;
constexpr double kTestRatePerSecond = 5;
constexpr double kDescribeRatePerSecond = 40;
constexpr double kDescribeTestRatePerSecond = 10;
constexpr std::size_t kMaxBatch = 20;
constexpr int kParameterError = 2;
constexpr int kInvalidStreamList = 30006;
constexpr int kInvalidStreamId = 30009;
constexpr int kNoSuchStream = 41004;

enum class Change { forbid, resume };

struct Codes {
    int failed;      // the Action's "forbid/resume failed" code
    int badStreams;  // the Action's code for unusable stream ids
};

ZegoResult failure(int code, std::string message) {
    return {code, std::move(message), std::nullopt};
}

// Sequence is a string of digits (media-service.md); nullopt when absent or not.
std::optional<std::int64_t> sequenceOf(const ZegoRequest& request) {
    const auto text = request.query.value("Sequence");
    if (!text || text->empty() || text->front() == '-') {
        return std::nullopt;
    }
    return parseInt64(*text);
}

// Applies the change to the stream ids whose Sequence is current; superseded ones are skipped.
ZegoResult apply(const RuleActionContext& context, Change change,
                 const std::vector<std::string>& streamIds, std::int64_t sequence, Codes codes) {
    std::vector<std::string> current;
    for (const auto& id : streamIds) {
        if (context.sequences.admit(kSequenceFamily, id, sequence)) {
            current.push_back(id);
        }
    }
    if (!current.empty()) {
        auto status = change == Change::forbid ? context.rules.forbidRtc(current)
                                               : context.rules.resumeRtc(current);
        if (status) {
            const bool badInput = status->error == service::rules::RuleError::invalidInput;
            return failure(badInput ? codes.badStreams : codes.failed, status->message);
        }
    }
    return {0, "", json::value(nullptr)};
}

ActionSpec single(const RuleActionContext& context, std::string name, Change change,
                  int failedCode) {
    auto spec = ruleAction(
        std::move(name), Family::mediaService, kRatePerSecond,
        [context, change, failedCode](const std::shared_ptr<const ZegoRequest>& request,
                                      ZegoResponder responder) {
            std::string streamId = textParam(*request, "StreamId");
            if (!isValidStreamId(streamId)) {
                responder.reply(failure(kInvalidStreamId, "invalid StreamId"));
                return;
            }
            const auto sequence = sequenceOf(*request);
            if (!sequence) {
                responder.reply(failure(kParameterError, "Sequence must be a string of digits"));
                return;
            }
            answerOnWorker(context, std::move(responder),
                           [context, change, failedCode, streamId, sequence] {
                               return apply(context, change, {streamId}, *sequence,
                                            {failedCode, kInvalidStreamId});
                           });
        });
    spec.testRatePerSecond = kTestRatePerSecond;
    return spec;
}

ActionSpec batch(const RuleActionContext& context, std::string name, Change change,
                 int failedCode) {
    auto spec = ruleAction(
        std::move(name), Family::mediaService, kRatePerSecond,
        [context, change, failedCode](const std::shared_ptr<const ZegoRequest>& request,
                                      ZegoResponder responder) {
            std::vector<std::string> streamIds;
            for (const auto id : request->query.values("StreamId")) {
                streamIds.emplace_back(id);
            }
            const bool usable =
                !streamIds.empty() && streamIds.size() <= kMaxBatch &&
                std::all_of(streamIds.begin(), streamIds.end(),
                            [](const std::string& id) { return isValidStreamId(id); });
            if (!usable) {
                responder.reply(
                    failure(kInvalidStreamList, "StreamId[] must list 1 to 20 valid stream ids"));
                return;
            }
            const auto sequence = sequenceOf(*request);
            if (!sequence) {
                responder.reply(failure(kParameterError, "Sequence must be a string of digits"));
                return;
            }
            answerOnWorker(context, std::move(responder),
                           [context, change, failedCode, streamIds, sequence] {
                               return apply(context, change, streamIds, *sequence,
                                            {failedCode, kInvalidStreamList});
                           });
        });
    spec.testRatePerSecond = kTestRatePerSecond;
    return spec;
}

ActionSpec describeState(const RuleActionContext& context) {
    auto spec = ruleAction(
        "DescribeRTCStreamState", Family::mediaService, kDescribeRatePerSecond,
        [context](const std::shared_ptr<const ZegoRequest>& request,
                  const ZegoResponder& responder) {
            const std::string streamId = textParam(*request, "StreamId");
            if (!isValidStreamId(streamId)) {
                responder.reply(failure(kInvalidStreamId, "invalid StreamId"));
                return;
            }
            if (!sequenceOf(*request)) {
                responder.reply(failure(kParameterError, "Sequence must be a string of digits"));
                return;
            }
            // Closed streams are not remembered (no history permission): they answer 41004.
            const auto created = context.liveStreamCreateTime(streamId);
            if (!created) {
                responder.reply(failure(kNoSuchStream, "no such stream"));
                return;
            }
            responder.reply(
                {0, "",
                 json::object{{"create_time", std::to_string(*created)}, {"close_time", ""}}});
        });
    spec.testRatePerSecond = kDescribeTestRatePerSecond;
    return spec;
}

}  // namespace

std::optional<RegisterError> registerRtcForbidActions(ZegoDoor& door,
                                                      const RuleActionContext& context) {
    for (auto spec :
         {single(context, "ForbidRTCStream", Change::forbid, 42001),
          single(context, "ResumeRTCStream", Change::resume, 42002),
          batch(context, "ForbidRTCStreams", Change::forbid, 42003),
          batch(context, "ResumeRTCStreams", Change::resume, 42004), describeState(context)}) {
        if (auto error = door.registerAction(std::move(spec))) {
            return error;
        }
    }
    return std::nullopt;
}

}  // namespace regie::api::zego
