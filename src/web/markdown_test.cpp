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

TEST(Markdown, KeepsTheIndentationOfAFencedCodeBlock) {
    EXPECT_EQ(markdown_to_html("Que fait ce programme ?\n\n```python\nfor i in range(3):\n    if i < 2:\n"
                               "        print(i)\n```\n"),
              "<p>Que fait ce programme ?</p>\n<pre><code class=\"language-python\">for i in range(3):\n"
              "    if i &lt; 2:\n        print(i)\n</code></pre>\n");
}

TEST(InlineText, RendersBackticksAsInlineCode) {
    EXPECT_EQ(inline_text_to_html("Le fichier `notes.csv`"), "Le fichier <code>notes.csv</code>");
}

// Content 1.3-formulesTableur1-a and 1.3-formulesTableur2-b: a proposal is what it says.
TEST(InlineText, KeepsAHashAndAsterisksAsTheyAreWritten) {
    EXPECT_EQ(inline_text_to_html("#"), "#");
    EXPECT_EQ(inline_text_to_html("=A1*A2*A3"), "=A1*A2*A3");
    EXPECT_EQ(inline_text_to_html("- un tiret"), "- un tiret");
    EXPECT_EQ(inline_text_to_html("1. premier"), "1. premier");
}

TEST(InlineText, EscapesHtml) {
    EXPECT_EQ(inline_text_to_html("Les chevrons < … > & \"guillemets\""),
              "Les chevrons &lt; … &gt; &amp; &quot;guillemets&quot;");
    EXPECT_EQ(inline_text_to_html("`<b>`"), "<code>&lt;b&gt;</code>");
}

TEST(InlineText, LeavesALonelyBacktickAsText) {
    EXPECT_EQ(inline_text_to_html("un ` seul"), "un ` seul");
    EXPECT_EQ(inline_text_to_html("vide `` ici"), "vide `` ici");
}

} // namespace
} // namespace numeria::web
