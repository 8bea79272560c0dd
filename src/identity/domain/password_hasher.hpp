// password_hasher.hpp: argon2id password hashes (libsodium's crypto_pwhash_str), so no password
// is ever stored in clear. INTERACTIVE limits (≈ 60 ms, 64 MiB) in production; MINIMUM in tests.
#pragma once

#include "core/result.hpp"

#include <string>
#include <string_view>

namespace numeria::identity {

enum class HashStrength { Interactive, Minimum };

class PasswordHasher {
public:
    explicit PasswordHasher(HashStrength strength)
        : m_strength(strength) {}

    // The encoded hash ("$argon2id$v=19$…"), salt included. Fails only when memory is short.
    [[nodiscard]] Result<std::string> hash(std::string_view password) const;
    [[nodiscard]] bool verify(std::string_view password, const std::string& encoded_hash) const;
    // True when the hash was made with weaker limits than the current ones (rehash at log-in).
    [[nodiscard]] bool needs_rehash(const std::string& encoded_hash) const;

private:
    HashStrength m_strength;
};

} // namespace numeria::identity
