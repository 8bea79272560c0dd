#include "web/account_link_notices.hpp"

#include "application/mail_outbox.hpp"
#include "web/mail_messages.hpp"
#include "web/web_app.hpp"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <map>

namespace numeria::web {

namespace {

struct SchoolToTell {
    std::string name;
    std::vector<std::string> admin_emails;
    mstch::array pupils;
};

} // namespace

void mail_account_links(WebApp& app, const organizations::Organization& importing,
                        const organizations::ImportOutcome& outcome) {
    if (outcome.inherited_accounts.empty())
        return;
    std::map<organizations::OrganizationId, SchoolToTell> schools;
    (void)app.transactions.read([&](application::UnitOfWork& uow) -> Status {
        organizations::OrganizationRepository& organizations = uow.organizations();
        organizations::MembershipRepository& memberships = uow.memberships();
        for (const organizations::InheritedAccount& account : outcome.inherited_accounts) {
            auto [school, added] = schools.try_emplace(account.from_organization);
            if (added) {
                if (auto organization = organizations.find(account.from_organization))
                    school->second.name = inert_mail_text(organization->name);
                for (const organizations::MemberView& member : memberships.list_members(account.from_organization))
                    if (member.role == organizations::Role::Admin && !member.email.empty())
                        school->second.admin_emails.push_back(member.email);
            }
            // Rule: docs/rules/security.md "Activation e-mail": names from files are quoted inert.
            school->second.pupils.push_back(mstch::map{{"ine", inert_mail_text(account.record.key)},
                                                       {"last_name", inert_mail_text(account.record.last_name)},
                                                       {"first_name", inert_mail_text(account.record.first_name)}});
        }
        return {};
    });
    const std::string by = inert_mail_text(importing.name) + (importing.uai ? " (UAI " + *importing.uai + ")" : "");
    for (const auto& entry : schools) {
        // Plain names, not a structured binding: clang before 16 cannot capture those in a lambda.
        const organizations::OrganizationId id = entry.first;
        const SchoolToTell& school = entry.second;
        const std::string journal = app.public_url() + "/orga/" + std::to_string(id) + "/journal";
        const std::string text = app.templates.render(
            "mail_account_linked",
            mstch::map{{"school", school.name}, {"by", by}, {"pupils", school.pupils}, {"journal", journal}});
        // The import is committed; the mails go through the outbox (docs/rules/jobs.md).
        (void)app.transactions.write([&](application::UnitOfWork& uow) -> Status {
            for (const std::string& to : school.admin_emails)
                application::enqueue_mail(
                    uow,
                    Mail{to, "Numeria : un compte d'élève de votre établissement est rattaché ailleurs", text, journal},
                    app.clock.now());
            return {};
        });
    }
    app.services.jobs_enqueued();
}

} // namespace numeria::web
