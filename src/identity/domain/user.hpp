// user.hpp: an account (compte). A learner record imported from SIECLE is not an account; the
// organizations context links the two.
#pragma once

#include "core/clock.hpp"

#include <optional>
#include <string>

namespace numeria::identity {

using UserId = std::int64_t;

struct User {
    UserId id = 0;
    std::string first_name;
    std::string last_name;
    std::optional<std::string> email;    // stored normalised (trimmed, lower case)
    std::optional<std::string> username; // e.g. "jean.dupont2412" for pupils without e-mail
    std::string password_hash;           // argon2id, never the password
    bool must_change_password = false;   // set when someone else chose the password
    std::optional<EpochMs> terms_accepted_at;
    EpochMs created_at = 0;
};

// The fields of a new account; the repository gives it its id.
struct NewUser {
    std::string first_name;
    std::string last_name;
    std::optional<std::string> email;
    std::optional<std::string> username;
    std::string password_hash;
    bool must_change_password = false;
    std::optional<EpochMs> terms_accepted_at;
    EpochMs created_at = 0;
};

} // namespace numeria::identity
