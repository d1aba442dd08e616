#pragma once
// What an Action is made of: how it is called, which family it belongs to, its rate limits and
// the handler that answers it.

#include <boost/json/object.hpp>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "api/zego/family.h"
#include "api/zego/query_params.h"
#include "api/zego/zego_door_settings.h"
#include "api/zego/zego_responder.h"

namespace regie::api::zego {

enum class MethodStyle {
    get,       // every parameter in the query string
    postJson,  // business parameters in a JSON object body
};

// A call that passed every gateway check.
struct ZegoRequest {
    std::string action;
    std::uint32_t appId = 0;
    bool isTest = false;
    std::string requestId;
    std::string peerIp;
    std::chrono::system_clock::time_point receivedAt;
    QueryParams query;
    boost::json::object body;  // POST/JSON Actions only
    std::shared_ptr<const ZegoDoorSettings> settings;
};

// Answers through the responder, now or later and from any thread. An exception thrown before
// answering is answered with the family's failure code.
using ActionHandler = std::function<void(std::shared_ptr<const ZegoRequest>, ZegoResponder)>;

struct ActionSpec {
    std::string name;
    MethodStyle style = MethodStyle::get;
    Family family = Family::room;
    double ratePerSecond = 0;         // per (AppId, Action); 0 = unlimited
    double testRatePerSecond = 0;     // with IsTest=true; 0 = same as ratePerSecond
    double roomRatePerSecond = 0;     // per (AppId, Action, RoomId); 0 = none
    std::optional<int> throttleCode;  // replaces the family's app-wide "too frequent" code
    ActionHandler handler;
};

}  // namespace regie::api::zego
