// password_generator.hpp: passwords chosen by the system (one-time passwords printed by the
// command line). Random from libsodium; the person must change it at first log-in.
#pragma once

#include <string>

namespace numeria::identity {

// 16 characters from an alphabet without look-alikes (no 0/O, 1/l/I), with at least one upper-case
// letter, one lower-case letter and one digit, so it meets the password policy.
[[nodiscard]] std::string generate_one_time_password();

} // namespace numeria::identity
