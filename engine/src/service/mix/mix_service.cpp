#include "service/mix/mix_service.h"

#include <boost/asio/post.hpp>
#include <boost/json.hpp>

#include "av/av_handles.h"
#include "core/text.h"
#include "service/mix/output_stream.h"
#include "service/mix/push_output.h"
#include "service/mix/task_record.h"
#include "service/mix/transcode_callbacks.h"

namespace regie::service::mix {

namespace json = boost::json;

namespace {

// What an output publishes, declared before its first frame: a picture unless it is audio-only,
// and always the mixed sound.
std::vector<std::pair<media::TrackKind, media::CodecId>> declaredTracks(
    const MixOutputSpec& output) {
    std::vector<std::pair<media::TrackKind, media::CodecId>> tracks;
    if (!output.audioOnly()) {
        tracks.emplace_back(media::TrackKind::video, av::codecId(output.videoCodec));
    }
    tracks.emplace_back(media::TrackKind::audio, av::codecId(output.audioCodec));
    return tracks;
}

// An update's body with the running task's owner (ExPara names co-owners), room, input timing
// and output streams, which never change: what is stored is what runs.
void keepIdentity(json::object& body, const json::object& running) {
    for (const char* key :
         {"UserId", "RoomId", "ExPara", "RecvBufferLevel", "WaitVideoInput", "AlignmentType"}) {
        if (const auto* value = running.if_contains(key)) {
            body[key] = *value;
        } else {
            body.erase(key);
        }
    }
    auto* outputs = body.if_contains("MixOutput");
    const auto* kept = running.if_contains("MixOutput");
    if (outputs == nullptr || !outputs->is_array() || kept == nullptr || !kept->is_array()) {
        return;
    }
    auto& now = outputs->get_array();
    const auto& before = kept->get_array();
    for (std::size_t i = 0; i < now.size() && i < before.size(); ++i) {
        if (!now[i].is_object() || !before[i].is_object()) {
            continue;
        }
        for (const char* key : {"StreamId", "StreamUrl"}) {
            if (const auto* value = before[i].get_object().if_contains(key)) {
                now[i].get_object()[key] = *value;
            } else {
                now[i].get_object().erase(key);
            }
        }
    }
}

}  // namespace

MixSettings MixSettings::fromConfig(const core::ConfigSnapshot& c,
                                    const std::filesystem::path& dataDir) {
    MixSettings s;
    const auto presets = core::trim(c.get("zego.mixPresetImageDir"));
    s.presetImageDir = dataDir / (presets.empty() ? "mix-presets" : std::string(presets));
    if (auto app = core::trim(c.get("zego.app")); !app.empty()) {
        s.app = std::string(app);
    }
    s.ownerCheck = c.getBool("zego.mixOwnerCheck");
    s.sequenceRequired = c.getBool("zego.mixSequenceRequired");
    s.maxFps = static_cast<int>(std::max<std::int64_t>(1, c.getInt("zego.mixMaxFps")));
    s.idleStop =
        std::chrono::milliseconds(std::max<std::int64_t>(0, c.getInt("zego.mixIdleStopMs")));
    s.autoMixAnyRoom = c.getBool("zego.autoMixAnyRoom");
    return s;
}

MixService::MixService(MixServiceDeps deps, MixSettings settings)
    : m_deps(std::move(deps)), m_settings(std::move(settings)) {
    av::quietLibraryLogs();
}

MixService::~MixService() {
    stopAll();
}

void MixService::updateSettings(MixSettings settings) {
    std::lock_guard lock(m_mutex);
    m_settings = std::move(settings);
}

MixSettings MixService::settings() const {
    std::lock_guard lock(m_mutex);
    return m_settings;
}

void MixService::setPlayUrlBase(std::string rtmp, std::string http) {
    std::lock_guard lock(m_mutex);
    m_rtmpBase = std::move(rtmp);
    m_httpBase = std::move(http);
}

void MixService::setRoomJoin(RoomJoin join) {
    std::lock_guard lock(m_mutex);
    m_roomJoin = std::move(join);
}

MixStatus MixService::joinRooms(const MixLayout& layout) {
    for (const auto& output : layout.outputs()) {
        if (!output.targetRoom) {
            continue;
        }
        const TargetRoom& room = *output.targetRoom;
        auto refused = m_roomJoin ? m_roomJoin(room, output.streamId)
                                  : std::optional<std::string>("the engine has no rooms");
        if (refused) {
            return MixFailure{MixError::roomFailed, "output " + output.streamId +
                                                        " could not be added to room " +
                                                        room.roomId + ": " + *refused};
        }
    }
    return std::nullopt;
}

PlayUrls MixService::playUrls(const MixOutputSpec& output) const {
    if (!output.streamUrl.empty()) {
        return {};
    }
    const std::string path = "/" + m_settings.app + "/" + output.streamId;
    return {m_rtmpBase + path, m_httpBase + path + ".live.flv", ""};
}

MixStatus MixService::checkInputs(const MixRequest& request) const {
    if (request.followsRoom || request.layout.timing.waitForVideo) {
        return std::nullopt;  // inputs come and go; each shows once it is live
    }
    for (const auto& input : request.layout.inputs) {
        if (!input.streamUrl.empty()) {
            continue;
        }
        auto key = media::normalizedKey("", m_settings.app, input.streamId, false);
        if (!m_deps.sources.find(key)) {
            return MixFailure{MixError::inputMissing,
                              "input stream " + input.streamId + " is not being published"};
        }
    }
    return std::nullopt;
}

MixStatus MixService::checkOutputFree(const MixOutputSpec& output) const {
    if (!output.streamUrl.empty() ||
        !m_deps.sources.find(media::normalizedKey("", m_settings.app, output.streamId, false))) {
        return std::nullopt;
    }
    // Live, or waiting for its publisher to return: either way not ours to take.
    return MixFailure{MixError::outputBusy,
                      "output stream " + output.streamId + " is already live"};
}

MixResult<std::shared_ptr<media::MediaSource>> MixService::publishOutput(
    const std::string& taskId, const MixOutputSpec& output, std::uint64_t generation) {
    const std::string& outputId = output.streamId;
    if (auto busy = checkOutputFree(output)) {
        return *busy;
    }
    auto key = media::normalizedKey("", m_settings.app, outputId, false);
    media::PublisherInfo publisher;
    publisher.origin = media::OriginType::unknown;
    publisher.originUrl = "mix://" + taskId;
    publisher.sessionId = "mix-" + taskId;
    publisher.continuePush = std::chrono::milliseconds(0);
    publisher.autoClose = false;
    publisher.engineOutput = true;
    auto [result, source] = m_deps.sources.beginPublish(
        key, publisher,
        [this, taskId, generation] {
            boost::asio::post(m_deps.teardown, [this, taskId, generation] {
                end(taskId, generation, EndKind::sourceClosed);
            });
        },
        std::chrono::duration_cast<std::chrono::seconds>(
            std::chrono::system_clock::now().time_since_epoch())
            .count(),
        [&](media::MediaSource& published) {
            m_deps.addOutputFormats(published);
            published.declareTracks(declaredTracks(output));
        });
    if (result != media::SourceRegistry::PublishResult::created) {
        return MixFailure{MixError::outputBusy, "output stream " + outputId + " is already live"};
    }
    return source;
}

void MixService::unpublish(const Entry& entry) {
    for (const auto& source : entry.published) {
        m_deps.sources.endPublish(source);
    }
}

MixResult<std::shared_ptr<MixService::Entry>> MixService::create(const std::string& appId,
                                                                 MixRequest request) {
    auto entry = std::make_shared<Entry>();
    entry->appId = appId;
    entry->sequence = request.sequence;
    entry->generation = ++m_generation;
    std::vector<std::unique_ptr<MixSink>> sinks;
    if (request.layout.timing.waitForVideo) {
        for (const auto& output : request.layout.outputs()) {
            if (auto busy = checkOutputFree(output)) {
                return *busy;
            }
        }
    } else {
        auto opened = openSinks(*entry, request);
        if (auto* f = std::get_if<MixFailure>(&opened)) {
            return *f;
        }
        sinks = std::get<std::vector<std::unique_ptr<MixSink>>>(std::move(opened));
    }
    const std::string& taskId = request.taskId;
    const std::uint64_t generation = entry->generation;
    entry->task = std::make_unique<MixTask>(
        MixTask::Deps{m_deps.sources, m_settings.app, m_deps.log, m_settings.idleStop,
                      m_settings.presetImageDir,
                      [this, taskId, generation](SelfStop why) {
                          boost::asio::post(m_deps.teardown, [this, taskId, generation, why] {
                              end(taskId, generation,
                                  why == SelfStop::noVideo ? EndKind::noVideo : EndKind::idle);
                          });
                      },
                      [this, taskId, generation] { return openWaited(taskId, generation); }},
        std::move(sinks), request.layout);
    entry->request = std::move(request);
    m_tasks[entry->request.taskId] = entry;
    persist(*entry);
    return entry;
}

MixResult<std::vector<std::unique_ptr<MixSink>>> MixService::openSinks(Entry& entry,
                                                                       const MixRequest& request) {
    std::vector<std::unique_ptr<MixSink>> sinks;
    for (const auto& output : request.layout.outputs()) {
        if (!output.streamUrl.empty()) {
            sinks.push_back(std::make_unique<PushOutput>(output.streamUrl, output.audioOnly()));
            continue;
        }
        auto published = publishOutput(request.taskId, output, entry.generation);
        if (auto* f = std::get_if<MixFailure>(&published)) {
            unpublish(entry);
            entry.published.clear();
            return *f;
        }
        entry.published.push_back(std::get<std::shared_ptr<media::MediaSource>>(published));
        sinks.push_back(std::make_unique<OutputStream>(entry.published.back()));
    }
    return sinks;
}

std::vector<std::unique_ptr<MixSink>> MixService::openWaited(const std::string& taskId,
                                                             std::uint64_t generation) {
    std::shared_ptr<Entry> entry;
    std::vector<std::unique_ptr<MixSink>> sinks;
    {
        std::lock_guard lock(m_mutex);
        auto found = m_tasks.find(taskId);
        if (found == m_tasks.end() || found->second->generation != generation) {
            return {};
        }
        entry = found->second;
        auto opened = openSinks(*entry, entry->request);
        if (auto* f = std::get_if<MixFailure>(&opened)) {
            m_deps.log.warn("mix.output_failed", {{"task", taskId}, {"error", f->message}});
            boost::asio::post(m_deps.teardown, [this, taskId, generation] {
                end(taskId, generation, EndKind::sourceClosed);
            });
            return {};
        }
        sinks = std::get<std::vector<std::unique_ptr<MixSink>>>(std::move(opened));
    }
    m_deps.log.info("mix.output_started", {{"task", taskId}});
    if (entry->announceStart) {
        announce("mix_start", *entry);
    }
    return sinks;
}

void MixService::persist(const Entry& entry) {
    TaskRecord record{entry.appId, entry.request.action, entry.request.body};
    core::MixTaskRow row{entry.request.taskId, serializeTaskRecord(record),
                         std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::system_clock::now().time_since_epoch())
                             .count()};
    boost::asio::post(m_deps.teardown, [this, row = std::move(row)] {
        if (auto saved = m_deps.store.saveMixTask(row); !saved) {
            m_deps.log.warn("mix.save_failed",
                            {{"task", row.taskId}, {"error", saved.error().message}});
        }
    });
}

