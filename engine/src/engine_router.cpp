#include "engine_router.h"

namespace regie {

void EngineRouter::handle(api::ApiCall call, api::ReplySink reply) {
    if (api::zlm::ZlmDoor::isApiPath(call.path)) {
        m_zlm.handle(call, std::move(reply));
        return;
    }
    if (call.path == "/") {
        m_zego.handle(call, std::move(reply));
        return;
    }
    if (m_flv.parse(call)) {
        m_flv.play(call, std::move(reply));
        return;
    }
    api::ApiReply notFound;
    notFound.status = 404;
    notFound.contentType = "text/plain; charset=utf-8";
    notFound.body = "not found\n";
    reply(std::move(notFound));
}

http::UpgradeDecision EngineRouter::upgrade(const api::ApiCall& call) {
    if (api::events::EventFeed::isFeedPath(call.path)) {
        return m_feed.accept(call);
    }
    if (api::rooms::RoomSignalling::isSignallingPath(call.path)) {
        return m_rooms.accept(call);
    }
    if (m_flv.parse(call)) {
        return m_flv.playWebSocket(call);
    }
    http::UpgradeDecision refusal;
    refusal.refusal.status = 404;
    refusal.refusal.contentType = "text/plain; charset=utf-8";
    refusal.refusal.body = "no WebSocket endpoint here\n";
    return refusal;
}

}  // namespace regie
