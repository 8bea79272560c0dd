// ports.hpp: what the identity use cases need from the outside world. storage/identity/ implements
// them on SQL; tests/support/identity/ has the in-memory fakes.
#pragma once

#include "core/result.hpp"
#include "identity/domain/login_throttle.hpp"
#include "identity/domain/user.hpp"

#include <optional>
#include <string>

namespace numeria::identity {

class UserRepository {
public:
    virtual ~UserRepository() = default;
    // Fails with AlreadyExists ("user.email_taken" / "user.username_taken") on a unique clash.
    [[nodiscard]] virtual Result<UserId> create(const NewUser& user) = 0;
    [[nodiscard]] virtual std::optional<User> find_by_email(const std::string& normalized_email) = 0;
    [[nodiscard]] virtual std::optional<User> find_by_username(const std::string& username) = 0;
    [[nodiscard]] virtual std::optional<User> find(UserId id) = 0;
    virtual void set_password_hash(UserId id, const std::string& password_hash, bool must_change_password) = 0;
    virtual void set_username(UserId id, const std::string& username) = 0;
};

struct ActiveSession {
    UserId user_id = 0;
    EpochMs expires_at = 0;
};

class SessionRepository {
public:
    virtual ~SessionRepository() = default;
    virtual void create(const std::string& token_digest, UserId user_id, EpochMs created_at, EpochMs expires_at) = 0;
    // The session of this digest if it is neither revoked nor expired at `now`.
    [[nodiscard]] virtual std::optional<ActiveSession> find_active(const std::string& token_digest, EpochMs now) = 0;
    virtual void revoke(const std::string& token_digest, EpochMs now) = 0;
    // Revokes every session and API token of the user except the one of `kept_digest` ("" for none).
    virtual void revoke_all_of_user(UserId user_id, const std::string& kept_digest, EpochMs now) = 0;
};

// Single-use links (password reset, account unlock): only the digest of the token is stored.
class OneTimeTokenRepository {
public:
    virtual ~OneTimeTokenRepository() = default;
    virtual void create(const std::string& token_digest, UserId user_id, EpochMs created_at, EpochMs expires_at) = 0;
    // The user of an unused, unexpired token.
    [[nodiscard]] virtual std::optional<UserId> find_usable(const std::string& token_digest, EpochMs now) = 0;
    // Spends the token if it is still unused and unexpired, in one conditional write: of two
    // concurrent calls, only one gets true.
    [[nodiscard]] virtual bool consume(const std::string& token_digest, EpochMs now) = 0;
    // Spends every unused token of the user.
    virtual void spend_all_of_user(UserId user_id, EpochMs now) = 0;
};

// National administrators (Admin space): an account is one or is not.
class NationalAdminRepository {
public:
    virtual ~NationalAdminRepository() = default;
    virtual void add(UserId user_id, EpochMs now) = 0;
    [[nodiscard]] virtual bool is_national_admin(UserId user_id) = 0;
};

class ThrottleRepository {
public:
    virtual ~ThrottleRepository() = default;
    [[nodiscard]] virtual ThrottleState get(const std::string& key) = 0;
    virtual void put(const std::string& key, const ThrottleState& state, EpochMs now) = 0;
    virtual void clear(const std::string& key) = 0;
};

} // namespace numeria::identity
