#include "identity/domain/password_generator.hpp"

#include "identity/domain/password_policy.hpp"

#include <sodium.h>

namespace numeria::identity {

std::string generate_one_time_password() {
    static constexpr std::string_view ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    while (true) {
        std::string password;
        for (int i = 0; i < 16; ++i)
            password += ALPHABET[randombytes_uniform(static_cast<std::uint32_t>(ALPHABET.size()))];
        if (check_password_policy(password))
            return password;
    }
}

} // namespace numeria::identity
