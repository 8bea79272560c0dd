#include "application/learners/imports.hpp"

#include "application/learners/learner_import_job.hpp"

namespace numeria::application {

organizations::ImportFormat default_import_format(const organizations::Organization& organization) {
    switch (organization.type) {
    case organizations::OrganizationType::ScoAgri:
        return organizations::ImportFormat::Fregata;
    case organizations::OrganizationType::Sup:
        return organizations::ImportFormat::SupReplace;
    case organizations::OrganizationType::Sco:
    case organizations::OrganizationType::Pro:
        return organizations::ImportFormat::Siecle;
    }
    return organizations::ImportFormat::Siecle;
}

Result<long long> submit_import(Services& app, const ImportUpload& upload, std::string_view bytes) {
    NUMERIA_TRY(organizations::Organization organization,
                app.tx.read([&](UnitOfWork& uow) -> Result<organizations::Organization> {
                    auto found = uow.organizations().find(upload.organization);
                    if (!found || !found->manages_students)
                        return fail(Error::rule("organization.no_students"));
                    return *found;
                }));
    organizations::ImportFormat format = default_import_format(organization);
    if (!upload.format.empty()) {
        auto parsed = organizations::parse_import_format(upload.format);
        if (!parsed)
            return fail(Error::invalid("import.format_unknown"));
        format = *parsed;
    }
    if (bytes.empty())
        return fail(Error::invalid("import.file_empty"));
    if (bytes.size() > organizations::MAX_IMPORT_BYTES)
        return fail(Error{ErrorCode::TooLarge, "import.file_too_large", {}});
    organizations::LearnerImport import;
    import.organization_id = upload.organization;
    import.format = organizations::import_format_code(format);
    import.file_name = upload.file_name;
    import.created_by = upload.uploaded_by;
    import.created_at = app.clock.now();
    // Rule: docs/rules/student-import.md: nothing a user was told is saved may be lost: the file and
    // the job that runs it are durably stored before the upload is answered.
    NUMERIA_TRY(long long id, app.tx.durable([&](UnitOfWork& uow) -> Result<long long> {
        const long long created = uow.learner_imports().create(import);
        uow.learner_imports().store_file(created, bytes);
        enqueue_learner_import(uow, created, import.created_at);
        return created;
    }));
    app.jobs_enqueued();
    return id;
}

Result<organizations::LearnerImport> find_import(Services& app, organizations::OrganizationId organization,
                                                 long long id) {
    return app.tx.read([&](UnitOfWork& uow) -> Result<organizations::LearnerImport> {
        auto import = uow.learner_imports().find(organization, id);
        if (!import)
            return fail(Error::not_found("import.not_found"));
        return *import;
    });
}

std::vector<organizations::LearnerImport> list_imports(Services& app, organizations::OrganizationId organization,
                                                       int limit) {
    auto imports = app.tx.read([&](UnitOfWork& uow) -> Result<std::vector<organizations::LearnerImport>> {
        return uow.learner_imports().list(organization, limit);
    });
    return imports ? std::move(*imports) : std::vector<organizations::LearnerImport>{};
}

Status confirm_import(Services& app, organizations::OrganizationId organization, long long id) {
    NUMERIA_TRY_STATUS(app.tx.write([&](UnitOfWork& uow) -> Status {
        if (!uow.learner_imports().confirm(organization, id, app.clock.now()))
            return fail(Error{ErrorCode::AlreadyExists, "import.not_waiting", {}});
        enqueue_learner_import(uow, id, app.clock.now());
        return {};
    }));
    app.jobs_enqueued();
    return {};
}

Status cancel_import(Services& app, organizations::OrganizationId organization, long long id) {
    return app.tx.write([&](UnitOfWork& uow) -> Status {
        if (!uow.learner_imports().cancel(organization, id, app.clock.now()))
            return fail(Error{ErrorCode::AlreadyExists, "import.not_waiting", {}});
        return {};
    });
}

organizations::ImportOutcome import_now(Transactions& tx, const Clock& clock,
                                        const organizations::Organization& organization,
                                        organizations::ImportFormat format, std::string_view bytes, bool confirmed) {
    const organizations::ParsedFile file =
        organizations::validate_import_file(format, bytes, organization.uai.value_or(""));
    if (file.refused())
        return organizations::refused_outcome(file);
    organizations::ImportOutcome outcome;
    (void)tx.durable([&](UnitOfWork& uow) -> Status {
        outcome = organizations::apply_import(file, format, organization, confirmed, uow.learner_records(), uow.audit(),
                                              clock.now());
        return {};
    });
    return outcome;
}

} // namespace numeria::application
