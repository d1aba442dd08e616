#pragma once
// Token04 (GCM) generation from command-line options.

#include <string>
#include <variant>

#include "cli_options.h"
#include "service/rooms/token04.h"

namespace regie::room_cli {

// A token valid from now; with a room or a publish flag it carries a privilege payload.
service::rooms::TokenBuild makeToken(const TokenOptions& options);

}  // namespace regie::room_cli
