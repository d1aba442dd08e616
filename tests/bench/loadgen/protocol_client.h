#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace regie::loadgen {

// What a protocol client asks of the connection that carries it.
class ClientEvents {
public:
    virtual void send(std::string_view bytes) = 0;
    virtual void codedVideoFrame(bool keyFrame) = 0;
    virtual void fail(std::string reason) = 0;

protected:
    ~ClientEvents() = default;
};

// The player side of one streaming protocol, fed every byte the server sends.
class ProtocolClient {
public:
    virtual ~ProtocolClient() = default;
    virtual void start(ClientEvents& events) = 0;
    virtual void onData(std::span<const std::uint8_t> data, ClientEvents& events) = 0;
};

}  // namespace regie::loadgen
