#pragma once
// ZLM stream and session endpoints (spec/zlm/endpoints.md §2, §3): getMediaList,
// getMediaInfo, isMediaOnline, close_stream, close_streams, getMediaPlayerList,
// broadcastMessage, getAllSession, kick_session, kick_sessions.

#include "api/zlm/zlm_door.h"
#include "core/config.h"
#include "core/session_registry.h"
#include "media/source_registry.h"

namespace regie::api::zlm {

void addStreamEndpoints(ZlmDoor& door, media::SourceRegistry& sources,
                        core::SessionRegistry& sessions, const core::Config& config);

}  // namespace regie::api::zlm
