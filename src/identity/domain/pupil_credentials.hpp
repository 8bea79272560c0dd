// pupil_credentials.hpp: log-in names and temporary passwords for pupils without e-mail
// (docs/rules/accounts.md "Pupils' usernames" and "Temporary passwords").
#pragma once

#include "core/result.hpp"
#include "identity/domain/password_hasher.hpp"

#include <functional>
#include <string>
#include <string_view>

namespace numeria::identity {

// "Jean", "Dupont", "2010-12-24" → "jean.dupont2412": both names lower case, accents stripped,
// only [a-z0-9] kept, then the day and month of birth.
[[nodiscard]] std::string username_for(std::string_view first_name, std::string_view last_name,
                                       std::string_view iso_birthdate);

// The username, or when `taken` says it is used, the same with 4 other random digits until free.
[[nodiscard]] std::string free_username(std::string_view first_name, std::string_view last_name,
                                        std::string_view iso_birthdate,
                                        const std::function<bool(const std::string&)>& taken);

// 6 lower-case letters without i, l, o, then 2 digits, e.g. "kqmrtz07". To be changed at first log-in.
[[nodiscard]] std::string generate_temporary_password();

// A temporary password and its hash, made before the transaction that stores it: hashing never
// runs inside a transaction (docs/rules/security.md "Password hashing").
struct TemporaryPassword {
    std::string password; // in clear: shown once, never stored
    std::string hash;
};

// A new temporary password hashed by `hashing` (the server's pool); fails like `hashing` does.
[[nodiscard]] Result<TemporaryPassword> make_temporary_password(const PasswordHashing& hashing);

// Lower case ASCII letters and digits only: accents stripped ("é" → "e", "œ" → "oe"), the rest dropped.
[[nodiscard]] std::string ascii_letters_and_digits(std::string_view text);

} // namespace numeria::identity
