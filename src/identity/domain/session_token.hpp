// session_token.hpp: random tokens for sessions, links and API clients. The token goes to the
// client once; the database keeps only its digest, so a leaked table opens no session.
#pragma once

#include <string>
#include <string_view>

namespace numeria::identity {

// 32 random bytes (libsodium randombytes), hex-encoded: 64 characters.
[[nodiscard]] std::string new_token();
// BLAKE2b-256 of the token, hex: what is stored and looked up.
[[nodiscard]] std::string token_digest(std::string_view token);
// Constant-time equality of two strings of the same length (CSRF tokens).
[[nodiscard]] bool same_token(std::string_view a, std::string_view b);

} // namespace numeria::identity