void MixService::resume() {
    auto rows = m_deps.store.loadMixTasks();
    if (!rows) {
        m_deps.log.warn("mix.load_failed", {{"error", rows.error().message}});
        return;
    }
    for (const auto& row : rows.value()) {
        auto record = parseTaskRecord(row.payload);
        std::optional<StoredRequest> stored;
        if (record) {
            stored = m_deps.reread(record->action, record->body);
        }
        std::optional<MixFailure> failure;
        if (stored) {
            auto* transcode = std::get_if<TranscodeRequest>(&*stored);
            // A transcode's "same as the input" settings are resolved against the input again.
            MixRequest request = transcode ? transcodeMix(*transcode, inputFormat(*transcode))
                                           : std::get<MixRequest>(std::move(*stored));
            std::lock_guard lock(m_mutex);
            if (m_tasks.contains(row.taskId)) {
                continue;
            }
            // Its inputs come back when their publishers reconnect; until then, background.
            auto created = create(record->appId, std::move(request));
            if (auto* f = std::get_if<MixFailure>(&created)) {
                failure = *f;
            } else {
                auto& entry = *std::get<std::shared_ptr<Entry>>(created);
                entry.announceStart = false;  // mix.md: resuming sends no mix_start
                if (transcode) {
                    entry.transcode = std::move(*transcode);
                }
            }
        } else {
            failure = MixFailure{MixError::failed, "unreadable task record"};
        }
        if (failure) {
            m_deps.log.warn("mix.resume_failed",
                            {{"task", row.taskId}, {"error", failure->message}});
            (void)m_deps.store.deleteMixTask(row.taskId);
            continue;
        }
        m_deps.log.info("mix.resume", {{"task", row.taskId}});
    }
}

