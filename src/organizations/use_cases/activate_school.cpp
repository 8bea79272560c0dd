#include "organizations/use_cases/activate_school.hpp"

#include "identity/api.hpp"
#include "identity/domain/person_name.hpp"
#include "organizations/domain/uai.hpp"

namespace numeria::organizations {

namespace {

constexpr EpochMs DAY_MS = 24LL * 60 * 60 * 1000;

bool is_blank(const std::string& text) {
    return text.find_first_not_of(" \t") == std::string::npos;
}

} // namespace

Result<ActivationRequested> request_activation(const RequestActivation& command,
                                               EstablishmentRepository& establishments,
                                               ActivationRepository& activations, const Clock& clock) {
    if (is_blank(command.first_name) || is_blank(command.last_name))
        return fail(Error::invalid("activation.name_required"));
    // Rule: docs/rules/security.md "Activation e-mail": the name goes into the official mail.
    for (const std::string* name : {&command.first_name, &command.last_name}) {
        const identity::NameShape shape = identity::person_name_shape(*name);
        if (shape == identity::NameShape::NotOneLine)
            return fail(Error::invalid("activation.name_not_one_line"));
        if (shape == identity::NameShape::TooLong)
            return fail(Error::invalid("activation.name_too_long"));
    }
    std::optional<std::string> uai = normalize_uai(command.uai);
    if (!uai)
        return fail(Error::invalid("activation.uai_invalid"));
    std::optional<Establishment> establishment = establishments.find(*uai);
    if (!establishment)
        return fail(Error::not_found("activation.uai_unknown"));
    if (establishment->email.find('@') == std::string::npos)
        return fail(Error::rule("activation.no_email"));
    const EpochMs now = clock.now();
    if (activations.count_since(*uai, now - DAY_MS) >= ACTIVATION_REQUESTS_PER_DAY)
        return fail(Error::rule("activation.too_many"));

    std::string token = identity::new_token();
    activations.create(identity::token_digest(token), *uai, command.first_name, command.last_name, now,
                       now + ACTIVATION_LIFETIME_MS);
    return ActivationRequested{establishment->email, establishment->name, std::move(token)};
}

Result<ActivationConfirmed> confirm_activation(const std::string& token, identity::UserId user_id,
                                               const std::string& ip, EstablishmentRepository& establishments,
                                               OrganizationRepository& organizations, MembershipRepository& memberships,
                                               ActivationRepository& activations, AuditLog& audit, const Clock& clock) {
    const std::string digest = identity::token_digest(token);
    const EpochMs now = clock.now();
    std::optional<std::string> uai = activations.find_usable(digest, now);
    if (!uai)
        return fail(Error::invalid("activation.link_invalid"));
    std::optional<Establishment> establishment = establishments.find(*uai);
    if (!establishment)
        return fail(Error::not_found("activation.uai_unknown"));
    if (!activations.consume(digest, now))
        return fail(Error::invalid("activation.link_invalid"));

    ActivationConfirmed confirmed;
    if (std::optional<Organization> existing = organizations.find_by_uai(*uai)) {
        confirmed.organization_id = existing->id;
    } else {
        Organization organization;
        organization.type = OrganizationType::Sco;
        organization.name = establishment->name;
        organization.uai = *uai;
        organization.manages_students = true;
        organization.created_at = now;
        confirmed.organization_id = organizations.create(organization);
        confirmed.created = true;
    }
    memberships.put(Membership{confirmed.organization_id, user_id, Role::Admin}, now);
    audit.record(AuditEvent{confirmed.organization_id, user_id, "activation", *uai,
                            confirmed.created ? "created" : "recovered", ip, now});
    return confirmed;
}

} // namespace numeria::organizations
