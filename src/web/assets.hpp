// assets.hpp: static files (DSFR from node_modules, our own CSS/JS from src/web/static), held in
// memory once read. Each mount has a content-hashed URL prefix, so pages link
// /assets/<mount>-<hash>/<file> and browsers cache it for a year ("immutable"); the same file
// under /static/<mount>/<file> is served with an ETag and revalidated. Paths with "..", hidden
// segments or symlinks leaving the mount's folder are refused (404).
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace numeria::web {

// A whole file's bytes, or nothing when it cannot be read (the assets and the DSFR bundle).
[[nodiscard]] std::optional<std::string> read_file(const std::filesystem::path& path);

struct Asset {
    std::string content;
    std::string content_type;
    std::string etag; // quoted, strong
    // The content gzipped once, when it is text of 1 KiB or more and shrinks; empty otherwise
    // (docs/rules/web.md "Compressed assets").
    std::string gzip;
    std::string gzip_etag; // a strong ETag differs per encoding
};

class Assets {
public:
    // Registers a folder under a mount name ("dsfr", "app"); `version_file` (optional) is hashed
    // to version the URLs, otherwise every file of the folder is.
    void mount(const std::string& name, const std::filesystem::path& root,
               const std::optional<std::filesystem::path>& version_file = std::nullopt);
    // Registers files made in memory at start (the DSFR bundle: web/dsfr_bundle.hpp) under a mount
    // name, by relative path; the hash of their contents versions the URLs.
    void mount_generated(const std::string& name, const std::map<std::string, std::string>& files);

    // "/assets/app-1a2b3c4d/app.css" for ("app", "app.css").
    [[nodiscard]] std::string url(const std::string& mount, const std::string& file) const;
    // The URL prefix of a mount, e.g. "/assets/dsfr-0f1e2d3c".
    [[nodiscard]] std::string prefix(const std::string& mount) const;

    // Looks up "<mount>-<hash>" (hashed) or "<mount>" (plain) and a relative path.
    // Returns null for anything outside the mount or missing. `hashed` tells whether the
    // version in the URL is current (a stale hash is served but not cached for long).
    [[nodiscard]] std::shared_ptr<const Asset> find(const std::string& mount_segment, const std::string& relative,
                                                    bool& current_version) const;

private:
    struct Mount {
        std::filesystem::path root;
        std::string version;
        bool generated = false;
        std::map<std::string, std::shared_ptr<const Asset>> files; // a generated mount's files
    };
    std::map<std::string, Mount> m_mounts;
    mutable std::mutex m_mutex;
    mutable std::map<std::filesystem::path, std::shared_ptr<const Asset>> m_cache;
};

[[nodiscard]] std::string content_type_for(const std::filesystem::path& file);
// An asset of `content`, with its ETag, and gzipped too when it is text of 1 KiB or more.
[[nodiscard]] std::shared_ptr<Asset> make_asset(std::string content, const std::filesystem::path& file);
// `data` in gzip format (best compression); empty if zlib fails.
[[nodiscard]] std::string gzipped(std::string_view data);
// Whether an Accept-Encoding header accepts gzip (a "gzip" or "*" coding whose q is not 0).
[[nodiscard]] bool accepts_gzip(std::string_view accept_encoding);
// Hex of the first bytes of the BLAKE2b hash of `data`.
[[nodiscard]] std::string short_hash(std::string_view data, std::size_t hex_chars = 16);
// True for a relative path made only of ordinary, non-hidden segments.
[[nodiscard]] bool is_safe_relative_path(const std::string& relative);

} // namespace numeria::web
