#ifndef LAYERED_VIDEO_PPO_UPDATE_H
#define LAYERED_VIDEO_PPO_UPDATE_H

// The trainer's LibTorch internals (only ppo-trainer.cc and the trainer's tests include this).
#include "ppo-trainer.h"
#include "torch-policy.h"

#include <functional>
#include <memory>

namespace ns3
{

class DeterministicRandom;
class StreamingEnv;

/**
 * \brief One iteration's experience: rollout_steps decisions of every environment, with the
 * advantages (GAE, Schulman et al. 2016) and the returns they imply.
 */
class RolloutBuffer
{
  public:
    RolloutBuffer(std::uint32_t steps,
                  std::uint32_t envs,
                  std::size_t state_size,
                  std::size_t action_count);

    /**
     * Steps every environment `steps` times, sampling actions from the policy's masked softmax
     * (DeterministicRandom); `on_done(i)` is called when environment i ends an episode and must
     * start the next one. Values are the critic's output times value_scale.
     */
    void Collect(TorchPolicy& policy,
                 std::vector<std::unique_ptr<StreamingEnv>>& envs,
                 DeterministicRandom& rng,
                 double value_scale,
                 double gamma,
                 double gae_lambda,
                 const std::function<void(std::uint32_t)>& on_done);

    torch::Tensor states;     ///< [steps * envs, state]
    torch::Tensor masks;      ///< [steps * envs, actions], bool
    torch::Tensor actions;    ///< [steps * envs], int64
    torch::Tensor log_probs;  ///< of the actions taken, when taken
    torch::Tensor advantages; ///< GAE
    torch::Tensor returns;    ///< advantages + values

  private:
    std::uint32_t m_steps;
    std::uint32_t m_envs;
    std::size_t m_state;
    std::size_t m_actions;
};

/**
 * \brief PPO's update: `epochs` passes over the rollout in shuffled minibatches, the clipped
 * surrogate minus the entropy bonus for the actor, the squared error of value / value_scale
 * for the critic, each with its own Adam and gradient-norm clip.
 *
 * The critic predicts returns divided by value_scale (the chunk count: an episode's return is
 * at most about one per chunk, see StreamingEnv), so that its targets are of order one.
 */
class PpoUpdater
{
  public:
    PpoUpdater(TorchPolicy& policy, const PpoConfig& config, double value_scale);

    double ValueScale() const;
    void Update(const RolloutBuffer& rollout, double entropy_weight, DeterministicRandom& rng);

  private:
    TorchPolicy& m_policy;
    PpoConfig m_config;
    double m_value_scale;
    torch::optim::Adam m_actor_opt;
    torch::optim::Adam m_critic_opt;
};

} // namespace ns3

#endif // LAYERED_VIDEO_PPO_UPDATE_H
