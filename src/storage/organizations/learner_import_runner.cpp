#include "storage/organizations/learner_import_runner.hpp"

#include "storage/organizations/sql_learner_repository.hpp"
#include "storage/organizations/sql_team_repositories.hpp"

namespace numeria::storage {

organizations::ImportOutcome run_learner_import(Database& db, const organizations::Organization& organization,
                                                organizations::ImportFormat format, std::string_view bytes,
                                                bool confirmed, EpochMs now) {
    const organizations::ParsedFile file =
        organizations::validate_import_file(format, bytes, organization.uai.value_or(""));
    if (file.refused())
        return organizations::refused_outcome(file);
    organizations::ImportOutcome outcome;
    db.write_durable([&](soci::session& sql) {
        SqlLearnerRepository learners(sql);
        SqlAuditLog audit(sql);
        outcome = organizations::apply_import(file, format, organization, confirmed, learners, audit, now);
    });
    return outcome;
}

organizations::ImportFormat default_import_format(const organizations::Organization& organization) {
    switch (organization.type) {
    case organizations::OrganizationType::ScoAgri:
        return organizations::ImportFormat::Fregata;
    case organizations::OrganizationType::Sup:
        return organizations::ImportFormat::SupReplace;
    default:
        return organizations::ImportFormat::Siecle;
    }
}

} // namespace numeria::storage
