#pragma once
// A player of one output format of a MediaSource. Called only on its own executor.

#include <boost/asio/any_io_executor.hpp>
#include <memory>
#include <span>

#include "media/out_packet.h"

namespace regie::media {

using PacketPtr = std::shared_ptr<const OutPacket>;

class MediaReader {
public:
    virtual ~MediaReader() = default;
    virtual boost::asio::any_io_executor executor() const = 0;
    virtual void deliver(std::span<const PacketPtr> packets) = 0;
    // The source closed (publisher gone for good, or closed by the API).
    virtual void sourceEnded() = 0;
};

}  // namespace regie::media
