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

// Draws `text` at (x, y) wrapped to `width` points (words, then characters for a long login), at
// most `max_lines` lines, the last one ellipsised: nothing ever runs past the card's edge. Returns
// the height drawn.
double draw_text(cairo_t* cr, double x, double y, double width, const std::string& text, const char* font,
                 int max_lines = 3) {
    PangoLayout* layout = pango_cairo_create_layout(cr);
    PangoFontDescription* description = pango_font_description_from_string(font);
    pango_layout_set_font_description(layout, description);
    pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
    pango_layout_set_height(layout, -max_lines);
    pango_layout_set_text(layout, text.c_str(), -1);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout);
    int text_width = 0;
    int text_height = 0;
    pango_layout_get_pixel_size(layout, &text_width, &text_height);
    pango_font_description_free(description);
    g_object_unref(layout);
    return text_height;
}

} // namespace

// Rule: docs/rules/accounts.md "Class credentials batches": every card says where and how to log
// in, and no text leaves its card (long names wrap, then end with "…").
std::string class_sheet_pdf(const std::string& organization, const std::string& division,
                            const std::vector<CredentialLine>& lines, const std::string& site_url) {
    constexpr double WIDTH = 595.0; // A4 in points
    constexpr double HEIGHT = 842.0;
    constexpr double MARGIN = 36.0;
    constexpr std::size_t COLUMNS = 2;
    constexpr std::size_t ROWS = 4;
    constexpr double GAP = 10.0;
    constexpr double TOP = 84.0;
    constexpr double CARD_WIDTH = (WIDTH - 2 * MARGIN - GAP) / static_cast<double>(COLUMNS);
    constexpr double CARD_HEIGHT =
        (HEIGHT - TOP - MARGIN - static_cast<double>(ROWS - 1) * GAP) / static_cast<double>(ROWS);
    constexpr double PAD = 10.0;
    constexpr double INNER = CARD_WIDTH - 2 * PAD;
    const std::string address =
        site_url.empty() ? std::string("l'adresse de Numeria donnée par votre établissement") : site_url;
    std::string pdf;
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append_bytes, &pdf, WIDTH, HEIGHT);
    cairo_t* cr = cairo_create(surface);
    const std::size_t per_page = COLUMNS * ROWS;
    const std::size_t pages = lines.empty() ? 1 : (lines.size() + per_page - 1) / per_page;
    for (std::size_t page = 0; page < pages; ++page) {
        cairo_set_source_rgb(cr, 0, 0, 0);
        draw_text(cr, MARGIN, 28, WIDTH - 2 * MARGIN, organization + " — classe " + division, "DejaVu Sans Bold 13", 2);
        draw_text(cr, MARGIN, 62, WIDTH - 2 * MARGIN,
                  "Identifiants de connexion à Numeria, à découper et à remettre à chaque élève. Page " +
                      std::to_string(page + 1) + " sur " + std::to_string(pages) + ".",
                  "DejaVu Sans 8", 1);
        for (std::size_t slot = 0; slot < per_page; ++slot) {
            const std::size_t index = page * per_page + slot;
            if (index >= lines.size())
                break;
            const CredentialLine& line = lines[index];
            const double x = MARGIN + static_cast<double>(slot % COLUMNS) * (CARD_WIDTH + GAP);
            const std::size_t row = slot / COLUMNS;
            const double y = TOP + static_cast<double>(row) * (CARD_HEIGHT + GAP);
            cairo_set_line_width(cr, 0.6);
            const double dash[] = {4.0, 3.0};
            cairo_set_dash(cr, dash, 2, 0);
            cairo_rectangle(cr, x, y, CARD_WIDTH, CARD_HEIGHT);
            cairo_stroke(cr);
            double at = y + PAD;
            at += draw_text(cr, x + PAD, at, INNER, line.first_name + " " + line.last_name, "DejaVu Sans Bold 11", 2);
            at += draw_text(cr, x + PAD, at, INNER, "Classe " + line.division, "DejaVu Sans 8", 1) + 6;
            at += draw_text(cr, x + PAD, at, INNER, "1. Ouvrez " + address, "DejaVu Sans 8", 2);
            at += draw_text(cr, x + PAD, at, INNER, "2. Cliquez sur « Se connecter » et saisissez :", "DejaVu Sans 8",
                            2) +
                  2;
            at += draw_text(cr, x + PAD, at, INNER, "Identifiant : " + line.username, "DejaVu Sans Mono Bold 9", 2);
            at += draw_text(cr, x + PAD, at, INNER, "Mot de passe provisoire : " + line.password,
                            "DejaVu Sans Mono Bold 9", 2) +
                  2;
            draw_text(cr, x + PAD, at, INNER,
                      "3. Choisissez votre propre mot de passe : il vous est demandé à la première connexion.",
                      "DejaVu Sans 8", 3);
        }
        cairo_show_page(cr);
    }
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    cairo_surface_destroy(surface);
    return pdf;
}

} // namespace numeria::web
