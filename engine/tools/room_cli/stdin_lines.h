#pragma once
// Lines of stdin delivered on an io_context. A blocking read of stdin works for terminals,
// pipes and files alike, so it runs on a thread of its own that only posts what it read.

#include <boost/asio/io_context.hpp>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace regie::room_cli {

// Calls `onLine` on `io` for each line, then once with nullopt at the end of stdin. The
// reading thread is detached: it may stay blocked in a read until the process exits, and it
// keeps `io` alive for the posts it makes.
void readStdinLines(std::shared_ptr<boost::asio::io_context> io,
                    std::function<void(std::optional<std::string>)> onLine);

}  // namespace regie::room_cli
