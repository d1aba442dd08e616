#include "service/mix/auto_mixer.h"

#include <boost/asio/post.hpp>

namespace regie::service::mix {

AutoMixer::AutoMixer(MixService& mix, RoomStreams roomStreams,
                     boost::asio::any_io_executor executor, core::Logger& log)
    : m_mix(mix)
    , m_roomStreams(std::move(roomStreams))
    , m_executor(std::move(executor))
    , m_log(log) {}

AutoMixer::Tracked AutoMixer::trackedOf(AutoMixRequest& request) {
    return {request.mix.roomId, request.mix.layout.output.streamId, std::move(request.additions),
            std::move(request.exclusions)};
}

std::vector<MixInputSpec> AutoMixer::inputsOf(const Tracked& task,
                                              const std::vector<std::string>& roomStreams) {
    std::set<std::string> added;
    for (const auto& a : task.additions) {
        added.insert(a.sourceKey());
    }
    std::vector<MixInputSpec> inputs;
    for (const auto& id : roomStreams) {
        MixInputSpec in;
        in.streamId = id;
        if (id != task.outputStreamId && !task.exclusions.contains(id) &&
            !added.contains(in.sourceKey())) {
            inputs.push_back(std::move(in));
        }
    }
    inputs.insert(inputs.end(), task.additions.begin(), task.additions.end());
    return inputs;
}

std::vector<MixInputSpec> AutoMixer::cappedInputsOf(const std::string& taskId, const Tracked& task,
                                                    const std::vector<std::string>& roomStreams) {
    auto inputs = inputsOf(task, roomStreams);
    if (inputs.size() > kMaxAutoMixInputs) {
        m_log.warn("mix.auto_inputs_capped", {{"task", taskId}, {"room", task.roomId}});
        inputs.resize(kMaxAutoMixInputs);
    }
    return inputs;
}

MixResult<MixTaskView> AutoMixer::start(const std::string& appId, AutoMixRequest request,
                                        bool anyRoom) {
    std::lock_guard lock(m_mutex);
    const std::string& roomId = request.mix.roomId;
    auto streams = m_roomStreams(roomId);
    if (!streams && !anyRoom) {
        return MixFailure{MixError::failed, "room " + roomId + " does not exist"};
    }
    Tracked task = trackedOf(request);
    request.mix.layout.inputs = inputsOf(task, streams.value_or(std::vector<std::string>{}));
    if (request.mix.layout.inputs.size() > kMaxAutoMixInputs) {
        return MixFailure{MixError::tooManyInputs,
                          "the room's streams and the additions make more than 9 inputs"};
    }
    request.mix.followsRoom = true;
    const std::string taskId = request.mix.taskId;
    auto started = m_mix.start(appId, std::move(request.mix));
    if (std::holds_alternative<MixTaskView>(started)) {
        m_tasks[taskId] = std::move(task);
    }
    return started;
}

MixRequest AutoMixer::resumed(AutoMixRequest request) {
    std::lock_guard lock(m_mutex);
    Tracked task = trackedOf(request);
    request.mix.layout.inputs = cappedInputsOf(
        request.mix.taskId, task, m_roomStreams(task.roomId).value_or(std::vector<std::string>{}));
    request.mix.followsRoom = true;
    m_tasks[request.mix.taskId] = std::move(task);
    return std::move(request.mix);
}

MixStatus AutoMixer::stop(const std::string& taskId, const std::string& roomId,
                          const std::optional<std::string>& userId,
                          std::optional<std::int64_t> sequence) {
    std::lock_guard lock(m_mutex);
    auto found = m_tasks.find(taskId);
    if (found == m_tasks.end() || found->second.roomId != roomId) {
        return MixFailure{MixError::noSuchTask, "no auto mix " + taskId + " in room " + roomId};
    }
    auto stopped = m_mix.stop(TaskKind::mix, taskId, userId, sequence);
    if (!stopped || stopped->error == MixError::noSuchTask) {
        m_tasks.erase(found);
    }
    return stopped;
}

void AutoMixer::post(const std::string& roomId) {
    boost::asio::post(m_executor, [weak = weak_from_this(), roomId] {
        if (auto self = weak.lock()) {
            self->refresh(roomId);
        }
    });
}

void AutoMixer::refresh(const std::string& roomId) {
    std::lock_guard lock(m_mutex);
    std::optional<std::vector<std::string>> streams;
    for (auto it = m_tasks.begin(); it != m_tasks.end();) {
        if (it->second.roomId != roomId) {
            ++it;
            continue;
        }
        if (!streams) {
            streams = m_roomStreams(roomId).value_or(std::vector<std::string>{});
        }
        auto replaced =
            m_mix.replaceInputs(it->first, cappedInputsOf(it->first, it->second, *streams));
        it =
            replaced && replaced->error == MixError::noSuchTask ? m_tasks.erase(it) : std::next(it);
    }
}

void AutoMixer::roomCreated(const rooms::RoomInfo& room, const std::string&) {
    post(room.roomId);
}

void AutoMixer::roomClosed(const rooms::RoomInfo& room, rooms::RoomCloseReason, bool) {
    post(room.roomId);
}

void AutoMixer::userLoggedIn(const rooms::RoomInfo&, const rooms::RoomUser&, bool) {}

void AutoMixer::userLoggedOut(const rooms::RoomInfo&, const rooms::RoomUser&, rooms::LogoutReason,
                              std::int64_t) {}

void AutoMixer::streamAdded(const rooms::RoomInfo& room, const rooms::RoomStream&) {
    post(room.roomId);
}

void AutoMixer::streamRemoved(const rooms::RoomInfo& room, const rooms::RoomStream&,
                              rooms::StreamCloseType) {
    post(room.roomId);
}

}  // namespace regie::service::mix
