#include "application/learners/class_credentials.hpp"

#include "application/learners/credential_batch_job.hpp"

#include <algorithm>

namespace numeria::application {

namespace {

Result<ClassCredentialsPlan> read_plan(UnitOfWork& uow, organizations::OrganizationId organization,
                                       const std::string& division) {
    auto found = uow.organizations().find(organization);
    if (!found)
        return fail(Error::not_found("organization.not_found"));
    const std::vector<std::string> divisions = uow.learners().divisions(organization);
    if (division.empty() || std::find(divisions.begin(), divisions.end(), division) == divisions.end())
        return fail(Error::rule("credentials.class_unknown"));
    organizations::LearnerQuery query;
    query.organization = organization;
    query.division = division;
    query.page_size = 10000;
    ClassCredentialsPlan plan{*found, division, {}, uow.credential_batches().latest(organization, division)};
    for (organizations::LearnerRow& row : uow.learners().search(query).rows) {
        const organizations::CredentialPlan what = organizations::plan_credentials(row);
        plan.pupils.push_back({std::move(row), what});
    }
    return plan;
}

std::string plural(std::size_t count, const std::string& one, const std::string& many) {
    return std::to_string(count) + " " + (count == 1 ? one : many);
}

} // namespace

Result<ClassCredentialsPlan> plan_class_credentials(Services& app, organizations::OrganizationId organization,
                                                    const std::string& division) {
    return app.tx.read([&](UnitOfWork& uow) { return read_plan(uow, organization, division); });
}

Result<StartedBatch> start_class_credentials(Services& app, organizations::OrganizationId organization,
                                             const std::string& division,
                                             const std::set<organizations::LearnerId>& ticked,
                                             const organizations::Actor& actor) {
    return app.tx.durable([&](UnitOfWork& uow) -> Result<StartedBatch> {
        // Rule: docs/rules/accounts.md "Class credentials batches": one batch of a class at a time,
        // also when two requests start it at once (the second one waits, then finds the first).
        uow.credential_batches().lock_organization(organization);
        NUMERIA_TRY(ClassCredentialsPlan plan, read_plan(uow, organization, division));
        if (plan.latest && plan.latest->state == organizations::BatchState::Running)
            return StartedBatch{plan.latest->id, true};
        std::vector<organizations::CredentialBatchLine> lines;
        std::size_t chosen = 0;
        for (const PlannedPupil& pupil : plan.pupils) {
            const bool is_ticked = ticked.count(pupil.row.learner.id) > 0;
            if (!organizations::gets_password(pupil.plan, is_ticked))
                continue;
            chosen += pupil.plan == organizations::CredentialPlan::ChosenPassword ? 1 : 0;
            organizations::CredentialBatchLine line;
            line.learner_id = pupil.row.learner.id;
            line.division = pupil.row.learner.record.division;
            line.last_name = pupil.row.learner.record.last_name;
            line.first_name = pupil.row.learner.record.first_name;
            lines.push_back(std::move(line));
        }
        if (lines.empty())
            return fail(Error::rule("credentials.nobody"));
        organizations::CredentialBatch batch;
        batch.organization_id = organization;
        batch.division = division;
        batch.created_by = actor.user_id;
        batch.created_ip = actor.ip;
        batch.created_at = app.clock.now();
        const long long id = uow.credential_batches().create(batch, lines);
        uow.credential_batches().replace_older(organization, division, id);
        enqueue_credential_batch(uow, id, app.clock.now());
        // Rule: docs/rules/organizations.md "Audit log": names, never account numbers.
        uow.audit().record(
            {organization, actor.user_id, "credentials.batch", "Classe " + division,
             plural(lines.size(), "élève", "élèves") + " (dont " +
                 plural(chosen, "mot de passe choisi par l'élève", "mots de passe choisis par les élèves") + ")",
             actor.ip, app.clock.now()});
        return StartedBatch{id, false};
    });
}

Result<CredentialBatchView> view_credential_batch(Services& app, organizations::OrganizationId organization,
                                                  long long batch, bool with_sheet) {
    auto view = app.tx.read([&](UnitOfWork& uow) -> Result<CredentialBatchView> {
        auto found = uow.credential_batches().find(organization, batch);
        auto owner = uow.organizations().find(organization);
        if (!found || !owner)
            return fail(Error::not_found("credentials.batch_not_found"));
        return CredentialBatchView{*owner, *found, uow.credential_batches().lines(batch), {}};
    });
    if (!view || !with_sheet || view->batch.state != organizations::BatchState::Done)
        return view;
    // Rule: docs/rules/accounts.md "Class credentials batches": the same passwords at every download;
    // a pupil who has chosen their own password since is listed without one.
    for (const organizations::CredentialBatchLine& line : view->lines) {
        if (line.outcome != organizations::LineOutcome::Issued)
            continue;
        std::string password = "(choisi par l'élève depuis)";
        if (!line.password_changed) {
            auto opened = app.sealing.open(line.sealed_password);
            password = opened ? *opened : "(illisible : générez un nouveau lot)";
        }
        view->sheet.push_back({line.division, line.last_name, line.first_name, line.username, password});
    }
    return view;
}

} // namespace numeria::application
