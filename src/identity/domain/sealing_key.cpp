#include "identity/domain/sealing_key.hpp"

#include "core/assert.hpp"

#include <sodium.h>

#include <vector>

namespace numeria::identity {

namespace {

unsigned char* bytes(std::string& text) {
    return reinterpret_cast<unsigned char*>(text.data());
}

const unsigned char* bytes(std::string_view text) {
    return reinterpret_cast<const unsigned char*>(text.data());
}

} // namespace

SealingKey::SealingKey()
    : m_key(crypto_secretbox_KEYBYTES, '\0') {
    NUMERIA_ASSERT(sodium_init() >= 0, "libsodium could not start");
    crypto_secretbox_keygen(bytes(m_key));
}

SealingKey SealingKey::derive(std::string_view master, std::string_view purpose) {
    NUMERIA_ASSERT(master.size() == crypto_kdf_KEYBYTES, "the master secret has 32 bytes");
    NUMERIA_ASSERT(purpose.size() == crypto_kdf_CONTEXTBYTES, "a purpose has 8 characters");
    SealingKey key;
    const std::string context(purpose);
    crypto_kdf_derive_from_key(bytes(key.m_key), key.m_key.size(), 1, context.c_str(), bytes(master));
    return key;
}

std::string SealingKey::seal(std::string_view text) const {
    std::string sealed(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + text.size(), '\0');
    randombytes_buf(bytes(sealed), crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(bytes(sealed) + crypto_secretbox_NONCEBYTES, bytes(text), text.size(), bytes(sealed),
                          bytes(std::string_view(m_key)));
    std::string encoded(sodium_base64_ENCODED_LEN(sealed.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(encoded.data(), encoded.size(), bytes(std::string_view(sealed)), sealed.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    encoded.resize(encoded.size() - 1); // the terminating NUL
    return encoded;
}

std::optional<std::string> SealingKey::open(std::string_view sealed) const {
    std::string raw(sealed.size(), '\0');
    std::size_t length = 0;
    if (sodium_base642bin(bytes(raw), raw.size(), sealed.data(), sealed.size(), nullptr, &length, nullptr,
                          sodium_base64_VARIANT_ORIGINAL) != 0 ||
        length < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
        return std::nullopt;
    raw.resize(length);
    std::string text(length - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
    if (crypto_secretbox_open_easy(bytes(text), bytes(std::string_view(raw)) + crypto_secretbox_NONCEBYTES,
                                   length - crypto_secretbox_NONCEBYTES, bytes(std::string_view(raw)),
                                   bytes(std::string_view(m_key))) != 0)
        return std::nullopt;
    return text;
}

} // namespace numeria::identity