MixTaskView MixService::view(const std::string& taskId, const Entry& entry) const {
    MixTaskView v{taskId, entry.request.userId,   entry.request.roomId, entry.sequence.value_or(0),
                  {},     entry.task->duration(), entry.request.action, entry.request.body};
    for (const auto& output : entry.request.layout.outputs()) {
        v.outputs.push_back({output.streamId, playUrls(output)});
    }
    return v;
}

MixResult<MixTaskView> MixService::start(const std::string& appId, MixRequest request) {
    return launch(appId, std::move(request), std::nullopt);
}

MixStatus MixService::startTranscode(const std::string& appId, TranscodeRequest request) {
    MixRequest mix = transcodeMix(request, inputFormat(request));
    auto started = launch(appId, std::move(mix), std::move(request));
    if (auto* f = std::get_if<MixFailure>(&started)) {
        return *f;
    }
    return std::nullopt;
}

InputFormat MixService::inputFormat(const TranscodeRequest& request) const {
    InputFormat format;
    if (!request.inputStreamUrl.empty()) {
        return format;  // known only once pulled
    }
    std::string app;
    {
        std::lock_guard lock(m_mutex);
        app = m_settings.app;
    }
    auto source = m_deps.sources.find(media::normalizedKey("", app, request.inputStreamId, false));
    if (!source) {
        return format;
    }
    format.bitrate = static_cast<std::int64_t>(source->bytesPerSecond()) * 8;
    for (const auto& track : source->tracks()) {
        if (track.kind == media::TrackKind::video) {
            format.codec = track.info.codec;
            format.width = track.info.width;
            format.height = track.info.height;
            format.fps = track.info.fps;
        } else if (track.kind == media::TrackKind::audio) {
            format.channels = track.info.channels;
        }
    }
    return format;
}

