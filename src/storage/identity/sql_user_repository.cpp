#include "storage/identity/sql_user_repository.hpp"

namespace numeria::storage {

namespace {

constexpr const char* USER_COLUMNS = "id, first_name, last_name, email, username, password_hash, "
                                     "must_change_password, terms_accepted_at, created_at";

std::optional<std::string> optional_text(const std::string& value, soci::indicator indicator) {
    return indicator == soci::i_ok ? std::optional<std::string>(value) : std::nullopt;
}

} // namespace

Result<identity::UserId> SqlUserRepository::create(const identity::NewUser& user) {
    // Uniqueness is checked first so that the answer is a value, not a constraint exception that
    // would abort a PostgreSQL transaction; the UNIQUE constraints remain the last guard.
    if (user.email && find_by_email(*user.email))
        return fail(Error{ErrorCode::AlreadyExists, "user.email_taken", {}});
    if (user.username && find_by_username(*user.username))
        return fail(Error{ErrorCode::AlreadyExists, "user.username_taken", {}});
    const std::string email = user.email.value_or("");
    const std::string username = user.username.value_or("");
    soci::indicator email_indicator = user.email ? soci::i_ok : soci::i_null;
    soci::indicator username_indicator = user.username ? soci::i_ok : soci::i_null;
    const long long terms = user.terms_accepted_at.value_or(0);
    soci::indicator terms_indicator = user.terms_accepted_at ? soci::i_ok : soci::i_null;
    const int must_change = user.must_change_password ? 1 : 0;
    const long long created = user.created_at;
    long long id = 0;
    // Two sign-ups of one address at once both pass the check above; ON CONFLICT DO NOTHING makes
    // the second one insert nothing (PostgreSQL waits for the first to commit) instead of raising a
    // constraint error that would abort its transaction and answer 500.
    m_sql << "INSERT INTO users (first_name, last_name, email, username, password_hash, must_change_password, "
             "terms_accepted_at, created_at, updated_at) VALUES (:first, :last, :email, :username, :hash, :must, "
             ":terms, :created, :updated) ON CONFLICT DO NOTHING RETURNING id",
        soci::use(user.first_name), soci::use(user.last_name), soci::use(email, email_indicator),
        soci::use(username, username_indicator), soci::use(user.password_hash), soci::use(must_change),
        soci::use(terms, terms_indicator), soci::use(created), soci::use(created), soci::into(id);
    if (!m_sql.got_data())
        return fail(Error{ErrorCode::AlreadyExists,
                          user.email && find_by_email(*user.email) ? "user.email_taken" : "user.username_taken",
                          {}});
    return static_cast<identity::UserId>(id);
}

std::optional<identity::User> SqlUserRepository::find_where(const std::string& condition, const std::string& value) {
    identity::User user;
    long long id = 0;
    std::string email;
    std::string username;
    soci::indicator email_indicator = soci::i_null;
    soci::indicator username_indicator = soci::i_null;
    int must_change = 0;
    long long terms = 0;
    soci::indicator terms_indicator = soci::i_null;
    long long created = 0;
    m_sql << "SELECT " + std::string(USER_COLUMNS) + " FROM users WHERE " + condition, soci::use(value), soci::into(id),
        soci::into(user.first_name), soci::into(user.last_name), soci::into(email, email_indicator),
        soci::into(username, username_indicator), soci::into(user.password_hash), soci::into(must_change),
        soci::into(terms, terms_indicator), soci::into(created);
    if (!m_sql.got_data())
        return std::nullopt;
    user.id = id;
    user.email = optional_text(email, email_indicator);
    user.username = optional_text(username, username_indicator);
    user.must_change_password = must_change != 0;
    if (terms_indicator == soci::i_ok)
        user.terms_accepted_at = terms;
    user.created_at = created;
    return user;
}

std::optional<identity::User> SqlUserRepository::find_by_email(const std::string& normalized_email) {
    return find_where("email = :value", normalized_email);
}

std::optional<identity::User> SqlUserRepository::find_by_username(const std::string& username) {
    return find_where("username = :value", username);
}

std::optional<identity::User> SqlUserRepository::find(identity::UserId id) {
    // The id is bound as text and compared through a CAST so one statement serves both engines.
    return find_where("id = CAST(:value AS BIGINT)", std::to_string(id));
}

void SqlUserRepository::set_password_hash(identity::UserId id, const std::string& password_hash,
                                          bool must_change_password) {
    const int must_change = must_change_password ? 1 : 0;
    const long long user_id = id;
    m_sql << "UPDATE users SET password_hash = :hash, must_change_password = :must WHERE id = :id",
        soci::use(password_hash), soci::use(must_change), soci::use(user_id);
}

void SqlUserRepository::set_username(identity::UserId id, const std::string& username) {
    const long long user_id = id;
    m_sql << "UPDATE users SET username = :u WHERE id = :id", soci::use(username), soci::use(user_id);
}

} // namespace numeria::storage
