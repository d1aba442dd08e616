#include "service/mix/picture_load.h"

#include <algorithm>

#include "av/image_fetch.h"

namespace regie::service::mix {

std::optional<std::string> presetName(std::string_view url) {
    if (!url.starts_with(kPresetScheme)) {
        return std::nullopt;
    }
    std::string_view name = url.substr(kPresetScheme.size());
    const bool plain = std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               c == '-' || c == '_' || c == '.';
    });
    if (name.empty() || name.front() == '.' || !plain) {
        return std::nullopt;
    }
    return std::string(name);
}

core::Result<av::FramePtr> loadPicture(const PictureSource& source,
                                       const std::filesystem::path& presetDir,
                                       const std::atomic<bool>* cancel) {
    if (!std::string_view(source.url).starts_with(kPresetScheme)) {
        return av::fetchImage(source.url, source.maxBytes, kImageFetchTimeout, cancel);
    }
    auto name = presetName(source.url);
    if (!name) {
        return core::Error{source.url + " is not a preset picture name"};
    }
    const auto file = presetDir / *name;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) {
        return core::Error{"there is no preset picture " + *name};
    }
    // The error would name the engine's own directory: say what is wrong with the picture.
    if (auto picture = av::readImageFile(file.string(), source.maxBytes)) {
        return picture;
    }
    return core::Error{"the preset picture " + *name + " is not a JPG or PNG of at most " +
                       std::to_string(source.maxBytes) + " bytes"};
}

}  // namespace regie::service::mix
