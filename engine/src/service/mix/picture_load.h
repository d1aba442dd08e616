#pragma once
// Where a mix picture comes from: a `preset-id://name` URL names a file of the preset store (a
// directory of the engine, [zego] mixPresetImageDir), anything else is downloaded over
// http(s)://. Blocking: call it on a worker thread.

#include <atomic>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "av/av_handles.h"
#include "core/result.h"
#include "service/mix/mix_layout.h"

namespace regie::service::mix {

inline constexpr std::string_view kPresetScheme = "preset-id://";

// The file name of a preset-id:// URL, when it is a plain one (letters, digits, '-', '_' and
// '.', not starting with '.': never a path); nullopt otherwise.
std::optional<std::string> presetName(std::string_view url);

// The picture of `source`, read from `presetDir` or downloaded.
core::Result<av::FramePtr> loadPicture(const PictureSource& source,
                                       const std::filesystem::path& presetDir,
                                       const std::atomic<bool>* cancel = nullptr);

}  // namespace regie::service::mix
