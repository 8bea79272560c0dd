#include "identity/use_cases/create_national_admin.hpp"

#include "identity/domain/login_name.hpp"

namespace numeria::identity {

Result<NationalAdminCreated> create_national_admin(const std::string& email, UserRepository& users,
                                                   NationalAdminRepository& admins, const PreparedPassword& prepared,
                                                   const Clock& clock) {
    const std::string normalized = normalize_email(email);
    if (!is_plausible_email(normalized))
        return fail(Error::invalid("user.email_invalid"));
    NationalAdminCreated created;
    if (std::optional<User> existing = users.find_by_email(normalized)) {
        created.user_id = existing->id;
    } else {
        NewUser user;
        user.first_name = "Administrateur";
        user.last_name = "national";
        user.email = normalized;
        user.password_hash = prepared.hash;
        user.must_change_password = true;
        user.created_at = clock.now();
        NUMERIA_TRY(created.user_id, users.create(user));
        created.one_time_password = prepared.password;
    }
    if (!admins.is_national_admin(created.user_id))
        admins.add(created.user_id, clock.now());
    return created;
}

} // namespace numeria::identity
