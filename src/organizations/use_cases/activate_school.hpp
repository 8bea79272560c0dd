// activate_school.hpp: "Activer ou récupérer l'espace" (docs/rules/organizations.md "Activation by UAI"): the head of
// school gives the UAI and a name; the link goes ONLY to the establishment's official e-mail from
// the directory; whoever follows it, signed in, becomes ADMIN of the school's organisation,
// created on first activation. The same path recovers a space when the head of school changes.
#pragma once

#include "core/clock.hpp"
#include "core/result.hpp"
#include "organizations/ports.hpp"

#include <string>

namespace numeria::organizations {

// Rule: docs/rules/organizations.md "Activation by UAI": the activation link is valid 7 days.
constexpr EpochMs ACTIVATION_LIFETIME_MS = 7LL * 24 * 60 * 60 * 1000;
// At most this many requests per UAI per 24 hours (the official mailbox must not be flooded).
constexpr int ACTIVATION_REQUESTS_PER_DAY = 5;

struct RequestActivation {
    std::string uai;
    std::string first_name;
    std::string last_name;
};

struct ActivationRequested {
    std::string official_email; // where the link goes, never an address typed in the form
    std::string establishment_name;
    std::string token; // for the link only
};

// Guard clauses: names given (activation.name_required), each on one line without control character
// (activation.name_not_one_line) and of at most 100 characters (activation.name_too_long), a well-formed UAI
// (activation.uai_invalid), a UAI in the directory (activation.uai_unknown), an official e-mail in the directory
// (activation.no_email), fewer than 5 requests in 24 h for this UAI (activation.too_many).
[[nodiscard]] Result<ActivationRequested> request_activation(const RequestActivation& command,
                                                             EstablishmentRepository& establishments,
                                                             ActivationRepository& activations, const Clock& clock);

struct ActivationConfirmed {
    OrganizationId organization_id = 0;
    bool created = false; // false: an existing space was recovered
};

// Guard clauses: a usable link (activation.link_invalid: unknown, used or expired), the UAI still
// in the directory (activation.uai_unknown). Then the organisation (SCO, manages students) is
// created if needed and the user becomes ADMIN; the link is spent.
// The event goes to the organisation's audit log ("activation").
[[nodiscard]] Result<ActivationConfirmed>
confirm_activation(const std::string& token, identity::UserId user_id, const std::string& ip,
                   EstablishmentRepository& establishments, OrganizationRepository& organizations,
                   MembershipRepository& memberships, ActivationRepository& activations, AuditLog& audit,
                   const Clock& clock);

} // namespace numeria::organizations
