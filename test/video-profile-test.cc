#include "test-support.h"

#include "ns3/input-error.h"
#include "ns3/video-profile.h"

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace ns3;

namespace
{
std::string
CheckProfileCommand(const std::string& path)
{
    return test::SharedDir() + "/tools/check-profile " + path + " > /dev/null";
}

/// A valid v1 document to break field by field.
nlohmann::json
ValidDocument()
{
    return nlohmann::json::parse(test::MakeLayered({100, 50}, 2, 2.0, {10, 20}).ToJson());
}

std::string
ParseError(const nlohmann::json& doc)
{
    try
    {
        VideoProfile::ParseJson(doc.dump(), "p.json");
    }
    catch (const InputError& e)
    {
        return e.what();
    }
    return "";
}
} // namespace

TEST(VideoProfile, JsonRoundTripIsExactAndPassesTheSchemaChecker)
{
    VideoProfile original = test::MakeLayered({1000, 700, 300}, 3, 2.0, {12.5, 30, 61.25});
    std::string dir = test::TempDir("profile-roundtrip");
    std::string path = dir + "/layered.json";
    original.Save(path);
    VideoProfile loaded = VideoProfile::Load(path);
    EXPECT_EQ(loaded.ToJson(), original.ToJson());
    EXPECT_TRUE(loaded.IsLayered());
    EXPECT_EQ(loaded.GetLevelCount(), 3u);
    EXPECT_EQ(loaded.GetExitCount(), 3u);
    EXPECT_EQ(loaded.LevelBytes(1, 2), 1700u);
    EXPECT_EQ(loaded.UpgradeBytes(1, 1, 3), 1000u);
    EXPECT_DOUBLE_EQ(loaded.Level(2, 3).exits[1].decode_ms, 30);
    EXPECT_EQ(std::system(CheckProfileCommand(path).c_str()), 0);

    std::string ladder_path = dir + "/ladder.json";
    test::MakeLadder({3e5, 7.5e5, 1.2e6}, 4, 4.0).Save(ladder_path);
    EXPECT_EQ(std::system(CheckProfileCommand(ladder_path).c_str()), 0);
}

TEST(VideoProfile, TheSchemaCheckerRejectsABrokenProfile)
{
    // The checker is an independent judge: make sure it can fail.
    nlohmann::json doc = ValidDocument();
    doc["chunks"][1]["layers"].erase(1);
    std::string path = test::WriteFile(test::TempDir("profile-broken"), "broken.json", doc.dump());
    EXPECT_NE(std::system(CheckProfileCommand(path).c_str()), 0);
}

TEST(VideoProfile, ReadsPensieveVideoSizeFolders)
{
    VideoProfile p = VideoProfile::Load(test::SharedDir() + "/profiles/pensieve-envivio");
    EXPECT_FALSE(p.IsLayered());
    EXPECT_FALSE(p.HasQuality());
    EXPECT_EQ(p.GetChunkCount(), 49u);
    EXPECT_EQ(p.GetLevelCount(), 6u);
    EXPECT_DOUBLE_EQ(p.GetChunkDuration_s(), 4);
    EXPECT_EQ(p.LevelBytes(0, 1), 181801u); // first line of video_size_0
    // SOURCE.md: mean of level 0 = 302 kbps, of level 5 = 4279 kbps.
    EXPECT_NEAR(p.NominalBitrate_bps(1) / 1000, 302, 0.5);
    EXPECT_NEAR(p.NominalBitrate_bps(6) / 1000, 4279, 0.5);
}

TEST(VideoProfile, ReadsSabreManifests)
{
    VideoProfile p = VideoProfile::Load(test::SharedDir() + "/profiles/sabre/bbb.json");
    EXPECT_FALSE(p.IsLayered());
    EXPECT_EQ(p.GetChunkCount(), 199u);
    EXPECT_EQ(p.GetLevelCount(), 10u);
    EXPECT_DOUBLE_EQ(p.GetChunkDuration_s(), 3);
    EXPECT_DOUBLE_EQ(p.NominalBitrate_bps(1), 230000);
    EXPECT_DOUBLE_EQ(p.NominalBitrate_bps(10), 6000000);
    EXPECT_EQ(p.LevelBytes(0, 1), 886360u / 8);
    EXPECT_EQ(p.LevelBytes(1, 10), 16600640u / 8);
}

TEST(VideoProfile, BinaryGarbageIsReportedInPrintableText)
{
    const std::string garbage("{\"format\": \xff\xfe\x01\x9b[2J", 17);
    test::ExpectInputError([&] { VideoProfile::ParseJson(garbage, "g.json"); },
                           "g.json:1: not valid JSON");
    try
    {
        VideoProfile::ParseJson(garbage, "g.json");
    }
    catch (const InputError& e)
    {
        const std::string message = e.what();
        EXPECT_NE(message.find("\\xFF"), std::string::npos) << message;
        for (unsigned char c : message)
        {
            EXPECT_TRUE(c >= 0x20 && c < 0x7f) << "byte " << int(c) << " in: " << message;
        }
    }
}

