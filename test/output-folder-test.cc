// Outputs under the exit-status contract: checked before any work, written whole or not at all.
#include "test-support.h"

#include "ns3/input-error.h"
#include "ns3/output-folder.h"
#include "ns3/text-input.h"

#include <filesystem>
#include <gtest/gtest.h>

using namespace ns3;

TEST(OutputFolder, IsMadeOrRefusedNamingTheOption)
{
    const std::string dir = test::TempDir("output-folder") + "/a/b";
    CheckOutputFolder("--out", dir);
    EXPECT_TRUE(std::filesystem::is_directory(dir));
    EXPECT_TRUE(std::filesystem::is_empty(dir)); // the write probe is gone
    const std::string file = test::WriteFile(dir, "file.txt", "x");
    test::ExpectInputError([&] { CheckOutputFolder("--out", file); },
                           "--out: " + file + ": cannot be made a folder");
}

TEST(OutputFolder, FilesAreWrittenWholeOrNotAtAll)
{
    const std::string dir = test::TempDir("write-whole");
    const std::string path = dir + "/report.txt";
    WriteFileWhole(path, "first\n");
    WriteFileWhole(path, "second, longer\n"); // replaces
    EXPECT_EQ(ReadTextFile(path), "second, longer\n");
    EXPECT_FALSE(std::filesystem::exists(path + ".partial"));
    const std::string missing = dir + "/no/such/folder/report.txt";
    test::ExpectInputError([&] { WriteFileWhole(missing, "x"); }, missing + ": cannot write");
    EXPECT_FALSE(std::filesystem::exists(missing));
    EXPECT_FALSE(std::filesystem::exists(missing + ".partial"));
}
