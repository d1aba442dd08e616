#include "api/zego/envelope.h"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

namespace regie::api::zego {

ApiReply renderEnvelope(const ZegoResult& result, std::string_view requestId) {
    boost::json::object envelope;
    envelope["Code"] = result.code;
    envelope["Message"] = result.message;
    envelope["RequestId"] = requestId;
    if (result.code == 0 && result.data) {
        envelope["Data"] = *result.data;
    }
    ApiReply reply;
    reply.status = 200;
    reply.contentType = "application/json; charset=utf-8";
    reply.body = boost::json::serialize(envelope);
    return reply;
}

}  // namespace regie::api::zego
