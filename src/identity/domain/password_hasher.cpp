#include "identity/domain/password_hasher.hpp"

#include <sodium.h>

namespace numeria::identity {

namespace {

unsigned long long ops_limit(HashStrength strength) {
    return strength == HashStrength::Interactive ? crypto_pwhash_OPSLIMIT_INTERACTIVE : crypto_pwhash_OPSLIMIT_MIN;
}

std::size_t memory_limit(HashStrength strength) {
    return strength == HashStrength::Interactive ? crypto_pwhash_MEMLIMIT_INTERACTIVE : crypto_pwhash_MEMLIMIT_MIN;
}

// Made once per strength (on first use), of a password nobody types.
const std::string& dummy_hash(HashStrength strength) {
    if (strength == HashStrength::Interactive) {
        static const std::string interactive = PasswordHasher(strength).hash("dummy-never-matches-7fQ2").value_or("");
        return interactive;
    }
    static const std::string minimum = PasswordHasher(strength).hash("dummy-never-matches-7fQ2").value_or("");
    return minimum;
}

} // namespace

Result<std::string> PasswordHasher::hash(std::string_view password) const {
    char encoded[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(encoded, password.data(), password.size(), ops_limit(m_strength),
                              memory_limit(m_strength), crypto_pwhash_ALG_ARGON2ID13) != 0)
        return fail(Error{ErrorCode::Unavailable, "password.hash_failed", "argon2id ran out of memory"});
    return std::string(encoded);
}

bool PasswordHasher::verify(std::string_view password, const std::string& encoded_hash) const {
    return crypto_pwhash_str_verify(encoded_hash.c_str(), password.data(), password.size()) == 0;
}

bool PasswordHasher::needs_rehash(const std::string& encoded_hash) const {
    return crypto_pwhash_str_needs_rehash(encoded_hash.c_str(), ops_limit(m_strength), memory_limit(m_strength)) != 0;
}

Result<bool> PasswordHasher::matches(std::string_view password, const std::string& encoded_hash) const {
    if (!encoded_hash.empty())
        return verify(password, encoded_hash);
    const std::string& dummy = dummy_hash(m_strength);
    if (!dummy.empty())
        (void)verify(password, dummy);
    return false;
}

} // namespace numeria::identity
