#pragma once
// Downloads (http://, https://) or reads (a local file) and decodes one JPG or PNG picture with
// libavformat, for mix pictures. Blocking: call it on a worker thread.

#include <atomic>
#include <chrono>
#include <cstddef>
#include <string>

#include "av/av_handles.h"
#include "core/result.h"

namespace regie::av {

// Fails on a network error, a timeout, a picture larger than `maxBytes`, a URL other than
// http(s)://, or anything but JPG/PNG. `cancel`, when set, aborts a download in progress.
core::Result<FramePtr> fetchImage(const std::string& url, std::size_t maxBytes,
                                  std::chrono::milliseconds timeout,
                                  const std::atomic<bool>* cancel = nullptr);

// The same from a file: fails when it is missing, larger than `maxBytes`, or not JPG/PNG.
core::Result<FramePtr> readImageFile(const std::string& path, std::size_t maxBytes);

}  // namespace regie::av
