#pragma once
// What each component takes from the configuration: the settings objects built from a config
// snapshot at start and again after every change.

#include <cstddef>
#include <string_view>

#include "api/zego/zego_door_settings.h"
#include "api/zlm/zlm_door.h"
#include "core/config.h"
#include "core/log.h"
#include "media/source_registry.h"
#include "protocol/http/http_server.h"
#include "service/rooms/room_service.h"
#include "service/rules/rule_service.h"

namespace regie {

// The thread count `key` sets; when it is 0 (the default), `perCore` threads per core, at
// least one.
std::size_t threadCount(const core::ConfigSnapshot& c, std::string_view key, double perCore);
api::zlm::ZlmDoorSettings zlmSettings(const core::ConfigSnapshot& c);
api::zego::ZegoDoorSettings zegoSettings(const core::ConfigSnapshot& c, core::Logger& log);
service::rooms::RoomSettings roomSettings(const core::ConfigSnapshot& c,
                                          const api::zego::ZegoDoorSettings& zego);
media::RegistryTimings registryTimings(const core::ConfigSnapshot& c);
http::HttpLimits httpLimits(const core::ConfigSnapshot& c);
service::rules::RuleSettings ruleSettings(const core::ConfigSnapshot& c);

}  // namespace regie
