// message.hpp: an RFC 5322 message (UTF-8 text, headers encoded per RFC 2047).
#pragma once

#include "core/clock.hpp"
#include "core/mailer.hpp"

#include <string>

namespace numeria::mail {

// `from` is the sender address; `now` gives the Date header (RFC 5322 format, UTC).
[[nodiscard]] std::string format_message(const Mail& mail, const std::string& from, EpochMs now,
                                         const std::string& message_id);

} // namespace numeria::mail
