// request_actor.hpp: who acts in a request, as the use cases record it (audit log, mails).
#pragma once

#include "organizations/use_cases/team.hpp"
#include "web/http.hpp"

#include <string>

namespace numeria::web {

[[nodiscard]] inline organizations::Actor actor_of(const Request& request) {
    return organizations::Actor{request.viewer ? std::optional<identity::UserId>(request.viewer->user_id)
                                               : std::nullopt,
                                request.remote_address};
}

// The signed-in person's name, e.g. as the sender of an invitation.
[[nodiscard]] inline std::string viewer_name(const Request& request) {
    return request.viewer ? request.viewer->first_name + " " + request.viewer->last_name : std::string();
}

} // namespace numeria::web
