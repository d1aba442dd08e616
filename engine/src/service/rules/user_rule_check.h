#pragma once
// The seam between room sign-in and the user ban rules (SetForbidUserRule): the room service
// asks before it lets a user log in or publish; the rule service answers.

#include <optional>
#include <string>

namespace regie::service::rules {

enum class UserPrivilege { login = 1, publish = 2 };

struct UserAction {
    UserPrivilege privilege = UserPrivilege::login;
    std::string ip;
    std::string roomId;  // empty when the action is not in a room
    std::string userId;  // empty when the user is not known
};

class UserRuleCheck {
public:
    virtual ~UserRuleCheck() = default;
    // Set: refused by a rule in force, with a reason for logs and the client.
    virtual std::optional<std::string> refusal(const UserAction& action) const = 0;
};

}  // namespace regie::service::rules
