#include "application/organizations/add_member.hpp"

#include "identity/domain/password_generator.hpp"
#include "identity/use_cases/operator_account.hpp"
#include "organizations/domain/uai.hpp"
#include "organizations/use_cases/team.hpp"

namespace numeria::application {

namespace {

bool all_digits(const std::string& text) {
    return !text.empty() && text.size() <= 18 && text.find_first_not_of("0123456789") == std::string::npos;
}

std::string upper_without_spaces(const std::string& text) {
    std::string out;
    for (char c : text)
        if (c != ' ')
            out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

// By id when only digits are given, else (or when no organisation has that id) by UAI.
std::optional<organizations::Organization> find_organization(UnitOfWork& uow, const std::string& key) {
    if (all_digits(key))
        if (auto found = uow.organizations().find(std::stoll(key)))
            return found;
    return uow.organizations().find_by_uai(organizations::normalize_uai(key).value_or(upper_without_spaces(key)));
}

} // namespace

Result<MemberAdded> add_member(Transactions& tx, const Clock& clock, const identity::PasswordHasher& hasher,
                               const AddMember& command) {
    identity::PreparedPassword prepared;
    prepared.password = identity::generate_one_time_password();
    NUMERIA_TRY(prepared.hash, hasher.hash(prepared.password));
    return tx.write([&](UnitOfWork& uow) -> Result<MemberAdded> {
        std::optional<organizations::Organization> organization = find_organization(uow, command.organization);
        if (!organization)
            return fail(Error::not_found("organization.not_found"));
        if (organization->archived)
            return fail(Error::rule("organization.archived"));
        // Rule: docs/rules/organizations.md "The team": the last-admin check runs under the row lock.
        uow.memberships().lock_team(organization->id);
        NUMERIA_TRY(identity::OperatorAccountFound account,
                    identity::find_or_create_account({command.email, command.first_name, command.last_name},
                                                     uow.users(), prepared, clock));
        NUMERIA_TRY_STATUS(organizations::put_member(organization->id, account.user_id, command.role,
                                                     organizations::Actor{}, uow.memberships(), uow.audit(), clock));
        return MemberAdded{account.user_id, organization->id, account.one_time_password};
    });
}

} // namespace numeria::application
