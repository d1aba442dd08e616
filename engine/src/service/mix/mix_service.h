#pragma once
// Mix tasks by TaskId (mix.md): starting one publishes its output stream and runs a MixTask;
// the same TaskId again updates it; StopMix, a source close or 90 s without any input end it.
// Running tasks are kept in the store and started again by resume() after a restart.
// Ownership and Sequence ordering are checked here; mix_start / mix_stop go out through the
// ZEGO callbacks. Safe to call from any thread; stopping a task (joining its thread) happens
// on the teardown loop, never on the caller's.

#include <boost/asio/io_context.hpp>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/clock.h"
#include "core/config.h"
#include "core/log.h"
#include "core/store.h"
#include "media/source_registry.h"
#include "service/hooks/zego_callbacks.h"
#include "service/mix/mix_layout.h"
#include "service/mix/mix_task.h"
#include "service/mix/transcode.h"

namespace regie::service::mix {

struct MixSettings {
    std::string app = "live";  // where input and output stream ids live ([zego] app)
    bool ownerCheck = false;   // only the starting UserId may update or stop a task
    bool sequenceRequired = false;
    int maxFps = 20;
    std::chrono::milliseconds idleStop{90000};
    bool autoMixAnyRoom = false;           // StartAutoMix accepts a room that does not exist (yet)
    std::filesystem::path presetImageDir;  // preset-id:// pictures

    // A relative mixPresetImageDir (and the default, mix-presets) is under `dataDir`.
    static MixSettings fromConfig(const core::ConfigSnapshot& config,
                                  const std::filesystem::path& dataDir = {});
};

// A task's request as its Action's parser reads it.
using StoredRequest = std::variant<MixRequest, TranscodeRequest>;

struct MixServiceDeps {
    media::SourceRegistry& sources;
    std::function<void(media::MediaSource&)> addOutputFormats;
    hooks::ZegoCallbacks& callbacks;
    core::Store& store;
    // A worker loop: stopping a task (joining its thread) and store writes happen there.
    boost::asio::io_context& teardown;
    core::Logger& log;
    // Reads a stored request body again (resume): the request, or nullopt when the Action or
    // the body is no longer accepted.
    std::function<std::optional<StoredRequest>(const std::string& action,
                                               const boost::json::object& body)>
        reread;
};

// Lists a published output stream in a room under a user (MixOutput TargetRoom), as AddStream
// does; the reason when it cannot.
using RoomJoin =
    std::function<std::optional<std::string>(const TargetRoom& room, const std::string& streamId)>;

// StartMix tasks and StartCloudTranscode tasks share the TaskIds; each Stop Action stops its
// own kind only.
enum class TaskKind { mix, transcode };

class MixService {
public:
    MixService(MixServiceDeps deps, MixSettings settings);
    ~MixService();

    void updateSettings(MixSettings settings);
    MixSettings settings() const;
    // "rtmp://127.0.0.1:1935" and "http://127.0.0.1:8080", once the listeners are bound.
    void setPlayUrlBase(std::string rtmp, std::string http);
    void setRoomJoin(RoomJoin join);

    // `appId` names the task in callbacks ("<appid>:<TaskId>").
    MixResult<MixTaskView> start(const std::string& appId, MixRequest request);
    // The same rules as start(); transcode_start instead of mix_start, also for an update.
    MixStatus startTranscode(const std::string& appId, TranscodeRequest request);
    MixStatus stop(TaskKind kind, const std::string& taskId,
                   const std::optional<std::string>& userId, std::optional<std::int64_t> sequence);
    MixResult<MixTaskView> info(const std::string& taskId) const;
    std::vector<MixTaskView> list() const;
    // Replaces a running task's inputs, without ownership or Sequence checks (an auto mix
    // following its room); noSuchTask once the task has ended.
    MixStatus replaceInputs(const std::string& taskId, std::vector<MixInputSpec> inputs);
    // Starts the tasks the store kept (at engine start, before clients come; blocks on the store).
    void resume();
    // Ends every task without callbacks (engine shutdown), on the calling thread; the store
    // keeps them for the next start.
    void stopAll();

private:
    struct Entry {
        std::string appId;
        MixRequest request;                    // the latest accepted
        std::optional<std::int64_t> sequence;  // the last accepted
        std::uint64_t generation = 0;
        // The published outputs' live sources (pushed outputs have none).
        std::vector<std::shared_ptr<media::MediaSource>> published;
        std::unique_ptr<MixTask> task;
        std::optional<TranscodeRequest> transcode;  // the latest accepted, for a transcode task
        std::string stoppedBy;                      // the UserId of the stop, if any
        bool announceStart = true;  // mix_start when the output starts (not for a resumed task)
    };
    // refused: a start undone (TargetRoom failed); no callback for it nor for sourceClosed.
    // noVideo: WaitVideoInput gave up.
    enum class EndKind { stopped, idle, noVideo, sourceClosed, refused };

    MixStatus checkInputs(const MixRequest& request) const;
    // Starts or updates a task of either kind.
    MixResult<MixTaskView> launch(const std::string& appId, MixRequest request,
                                  std::optional<TranscodeRequest> transcode);
    InputFormat inputFormat(const TranscodeRequest& request) const;
    // Starts a task (m_mutex held): its output (with WaitVideoInput, later: openWaited), its
    // thread, its row in the store.
    MixResult<std::shared_ptr<Entry>> create(const std::string& appId, MixRequest request);
    // The sinks of `request`'s outputs for `entry`, publishing its live ones (m_mutex held).
    MixResult<std::vector<std::unique_ptr<MixSink>>> openSinks(Entry& entry,
                                                               const MixRequest& request);
    // WaitVideoInput, on the task's thread once an input's picture has arrived: its sinks, and
    // mix_start; none when the task has ended or they cannot be had (the task then ends).
    std::vector<std::unique_ptr<MixSink>> openWaited(const std::string& taskId,
                                                     std::uint64_t generation);
    void persist(const Entry& entry);
    // outputBusy when a live stream (or one waiting for its publisher) has the output's id.
    MixStatus checkOutputFree(const MixOutputSpec& output) const;
    // An output's live source, registered under the [zego] app.
    MixResult<std::shared_ptr<media::MediaSource>> publishOutput(const std::string& taskId,
                                                                 const MixOutputSpec& output,
                                                                 std::uint64_t generation);
    void unpublish(const Entry& entry);
    // Lists the outputs with a TargetRoom in their rooms (m_mutex held). A task's room entries
    // go when its outputs' live streams end, as any room stream's do.
    MixStatus joinRooms(const MixLayout& layout);
    // mix_start or mix_stop, one per output (callbacks.md local choice).
    void announce(const char* event, const Entry& entry);
    PlayUrls playUrls(const MixOutputSpec& output) const;  // call with m_mutex held
    MixTaskView view(const std::string& taskId, const Entry& entry) const;
    void end(const std::string& taskId, std::uint64_t generation, EndKind kind);
    void retire(const std::shared_ptr<Entry>& entry, EndKind kind);

    MixServiceDeps m_deps;
    mutable std::mutex m_mutex;
    MixSettings m_settings;
    std::string m_rtmpBase;
    std::string m_httpBase;
    RoomJoin m_roomJoin;
    std::map<std::string, std::shared_ptr<Entry>> m_tasks;
    std::uint64_t m_generation = 0;
};

}  // namespace regie::service::mix
