// password_hasher.hpp: argon2id password hashes (libsodium's crypto_pwhash_str), so no password
// is ever stored in clear. INTERACTIVE limits (≈ 60 ms, 64 MiB) in production; MINIMUM in tests.
#pragma once

#include "core/result.hpp"

#include <string>
#include <string_view>

namespace numeria::identity {

enum class HashStrength { Interactive, Minimum };

// What the use cases need of hashing: PasswordHasher does it on the calling thread,
// PasswordHashingPool on its own bounded pool (and may refuse with Unavailable when overloaded).
class PasswordHashing {
public:
    virtual ~PasswordHashing() = default;
    [[nodiscard]] virtual Result<std::string> make_hash(std::string_view password) const = 0;
    // Whether the password matches. An empty `encoded_hash` (unknown account, or one without a
    // password) is checked against a dummy hash of the same strength and never matches, so both
    // answers take the same time (docs/rules/security.md, "Log-in timing").
    [[nodiscard]] virtual Result<bool> matches(std::string_view password, const std::string& encoded_hash) const = 0;
};

class PasswordHasher final : public PasswordHashing {
public:
    explicit PasswordHasher(HashStrength strength)
        : m_strength(strength) {}

    // The encoded hash ("$argon2id$v=19$…"), salt included. Fails only when memory is short.
    [[nodiscard]] Result<std::string> hash(std::string_view password) const;
    [[nodiscard]] bool verify(std::string_view password, const std::string& encoded_hash) const;
    // True when the hash was made with weaker limits than the current ones (rehash at log-in).
    [[nodiscard]] bool needs_rehash(const std::string& encoded_hash) const;

    [[nodiscard]] Result<std::string> make_hash(std::string_view password) const override { return hash(password); }
    [[nodiscard]] Result<bool> matches(std::string_view password, const std::string& encoded_hash) const override;
    [[nodiscard]] HashStrength strength() const { return m_strength; }

private:
    HashStrength m_strength;
};

} // namespace numeria::identity
