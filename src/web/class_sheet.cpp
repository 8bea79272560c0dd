#include "web/class_sheet.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

namespace numeria::web {

std::string csv_field(const std::string& value) {
    std::string text = value;
    if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@'))
        text = "'" + text;
    if (text.find_first_of(";\"\r\n") == std::string::npos)
        return text;
    std::string quoted = "\"";
    for (char c : text)
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

// Rule: docs/rules/accounts.md "Pupils' credentials": columns Classe;Nom;Prénom;Identifiant;Mot de passe.
std::string class_sheet_csv(const std::vector<CredentialLine>& lines) {
    std::string csv = "\xEF\xBB\xBF"
                      "Classe;Nom;Prénom;Identifiant;Mot de passe\r\n";
    for (const CredentialLine& line : lines)
        csv += csv_field(line.division) + ";" + csv_field(line.last_name) + ";" + csv_field(line.first_name) + ";" +
               csv_field(line.username) + ";" + csv_field(line.password) + "\r\n";
    return csv;
}

namespace {

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

void draw_text(cairo_t* cr, double x, double y, const std::string& text, const char* font) {
    PangoLayout* layout = pango_cairo_create_layout(cr);
    PangoFontDescription* description = pango_font_description_from_string(font);
    pango_layout_set_font_description(layout, description);
    pango_layout_set_text(layout, text.c_str(), -1);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout);
    pango_font_description_free(description);
    g_object_unref(layout);
}

} // namespace

std::string class_sheet_pdf(const std::string& organization, const std::string& division,
                            const std::vector<CredentialLine>& lines, const std::string& note) {
    constexpr double WIDTH = 595.0; // A4 in points
    constexpr double HEIGHT = 842.0;
    constexpr int CARDS_PER_PAGE = 10;
    std::string pdf;
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append_bytes, &pdf, WIDTH, HEIGHT);
    cairo_t* cr = cairo_create(surface);
    const std::size_t pages = lines.empty() ? 1 : (lines.size() + CARDS_PER_PAGE - 1) / CARDS_PER_PAGE;
    for (std::size_t page = 0; page < pages; ++page) {
        cairo_set_source_rgb(cr, 0, 0, 0);
        draw_text(cr, 40, 30, organization + " — classe " + division, "DejaVu Sans Bold 13");
        draw_text(cr, 40, 52,
                  "Identifiants de connexion à Numeria. Le mot de passe est provisoire : il faut le changer à la "
                  "première connexion.",
                  "DejaVu Sans 8");
        if (!note.empty())
            draw_text(cr, 40, 64, note, "DejaVu Sans 8");
        for (int slot = 0; slot < CARDS_PER_PAGE; ++slot) {
            const std::size_t index = page * CARDS_PER_PAGE + static_cast<std::size_t>(slot);
            if (index >= lines.size())
                break;
            const CredentialLine& line = lines[index];
            const int column = slot % 2;
            const int row = slot / 2;
            const double x = 40 + column * 262.0;
            const double y = 80 + row * 148.0;
            cairo_set_line_width(cr, 0.6);
            cairo_set_dash(cr, nullptr, 0, 0);
            cairo_rectangle(cr, x, y, 252, 138);
            cairo_stroke(cr);
            draw_text(cr, x + 12, y + 12, line.first_name + " " + line.last_name, "DejaVu Sans Bold 11");
            draw_text(cr, x + 12, y + 34, "Classe : " + line.division, "DejaVu Sans 9");
            draw_text(cr, x + 12, y + 62, "Identifiant :", "DejaVu Sans 9");
            draw_text(cr, x + 12, y + 76, line.username, "DejaVu Sans Mono Bold 11");
            draw_text(cr, x + 12, y + 100, "Mot de passe provisoire :", "DejaVu Sans 9");
            draw_text(cr, x + 12, y + 114, line.password, "DejaVu Sans Mono Bold 11");
        }
        cairo_show_page(cr);
    }
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    cairo_surface_destroy(surface);
    return pdf;
}

} // namespace numeria::web
