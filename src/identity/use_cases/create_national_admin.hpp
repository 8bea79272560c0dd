// create_national_admin.hpp: `numeria admin create-superadmin --email E`, the first door into
// the Admin space. A new account gets a one-time password, to be changed at first log-in.
#pragma once

#include "core/clock.hpp"
#include "core/result.hpp"
#include "identity/ports.hpp"

#include <optional>
#include <string>

namespace numeria::identity {

struct NationalAdminCreated {
    UserId user_id = 0;
    std::optional<std::string> one_time_password; // empty when the account already existed
};

// A one-time password and its hash, made before the transaction (hashing takes ~0.5 s).
struct PreparedPassword {
    std::string password;
    std::string hash;
};

// Guard clause: a plausible e-mail (user.email_invalid). An existing account keeps its password
// and becomes national administrator; otherwise an account is created with `prepared`.
[[nodiscard]] Result<NationalAdminCreated> create_national_admin(const std::string& email, UserRepository& users,
                                                                 NationalAdminRepository& admins,
                                                                 const PreparedPassword& prepared, const Clock& clock);

} // namespace numeria::identity