MixResult<MixTaskView> MixService::launch(const std::string& appId, MixRequest request,
                                          std::optional<TranscodeRequest> transcode) {
    std::unique_lock lock(m_mutex);
    auto found = m_tasks.find(request.taskId);
    if (found != m_tasks.end()) {
        Entry& entry = *found->second;
        if (entry.transcode.has_value() != transcode.has_value()) {
            return MixFailure{MixError::failed, "task " + request.taskId + " is a " +
                                                    (entry.transcode ? "transcode" : "mix") +
                                                    " task"};
        }
        if (m_settings.ownerCheck && !entry.request.ownedBy(request.userId)) {
            return MixFailure{MixError::notOwner, "UserId does not own this task"};
        }
        if (request.sequence && entry.sequence && *request.sequence <= *entry.sequence) {
            return MixFailure{MixError::sequence,
                              "Sequence must be greater than " + std::to_string(*entry.sequence)};
        }
        request.layout.timing = entry.request.layout.timing;  // fixed for the task's life
        const auto& runningFont = entry.request.layout.labelFont;
        if (runningFont && request.layout.labelFont && *runningFont != *request.layout.labelFont) {
            return MixFailure{MixError::labelFont, "the task's labels use Font.FontType " +
                                                       std::to_string(*runningFont) +
                                                       ", which cannot change"};
        }
        if (auto missing = checkInputs(request)) {
            return *missing;
        }
        if (!request.layout.labelFont) {
            request.layout.labelFont = runningFont;
        }
        request.layout.userDataEveryFrame = entry.request.layout.userDataEveryFrame;
        // Only the dynamic parts change; the owner, room and outputs stay.
        request.layout.keepOutputsOf(entry.request.layout);
        if (transcode) {
            // The input fills the canvas, whose size may have changed.
            const MixOutputSpec& canvas = request.layout.output;
            request.layout.inputs.front().placement->rect = {0, 0, canvas.width, canvas.height};
        }
        entry.task->update(request.layout);
        if (request.sequence) {
            entry.sequence = request.sequence;
        }
        request.userId = entry.request.userId;
        request.coOwners = entry.request.coOwners;
        request.roomId = entry.request.roomId;
        keepIdentity(request.body, entry.request.body);
        entry.request = std::move(request);
        persist(entry);
        MixTaskView updated = view(found->first, entry);
        if (!transcode) {
            return updated;
        }
        entry.transcode = std::move(transcode);
        const TranscodeRequest announced = *entry.transcode;
        const std::int64_t sequence = entry.sequence.value_or(0);
        lock.unlock();
        sendTranscodeStart(m_deps.callbacks, announced, sequence, true);
        return updated;
    }
    if (auto missing = checkInputs(request)) {
        return *missing;
    }
    auto created = create(appId, std::move(request));
    if (auto* f = std::get_if<MixFailure>(&created)) {
        return *f;
    }
    auto entry = std::get<std::shared_ptr<Entry>>(created);
    entry->transcode = std::move(transcode);
    if (auto refused = joinRooms(entry->request.layout)) {
        m_tasks.erase(entry->request.taskId);
        lock.unlock();
        boost::asio::post(m_deps.teardown, [this, entry] { retire(entry, EndKind::refused); });
        return *refused;
    }
    MixTaskView started = view(entry->request.taskId, *entry);
    lock.unlock();
    m_deps.log.info("mix.start", {{"task", started.taskId},
                                  {"kind", entry->transcode ? "transcode" : "mix"},
                                  {"outputs", started.outputs.size()}});
    if (entry->transcode) {
        sendTranscodeStart(m_deps.callbacks, *entry->transcode, entry->sequence.value_or(0), false);
    } else if (!entry->request.layout.timing.waitForVideo) {
        announce("mix_start", *entry);  // else when the output starts (openWaited)
    }
    return started;
}

