#include "application/organizations/operator_commands.hpp"

#include "identity/domain/password_generator.hpp"

namespace numeria::application {

organizations::DirectoryImported import_directory(Transactions& tx, const Clock& clock,
                                                  const organizations::Directory& directory) {
    organizations::DirectoryImported imported;
    (void)tx.write([&](UnitOfWork& uow) -> Status {
        imported = organizations::import_establishments(directory, uow.establishments(), clock);
        return {};
    });
    return imported;
}

Result<organizations::OrganizationId> create_organization(Transactions& tx, const Clock& clock,
                                                          const organizations::CreateOrganization& command) {
    return tx.write([&](UnitOfWork& uow) -> Result<organizations::OrganizationId> {
        return organizations::create_organization(command, uow.organizations(), clock);
    });
}

std::optional<organizations::Organization> find_organization_by_uai(Transactions& tx, const std::string& uai) {
    std::optional<organizations::Organization> found;
    (void)tx.read([&](UnitOfWork& uow) -> Status {
        found = uow.organizations().find_by_uai(uai);
        return {};
    });
    return found;
}

Result<identity::NationalAdminCreated> create_national_admin(Transactions& tx, const Clock& clock,
                                                             const identity::PasswordHasher& hasher,
                                                             const std::string& email) {
    identity::PreparedPassword prepared;
    prepared.password = identity::generate_one_time_password();
    NUMERIA_TRY(prepared.hash, hasher.hash(prepared.password));
    return tx.write([&](UnitOfWork& uow) -> Result<identity::NationalAdminCreated> {
        return identity::create_national_admin(email, uow.users(), uow.national_admins(), prepared, clock);
    });
}

} // namespace numeria::application
