#pragma once
// ZLM "server" endpoints (spec/zlm/endpoints.md §1): getApiList, version, getServerConfig,
// setServerConfig, restartServer, getStatistic, getThreadsLoad, getWorkThreadsLoad.

#include "api/zlm/zlm_door.h"
#include "core/config.h"
#include "service/server/server_service.h"

namespace regie::api::zlm {

void addServerEndpoints(ZlmDoor& door, service::ServerService& server, const core::Config& config);

}  // namespace regie::api::zlm
