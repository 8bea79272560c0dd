#include "organizations/use_cases/manage_organizations.hpp"

#include "organizations/domain/uai.hpp"

#include <cctype>

namespace numeria::organizations {

namespace {

std::optional<std::string> normalize_nonstandard_uai(const std::string& text) {
    std::string identifier;
    for (char c : text)
        if (c != ' ')
            identifier += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (identifier.size() < 3 || identifier.size() > 20 ||
        identifier.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") != std::string::npos)
        return std::nullopt;
    return identifier;
}

} // namespace

bool default_manages_students(OrganizationType type) {
    return type != OrganizationType::Pro;
}

DirectoryImported import_establishments(const Directory& directory, EstablishmentRepository& establishments,
                                        const Clock& clock) {
    DirectoryImported imported;
    for (const Establishment& establishment : directory.establishments) {
        if (establishments.upsert(establishment, clock.now()))
            ++imported.inserted;
        else
            ++imported.updated;
    }
    return imported;
}

Result<OrganizationId> create_organization(const CreateOrganization& command, OrganizationRepository& organizations,
                                           const Clock& clock) {
    if (command.name.find_first_not_of(" \t") == std::string::npos)
        return fail(Error::invalid("organization.name_required"));
    const bool school = command.type == OrganizationType::Sco || command.type == OrganizationType::ScoAgri;
    std::optional<std::string> uai;
    if (!command.uai.empty() || school) {
        uai = command.nonstandard_uai ? normalize_nonstandard_uai(command.uai) : normalize_uai(command.uai);
        if (!uai)
            return fail(Error::invalid("organization.uai_invalid"));
        if (organizations.find_by_uai(*uai))
            return fail(Error{ErrorCode::AlreadyExists, "organization.uai_taken", *uai});
    }
    Organization organization;
    organization.type = command.type;
    organization.name = command.name;
    organization.uai = uai;
    organization.manages_students = command.manages_students.value_or(default_manages_students(command.type));
    organization.created_at = clock.now();
    return organizations.create(organization);
}

} // namespace numeria::organizations
