#pragma once
// One gathered write on a stream socket, tried at once: a player that keeps up has room in its
// socket buffer, so the write costs one sendmsg and no asynchronous operation (no allocation,
// no reactor registration, no completion handler queued). Only what the socket does not take
// goes out asynchronously.

#include <boost/asio/buffer.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/write.hpp>
#include <boost/system/error_code.hpp>
#include <cstddef>
#include <utility>
#include <vector>

namespace regie::protocol {

// Most buffers one sendmsg takes (Asio's limit, under IOV_MAX); a batch of more still goes
// out, in several calls.
inline constexpr std::size_t kMaxGatheredBuffers = 64;

// Drops the first `bytes` bytes of `buffers`.
inline void consumeBuffers(std::vector<boost::asio::const_buffer>& buffers, std::size_t bytes) {
    std::size_t whole = 0;
    while (whole < buffers.size() && bytes >= buffers[whole].size()) {
        bytes -= buffers[whole].size();
        ++whole;
    }
    buffers.erase(buffers.begin(), buffers.begin() + static_cast<std::ptrdiff_t>(whole));
    if (!buffers.empty()) {
        buffers.front() += bytes;
    }
}

// Writes all of `buffers`, then calls done(error_code). `done` runs before this returns when
// the socket took everything (or failed at once); otherwise later, from the socket's executor,
// and `buffers` (consumed in place) must stay alive and untouched until then.
template <typename Socket, typename Done>
void writeGathered(Socket& socket, std::vector<boost::asio::const_buffer>& buffers, Done&& done) {
    boost::system::error_code ec;
    if (!socket.non_blocking()) {
        socket.non_blocking(true, ec);
    }
    std::size_t total = boost::asio::buffer_size(buffers);
    std::size_t n = ec ? 0 : socket.write_some(buffers, ec);
    if (ec == boost::asio::error::would_block || ec == boost::asio::error::try_again) {
        ec.clear();
    }
    if (ec || n == total) {
        std::forward<Done>(done)(ec);
        return;
    }
    consumeBuffers(buffers, n);
    boost::asio::async_write(socket, buffers,
                             [done = std::forward<Done>(done)](boost::system::error_code e,
                                                               std::size_t) mutable { done(e); });
}

}  // namespace regie::protocol