void MixService::announce(const char* event, const Entry& entry) {
    std::vector<std::pair<MixOutputSpec, PlayUrls>> outputs;
    {
        std::lock_guard lock(m_mutex);
        for (const auto& out : entry.request.layout.outputs()) {
            outputs.emplace_back(out, playUrls(out));
        }
    }
    const bool starting = std::string_view(event) == "mix_start";
    auto list = [](const std::string& url) {
        return url.empty() ? json::array{} : json::array{json::string(url)};
    };
    for (const auto& [out, urls] : outputs) {
        json::object f;
        f["seq"] = std::to_string(entry.sequence.value_or(0));
        f["task_id"] = entry.appId + ":" + entry.request.taskId;
        f["channel_id"] = entry.request.roomId;
        f["publish_id"] = entry.request.userId;
        f["mix_url"] = out.streamUrl.empty() ? urls.rtmp : out.streamUrl;
        f["mix_stream_alias"] = out.streamId;
        if (starting) {
            f["stream_alias"] = out.streamId;
            f["rtmp_url"] = urls.rtmp;
            f["rtmp_urls"] = list(urls.rtmp);
            f["hls_url"] = urls.hls;
            f["hls_urls"] = list(urls.hls);
            f["hdl_url"] = urls.flv;
            f["hdl_urls"] = list(urls.flv);
        }
        m_deps.callbacks.send(event, std::move(f));
    }
}

