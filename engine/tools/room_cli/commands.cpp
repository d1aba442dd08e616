#include "commands.h"

#include <boost/json/array.hpp>

#include "core/text.h"

namespace regie::room_cli {

namespace json = boost::json;

namespace {

// The first word of `text` and the trimmed rest.
std::pair<std::string_view, std::string_view> splitWord(std::string_view text) {
    text = core::trim(text);
    auto space = text.find_first_of(" \t");
    if (space == std::string_view::npos) {
        return {text, {}};
    }
    return {text.substr(0, space), core::trim(text.substr(space + 1))};
}

json::object message(std::string_view kind, std::string_view content) {
    return {{"type", "send_message"}, {"kind", kind}, {"content", content}};
}

}  // namespace

Command parseCommand(std::string_view line) {
    auto [verb, rest] = splitWord(line);
    if (verb.empty()) {
        return std::monostate{};
    }
    if (verb == "quit") {
        return Quit{};
    }
    if (verb == "say" || verb == "barrage") {
        if (rest.empty()) {
            return CommandError{std::string(verb) + " needs a text"};
        }
        return message(verb == "say" ? "broadcast" : "barrage", rest);
    }
    if (verb == "tell") {
        auto [users, text] = splitWord(rest);
        if (users.empty() || text.empty()) {
            return CommandError{"usage: tell <user>[,<user>...] <text>"};
        }
        json::array to;
        while (!users.empty()) {
            auto comma = users.find(',');
            if (auto user = users.substr(0, comma); !user.empty()) {
                to.emplace_back(user);
            }
            users = comma == std::string_view::npos ? std::string_view{} : users.substr(comma + 1);
        }
        auto request = message("custom", text);
        request["toUserIds"] = std::move(to);
        return request;
    }
    if (verb == "announce" || verb == "unannounce" || verb == "renew") {
        auto [value, title] = splitWord(rest);
        if (value.empty()) {
            return CommandError{std::string(verb) +
                                (verb == "renew" ? " needs a token" : " needs a stream id")};
        }
        if (verb == "renew") {
            return json::object{{"type", "token_renew"}, {"token", value}};
        }
        if (verb == "unannounce") {
            return json::object{{"type", "stream_remove"}, {"streamId", value}};
        }
        return json::object{{"type", "stream_add"}, {"streamId", value}, {"title", title}};
    }
    return CommandError{"unknown command " + std::string(verb) +
                        " (say, barrage, tell, announce, unannounce, renew, quit)"};
}

}  // namespace regie::room_cli
