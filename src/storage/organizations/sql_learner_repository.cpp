#include "storage/organizations/sql_learner_repository.hpp"

#include "identity/domain/pupil_credentials.hpp"

#include <functional>

namespace numeria::storage {

using organizations::Learner;
using organizations::LearnerRecord;
using organizations::LearnerRow;

namespace {

constexpr const char* COLUMNS =
    "l.id, l.organization_id, l.national_key, l.last_name, l.preferred_last_name, l.first_name, l.middle_name, "
    "l.third_name, l.sex, l.birthdate, l.birth_city, l.birth_city_code, l.birth_province_code, "
    "l.birth_country_code, l.mef_code, l.status, l.division, l.email, l.disabled, l.user_id, l.certifiable, "
    "l.certifiable_at, l.created_at, l.updated_at, l.department, l.educational_team, l.diploma, l.study_scheme, "
    "l.dissociated_user_id, u.email, u.username, COALESCE(u.must_change_password, 0)";
constexpr const char* FROM = " FROM learners l LEFT JOIN users u ON u.id = l.user_id ";

// One fetched row, bound once to a statement and refilled by each fetch().
struct RowBuffer {
    long long id = 0, organization = 0, user = 0, certifiable_at = 0, created = 0, updated = 0, dissociated = 0;
    int disabled = 0, certifiable = 0, must_change = 0;
    LearnerRecord r;
    std::string account_email, account_username;
    soci::indicator user_ind = soci::i_null, cert_ind = soci::i_null, cert_at_ind = soci::i_null,
                    dissociated_ind = soci::i_null, email_ind = soci::i_null, username_ind = soci::i_null;

    void bind(soci::statement& statement) {
        statement.exchange(soci::into(id));
        statement.exchange(soci::into(organization));
        for (std::string* field :
             {&r.key, &r.last_name, &r.preferred_last_name, &r.first_name, &r.middle_name, &r.third_name, &r.sex,
              &r.birthdate, &r.birth_city, &r.birth_city_code, &r.birth_province_code, &r.birth_country_code,
              &r.mef_code, &r.status, &r.division, &r.email})
            statement.exchange(soci::into(*field));
        statement.exchange(soci::into(disabled));
        statement.exchange(soci::into(user, user_ind));
        statement.exchange(soci::into(certifiable, cert_ind));
        statement.exchange(soci::into(certifiable_at, cert_at_ind));
        statement.exchange(soci::into(created));
        statement.exchange(soci::into(updated));
        for (std::string* field : {&r.department, &r.educational_team, &r.diploma, &r.study_scheme})
            statement.exchange(soci::into(*field));
        statement.exchange(soci::into(dissociated, dissociated_ind));
        statement.exchange(soci::into(account_email, email_ind));
        statement.exchange(soci::into(account_username, username_ind));
        statement.exchange(soci::into(must_change));
    }