MixStatus MixService::stop(TaskKind kind, const std::string& taskId,
                           const std::optional<std::string>& userId,
                           std::optional<std::int64_t> sequence) {
    std::shared_ptr<Entry> entry;
    {
        std::lock_guard lock(m_mutex);
        auto found = m_tasks.find(taskId);
        if (found == m_tasks.end() ||
            found->second->transcode.has_value() != (kind == TaskKind::transcode)) {
            return MixFailure{MixError::noSuchTask, "task does not exist"};
        }
        if (m_settings.ownerCheck && !(userId && found->second->request.ownedBy(*userId))) {
            return MixFailure{MixError::notOwner, "UserId does not own this task"};
        }
        const auto& last = found->second->sequence;
        if (sequence && last && *sequence <= *last) {
            return MixFailure{MixError::sequence,
                              "Sequence must be greater than " + std::to_string(*last)};
        }
        entry = found->second;
        if (sequence) {
            entry->sequence = sequence;
        }
        entry->stoppedBy = userId.value_or(entry->request.userId);
        m_tasks.erase(found);
    }
    boost::asio::post(m_deps.teardown, [this, entry] { retire(entry, EndKind::stopped); });
    return std::nullopt;
}

MixStatus MixService::replaceInputs(const std::string& taskId, std::vector<MixInputSpec> inputs) {
    std::lock_guard lock(m_mutex);
    auto found = m_tasks.find(taskId);
    if (found == m_tasks.end()) {
        return MixFailure{MixError::noSuchTask, "task does not exist"};
    }
    Entry& entry = *found->second;
    entry.request.layout.inputs = std::move(inputs);
    entry.task->update(entry.request.layout);
    persist(entry);
    return std::nullopt;
}

MixResult<MixTaskView> MixService::info(const std::string& taskId) const {
    std::lock_guard lock(m_mutex);
    auto found = m_tasks.find(taskId);
    if (found == m_tasks.end()) {
        return MixFailure{MixError::noSuchTask, "task does not exist"};
    }
    return view(taskId, *found->second);
}

std::vector<MixTaskView> MixService::list() const {
    std::lock_guard lock(m_mutex);
    std::vector<MixTaskView> views;
    views.reserve(m_tasks.size());
    for (const auto& [taskId, entry] : m_tasks) {
        views.push_back(view(taskId, *entry));
    }
    return views;
}

void MixService::stopAll() {
    std::map<std::string, std::shared_ptr<Entry>> tasks;
    {
        std::lock_guard lock(m_mutex);
        tasks.swap(m_tasks);
    }
    for (auto& [taskId, entry] : tasks) {
        entry->task.reset();
        unpublish(*entry);
    }
}

void MixService::end(const std::string& taskId, std::uint64_t generation, EndKind kind) {
    std::shared_ptr<Entry> entry;
    {
        std::lock_guard lock(m_mutex);
        auto found = m_tasks.find(taskId);
        if (found == m_tasks.end() || found->second->generation != generation) {
            return;
        }
        entry = found->second;
        m_tasks.erase(found);
    }
    retire(entry, kind);
}

void MixService::retire(const std::shared_ptr<Entry>& entry, EndKind kind) {
    entry->task.reset();
    unpublish(*entry);
    const std::string& taskId = entry->request.taskId;
    if (auto deleted = m_deps.store.deleteMixTask(taskId); !deleted) {
        m_deps.log.warn("mix.delete_failed",
                        {{"task", taskId}, {"error", deleted.error().message}});
    }
    m_deps.log.info("mix.stop", {{"task", taskId},
                                 {"reason", kind == EndKind::stopped        ? "stop"
                                            : kind == EndKind::idle         ? "inputs_gone"
                                            : kind == EndKind::noVideo      ? "no_video"
                                            : kind == EndKind::sourceClosed ? "output_closed"
                                                                            : "refused"}});
    if (kind == EndKind::refused) {
        return;
    }
    if (entry->transcode) {
        // callbacks.md: StopReason 0 for StopCloudTranscode, 1 when the task ended by itself.
        sendTranscodeStop(m_deps.callbacks, taskId,
                          kind == EndKind::stopped ? entry->stoppedBy : entry->request.userId,
                          entry->sequence.value_or(0), kind != EndKind::stopped);
        return;
    }
    // callbacks.md: mix_stop for StopMix and the idle stop, not for an abnormal end; also
    // when WaitVideoInput gives up (mix.md), the only word the task has ended.
    if (kind != EndKind::sourceClosed) {
        announce("mix_stop", *entry);
    }
}

}  // namespace regie::service::mix
