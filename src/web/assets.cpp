#include "web/assets.hpp"

#include <sodium.h>
#include <zlib.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <vector>

namespace numeria::web {

namespace {} // namespace

std::string short_hash(std::string_view data, std::size_t hex_chars) {
    unsigned char digest[crypto_generichash_BYTES];
    crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(data.data()), data.size(), nullptr,
                       0);
    char hex[crypto_generichash_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return std::string(hex, std::min(hex_chars, sizeof hex - 1));
}

std::string content_type_for(const std::filesystem::path& file) {
    static const std::map<std::string, std::string> types = {
        {".css", "text/css; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".jpg", "image/jpeg"},
        {".ico", "image/x-icon"},
        {".woff2", "font/woff2"},
        {".woff", "font/woff"},
        {".json", "application/json"},
        {".txt", "text/plain; charset=utf-8"},
        {".csv", "text/csv; charset=utf-8"},
        {".webmanifest", "application/manifest+json"},
    };
    auto found = types.find(file.extension().string());
    return found == types.end() ? "application/octet-stream" : found->second;
}

bool is_safe_relative_path(const std::string& relative) {
    if (relative.empty() || relative.size() > 512)
        return false;
    std::string_view rest = relative;
    while (true) {
        std::size_t slash = rest.find('/');
        std::string_view segment = rest.substr(0, slash);
        if (segment.empty() || segment.front() == '.')
            return false;
        for (char c : segment) {
            if (c == '\\' || c == '\0' || static_cast<unsigned char>(c) < 0x20)
                return false;
        }
        if (slash == std::string_view::npos)
            return true;
        rest.remove_prefix(slash + 1);
    }
}

void Assets::mount(const std::string& name, const std::filesystem::path& root,
                   const std::optional<std::filesystem::path>& version_file) {
    std::string fingerprint;
    if (version_file) {
        fingerprint = read_file(*version_file).value_or("");
    } else {
        std::vector<std::filesystem::path> files;
        std::error_code error;
        for (auto it = std::filesystem::recursive_directory_iterator(root, error);
             !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
            if (it->is_regular_file())
                files.push_back(it->path());
        }
        std::sort(files.begin(), files.end());
        for (const auto& file : files)
            fingerprint += file.lexically_relative(root).string() + "\n" + read_file(file).value_or("") + "\n";
    }
    std::error_code error;
    std::filesystem::path canonical = std::filesystem::weakly_canonical(root, error);
    Mount mount;
    mount.root = error ? root : canonical;
    mount.version = short_hash(fingerprint, 10);
    m_mounts[name] = std::move(mount);
}

void Assets::mount_generated(const std::string& name, const std::map<std::string, std::string>& files) {
    Mount mount;
    mount.generated = true;
    std::string fingerprint;
    for (const auto& [relative, content] : files) {
        fingerprint += relative + "\n" + content + "\n";
        mount.files[relative] = make_asset(content, relative);
    }
    mount.version = short_hash(fingerprint, 10);
    m_mounts[name] = std::move(mount);
}

std::string Assets::prefix(const std::string& mount) const {
    auto found = m_mounts.find(mount);
    if (found == m_mounts.end())
        return "/static/" + mount;
    return "/assets/" + mount + "-" + found->second.version;
}

std::string Assets::url(const std::string& mount, const std::string& file) const {
    return prefix(mount) + "/" + file;
}

std::shared_ptr<const Asset> Assets::find(const std::string& mount_segment, const std::string& relative,
                                          bool& current_version) const {
    current_version = false;
    std::string name = mount_segment;
    std::string version;
    if (std::size_t dash = mount_segment.rfind('-'); dash != std::string::npos) {
        name = mount_segment.substr(0, dash);
        version = mount_segment.substr(dash + 1);
    }
    auto mount = m_mounts.find(name);
    if (mount == m_mounts.end() || !is_safe_relative_path(relative))
        return nullptr;
    current_version = !version.empty() && version == mount->second.version;
    if (mount->second.generated) {
        auto file = mount->second.files.find(relative);
        return file == mount->second.files.end() ? nullptr : file->second;
    }

    std::error_code error;
    std::filesystem::path path = std::filesystem::weakly_canonical(mount->second.root / relative, error);
    if (error)
        return nullptr;
    // A symlink must not lead outside the mount.
    auto [root_end, unused] =
        std::mismatch(mount->second.root.begin(), mount->second.root.end(), path.begin(), path.end());
    (void)unused;
    if (root_end != mount->second.root.end() || !std::filesystem::is_regular_file(path, error))
        return nullptr;

    std::lock_guard lock(m_mutex);
    if (auto cached = m_cache.find(path); cached != m_cache.end())
        return cached->second;
    auto content = read_file(path);
    if (!content)
        return nullptr;
    std::shared_ptr<Asset> asset = make_asset(std::move(*content), path);
    m_cache[path] = asset;
    return asset;
}

std::shared_ptr<Asset> make_asset(std::string content, const std::filesystem::path& file) {
    auto asset = std::make_shared<Asset>();
    asset->etag = "\"" + short_hash(content) + "\"";
    asset->content_type = content_type_for(file);
    asset->content = std::move(content);
    // Rule: docs/rules/web.md "Compressed assets": text of 1 KiB or more is kept gzipped too.
    const bool text =
        asset->content_type.rfind("text/", 0) == 0 || asset->content_type.rfind("application/javascript", 0) == 0 ||
        asset->content_type.rfind("application/json", 0) == 0 || asset->content_type.rfind("image/svg+xml", 0) == 0;
    if (text && asset->content.size() >= 1024) {
        std::string packed = gzipped(asset->content);
        if (!packed.empty() && packed.size() < asset->content.size()) {
            asset->gzip = std::move(packed);
            asset->gzip_etag = asset->etag.substr(0, asset->etag.size() - 1) + "-gz\"";
        }
    }
    return asset;
}

std::string gzipped(std::string_view data) {
    z_stream stream{};
    // 15 + 16: a gzip header and trailer around the deflate stream.
    if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    std::string out(deflateBound(&stream, static_cast<uLong>(data.size())), '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    const int status = deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return status == Z_STREAM_END ? out : std::string();
}

bool accepts_gzip(std::string_view accept_encoding) {
    std::string text; // lower case, without blanks
    for (char c : accept_encoding)
        if (c != ' ' && c != '\t')
            text += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::size_t at = 0;
    while (at <= text.size()) {
        std::size_t end = text.find(',', at);
        if (end == std::string::npos)
            end = text.size();
        const std::string item = text.substr(at, end - at);
        at = end + 1;
        const std::size_t semi = item.find(';');
        const std::string coding = item.substr(0, semi);
        if (coding != "gzip" && coding != "x-gzip" && coding != "*")
            continue;
        const std::size_t q = semi == std::string::npos ? std::string::npos : item.find(";q=", semi);
        if (q == std::string::npos)
            return true;
        const std::size_t value_end = item.find(';', q + 1);
        const std::string value =
            item.substr(q + 3, value_end == std::string::npos ? std::string::npos : value_end - q - 3);
        // q=0 (0.0, 0.000) refuses the coding.
        return value.empty() || value.find_first_not_of("0.") != std::string::npos;
    }
    return false;
}

std::optional<std::string> read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

} // namespace numeria::web
