// content_loader_fixture_test.hpp: for the loader's unit tests, a content folder with the real
// framework and the files each test writes.
#pragma once

#include "content/loading/content_loader.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace numeria::content {

namespace fs = std::filesystem;

// A content folder with the real framework and one competence file written by each test.
class ContentLoaderTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_root = fs::temp_directory_path() / ("numeria-content-" + std::to_string(::getpid()) + "-" +
                                              ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(m_root);
        fs::create_directories(m_root / "competences");
        fs::create_directories(m_root / "tutorials");
        fs::create_directories(m_root / "target-profiles");
        fs::create_directories(m_root / "assets");
        fs::copy_file(fs::path(NUMERIA_SOURCE_DIR) / "content/framework.yaml", m_root / "framework.yaml");
    }
    void TearDown() override { fs::remove_all(m_root); }

    void write(const std::string& relative, const std::string& text) { std::ofstream(m_root / relative) << text; }

    // One tube, two skills, one challenge of each kind given by `challenges` under @essai2.
    void competence(const std::string& challenges) {
        write("competences/1.1.yaml", "competence: \"1.1\"\n"
                                      "tubes:\n"
                                      "  - name: \"@essai\"\n"
                                      "    title: \"Essai\"\n"
                                      "    description: \"Un sujet d'essai.\"\n"
                                      "    skills:\n"
                                      "      - name: \"@essai1\"\n"
                                      "        challenges:\n"
                                      "          - id: \"1.1-essai1-a\"\n"
                                      "            type: QCU\n"
                                      "            statement: \"Question ?\"\n"
                                      "            proposals: [\"Oui\", \"Non\"]\n"
                                      "            solution: 1\n"
                                      "      - name: \"@essai2\"\n"
                                      "        challenges:\n" +
                                          challenges);
    }

    bool has_error(const LoadResult& result, const std::string& fragment, int line = -1) {
        for (const LoadError& error : result.errors)
            if (error.reason.find(fragment) != std::string::npos && (line < 0 || error.line == line))
                return true;
        return false;
    }

    fs::path m_root;
};

} // namespace numeria::content
