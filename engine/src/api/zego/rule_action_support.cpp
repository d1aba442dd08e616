#include "api/zego/rule_action_support.h"

#include <boost/asio/post.hpp>
#include <limits>

#include "api/zego/scalars.h"

namespace regie::api::zego {

namespace {
constexpr int kFailed = 1;
constexpr int kInputError = 2;
constexpr int kNotEnabled = 9;
constexpr int kTooManyRules = 50123;
constexpr int kRuleMissing = 50124;
}  // namespace

void answerOnWorker(const RuleActionContext& context, ZegoResponder responder,
                    std::function<ZegoResult()> work) {
    boost::asio::post(context.worker,
                      [responder = std::move(responder), work = std::move(work)]() mutable {
                          try {
                              responder.reply(work());
                          } catch (const std::exception&) {
                              // Answered by the responder's last copy going away.
                          }
                      });
}

ActionHandler roomRuleHandler(const RuleActionContext& context,
                              std::function<ZegoResult(const ZegoRequest&)> call) {
    return [context, call = std::move(call)](std::shared_ptr<const ZegoRequest> request,
                                             ZegoResponder responder) {
        if (!context.rules.userAndStreamRulesEnabled()) {
            responder.reply({kNotEnabled, "ban rules are not enabled", std::nullopt});
            return;
        }
        answerOnWorker(context, std::move(responder),
                       [call, request = std::move(request)] { return call(*request); });
    };
}

ZegoResult roomFamilyFailure(const service::rules::RuleFailure& failure) {
    using service::rules::RuleError;
    switch (failure.error) {
        case RuleError::featureDisabled:
            return {kNotEnabled, failure.message, std::nullopt};
        case RuleError::invalidInput:
            return {kInputError, failure.message, std::nullopt};
        case RuleError::tooManyRules:
            return {kTooManyRules, failure.message, std::nullopt};
        case RuleError::notFound:
            return {kRuleMissing, failure.message, std::nullopt};
        case RuleError::storageFailed:
            break;
    }
    return {kFailed, failure.message, std::nullopt};
}

std::optional<std::int32_t> parseInt32(std::string_view text) {
    const auto value = parseInt64(text);
    if (!value || *value < std::numeric_limits<std::int32_t>::min() ||
        *value > std::numeric_limits<std::int32_t>::max()) {
        return std::nullopt;
    }
    return static_cast<std::int32_t>(*value);
}

std::string textParam(const ZegoRequest& request, std::string_view name) {
    return std::string(request.query.value(name).value_or(std::string_view{}));
}

ActionSpec ruleAction(std::string name, Family family, double ratePerSecond,
                      ActionHandler handler) {
    ActionSpec spec;
    spec.name = std::move(name);
    spec.style = MethodStyle::get;
    spec.family = family;
    spec.ratePerSecond = ratePerSecond;
    spec.handler = std::move(handler);
    return spec;
}

}  // namespace regie::api::zego
