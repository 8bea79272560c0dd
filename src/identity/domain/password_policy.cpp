#include "identity/domain/password_policy.hpp"

#include <locale.h>

#include <clocale>
#include <cwchar>
#include <cwctype>

namespace numeria::identity {

namespace {

constexpr std::size_t MINIMUM_LENGTH = 8;
// Rule: docs/rules/security.md, "Length limits": argon2id takes any length, but hashing a huge
// password costs; 128 bytes is far above any password a person types.
constexpr std::size_t MAXIMUM_BYTES = 128;

// The C.UTF-8 locale of glibc classifies every Unicode letter; it is used only through a
// thread-local uselocale() around the scan, never installed globally.
class Utf8Scope {
public:
    Utf8Scope()
        : m_locale(newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(nullptr)))
        , m_previous(m_locale ? uselocale(m_locale) : static_cast<locale_t>(nullptr)) {}
    ~Utf8Scope() {
        if (m_locale) {
            uselocale(m_previous);
            freelocale(m_locale);
        }
    }
    Utf8Scope(const Utf8Scope&) = delete;
    Utf8Scope& operator=(const Utf8Scope&) = delete;

private:
    locale_t m_locale;
    locale_t m_previous;
};

} // namespace

Status check_password_policy(std::string_view password) {
    if (password.size() > MAXIMUM_BYTES)
        return fail(Error::invalid("password.too_long"));
    Utf8Scope scope;
    std::mbstate_t state{};
    std::size_t characters = 0;
    bool upper = false;
    bool lower = false;
    bool digit = false;
    const char* cursor = password.data();
    std::size_t left = password.size();
    while (left > 0) {
        wchar_t character = 0;
        // NOLINTNEXTLINE(concurrency-mt-unsafe): with a state of its own and uselocale, mbrtowc is thread-safe.
        std::size_t used = std::mbrtowc(&character, cursor, left, &state);
        if (used == static_cast<std::size_t>(-1) || used == static_cast<std::size_t>(-2) || used == 0)
            return fail(Error::invalid("password.invalid_encoding"));
        cursor += used;
        left -= used;
        ++characters;
        upper = upper || std::iswupper(static_cast<wint_t>(character));
        lower = lower || std::iswlower(static_cast<wint_t>(character));
        digit = digit || (character >= L'0' && character <= L'9');
    }
    if (characters < MINIMUM_LENGTH)
        return fail(Error::invalid("password.too_short"));
    if (!upper)
        return fail(Error::invalid("password.missing_uppercase"));
    if (!lower)
        return fail(Error::invalid("password.missing_lowercase"));
    if (!digit)
        return fail(Error::invalid("password.missing_digit"));
    return {};
}

} // namespace numeria::identity
