// account_pages.hpp: sign-up ("Inscription"), log-in ("Connexion"), log-out, and the learner's
// home ("Mon espace") once signed in.
#pragma once

#include "web/http.hpp"

namespace numeria::web {

struct WebApp;

[[nodiscard]] Response get_sign_up(const Request& request, WebApp& app);
[[nodiscard]] Response post_sign_up(const Request& request, WebApp& app);
[[nodiscard]] Response get_log_in(const Request& request, WebApp& app);
[[nodiscard]] Response post_log_in(const Request& request, WebApp& app);
// "Débloquer mon compte": the link mailed when log-in failures block an account.
[[nodiscard]] Response get_account_unlock(const Request& request, WebApp& app);
[[nodiscard]] Response post_account_unlock(const Request& request, WebApp& app);
[[nodiscard]] Response post_log_out(const Request& request, WebApp& app);
// "Changer mon mot de passe": where a forced password change leads.
[[nodiscard]] Response get_change_password(const Request& request, WebApp& app);
[[nodiscard]] Response post_change_password(const Request& request, WebApp& app);

} // namespace numeria::web
