// students_pages.hpp: the "Élèves" tab of Orga: the list with search, filters, sorting
// and pagination; a page per pupil; the import page with its progress banner and history; the
// log-in credentials of pupils without e-mail.
#pragma once

#include "web/http.hpp"

#include <mstch/mstch.hpp>

namespace numeria::web {

struct WebApp;

// students_list_page.cpp
[[nodiscard]] Response get_students(const Request& request, WebApp& app);
// The list with extra values (a refusal shown above the class credentials section).
[[nodiscard]] Response render_students(const Request& request, WebApp& app, const mstch::map& extra);
[[nodiscard]] Response get_student(const Request& request, WebApp& app);
// The pupil's page with extra values (the credentials just issued, a message).
[[nodiscard]] Response render_student(const Request& request, WebApp& app, const mstch::map& extra);

// students_import_pages.cpp
[[nodiscard]] Response get_students_import(const Request& request, WebApp& app);
[[nodiscard]] Response post_students_import(const Request& request, WebApp& app);
[[nodiscard]] Response get_students_import_state(const Request& request, WebApp& app);
[[nodiscard]] Response post_students_import_confirm(const Request& request, WebApp& app);
[[nodiscard]] Response post_students_import_cancel(const Request& request, WebApp& app);
[[nodiscard]] Response get_students_csv(const Request& request, WebApp& app);

// pupil_accounts_pages.cpp
[[nodiscard]] Response post_student_credentials(const Request& request, WebApp& app);
[[nodiscard]] Response post_student_dissociate(const Request& request, WebApp& app);
// The pupil's page after a redirect (?fait=, ?refus=) or asking to confirm an action (?confirmer=).
[[nodiscard]] Response get_student_page(const Request& request, WebApp& app);

// class_credentials_pages.cpp
[[nodiscard]] Response get_class_credentials(const Request& request, WebApp& app);
[[nodiscard]] Response post_class_credentials(const Request& request, WebApp& app);
[[nodiscard]] Response get_credential_batch(const Request& request, WebApp& app);
[[nodiscard]] Response get_credential_batch_state(const Request& request, WebApp& app);
[[nodiscard]] Response get_credential_batch_file(const Request& request, WebApp& app);

} // namespace numeria::web