TEST(VideoProfile, SessionsLongerThanTheLimitAreRefusedNamingWhere)
{
    VideoProfile p = test::MakeLayered({100, 50}, 3, 2.0);
    EXPECT_NO_THROW(CheckSessionChunks(kMaxSessionChunks, "--chunks"));
    test::ExpectInputError([&] { CheckSessionChunks(kMaxSessionChunks + 1, "--chunks"); },
                           "--chunks: chunk count: 100001 is not in 1..100000");
    test::ExpectInputError([&] { CheckSessionChunks(4000000000u, "--chunks"); }, "--chunks");
    test::ExpectInputError([&] { p.Looped(0); }, "chunk count: 0 is not in");
}

TEST(VideoProfile, LoopedRepeatsChunks)
{
    VideoProfile p = test::MakeLayered({100, 50}, 3, 2.0).Looped(7);
    EXPECT_EQ(p.GetChunkCount(), 7u);
    EXPECT_DOUBLE_EQ(p.GetTotalDuration_s(), 14);
    EXPECT_EQ(p.LevelBytes(6, 2), 150u);
}

TEST(VideoProfile, AFasterClientDividesEveryDecodeTime)
{
    VideoProfile p = test::MakeLayered({100, 50}, 3, 2.0, {40, 80, 120});
    VideoProfile fast = p.WithClientSpeed(4);
    for (std::uint32_t c = 0; c < 3; ++c)
    {
        for (std::uint32_t q = 1; q <= 2; ++q)
        {
            for (std::size_t e = 0; e < 3; ++e)
            {
                EXPECT_DOUBLE_EQ(fast.Level(c, q).exits[e].decode_ms,
                                 p.Level(c, q).exits[e].decode_ms / 4);
                EXPECT_DOUBLE_EQ(fast.Level(c, q).exits[e].psnr_db, p.Level(c, q).exits[e].psnr_db);
            }
        }
    }
    EXPECT_DOUBLE_EQ(p.WithClientSpeed(0.5).Level(1, 2).exits[2].decode_ms, 240);
    EXPECT_EQ(fast.LevelBytes(2, 2), p.LevelBytes(2, 2));
    for (double bad : {0.0, -1.0, 1e7, std::nan("")})
    {
        try
        {
            p.WithClientSpeed(bad);
            ADD_FAILURE() << bad << " was accepted";
        }
        catch (const InputError& e)
        {
            EXPECT_NE(std::string(e.what()).find("client speed"), std::string::npos) << e.what();
        }
    }
}

TEST(VideoProfile, BadInputNamesTheField)
{
    nlohmann::json doc = ValidDocument();
    doc["chunks"][1]["layers"].erase(1);
    EXPECT_NE(ParseError(doc).find("p.json: chunks[1].layers: has 1 layers, chunk 0 has 2"),
              std::string::npos);

    doc = ValidDocument();
    doc["chunks"][0]["layers"][1].erase("bytes");
    EXPECT_NE(ParseError(doc).find("p.json: chunks[0].layers[1].bytes: missing"),
              std::string::npos);

    doc = ValidDocument();
    doc["version"] = 2;
    EXPECT_NE(ParseError(doc).find("p.json: version: unknown version 2"), std::string::npos);

    doc = ValidDocument();
    doc["chunks"][1]["layers"][0]["psnr_db"] = "high";
    EXPECT_NE(ParseError(doc).find("chunks[1].layers[0].psnr_db: not a number"), std::string::npos);

    doc = ValidDocument();
    doc["chunks"][1]["index"] = 5;
    EXPECT_NE(ParseError(doc).find("chunks[1].index: must be 1"), std::string::npos);

    doc = ValidDocument();
    doc["chunks"][0]["layers"][0]["bytes"] = -3;
    EXPECT_NE(ParseError(doc).find("chunks[0].layers[0].bytes: must be a whole number"),
              std::string::npos);

    doc = ValidDocument();
    doc["chunks"][1]["layers"][0]["exits"].erase(0);
    EXPECT_NE(
        ParseError(doc).find("chunks[1].layers[0].exits: every layer must list the same number"),
        std::string::npos);

    doc = ValidDocument();
    doc["surprise"] = 1;
    EXPECT_NE(ParseError(doc).find("p.json: surprise: unknown field"), std::string::npos);

    EXPECT_NE(ParseError(nlohmann::json::array()).find("expected a JSON object"),
              std::string::npos);

    try
    {
        VideoProfile::ParseJson("{\n\"format\": \n", "p.json");
        FAIL();
    }
    catch (const InputError& e)
    {
        EXPECT_NE(std::string(e.what()).find("p.json:3: not valid JSON"), std::string::npos);
    }
    // Found by fuzzing: a JSON number too large for a double.
    EXPECT_THROW(VideoProfile::ParseJson("{\"version\": 3e632}", "p.json"), InputError);
    EXPECT_THROW(VideoProfile::Load("/nonexistent/profile.json"), InputError);
    EXPECT_THROW(VideoProfile::Load(test::TempDir("empty-pensieve")), InputError);
}

TEST(VideoProfile, WritingWithoutQualityIsAnError)
{
    VideoProfile p = VideoProfile::Load(test::SharedDir() + "/profiles/sabre/bbb.json");
    EXPECT_THROW(p.ToJson(), InputError);
}
