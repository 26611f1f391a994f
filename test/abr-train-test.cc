// The trainer (LibTorch): a policy saved and loaded gives identical outputs, in LibTorch and in
// the plain C++ network LearnedAbr runs; a short run on constant-rate traces learns to approach
// the offline optimum there; the same seed gives the same policy.
#include "test-support.h"

#include "ns3/policy-evaluation.h"
#include "ns3/policy-network.h"
#include "ns3/ppo-trainer.h"
#include "ns3/torch-policy.h"
#include "ns3/video-profile.h"

#include <algorithm>
#include <cmath>
#include <gtest/gtest.h>

using namespace ns3;

namespace
{
const std::vector<double> kLadder_bps = {300e3, 1200e3, 2850e3};
const std::vector<std::uint64_t> kLayers_bytes = {75000, 225000, 410000}; // the same, layered
/// Constant rates between the ladder's rungs: the best level differs from trace to trace.
const std::vector<double> kRates_bps = {0.5e6, 1.6e6, 3.4e6};

std::vector<BandwidthTrace>
ConstantTraces()
{
    std::vector<BandwidthTrace> traces;
    for (double r : kRates_bps)
    {
        traces.push_back(BandwidthTrace::Constant(r));
    }
    return traces;
}

TrainingData
Data(const VideoProfile& profile, std::uint32_t window, bool wait)
{
    TrainingData data;
    data.profile = &profile;
    data.layout = PolicyLayout::ForProfile(profile, window, wait);
    data.traces.train = ConstantTraces();
    data.traces.validation = ConstantTraces();
    return data;
}

PpoConfig
SmallConfig(std::uint64_t seed, std::uint32_t iterations)
{
    PpoConfig c;
    c.seed = seed;
    c.hidden = {32, 32};
    c.envs = 8;
    c.rollout_steps = 32;
    c.minibatch = 64;
    c.iterations = iterations;
    c.entropy_start = 0.1; // a small problem: exploring hard early avoids settling on level 1
    c.entropy_end = 0.01;
    c.entropy_decay_iterations = iterations;
    c.validate_every = iterations; // once, at the end
    c.actor_lr = 1e-3;
    return c;
}

/// Greedy mean QoE of a policy file on the validation traces (as abr-sim would run it).
double
GreedyQoe(const SafetensorsFile& file, const TrainingData& data)
{
    auto policy = std::make_shared<const PolicyNetwork>(PolicyNetwork::FromFile(file, "test"));
    QoeModel qoe(*data.profile, data.qoe);
    return EvaluatePolicy(policy,
                          *data.profile,
                          qoe,
                          data.sim,
                          data.traces.validation,
                          EvaluationEpisodes(data.traces.validation.size(), "", 1, 0))
        .mean_qoe;
}
} // namespace

TEST(TorchPolicy, SavedAndLoadedGivesIdenticalOutputs)
{
    VideoProfile profile = test::MakeLayered(kLayers_bytes, 12, 2.0, {100, 300, 700});
    PolicyLayout layout = PolicyLayout::ForProfile(profile, 4, true);
    torch::manual_seed(5);
    TorchPolicy a(layout, {48, 24});
    std::string path = test::TempDir("torch-policy") + "/p.safetensors";
    a.ToFile({{"note", "x"}}).Save(path);
    torch::manual_seed(6);
    TorchPolicy b(layout, {48, 24});
    b.Load(SafetensorsFile::Load(path), path);
    PolicyNetwork plain = PolicyNetwork::Load(path);

    torch::Tensor x = torch::randn({64, static_cast<std::int64_t>(layout.StateSize())});
    torch::NoGradGuard no_grad;
    torch::Tensor la = a.actor->forward(x);
    EXPECT_TRUE(torch::equal(la, b.actor->forward(x)));
    EXPECT_TRUE(torch::equal(a.critic->forward(x), b.critic->forward(x)));
    for (std::int64_t i = 0; i < x.size(0); ++i)
    {
        std::vector<float> s(x[i].data_ptr<float>(), x[i].data_ptr<float>() + x.size(1));
        std::vector<float> logits = plain.Logits(s);
        std::vector<std::uint8_t> all(logits.size(), 1);
        ASSERT_EQ(logits.size(), static_cast<std::size_t>(la.size(1)));
        for (std::size_t k = 0; k < logits.size(); ++k)
        {
            EXPECT_NEAR(logits[k], la[i][k].item<float>(), 1e-5);
        }
        EXPECT_EQ(plain.Greedy(s, all), la[i].argmax().item<std::int64_t>());
        EXPECT_NEAR(plain.Value(s), a.critic->forward(x[i]).item<float>(), 1e-5);
    }
    EXPECT_EQ(plain.Metadata().at("note"), "x");
    EXPECT_EQ(plain.Metadata().at("hidden"), "48,24");
}

TEST(PpoTrainer, ShortRunOnConstantRatesApproachesTheOptimum)
{
    struct Case
    {
        const char* name;
        VideoProfile profile;
        std::uint32_t window;
        bool wait;
        std::uint32_t iterations;
    };

    std::vector<Case> cases = {
        {"ladder", test::MakeLadder(kLadder_bps, 12, 2.0), 0, false, 300},
        {"layered", test::MakeLayered(kLayers_bytes, 12, 2.0), 4, true, 600},
    };
    for (const Case& c : cases)
    {
        TrainingData data = Data(c.profile, c.window, c.wait);
        PpoConfig config = SmallConfig(3, c.iterations);
        // Validated as a training run is (its best policy is the one kept). The layered case
        // gets 600 iterations: at 300 its result sat at the bar (0.8996 on one CPU, above on
        // another, as BLAS kernels round differently); from 300 to 600 it holds at 0.94.
        config.validate_every = c.iterations / 6;
        PpoTrainer trainer(data, config);
        double before = GreedyQoe(trainer.PolicyFile(), data);
        double first_running = 0;
        double best_share = 0;
        trainer.Run([&](const TrainProgress& p) {
            if (p.iteration == 2)
            {
                first_running = p.running_qoe;
            }
            if (!std::isnan(p.validation_qoe))
            {
                best_share = std::max(best_share, p.validation_share);
                EXPECT_LE(p.validation_share, 1.0 + 1e-9) << c.name << ": beat the optimum";
            }
        });
        const TrainProgress& last = trainer.Last();
        double after = GreedyQoe(trainer.PolicyFile(), data);
        double optimal = after / last.validation_share;
        EXPECT_GT(last.running_qoe, first_running + 0.1 * std::abs(optimal)) << c.name;
        EXPECT_GT(after, before) << c.name;
        EXPECT_GE(best_share, 0.9) << c.name << ": last greedy " << after << ", optimum " << optimal
                                   << ", untrained " << before;
    }
}

TEST(PpoTrainer, SameSeedSamePolicy)
{
    VideoProfile profile = test::MakeLayered(kLayers_bytes, 12, 2.0);
    TrainingData data = Data(profile, 4, true);
    auto train = [&](std::uint64_t seed) {
        PpoTrainer trainer(data, SmallConfig(seed, 3));
        trainer.Run(nullptr);
        return trainer.PolicyFile();
    };
    SafetensorsFile a = train(9);
    SafetensorsFile b = train(9);
    SafetensorsFile c = train(10);
    ASSERT_EQ(a.tensors.size(), b.tensors.size());
    bool differs_from_other_seed = false;
    for (const auto& [name, t] : a.tensors)
    {
        EXPECT_EQ(t.data, b.tensors.at(name).data) << name;
        differs_from_other_seed |= t.data != c.tensors.at(name).data;
    }
    EXPECT_TRUE(differs_from_other_seed);
}
