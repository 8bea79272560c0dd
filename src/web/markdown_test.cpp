#include "web/markdown.hpp"

#include <gtest/gtest.h>

namespace numeria::web {
namespace {

TEST(Markdown, RendersBoldItalicAndCode) {
    EXPECT_EQ(markdown_to_html("Un **mot** *penché* et `code`"),
              "<p>Un <strong>mot</strong> <em>penché</em> et <code>code</code></p>\n");
}

TEST(Markdown, RendersParagraphsAndLists) {
    EXPECT_EQ(markdown_to_html("Début\n\n- un\n- deux"), "<p>Début</p>\n<ul>\n<li>un</li>\n<li>deux</li>\n</ul>\n");
}

TEST(Markdown, KeepsLineBreaksInsideAParagraph) {
    EXPECT_EQ(markdown_to_html("ligne 1\nligne 2"), "<p>ligne 1<br />\nligne 2</p>\n");
}

TEST(Markdown, DropsRawHtml) {
    EXPECT_EQ(markdown_to_html("<script>alert(1)</script>").find("<script>"), std::string::npos);
}

TEST(Markdown, EscapesTextThatLooksLikeHtml) {
    EXPECT_EQ(markdown_to_html("3 < 4 & 5 > 2"), "<p>3 &lt; 4 &amp; 5 &gt; 2</p>\n");
}

TEST(Markdown, EmptiesJavascriptLinks) {
    EXPECT_EQ(markdown_to_html("[x](javascript:alert(1))"), "<p><a href=\"\">x</a></p>\n");
}

TEST(Markdown, RendersAProposalInline) {
    EXPECT_EQ(markdown_inline_to_html("Le fichier `notes.csv`"), "Le fichier <code>notes.csv</code>");
}

} // namespace
} // namespace numeria::web
