#pragma once
// Sends each HTTP request to the door that serves it.

#include "api/events/event_feed.h"
#include "api/rooms/room_signalling.h"
#include "api/zego/zego_door.h"
#include "api/zlm/zlm_door.h"
#include "protocol/http/http_server.h"
#include "protocol/httpflv/http_flv_service.h"

namespace regie {

class EngineRouter final : public http::HttpHandler {
public:
    EngineRouter(const api::zlm::ZlmDoor& zlm, api::zego::ZegoDoor& zego,
                 api::events::EventFeed& feed, httpflv::HttpFlvService& flv,
                 api::rooms::RoomSignalling& rooms)
        : m_zlm(zlm), m_zego(zego), m_feed(feed), m_flv(flv), m_rooms(rooms) {}

    void handle(api::ApiCall call, api::ReplySink reply) override;
    http::UpgradeDecision upgrade(const api::ApiCall& call) override;

private:
    const api::zlm::ZlmDoor& m_zlm;
    api::zego::ZegoDoor& m_zego;
    api::events::EventFeed& m_feed;
    httpflv::HttpFlvService& m_flv;
    api::rooms::RoomSignalling& m_rooms;
};

}  // namespace regie
