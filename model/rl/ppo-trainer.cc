#include "ppo-trainer.h"

#include "policy-evaluation.h"
#include "policy-network.h"
#include "ppo-update.h"
#include "streaming-env.h"
#include "torch-policy.h"

#include "ns3/deterministic-random.h"
#include "ns3/input-error.h"
#include "ns3/video-profile.h"

#include <chrono>
#include <cmath>
#include <deque>
#include <filesystem>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <numeric>

namespace ns3
{

namespace
{
/// Generated compute capacity outlasts the video by this much (as the batch runs do).
constexpr double kCapacityExtra_s = 600;
constexpr std::uint64_t kActionStream = 0xac7; // the action draws' own stream
constexpr std::uint64_t kValidationSeed = 0x5eed;
const char* const kCheckpointFile = "checkpoint.safetensors";
const char* const kBestFile = "best.safetensors";
const char* const kProgressFile = "progress.csv";

nlohmann::json
HyperParameters(const PpoConfig& c)
{
    return {{"algorithm", "ppo-clip, gae"},
            {"seed", c.seed},
            {"hidden", c.hidden},
            {"envs", c.envs},
            {"rollout_steps", c.rollout_steps},
            {"iterations", c.iterations},
            {"epochs", c.epochs},
            {"minibatch", c.minibatch},
            {"gamma", c.gamma},
            {"gae_lambda", c.gae_lambda},
            {"clip", c.clip},
            {"actor_lr", c.actor_lr},
            {"critic_lr", c.critic_lr},
            {"max_grad_norm", c.max_grad_norm},
            {"entropy_start", c.entropy_start},
            {"entropy_end", c.entropy_end},
            {"entropy_decay_iterations", c.entropy_decay_iterations},
            {"threads", c.threads}};
}

/// Seeds LibTorch's generator, so that the policy's initial weights follow the seed.
const PolicyLayout&
Seeded(std::uint64_t seed, const PolicyLayout& layout)
{
    torch::manual_seed(seed);
    return layout;
}
} // namespace

struct PpoTrainer::Impl
{
    Impl(TrainingData d, PpoConfig c)
        : data(std::move(d)),
          config(std::move(c)),
          qoe(*data.profile, data.qoe),
          policy(Seeded(config.seed, data.layout), config.hidden),
          rng(DeterministicRandom::Mix(config.seed, kActionStream))
    {
        if (data.traces.train.empty())
        {
            throw InputError::AtField("abr-train", "traces", "no training traces");
        }
        torch::set_num_threads(static_cast<int>(std::max<std::uint32_t>(config.threads, 1)));
        capacity_s = data.profile->GetTotalDuration_s() + kCapacityExtra_s;
        for (std::uint32_t i = 0; i < config.envs; ++i)
        {
            envs.push_back(
                std::make_unique<StreamingEnv>(*data.profile, qoe, data.layout, data.sim));
        }
        validation = EvaluationEpisodes(data.traces.validation.size(),
                                        data.capacity,
                                        kValidationSeed,
                                        capacity_s);
        if (!validation.empty())
        {
            optimal_mean = OptimalQoe(*data.profile,
                                      qoe,
                                      data.sim,
                                      data.traces.validation,
                                      validation,
                                      data.optimal_step_s)
                               .mean_qoe;
        }
    }

    void StartEpisodes()
    {
        samplers.clear();
        for (std::uint32_t i = 0; i < config.envs; ++i)
        {
            std::uint64_t seed =
                DeterministicRandom::Mix(DeterministicRandom::Mix(config.seed, i), iteration);
            samplers.emplace_back(seed, data.capacity, data.random_start, capacity_s);
            ResetEnv(i);
        }
    }

    void ResetEnv(std::uint32_t i)
    {
        EpisodeSpec e = samplers[i].Next(data.traces.train);
        envs[i]->Reset(data.traces.train[e.trace], std::move(e.capacity), e.offset_s);
    }

    double EntropyWeight() const
    {
        double f = config.entropy_decay_iterations == 0
                       ? 1.0
                       : std::min(1.0, double(iteration) / config.entropy_decay_iterations);
        return config.entropy_start + (config.entropy_end - config.entropy_start) * f;
    }

    SafetensorsFile File() const
    {
        std::map<std::string, std::string> meta = data.metadata;
        meta["hyper_parameters"] = HyperParameters(config).dump();
        meta["iteration"] = std::to_string(iteration);
        meta["steps"] = std::to_string(last.steps);
        meta["episodes"] = std::to_string(last.episodes);
        meta["wall_s"] = std::to_string(last.wall_s);
        meta["running_qoe"] = std::to_string(last.running_qoe);
        meta["best_validation_qoe"] = std::to_string(last.best_validation_qoe);
        meta["validation_optimal_qoe"] = std::to_string(optimal_mean);
        return policy.ToFile(meta);
    }

    void Save(const std::string& name) const
    {
        if (!config.out_dir.empty())
        {
            File().Save((std::filesystem::path(config.out_dir) / name).string());
        }
    }

