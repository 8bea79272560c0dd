// learner_query.hpp: the students list of Orga (docs/rules/organizations.md "Students list"): search,
// filters, sorting and pagination, and what one row shows.
#pragma once

#include "organizations/learners/learner.hpp"

#include <string>
#include <vector>

namespace numeria::organizations {

struct LearnerQuery {
    std::int64_t organization = 0;
    std::string search;      // part of a first or last name, any case
    std::string division;    // "" = every class
    std::string certifiable; // "", "oui", "non", "inconnu"
    // "", "email", "identifiant", "aucune". No "sso" (docs/rules/organizations.md "Students list") until the product
    // has an external log-in (GAR/ENT): a filter that can match nobody would mislead.
    std::string connection;
    std::string state = "actifs"; // "actifs", "desactives", "tous"
    std::string sort = "nom";     // "nom", "classe"
    int page = 1;                 // 1-based
    int page_size = 50;
};

struct LearnerRow {
    Learner learner;
    std::string account_email;                 // "" when none
    std::string account_username;              // "" when none
    bool account_must_change_password = false; // the account's password is still a temporary one
};

struct LearnerPage {
    std::vector<LearnerRow> rows;
    int total = 0; // rows matching the filters, every page
};

} // namespace numeria::organizations
