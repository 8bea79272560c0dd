#include "web/assets.hpp"

#include <gtest/gtest.h>
#include <sodium.h>
#include <zlib.h>

#include <fstream>

namespace numeria::web {
namespace {

TEST(SafeRelativePath, AcceptsOrdinaryNestedFiles) {
    EXPECT_TRUE(is_safe_relative_path("fonts/Marianne-Regular.woff2"));
}

TEST(SafeRelativePath, RefusesParentHiddenEmptyAndBackslashSegments) {
    for (const char* path : {"", "../x", "a/../../x", ".env", "a/.git/config", "a//b", "/etc/passwd", "a\\..\\b"})
        EXPECT_FALSE(is_safe_relative_path(path)) << path;
}

TEST(ContentType, KnowsTheTypesTheUiServes) {
    EXPECT_EQ(content_type_for("a/dsfr.min.css"), "text/css; charset=utf-8");
    EXPECT_EQ(content_type_for("x.woff2"), "font/woff2");
    EXPECT_EQ(content_type_for("x.unknown"), "application/octet-stream");
}

std::string gunzip(const std::string& packed) {
    z_stream stream{};
    EXPECT_EQ(inflateInit2(&stream, 15 + 16), Z_OK);
    std::string out(packed.size() * 50 + 1024, '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()));
    stream.avail_in = static_cast<uInt>(packed.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    EXPECT_EQ(inflate(&stream, Z_FINISH), Z_STREAM_END);
    out.resize(stream.total_out);
    inflateEnd(&stream);
    return out;
}

TEST(AcceptsGzip, TakesGzipOrAnyCodingUnlessItsQualityIsZero) {
    for (const char* header : {"gzip", "gzip, deflate, br", "br;q=1.0, GZIP;q=0.5", "*", "x-gzip", "deflate,gzip"})
        EXPECT_TRUE(accepts_gzip(header)) << header;
    for (const char* header : {"", "identity", "br", "gzip;q=0", "gzip; q=0.000", "deflate, *;q=0", "gzipx"})
        EXPECT_FALSE(accepts_gzip(header)) << header;
}

TEST(Gzipped, InflatesBackToTheSameBytes) {
    std::string text;
    for (int i = 0; i < 500; ++i)
        text += ".fr-btn--" + std::to_string(i) + "{color:#000091}";

    const std::string packed = gzipped(text);

    EXPECT_LT(packed.size(), text.size() / 4);
    EXPECT_EQ(gunzip(packed), text);
}

class AssetsTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_GE(sodium_init(), 0);
        m_root = std::filesystem::temp_directory_path() / ("numeria-assets-" + std::to_string(::getpid()));
        std::filesystem::create_directories(m_root / "css");
        std::ofstream(m_root / "css" / "a.css") << "body{}";
        std::ofstream(m_root.parent_path() / "outside-secret.txt") << "secret";
        std::filesystem::create_symlink(m_root.parent_path() / "outside-secret.txt", m_root / "link.txt");
        m_assets.mount("app", m_root);
    }
    void TearDown() override {
        std::filesystem::remove_all(m_root);
        std::filesystem::remove(m_root.parent_path() / "outside-secret.txt");
    }

    std::filesystem::path m_root;
    Assets m_assets;
};

TEST_F(AssetsTest, ServesAFileUnderItsHashedUrl) {
    std::string url = m_assets.url("app", "css/a.css");
    std::string segment = url.substr(std::string("/assets/").size(), url.find('/', 8) - 8);
    bool current = false;

    auto asset = m_assets.find(segment, "css/a.css", current);

    ASSERT_NE(asset, nullptr);
    EXPECT_TRUE(current);
    EXPECT_EQ(asset->content, "body{}");
    EXPECT_EQ(asset->etag.front(), '"');
}

TEST_F(AssetsTest, KeepsALargeTextFileGzippedWithItsOwnEtag) {
    std::string css;
    for (int i = 0; i < 200; ++i)
        css += ".c" + std::to_string(i) + "{margin:0}";
    std::ofstream(m_root / "css" / "big.css") << css;
    bool current = false;

    auto big = m_assets.find("app", "css/big.css", current);
    auto small = m_assets.find("app", "css/a.css", current);

    ASSERT_NE(big, nullptr);
    EXPECT_EQ(gunzip(big->gzip), css);
    EXPECT_NE(big->gzip_etag, big->etag);
    EXPECT_TRUE(small->gzip.empty()); // under 1 KiB: not worth it
}

TEST_F(AssetsTest, RefusesASymlinkLeadingOutsideTheMount) {
    bool current = false;

    EXPECT_EQ(m_assets.find("app", "link.txt", current), nullptr);
}

TEST_F(AssetsTest, ReportsAStaleHashAsNotCurrent) {
    bool current = true;

    auto asset = m_assets.find("app-0000000000", "css/a.css", current);

    ASSERT_NE(asset, nullptr);
    EXPECT_FALSE(current);
}

} // namespace
} // namespace numeria::web
