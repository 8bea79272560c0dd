// sealing_key.hpp: secret-key encryption of the few secrets the platform must give back later (a
// class's temporary passwords, docs/rules/accounts.md "Class credentials batches"): libsodium's
// secretbox (XSalsa20-Poly1305) under a key derived from the server's secret file, a fresh random
// nonce per text. A text sealed under one key does not open under another, nor once altered.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace numeria::identity {

class SealingKey {
public:
    // A random key: what is sealed is lost when the process ends (tests, and a server without a
    // secret file never seal).
    SealingKey();
    // The key of `purpose` (8 characters, e.g. "credbtch") derived from the 32-byte `master` secret.
    [[nodiscard]] static SealingKey derive(std::string_view master, std::string_view purpose);

    // base64 of nonce ‖ box.
    [[nodiscard]] std::string seal(std::string_view text) const;
    // The text, or nothing when `sealed` was not made by this key or was altered.
    [[nodiscard]] std::optional<std::string> open(std::string_view sealed) const;

private:
    std::string m_key; // 32 bytes
};

} // namespace numeria::identity
