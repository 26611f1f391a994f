#ifndef LAYERED_VIDEO_PPO_TRAINER_H
#define LAYERED_VIDEO_PPO_TRAINER_H

#include "policy-layout.h"
#include "training-set.h"

#include "ns3/chunk-simulator.h"
#include "ns3/qoe.h"
#include "ns3/safetensors-file.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace ns3
{

class VideoProfile;

/// Hyper-parameters of the trainer (every one recorded in the policy file's metadata).
struct PpoConfig
{
    std::uint64_t seed = 1;
    std::vector<std::uint32_t> hidden = {128, 64}; ///< Swift/Grad's dense layers: 128, then 64
    std::uint32_t envs = 16;                       ///< Pensieve ran 16 agents
    std::uint32_t rollout_steps = 128;             ///< per environment per iteration
    std::uint32_t iterations = 1000;
    double time_limit_s = 0; ///< stop earlier after this much wall time (0: no limit)
    std::uint32_t epochs = 4;
    std::uint32_t minibatch = 512;
    double gamma = 0.99; ///< Pensieve's GAMMA
    double gae_lambda = 0.95;
    double clip = 0.2;
    double actor_lr = 3e-4;
    double critic_lr = 1e-3; ///< Pensieve: the critic learns 10x faster than the actor
    double max_grad_norm = 0.5;
    /// Entropy weight: linear decay from start to end over decay_iterations, then constant
    /// (Pensieve and Grad decay it the same way).
    double entropy_start = 0.05;
    double entropy_end = 0.005;
    std::uint32_t entropy_decay_iterations = 800;
    std::uint32_t validate_every = 10; ///< iterations between validations
    double checkpoint_every_s = 60;
    std::uint32_t threads = 1; ///< LibTorch threads (it starts with one)
    std::string out_dir;       ///< checkpoint.safetensors, best.safetensors, progress.csv
};

/// What the trainer learns on.
struct TrainingData
{
    const VideoProfile* profile = nullptr;
    QoeParams qoe;
    PolicyLayout layout;
    ChunkSimConfig sim;
    TraceSplit traces;
    std::string capacity;     ///< "" (full), "swift", or a CSV file
    bool random_start = true; ///< Pensieve's: each episode starts at a random point of its trace
    /// Cell size of the offline optimum the validation is compared with (OfflineOptimal): its
    /// DP can keep millions of states on layered content with exits, where coarser cells help.
    double optimal_step_s = 0.05;
    std::map<std::string, std::string> metadata; ///< recorded in every file written
};

/// One line of progress (also a row of progress.csv).
struct TrainProgress
{
    std::uint32_t iteration = 0;
    std::uint64_t steps = 0;
    std::uint64_t episodes = 0;
    double wall_s = 0;
    double entropy_weight = 0;
    double running_return = 0;   ///< mean return of the last kRunningEpisodes training episodes
    double running_qoe = 0;      ///< the same in QoE units
    double validation_qoe = 0;   ///< greedy, mean over the validation episodes (NaN: not run)
    double validation_share = 0; ///< of the offline optimum on the same episodes
    double best_validation_qoe = 0;
};

/**
 * \brief PPO (Schulman et al. 2017) with clipped ratios and GAE over a batch of chunk-level
 * environments (StreamingEnv), actor and critic as separate MLPs (TorchPolicy).
 *
 * Why PPO rather than Pensieve's A3C: the environments are stepped together and the network
 * runs once per step on the whole batch, so A3C's asynchronous workers buy nothing here, while
 * PPO reuses each batch for several epochs under a trust region, which makes training on two
 * cores both cheaper and more stable. The entropy bonus decays linearly as in Pensieve/Grad.
 * Deterministic for a seed and a thread count (LibTorch's initialisation is seeded; episodes,
 * action sampling and minibatches use DeterministicRandom).
 */
class PpoTrainer
{
  public:
    static constexpr std::size_t kRunningEpisodes = 100;

    PpoTrainer(TrainingData data, PpoConfig config);
    ~PpoTrainer();

    /// Continues from a checkpoint (weights and the iteration count; the optimiser restarts).
    void Resume(const std::string& checkpoint_path);
    /// Trains to config.iterations (or the time limit); calls `progress` after each iteration.
    void Run(const std::function<void(const TrainProgress&)>& progress);
    /// The current policy as a file (its metadata includes every hyper-parameter).
    SafetensorsFile PolicyFile() const;
    const TrainProgress& Last() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> m;
};

} // namespace ns3

#endif // LAYERED_VIDEO_PPO_TRAINER_H
