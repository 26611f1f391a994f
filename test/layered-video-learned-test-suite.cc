// The learned ABR inside ns-3: a policy file chosen through the client's Abr attribute streams
// whole sessions over ns-3 TCP, every request it makes is one the server can serve (the bytes
// are the profile's), layer-aware policies upgrade buffered chunks, and the shipped policies run
// on the profiles they were trained for.
#include "test-data-paths.h"
#include "video-session-fixture.h"

#include "ns3/core-module.h"
#include "ns3/policy-layout.h"
#include "ns3/policy-network.h"
#include "ns3/safetensors-file.h"
#include "ns3/test.h"

#include <filesystem>
#include <memory>
#include <string>
#include <unistd.h>

using namespace ns3;
using namespace ns3::layered_video_test;

namespace
{
constexpr uint32_t kChunks = 30;

/// A random (untrained) policy for `profile`, saved to a scratch file: its choices are
/// arbitrary valid actions, which is what this suite needs to exercise every kind of request.
std::string
RandomPolicyFile(const VideoProfile& profile, uint32_t window, uint64_t seed)
{
    std::string dir = std::filesystem::temp_directory_path().string() + "/layered-video-learned-" +
                      std::to_string(getpid());
    std::filesystem::create_directories(dir);
    // LearnedAbr reads a path once per process: one file name per profile and seed.
    std::string path =
        dir + "/" + profile.GetCodec().name + "-" + std::to_string(seed) + ".safetensors";
    PolicyNetwork::Random(PolicyLayout::ForProfile(profile, window, window > 0), {32, 16}, seed)
        .ToFile()
        .Save(path);
    return path;
}

/// Sessions of learned ABRs, checked the same way.
class LearnedSessionTestCase : public TestCase
{
  protected:
    using TestCase::TestCase;

    /// Checks that a client finished and that every download is a (chunk, layers) of the
    /// profile with exactly the profile's bytes; returns the number of upgrade downloads.
    uint32_t CheckSession(const ClientOutcome& out, const VideoProfile& profile)
    {
        NS_TEST_EXPECT_MSG_EQ((out.state == LayeredVideoClient::State::Finished),
                              true,
                              "the session finishes: " << out.error);
        uint32_t upgrades = 0;
        for (const DownloadRecord& d : out.downloads)
        {
            uint32_t chunk = d.chunk % profile.GetChunkCount();
            NS_TEST_EXPECT_MSG_EQ(d.bytes,
                                  profile.UpgradeBytes(chunk, d.from_level, d.to_level),
                                  "bytes of chunk " << d.chunk << " levels " << d.from_level << ".."
                                                    << d.to_level);
            upgrades += d.from_level > 0;
        }
        return upgrades;
    }
};

class RandomPolicyTestCase : public LearnedSessionTestCase
{
  public:
    RandomPolicyTestCase()
        : LearnedSessionTestCase(
              "a layer-aware and a ladder policy stream whole sessions over ns-3 TCP")
    {
    }

  private:
    void DoRun() override
    {
        auto trace = std::make_shared<const BandwidthTrace>(
            BandwidthTrace::Load(PensieveTrace("norway_bus_1")));
        const std::string clip = "VID_1280x720_cabac_temporal_direct";
        for (const char* kind : {"x265-residual-layered", "x264-ladder"})
        {
            VideoScenario scenario;
            scenario.profile = LoadProfile(ProjectProfile(clip + "." + kind + ".json"));
            scenario.trace = trace;
            scenario.chunks = kChunks;
            uint32_t window = scenario.profile->IsLayered() ? 8 : 0;
            scenario.abrs = {"learned:" + RandomPolicyFile(*scenario.profile, window, 3),
                             "learned:" + RandomPolicyFile(*scenario.profile, window, 4)};
            std::vector<ClientOutcome> outs = RunVideoScenario(scenario);
            uint32_t upgrades = 0;
            for (const ClientOutcome& out : outs)
            {
                upgrades += CheckSession(out, *scenario.profile);
                NS_TEST_EXPECT_MSG_EQ(out.summary.chunks_played, kChunks, kind);
            }
            if (scenario.profile->IsLayered())
            {
                NS_TEST_EXPECT_MSG_GT(upgrades, 0, "a random layer-aware policy upgrades");
            }
            else
            {
                NS_TEST_EXPECT_MSG_EQ(upgrades, 0, "a ladder policy never upgrades");
            }
        }
    }
};

class ShippedPoliciesTestCase : public LearnedSessionTestCase
{
  public:
    ShippedPoliciesTestCase()
        : LearnedSessionTestCase("the shipped policies run on their profiles over ns-3 TCP")
    {
    }

  private:
    void DoRun() override
    {
        std::string dir = SourceDir() + "/policies";
        uint32_t policies = 0;
        for (const auto& entry : std::filesystem::directory_iterator(dir))
        {
            if (entry.path().extension() != ".safetensors")
            {
                continue;
            }
            SafetensorsFile file = SafetensorsFile::Load(entry.path().string());
            // abr-train names the profile (video and codec) the policy was trained on.
            std::string video = file.metadata["profile"];
            std::string codec = file.metadata["codec"];
            NS_TEST_ASSERT_MSG_EQ((video.empty() || codec.empty()),
                                  false,
                                  entry.path() << " names its profile");
            VideoScenario scenario;
            scenario.profile = LoadProfile(ProjectProfile(video + "." + codec + ".json"));
            scenario.trace = std::make_shared<const BandwidthTrace>(
                BandwidthTrace::Load(PensieveTrace("norway_bus_1")));
            scenario.chunks = kChunks;
            scenario.abrs = {"learned:" + entry.path().string()};
            ClientOutcome out = RunVideoScenario(scenario).at(0);
            CheckSession(out, *scenario.profile);
            NS_TEST_EXPECT_MSG_EQ(out.summary.chunks_played, kChunks, entry.path());
            ++policies;
        }
        NS_TEST_EXPECT_MSG_GT(policies, 0, "policies ship in " << dir);
    }
};

class LayeredVideoLearnedTestSuite : public TestSuite
{
  public:
    LayeredVideoLearnedTestSuite()
        : TestSuite("layered-video-learned", UNIT)
    {
        AddTestCase(new RandomPolicyTestCase, TestCase::QUICK);
        AddTestCase(new ShippedPoliciesTestCase, TestCase::QUICK);
    }
};

LayeredVideoLearnedTestSuite g_layeredVideoLearnedTestSuite;

} // namespace
