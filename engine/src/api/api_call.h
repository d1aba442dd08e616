#pragma once
// The transport-neutral shape of one API request and its reply. The HTTP server fills an
// ApiCall from the wire; an API door (ZLM, ZEGO) answers through a ReplySink. Doors never see
// Beast types, so they can be tested without sockets.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace regie::api {

struct Header {
    std::string name;
    std::string value;
};

struct ApiCall {
    std::string method;    // "GET", "POST", ...
    std::string path;      // percent-decoded path, no query
    std::string rawQuery;  // query string as received, without '?', not decoded
    std::vector<Header> headers;
    std::string body;
    std::string peerIp;

    // Value of the first header with this name (case-insensitive), or empty.
    std::string_view header(std::string_view name) const;
};

struct ApiReply {
    unsigned status = 200;
    std::string contentType = "application/json; charset=utf-8";
    std::string body;
    std::vector<Header> headers;
    bool closeConnection = false;
};

// Called exactly once, from any thread. The HTTP session marshals it back to its own thread.
using ReplySink = std::function<void(ApiReply)>;

}  // namespace regie::api
