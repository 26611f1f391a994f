// The learned ABR without LibTorch: the policy file format, the state and the action mask, the
// reward, the training environment against the simulator, and LearnedAbr in the registry.
#include "test-support.h"

#include "ns3/bandwidth-trace.h"
#include "ns3/chunk-simulator.h"
#include "ns3/compute-capacity.h"
#include "ns3/deterministic-random.h"
#include "ns3/input-error.h"
#include "ns3/learned-abr.h"
#include "ns3/policy-actions.h"
#include "ns3/policy-network.h"
#include "ns3/qoe-progress.h"
#include "ns3/safetensors-file.h"
#include "ns3/session-batch.h"
#include "ns3/streaming-env.h"

#include <cmath>
#include <gtest/gtest.h>

using namespace ns3;

namespace
{
const std::vector<double> kLadder_bps = {300e3, 750e3, 1200e3, 1850e3, 2850e3, 4300e3};
const std::vector<std::uint64_t> kLayers_bytes = {60000, 90000, 120000, 160000, 200000};
const std::vector<double> kExits_ms = {150, 400, 900}; // a slow deepest exit: exits matter
const std::vector<std::uint32_t> kHidden = {32, 16};
constexpr std::uint32_t kWindow = 6;

/// A few real traces (Pensieve's test split), spread over the folder.
std::vector<BandwidthTrace>
RealTraces(std::size_t n)
{
    std::vector<std::string> files = ListTraceFiles(test::SharedDir() + "/traces/pensieve-test");
    std::vector<BandwidthTrace> traces;
    for (std::size_t i = 0; traces.size() < n; i += files.size() / n)
    {
        traces.push_back(BandwidthTrace::Load(files[i]));
    }
    return traces;
}

struct Case
{
    std::string name;
    VideoProfile profile;
    QoeParams qoe;
    bool wait;
};

std::vector<Case>
Cases()
{
    QoeParams psnr;
    psnr.metric = QoeMetric::Psnr;
    return {
        {"ladder", test::MakeLadder(kLadder_bps, 20, 4.0), QoeParams{}, false},
        {"layered", test::MakeLayered(kLayers_bytes, 24, 2.0), psnr, true},
        {"layered-exits", test::MakeLayered(kLayers_bytes, 24, 2.0, kExits_ms), psnr, true},
    };
}

/// Runs one env episode, choosing with `choose(state, mask)`; returns the sum of rewards.
template <typename Choose>
double
RunEpisode(StreamingEnv& env, Choose choose)
{
    double sum = 0;
    while (!env.Done())
    {
        sum += env.Step(choose(env.State(), env.Mask()));
    }
    return sum;
}
} // namespace

TEST(Safetensors, RoundTripsAndRejectsDamage)
{
    SafetensorsFile f;
    f.metadata["architecture"] = "mlp";
    const std::vector<float> a = {1, -2, 3.5f, 0, 1e-30f, -7};
    const float b = 42;
    f.tensors["a"] = SafeTensor::FromFloat({2, 3}, a.data());
    f.tensors["b"] = SafeTensor::FromFloat({1}, &b);
    std::vector<std::uint8_t> serialized = f.Serialize();
    std::string bytes(serialized.begin(), serialized.end());
    SafetensorsFile g = SafetensorsFile::Parse(bytes, "x.safetensors");
    EXPECT_EQ(g.metadata, f.metadata);
    EXPECT_EQ(g.tensors.at("a").shape, f.tensors.at("a").shape);
    EXPECT_EQ(g.GetFloats("a", "x.safetensors"), a);
    EXPECT_EQ(g.Serialize(), serialized);

    auto fails_with = [](const std::string& b, const std::string& what) {
        try
        {
            SafetensorsFile::Parse(b, "x.safetensors");
            ADD_FAILURE() << "accepted: " << what;
        }
        catch (const InputError& e)
        {
            EXPECT_NE(std::string(e.what()).find(what), std::string::npos) << e.what();
        }
    };
    fails_with(bytes.substr(0, 5), "x.safetensors: not a safetensors file");
    fails_with(bytes.substr(0, bytes.size() - 1), "x.safetensors: b.data_offsets: [");
    std::string huge = bytes;
    huge[6] = '\x7f';
    fails_with(huge, "x.safetensors: header length");
    std::string i32 = bytes;
    i32.replace(i32.find("F32"), 3, "I32");
    fails_with(i32, "x.safetensors: a.dtype: unknown dtype I32");
    std::string not_json = bytes;
    not_json[8] = '[';
    fails_with(not_json, "x.safetensors: header");
}

