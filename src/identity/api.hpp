// api.hpp: what other contexts may use of identity: account ids and the token helpers.
#pragma once

#include "identity/domain/session_token.hpp"
#include "identity/domain/user.hpp"
