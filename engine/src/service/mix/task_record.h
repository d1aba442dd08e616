#pragma once
// A running task as the store keeps it (so it can start again after a restart): its AppId and
// its latest accepted request, as JSON text.

#include <optional>
#include <string>
#include <string_view>

#include "service/mix/mix_layout.h"

namespace regie::service::mix {

struct TaskRecord {
    std::string appId;
    MixRequest request;  // with the last accepted Sequence
};

std::string serializeTaskRecord(const TaskRecord& record);
// nullopt when the text is not a record this version wrote.
std::optional<TaskRecord> parseTaskRecord(std::string_view text);

}  // namespace regie::service::mix