TEST(PolicyFile, SavesAndLoadsIdenticalOutputs)
{
    PolicyLayout layout = PolicyLayout::ForProfile(Cases()[2].profile, kWindow, true);
    PolicyNetwork p = PolicyNetwork::Random(layout, kHidden, 7);
    std::string path = test::TempDir("policy-file") + "/p.safetensors";
    p.ToFile({{"note", "test"}}).Save(path);
    PolicyNetwork q = PolicyNetwork::Load(path);
    EXPECT_EQ(q.Metadata().at("note"), "test");
    EXPECT_EQ(q.Layout().StateSize(), layout.StateSize());
    DeterministicRandom rng(3);
    for (int i = 0; i < 20; ++i)
    {
        std::vector<float> s(layout.StateSize());
        for (float& v : s)
        {
            v = static_cast<float>(rng.Uniform(-2, 2));
        }
        EXPECT_EQ(p.Logits(s), q.Logits(s));
        EXPECT_EQ(p.Value(s), q.Value(s));
    }
}

TEST(PolicyFile, BadFilesNameTheFileAndTheField)
{
    std::string dir = test::TempDir("policy-bad");
    Case layered = Cases()[1];
    PolicyLayout layout = PolicyLayout::ForProfile(layered.profile, kWindow, true);
    SafetensorsFile good = PolicyNetwork::Random(layout, kHidden, 1).ToFile();
    auto fails_with = [&](const SafetensorsFile& f, const std::string& what) {
        std::string path = dir + "/bad.safetensors";
        f.Save(path);
        try
        {
            PolicyNetwork::Load(path);
            ADD_FAILURE() << "accepted: " << what;
        }
        catch (const InputError& e)
        {
            EXPECT_NE(std::string(e.what()).find("bad.safetensors: " + what), std::string::npos)
                << e.what();
        }
    };
    SafetensorsFile f = good;
    f.metadata["state_size"] = "12";
    fails_with(f, "__metadata__.state_size");
    f = good;
    f.metadata.erase("levels");
    fails_with(f, "__metadata__.levels: missing");
    f = good;
    f.metadata["format_version"] = "9";
    fails_with(f, "__metadata__.format_version: version 9");
    f = good;
    f.tensors.erase("actor.0.weight");
    fails_with(f, "actor.0.weight: missing");
    f = good;
    std::vector<float> bias = f.GetFloats("actor.1.bias", "bad.safetensors");
    bias[0] = std::nanf("");
    f.tensors["actor.1.bias"] = SafeTensor::FromFloat({std::int64_t(bias.size())}, bias.data());
    fails_with(f, "actor.1.bias: holds a value that is not finite");
    f = good;
    std::vector<float> zeros(48, 0.0f);
    f.tensors["actor.2.weight"] = SafeTensor::FromFloat({3, 16}, zeros.data());
    f.tensors["actor.2.bias"] = SafeTensor::FromFloat({3}, zeros.data());
    fails_with(f, "actor.2.weight: the last layer has 3 outputs");
    EXPECT_THROW(PolicyNetwork::Load(dir + "/none.safetensors"), InputError);

    // A policy for 5 levels on a 6-level profile, and for layered content on a ladder.
    std::string path = dir + "/five.safetensors";
    good.Save(path);
    LearnedAbr abr(path);
    try
    {
        abr.CheckProfile(test::MakeLayered({1000, 1000, 1000, 1000, 1000, 1000}, 4, 2.0));
        ADD_FAILURE() << "a 5-level policy accepted a 6-level profile";
    }
    catch (const InputError& e)
    {
        EXPECT_NE(std::string(e.what()).find("five.safetensors: __metadata__.levels: the policy "
                                             "was trained for 5 levels"),
                  std::string::npos)
            << e.what();
    }
    EXPECT_THROW(abr.CheckProfile(test::MakeLadder({1e5, 2e5, 3e5, 4e5, 5e5}, 4, 2.0)), InputError);
}

TEST(LearnedAbr, IsInTheRegistryWithItsPolicyPath)
{
    Case layered = Cases()[1];
    std::string path = test::TempDir("policy-registry") + "/p.safetensors";
    PolicyNetwork::Random(PolicyLayout::ForProfile(layered.profile, kWindow, true), kHidden, 1)
        .ToFile()
        .Save(path);
    EXPECT_EQ(CreateAbr("learned:" + path)->GetName(), "learned:" + path);
    AbrOptions options;
    options.policy_path = path;
    EXPECT_EQ(CreateAbr("learned", options)->GetName(), "learned:" + path);
    EXPECT_THROW(CreateAbr("learned"), InputError);
    EXPECT_THROW(CreateAbr("learned:/no/such/policy.safetensors"), InputError);
    EXPECT_EQ(CreateAbr("bba", options)->GetName(), "bba");
}

