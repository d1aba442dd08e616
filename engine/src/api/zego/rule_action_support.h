#pragma once
// What the ban-rule Action files share: the rule service they call, the one worker thread that
// runs their changes (store writes, in arrival order), and parameter reading.

#include <boost/asio/any_io_executor.hpp>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/zego/rtmp_dispatch_actions.h"
#include "api/zego/sequence_gate.h"
#include "api/zego/zego_action.h"
#include "service/rules/rule_service.h"

namespace regie::api::zego {

// When a live stream with this id (under the ZEGO app) was created, Unix seconds; nullopt when
// none is being published.
using LiveStreamCreateTime = std::function<std::optional<std::int64_t>(const std::string&)>;

struct RuleActionContext {
    service::rules::RuleService& rules;
    SequenceGate& sequences;
    boost::asio::any_io_executor worker;  // a single thread, so changes keep their order
    RtmpEndpointSource rtmpEndpoint;
    LiveStreamCreateTime liveStreamCreateTime;
};

// Runs `work` on the context's worker and answers with its result. Should it throw, the
// dropped responder answers with the family's failure code.
void answerOnWorker(const RuleActionContext& context, ZegoResponder responder,
                    std::function<ZegoResult()> work);

// A user or stream rule Action: 9 while the feature is off, else `call` on the worker.
ActionHandler roomRuleHandler(const RuleActionContext& context,
                              std::function<ZegoResult(const ZegoRequest&)> call);

// The room-family code of a rule service failure (calling.md §8.2).
ZegoResult roomFamilyFailure(const service::rules::RuleFailure& failure);

std::optional<std::int32_t> parseInt32(std::string_view text);
// The parameter as a string, empty when absent.
std::string textParam(const ZegoRequest& request, std::string_view name);

ActionSpec ruleAction(std::string name, Family family, double ratePerSecond, ActionHandler handler);

}  // namespace regie::api::zego
