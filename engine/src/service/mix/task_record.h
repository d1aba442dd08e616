#pragma once
// A running task as the store keeps it so that it can start again after a restart: its AppId
// and its latest accepted request body, named by the Action that carried it.

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace regie::service::mix {

struct TaskRecord {
    std::string appId;
    std::string action;
    boost::json::object body;
};

std::string serializeTaskRecord(const TaskRecord& record);
// nullopt when the text is not a record this version wrote.
std::optional<TaskRecord> parseTaskRecord(std::string_view text);

}  // namespace regie::service::mix