TEST(StreamingEnv, RewardsSumToTheSessionQoeAndEveryMaskedActionIsValid)
{
    std::vector<BandwidthTrace> traces = RealTraces(4);
    for (const Case& c : Cases())
    {
        QoeModel qoe(c.profile, c.qoe);
        PolicyLayout layout = PolicyLayout::ForProfile(c.profile, kWindow, c.wait);
        StreamingEnv env(c.profile, qoe, layout, ChunkSimConfig{});
        DeterministicRandom rng(11);
        std::size_t upgrades = 0;
        for (std::size_t t = 0; t < traces.size(); ++t)
        {
            env.Reset(traces[t], ComputeCapacity::GenerateSwift(400, t), 10.0 * t);
            // Uniform over the valid actions: the session rejects any invalid request.
            double sum = RunEpisode(env, [&](const auto& state, const auto& mask) {
                EXPECT_EQ(state.size(), layout.StateSize());
                std::vector<std::uint32_t> valid;
                for (std::uint32_t a = 0; a < mask.size(); ++a)
                {
                    if (mask[a])
                    {
                        valid.push_back(a);
                    }
                }
                EXPECT_GE(valid.size(), 2u) << "a decision without a choice reached the policy";
                auto a = valid[static_cast<std::size_t>(rng.Uniform() * valid.size())];
                upgrades += a >= layout.FirstUpgradeAction() && a < layout.WaitAction();
                return a;
            });
            QoeSummary s = env.Summary();
            EXPECT_EQ(s.chunks_played, c.profile.GetChunkCount()) << c.name;
            double qoe_from_return =
                sum * env.Scale().gap + c.profile.GetChunkCount() * env.Scale().offset;
            EXPECT_NEAR(qoe_from_return, s.qoe, 1e-9 * std::abs(s.qoe) + 1e-9) << c.name;
            EXPECT_NEAR(env.Return(), sum, 1e-9 * std::abs(sum) + 1e-12);
        }
        if (layout.window > 0)
        {
            EXPECT_GT(upgrades, 0u) << c.name << ": no upgrade was ever possible";
        }
    }
}

TEST(StreamingEnv, AgreesWithTheSimulatorRunningLearnedAbr)
{
    std::vector<BandwidthTrace> traces = RealTraces(3);
    for (const Case& c : Cases())
    {
        QoeModel qoe(c.profile, c.qoe);
        PolicyLayout layout = PolicyLayout::ForProfile(c.profile, kWindow, c.wait);
        for (std::uint64_t seed = 1; seed <= 3; ++seed)
        {
            auto policy =
                std::make_shared<const PolicyNetwork>(PolicyNetwork::Random(layout, kHidden, seed));
            for (std::size_t t = 0; t < traces.size(); ++t)
            {
                ChunkSimConfig config;
                config.trace_offset_s = 7.0 * t;
                ComputeCapacity capacity = ComputeCapacity::GenerateSwift(400, seed + t);
                StreamingEnv env(c.profile, qoe, layout, config);
                env.Reset(traces[t], capacity, config.trace_offset_s);
                RunEpisode(env, [&](const auto& state, const auto& mask) {
                    return policy->Greedy(state, mask);
                });
                LearnedAbr abr(policy);
                StreamingSession session(c.profile, abr, capacity, qoe, config.session);
                RunChunkSession(session, traces[t], config);
                EXPECT_EQ(env.Summary().qoe, session.Summary().qoe)
                    << c.name << " seed " << seed << " trace " << t;
                EXPECT_EQ(env.Summary().upgrades, session.Summary().upgrades);
                EXPECT_GT(abr.GetPolicyDecisions(), 0u);
            }
        }
    }
}

TEST(QoeSoFar, StartsAtZeroAndCountsAnOngoingStall)
{
    VideoProfile p = test::MakeLadder(kLadder_bps, 3, 4.0);
    QoeModel qoe(p, QoeParams{});
    ComputeCapacity full;
    DecodeModel decoder(p, full);
    PlaybackBuffer buffer(p, decoder, BufferConfig{});
    EXPECT_DOUBLE_EQ(QoeSoFar(buffer, qoe), 0.0);
    buffer.AdvanceTo(1.0); // one second of startup delay so far
    EXPECT_DOUBLE_EQ(QoeSoFar(buffer, qoe), -qoe.GetStartupPenalty() * 1.0);
    buffer.AddLevel(0, 6, p.LevelBytes(0, 6), 1.0);
    buffer.AdvanceTo(6.0); // chunk 0 played 1..5 s; stalled 1 s for chunk 1
    double expected = 4.3 - qoe.GetStartupPenalty() * 1.0 - qoe.GetRebufferPenalty() * 1.0;
    EXPECT_NEAR(QoeSoFar(buffer, qoe), expected, 1e-12);
}