    void Validate()
    {
        if (validation.empty())
        {
            return;
        }
        auto network = std::make_shared<const PolicyNetwork>(
            PolicyNetwork::FromFile(policy.ToFile({}), "policy in training"));
        EvaluationResult r = EvaluatePolicy(network,
                                            *data.profile,
                                            qoe,
                                            data.sim,
                                            data.traces.validation,
                                            validation);
        last.validation_qoe = r.mean_qoe;
        last.validation_share = optimal_mean != 0 ? r.mean_qoe / optimal_mean : 0.0;
        if (!(r.mean_qoe <= last.best_validation_qoe))
        {
            last.best_validation_qoe = r.mean_qoe;
            Save(kBestFile);
        }
    }

    TrainingData data;
    PpoConfig config;
    QoeModel qoe;
    TorchPolicy policy;
    DeterministicRandom rng;
    std::vector<std::unique_ptr<StreamingEnv>> envs;
    std::vector<EpisodeSampler> samplers;
    std::vector<EpisodeSpec> validation;
    double optimal_mean = 0;
    double capacity_s = 0;
    std::uint32_t iteration = 0;
    std::deque<double> returns;
    TrainProgress last;
};

PpoTrainer::PpoTrainer(TrainingData data, PpoConfig config)
    : m(std::make_unique<Impl>(std::move(data), std::move(config)))
{
    m->last.best_validation_qoe = -std::numeric_limits<double>::infinity();
}

PpoTrainer::~PpoTrainer() = default;

void
PpoTrainer::Resume(const std::string& checkpoint_path)
{
    SafetensorsFile file = SafetensorsFile::Load(checkpoint_path);
    m->policy.Load(file, checkpoint_path);
    auto it = file.metadata.find("iteration");
    m->iteration = it == file.metadata.end() ? 0 : std::stoul(it->second);
}

void
PpoTrainer::Run(const std::function<void(const TrainProgress&)>& progress)
{
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    auto last_checkpoint = start;
    std::ofstream csv;
    if (!m->config.out_dir.empty())
    {
        std::filesystem::create_directories(m->config.out_dir);
        std::filesystem::path path = std::filesystem::path(m->config.out_dir) / kProgressFile;
        // A resumed run appends to its progress; a new one starts the file afresh.
        bool fresh = m->iteration == 0 || !std::filesystem::exists(path);
        csv.open(path, fresh ? std::ios::trunc : std::ios::app);
        if (fresh)
        {
            csv << "iteration,steps,episodes,wall_s,entropy_weight,running_return,running_qoe,"
                   "validation_qoe,validation_share,best_validation_qoe\n";
        }
    }
    const double gap = m->envs[0]->Scale().gap;
    const double offset_qoe = m->data.profile->GetChunkCount() * m->envs[0]->Scale().offset;
    RolloutBuffer rollout(m->config.rollout_steps,
                          m->config.envs,
                          m->data.layout.StateSize(),
                          m->data.layout.ActionCount());
    PpoUpdater updater(m->policy, m->config, m->data.profile->GetChunkCount());
    m->StartEpisodes();
    while (m->iteration < m->config.iterations)
    {
        double wall_s = std::chrono::duration<double>(Clock::now() - start).count();
        if (m->config.time_limit_s > 0 && wall_s >= m->config.time_limit_s)
        {
            break;
        }
        // Collect: every environment steps rollout_steps times with the current policy.
        rollout.Collect(m->policy,
                        m->envs,
                        m->rng,
                        updater.ValueScale(),
                        m->config.gamma,
                        m->config.gae_lambda,
                        [&](std::uint32_t i) {
                            m->returns.push_back(m->envs[i]->Return());
                            if (m->returns.size() > kRunningEpisodes)
                            {
                                m->returns.pop_front();
                            }
                            ++m->last.episodes;
                            m->ResetEnv(i);
                        });
        updater.Update(rollout, m->EntropyWeight(), m->rng);
        ++m->iteration;

        TrainProgress& p = m->last;
        p.iteration = m->iteration;
        p.steps += static_cast<std::uint64_t>(m->config.rollout_steps) * m->config.envs;
        p.wall_s = std::chrono::duration<double>(Clock::now() - start).count();
        p.entropy_weight = m->EntropyWeight();
        p.running_return =
            m->returns.empty()
                ? 0.0
                : std::accumulate(m->returns.begin(), m->returns.end(), 0.0) / m->returns.size();
        p.running_qoe = p.running_return * gap + offset_qoe;
        p.validation_qoe = std::nan("");
        p.validation_share = std::nan("");
        bool final = m->iteration == m->config.iterations;
        if (m->config.validate_every > 0 && (m->iteration % m->config.validate_every == 0 || final))
        {
            m->Validate();
        }
        auto now = Clock::now();
        if (final || std::chrono::duration<double>(now - last_checkpoint).count() >=
                         m->config.checkpoint_every_s)
        {
            m->Save(kCheckpointFile);
            last_checkpoint = now;
        }
        if (csv.is_open())
        {
            csv << p.iteration << "," << p.steps << "," << p.episodes << "," << p.wall_s << ","
                << p.entropy_weight << "," << p.running_return << "," << p.running_qoe << ","
                << p.validation_qoe << "," << p.validation_share << "," << p.best_validation_qoe
                << "\n"
                << std::flush;
        }
        if (progress)
        {
            progress(p);
        }
    }
    m->Save(kCheckpointFile);
}

SafetensorsFile
PpoTrainer::PolicyFile() const
{
    return m->File();
}

const TrainProgress&
PpoTrainer::Last() const
{
    return m->last;
}

} // namespace ns3
