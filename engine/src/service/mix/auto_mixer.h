#pragma once
// Room auto mixes (StartAutoMix, mix.md): an audio-only MixService task whose inputs are the
// streams of a room, plus the ExtraMixInput additions, minus the exclusions. Whenever the
// room's streams change, the auto mixer rewrites the task's inputs; everything else (output,
// ownership, Sequence, callbacks, the idle stop) is the mix service's. It watches the rooms as a
// RoomObserver, which is told under the room lock, so it only posts the work to its executor.

#include <boost/asio/any_io_executor.hpp>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "service/mix/mix_layout.h"
#include "service/mix/mix_service.h"
#include "service/rooms/room_service.h"

namespace regie::service::mix {

// StartAutoMix after validation.
struct AutoMixRequest {
    MixRequest mix;  // identity, room, output; its inputs are filled in from the room
    std::vector<MixInputSpec> additions;  // ExtraMixInput ModifyType 0, after the room's streams
    std::set<std::string> exclusions;     // ExtraMixInput ModifyType 1: room stream ids
};

// At most this many inputs; further room streams are left out (and logged).
inline constexpr std::size_t kMaxAutoMixInputs = 9;

class AutoMixer : public rooms::RoomObserver, public std::enable_shared_from_this<AutoMixer> {
public:
    // The stream ids of a room, none when the room does not exist.
    using RoomStreams = std::function<std::optional<std::vector<std::string>>(const std::string&)>;

    AutoMixer(MixService& mix, RoomStreams roomStreams, boost::asio::any_io_executor executor,
              core::Logger& log);

    // Starts the task, or updates it (same TaskId). A missing room is refused (failed) unless
    // `anyRoom`; more than kMaxAutoMixInputs inputs are refused (tooManyInputs).
    MixResult<MixTaskView> start(const std::string& appId, AutoMixRequest request, bool anyRoom);
    // A stored auto mix the mix service starts again (engine start): followed again, with the
    // inputs its room has now.
    MixRequest resumed(AutoMixRequest request);
    // As MixService::stop, for an auto mix of `roomId` only (noSuchTask otherwise).
    MixStatus stop(const std::string& taskId, const std::string& roomId,
                   const std::optional<std::string>& userId, std::optional<std::int64_t> sequence);

    void roomCreated(const rooms::RoomInfo& room, const std::string& creatorUserId) override;
    void roomClosed(const rooms::RoomInfo& room, rooms::RoomCloseReason reason,
                    bool callback) override;
    void userLoggedIn(const rooms::RoomInfo& room, const rooms::RoomUser& user,
                      bool relogin) override;
    void userLoggedOut(const rooms::RoomInfo& room, const rooms::RoomUser& user,
                       rooms::LogoutReason reason, std::int64_t logoutTimeMs) override;
    void streamAdded(const rooms::RoomInfo& room, const rooms::RoomStream& stream) override;
    void streamRemoved(const rooms::RoomInfo& room, const rooms::RoomStream& stream,
                       rooms::StreamCloseType type) override;

private:
    struct Tracked {
        std::string roomId;
        std::string outputStreamId;  // never mixed into itself
        std::vector<MixInputSpec> additions;
        std::set<std::string> exclusions;
    };
    static std::vector<MixInputSpec> inputsOf(const Tracked& task,
                                              const std::vector<std::string>& roomStreams);
    // At most kMaxAutoMixInputs of them; the rest are left out and logged.
    std::vector<MixInputSpec> cappedInputsOf(const std::string& taskId, const Tracked& task,
                                             const std::vector<std::string>& roomStreams);
    static Tracked trackedOf(AutoMixRequest& request);
    void post(const std::string& roomId);
    void refresh(const std::string& roomId);

    MixService& m_mix;
    RoomStreams m_roomStreams;
    boost::asio::any_io_executor m_executor;
    core::Logger& m_log;
    std::mutex m_mutex;  // held across calls into the mix service, so updates keep their order
    std::map<std::string, Tracked> m_tasks;  // by TaskId
};

}  // namespace regie::service::mix