    [[nodiscard]] LearnerRow row() const {
        LearnerRow row;
        Learner& learner = row.learner;
        learner.id = id;
        learner.organization_id = organization;
        learner.record = r;
        learner.disabled = disabled != 0;
        if (user_ind == soci::i_ok)
            learner.user_id = user;
        if (cert_ind == soci::i_ok)
            learner.certifiable = certifiable != 0;
        if (cert_at_ind == soci::i_ok)
            learner.certifiable_at = certifiable_at;
        if (dissociated_ind == soci::i_ok)
            learner.dissociated_user_id = dissociated;
        learner.created_at = created;
        learner.updated_at = updated;
        row.account_email = email_ind == soci::i_ok ? account_email : "";
        row.account_username = username_ind == soci::i_ok ? account_username : "";
        row.account_must_change_password = must_change != 0;
        return row;
    }
};

std::vector<LearnerRow> fetch_rows(soci::session& sql, const std::string& query,
                                   const std::function<void(soci::statement&)>& bind_uses) {
    RowBuffer buffer;
    soci::statement statement(sql);
    buffer.bind(statement);
    bind_uses(statement);
    statement.alloc();
    statement.prepare(query);
    statement.define_and_bind();
    statement.execute(false);
    std::vector<LearnerRow> rows;
    while (statement.fetch())
        rows.push_back(buffer.row());
    return rows;
}

// What the list's search compares: every name, lower case, without accents or spaces.
std::string search_name(const LearnerRecord& record) {
    return identity::ascii_letters_and_digits(record.last_name) + " " +
           identity::ascii_letters_and_digits(record.preferred_last_name) + " " +
           identity::ascii_letters_and_digits(record.first_name);
}

} // namespace

std::vector<Learner> SqlLearnerRepository::list_all(std::int64_t organization) {
    const long long org = organization;
    std::vector<Learner> learners;
    for (LearnerRow& row : fetch_rows(m_sql, std::string("SELECT ") + COLUMNS + FROM + "WHERE l.organization_id = :o",
                                      [&](soci::statement& s) { s.exchange(soci::use(org)); }))
        learners.push_back(std::move(row.learner));
    return learners;
}

std::map<std::string, std::vector<organizations::AccountElsewhere>>
SqlLearnerRepository::accounts_elsewhere(std::int64_t organization, const std::set<std::string>& keys) {
    std::map<std::string, std::vector<organizations::AccountElsewhere>> accounts;
    const long long org = organization;
    std::string key;
    long long user = 0;
    long long other = 0;
    LearnerRecord known;
    soci::statement statement =
        (m_sql.prepare << "SELECT user_id, organization_id, last_name, first_name, birthdate FROM learners "
                          "WHERE national_key = :k AND organization_id <> :o AND user_id IS NOT NULL "
                          "ORDER BY updated_at DESC, id DESC",
         soci::use(key), soci::use(org), soci::into(user), soci::into(other), soci::into(known.last_name),
         soci::into(known.first_name), soci::into(known.birthdate));
    for (const std::string& wanted : keys) {
        key = wanted;
        known.key = wanted;
        statement.execute(false);
        while (statement.fetch())
            accounts[wanted].push_back(organizations::AccountElsewhere{user, other, known});
    }
    return accounts;
}

void SqlLearnerRepository::apply(std::int64_t organization, const organizations::ImportPlan& plan, EpochMs now) {
    const long long org = organization;
    const long long at = now;
    LearnerRecord r;
    std::string name;
    long long user = 0;
    soci::indicator user_ind = soci::i_null;
    long long id = 0;
    if (!plan.to_create.empty()) {
        soci::statement insert =
            (m_sql.prepare << "INSERT INTO learners (organization_id, national_key, last_name, preferred_last_name, "
                              "first_name, middle_name, third_name, sex, birthdate, birth_city, birth_city_code, "
                              "birth_province_code, birth_country_code, mef_code, status, division, email, "
                              "department, educational_team, diploma, study_scheme, search_name, disabled, "
                              "user_id, created_at, updated_at) VALUES (:o, :k, :ln, :pln, :fn, :mn, :tn, :sx, :bd, "
                              ":bc, :bcc, :bpc, :bco, :mef, :st, :dv, :em, :dep, :team, :dip, :reg, :sn, 0, :u, :c, "
                              ":up)",
             soci::use(org), soci::use(r.key), soci::use(r.last_name), soci::use(r.preferred_last_name),
             soci::use(r.first_name), soci::use(r.middle_name), soci::use(r.third_name), soci::use(r.sex),
             soci::use(r.birthdate), soci::use(r.birth_city), soci::use(r.birth_city_code),
             soci::use(r.birth_province_code), soci::use(r.birth_country_code), soci::use(r.mef_code),
             soci::use(r.status), soci::use(r.division), soci::use(r.email), soci::use(r.department),
             soci::use(r.educational_team), soci::use(r.diploma), soci::use(r.study_scheme), soci::use(name),
             soci::use(user, user_ind), soci::use(at), soci::use(at));
        for (const auto& [record, inherited] : plan.to_create) {
            r = record;
            name = search_name(record);
            user = inherited.value_or(0);
            user_ind = inherited ? soci::i_ok : soci::i_null;
            insert.execute(true);
        }
    }
    if (!plan.to_update.empty()) {
        soci::statement update =
            (m_sql.prepare
                 << "UPDATE learners SET last_name = :ln, preferred_last_name = :pln, first_name = :fn, "
                    "middle_name = :mn, third_name = :tn, sex = :sx, birthdate = :bd, birth_city = :bc, "
                    "birth_city_code = :bcc, birth_province_code = :bpc, birth_country_code = :bco, "
                    "mef_code = :mef, status = :st, division = :dv, email = :em, department = :dep, "
                    "educational_team = :team, diploma = :dip, study_scheme = :reg, search_name = :sn, disabled = 0, "
                    "user_id = COALESCE(user_id, :u), updated_at = :up WHERE id = :id",
             soci::use(r.last_name), soci::use(r.preferred_last_name), soci::use(r.first_name),
             soci::use(r.middle_name), soci::use(r.third_name), soci::use(r.sex), soci::use(r.birthdate),
             soci::use(r.birth_city), soci::use(r.birth_city_code), soci::use(r.birth_province_code),
             soci::use(r.birth_country_code), soci::use(r.mef_code), soci::use(r.status), soci::use(r.division),
             soci::use(r.email), soci::use(r.department), soci::use(r.educational_team), soci::use(r.diploma),
             soci::use(r.study_scheme), soci::use(name), soci::use(user, user_ind), soci::use(at), soci::use(id));
        for (const organizations::LearnerUpdate& change : plan.to_update) {
            r = change.record;
            name = search_name(change.record);
            id = change.id;
            // Read by execute() through soci::use's references, which the analyzer does not follow.
            user = change.user_id.value_or(0);                     // NOLINT(clang-analyzer-deadcode.DeadStores)
            user_ind = change.user_id ? soci::i_ok : soci::i_null; // NOLINT(clang-analyzer-deadcode.DeadStores)
            update.execute(true);
        }
    }
    if (!plan.to_disable.empty()) {
        soci::statement disable = (m_sql.prepare << "UPDATE learners SET disabled = 1, updated_at = :up WHERE id = :id "
                                                    "AND organization_id = :o",
                                   soci::use(at), soci::use(id), soci::use(org));
        for (organizations::LearnerId disabled : plan.to_disable) {
            id = disabled; // NOLINT(clang-analyzer-deadcode.DeadStores): read by execute() (soci::use)
            disable.execute(true);
        }
    }
}

organizations::LearnerPage SqlLearnerRepository::search(const organizations::LearnerQuery& query) {
    const long long org = query.organization;
    const std::string search = identity::ascii_letters_and_digits(query.search);
    const std::string like = "%" + search + "%";
    const std::string where =
        "WHERE l.organization_id = :o "
        "AND (:s1 = '' OR l.search_name LIKE :s2) "
        "AND (:d1 = '' OR l.division = :d2) "
        "AND (:c1 = '' OR (:c2 = 'oui' AND l.certifiable = 1) OR (:c3 = 'non' AND l.certifiable = 0) "
        "OR (:c4 = 'inconnu' AND l.certifiable IS NULL)) "
        "AND (:m1 = '' OR (:m2 = 'email' AND u.email IS NOT NULL) OR (:m3 = 'identifiant' AND u.username IS NOT "
        "NULL) OR (:m4 = 'aucune' AND l.user_id IS NULL)) "
        "AND (:t1 = 'tous' OR (:t2 = 'actifs' AND l.disabled = 0) OR (:t3 = 'desactives' AND l.disabled = 1)) ";
    auto bind_filters = [&](soci::statement& s) {
        s.exchange(soci::use(org));
        s.exchange(soci::use(search));
        s.exchange(soci::use(like));
        for (int i = 0; i < 2; ++i)
            s.exchange(soci::use(query.division));
        for (int i = 0; i < 4; ++i)
            s.exchange(soci::use(query.certifiable));
        for (int i = 0; i < 4; ++i)
            s.exchange(soci::use(query.connection));
        for (int i = 0; i < 3; ++i)
            s.exchange(soci::use(query.state));
    };
    organizations::LearnerPage page;
    {
        int total = 0;
        soci::statement count(m_sql);
        count.exchange(soci::into(total));
        bind_filters(count);
        count.alloc();
        count.prepare(std::string("SELECT COUNT(*)") + FROM + where);
        count.define_and_bind();
        count.execute(true);
        page.total = total;
    }
    const std::string order = query.sort == "classe"
                                  ? "ORDER BY l.division, lower(l.last_name), lower(l.first_name), l.id "
                                  : "ORDER BY lower(l.last_name), lower(l.first_name), l.id ";
    const long long limit = query.page_size;
    const long long offset = static_cast<long long>(std::max(query.page, 1) - 1) * query.page_size;
    page.rows = fetch_rows(m_sql, std::string("SELECT ") + COLUMNS + FROM + where + order + "LIMIT :lim OFFSET :off",
                           [&](soci::statement& s) {
                               bind_filters(s);
                               s.exchange(soci::use(limit));
                               s.exchange(soci::use(offset));
                           });
    return page;
}

std::optional<LearnerRow> SqlLearnerRepository::find(std::int64_t organization, organizations::LearnerId id) {
    const long long org = organization;
    const long long learner = id;
    std::vector<LearnerRow> rows =
        fetch_rows(m_sql, std::string("SELECT ") + COLUMNS + FROM + "WHERE l.organization_id = :o AND l.id = :i",
                   [&](soci::statement& s) {
                       s.exchange(soci::use(org));
                       s.exchange(soci::use(learner));
                   });
    if (rows.empty())
        return std::nullopt;
    return rows.front();
}

std::vector<std::string> SqlLearnerRepository::divisions(std::int64_t organization) {
    const long long org = organization;
    std::vector<std::string> divisions(1000);
    m_sql << "SELECT DISTINCT division FROM learners WHERE organization_id = :o AND disabled = 0 ORDER BY division",
        soci::use(org), soci::into(divisions);
    return divisions;
}

int SqlLearnerRepository::count_active(std::int64_t organization) {
    const long long org = organization;
    int count = 0;
    m_sql << "SELECT COUNT(*) FROM learners WHERE organization_id = :o AND disabled = 0", soci::use(org),
        soci::into(count);
    return count;
}

void SqlLearnerRepository::dissociate(organizations::LearnerId id, EpochMs now) {
    const long long learner = id;
    const long long at = now;
    m_sql << "UPDATE learners SET dissociated_user_id = user_id, user_id = NULL, updated_at = :t "
             "WHERE id = :i AND user_id IS NOT NULL",
        soci::use(at), soci::use(learner);
}

void SqlLearnerRepository::set_certificability(organizations::LearnerId id, std::optional<bool> certifiable,
                                               std::optional<EpochMs> at, EpochMs now) {
    const long long learner = id;
    const long long updated = now;
    int value = certifiable.value_or(false) ? 1 : 0;
    long long when = at.value_or(0);
    soci::indicator value_ind = certifiable ? soci::i_ok : soci::i_null;
    soci::indicator when_ind = at ? soci::i_ok : soci::i_null;
    m_sql << "UPDATE learners SET certifiable = :c, certifiable_at = :a, updated_at = :t WHERE id = :i",
        soci::use(value, value_ind), soci::use(when, when_ind), soci::use(updated), soci::use(learner);
}

void SqlLearnerRepository::set_user(organizations::LearnerId id, std::optional<std::int64_t> user, EpochMs now) {
    const long long learner = id;
    const long long at = now;
    long long user_id = user.value_or(0);
    soci::indicator indicator = user ? soci::i_ok : soci::i_null;
    m_sql << "UPDATE learners SET user_id = :u, updated_at = :t WHERE id = :i", soci::use(user_id, indicator),
        soci::use(at), soci::use(learner);
}

} // namespace numeria::storage
