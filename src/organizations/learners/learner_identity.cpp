#include "organizations/learners/learner_identity.hpp"

#include "core/assert.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>

namespace numeria::organizations {

namespace {

// Rule: docs/rules/student-import.md "Account inheritance": case, accents, spaces, hyphens and
// apostrophes do not tell two spellings of a name apart. ICU's transforms: decompose, drop the
// combining marks, spell Latin letters in ASCII, lower case, keep letters and digits only.
constexpr const char* FOLDING = "NFD; [:Nonspacing Mark:] Remove; Latin-ASCII; Any-Lower; "
                                "[^[:Letter:][:Number:]] Remove; NFC";

// A transliterator is not safe to share between threads: one per thread, built on first use.
icu::Transliterator* folding() {
    thread_local std::unique_ptr<icu::Transliterator> transliterator = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> created(
            icu::Transliterator::createInstance(icu::UnicodeString::fromUTF8(FOLDING), UTRANS_FORWARD, status));
        return U_FAILURE(status) ? nullptr : std::move(created);
    }();
    // The analyzer runs a thread_local's destructor at the end of the function; it runs when the thread ends.
    // NOLINTNEXTLINE(clang-analyzer-cplusplus.NewDelete)
    return transliterator.get();
}

} // namespace

std::string folded_name(std::string_view name) {
    icu::UnicodeString text =
        icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
    icu::Transliterator* transliterator = folding();
    NUMERIA_ASSERT(transliterator != nullptr, "ICU's Latin-ASCII transform is part of libicu's data");
    transliterator->transliterate(text);
    std::string folded;
    text.toUTF8String(folded);
    return folded;
}

bool same_identity(const LearnerRecord& a, const LearnerRecord& b) {
    const std::string last = folded_name(a.last_name);
    const std::string first = folded_name(a.first_name);
    return !last.empty() && !first.empty() && !a.birthdate.empty() && last == folded_name(b.last_name) &&
           first == folded_name(b.first_name) && a.birthdate == b.birthdate;
}

} // namespace numeria::organizations
