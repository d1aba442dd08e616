#include "api/events/mix_events.h"

#include <boost/json.hpp>

#include "api/zego/mix_actions.h"

namespace regie::api::events {

namespace json = boost::json;

json::object mixesSnapshotJson(const std::vector<service::mix::MixTaskView>& tasks) {
    json::array out;
    for (const auto& task : tasks) {
        out.push_back(json::object{{"TaskId", task.taskId},
                                   {"Action", task.action},
                                   {"UserId", task.userId},
                                   {"RoomId", task.roomId},
                                   {"Sequence", task.sequence},
                                   {"MixDuration", task.duration.count()},
                                   {"PlayInfo", zego::playInfoJson(task)},
                                   {"Body", task.body}});
    }
    return {{"tasks", std::move(out)}};
}

MixEvents::MixEvents(EventFeed& feed, const service::mix::MixService& mix,
                     boost::asio::io_context& context)
    : m_snapshots(std::make_shared<SnapshotTicker>(feed, context, "mixes", [&mix] {
        auto tasks = mix.list();
        return Snapshot{tasks.empty(), mixesSnapshotJson(tasks)};
    })) {}

}  // namespace regie::api::events
