#include "service/mix/task_record.h"

#include <boost/json.hpp>

namespace regie::service::mix {

namespace json = boost::json;

namespace {
constexpr int kVersion = 2;
}

std::string serializeTaskRecord(const TaskRecord& record) {
    return json::serialize(json::object{{"version", kVersion},
                                        {"appId", record.appId},
                                        {"action", record.action},
                                        {"body", record.body}});
}

std::optional<TaskRecord> parseTaskRecord(std::string_view text) {
    boost::system::error_code ec;
    json::value parsed = json::parse(text, ec);
    const auto* o = parsed.if_object();
    if (ec || o == nullptr) {
        return std::nullopt;
    }
    const auto* version = o->if_contains("version");
    const auto* appId = o->if_contains("appId");
    const auto* action = o->if_contains("action");
    const auto* body = o->if_contains("body");
    if (version == nullptr || !version->is_int64() || version->get_int64() != kVersion ||
        appId == nullptr || !appId->is_string() || action == nullptr || !action->is_string() ||
        body == nullptr || !body->is_object()) {
        return std::nullopt;
    }
    return TaskRecord{std::string(appId->get_string()), std::string(action->get_string()),
                      body->get_object()};
}

}  // namespace regie::service::mix
