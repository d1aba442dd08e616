#include "stdin_lines.h"

#include <boost/asio/post.hpp>
#include <iostream>
#include <thread>

namespace regie::room_cli {

void readStdinLines(std::shared_ptr<boost::asio::io_context> io,
                    std::function<void(std::optional<std::string>)> onLine) {
    std::thread([io = std::move(io), onLine = std::move(onLine)] {
        for (std::string line; std::getline(std::cin, line);) {
            boost::asio::post(
                *io, [onLine, line = std::move(line)]() mutable { onLine(std::move(line)); });
        }
        boost::asio::post(*io, [onLine] { onLine(std::nullopt); });
    }).detach();
}

}  // namespace regie::room_cli
