#pragma once
// The commands `regie-room join` reads from stdin, one per line, turned into protocol requests
// (docs/room-protocol.md):
//
//   say <text>                      send_message, kind broadcast
//   barrage <text>                  send_message, kind barrage
//   tell <user>[,<user>...] <text>  send_message, kind custom, to those users
//   announce <streamId> [title]     stream_add
//   unannounce <streamId>           stream_remove
//   renew <token>                   token_renew
//   quit                            logout and exit

#include <boost/json/object.hpp>
#include <string>
#include <string_view>
#include <variant>

namespace regie::room_cli {

struct Quit {};
struct CommandError {
    std::string message;
};

// A blank line is std::monostate (nothing to do); a request has no `id` yet.
using Command = std::variant<std::monostate, boost::json::object, Quit, CommandError>;
Command parseCommand(std::string_view line);

}  // namespace regie::room_cli
