#include "ppo-update.h"

#include "streaming-env.h"

#include "ns3/deterministic-random.h"

#include <algorithm>
#include <cstring>
#include <numeric>

namespace ns3
{

namespace
{
constexpr double kAdvantageEpsilon = 1e-8; // keeps the advantage normalisation finite
} // namespace

RolloutBuffer::RolloutBuffer(std::uint32_t steps,
                             std::uint32_t envs,
                             std::size_t state_size,
                             std::size_t action_count)
    : m_steps(steps),
      m_envs(envs),
      m_state(state_size),
      m_actions(action_count)
{
    std::int64_t n = static_cast<std::int64_t>(steps) * envs;
    states = torch::zeros({n, static_cast<std::int64_t>(state_size)});
    masks = torch::zeros({n, static_cast<std::int64_t>(action_count)}, torch::kBool);
    actions = torch::zeros({n}, torch::kInt64);
    log_probs = torch::zeros({n});
    advantages = torch::zeros({n});
    returns = torch::zeros({n});
}

void
RolloutBuffer::Collect(TorchPolicy& policy,
                       std::vector<std::unique_ptr<StreamingEnv>>& envs,
                       DeterministicRandom& rng,
                       double value_scale,
                       double gamma,
                       double gae_lambda,
                       const std::function<void(std::uint32_t)>& on_done)
{
    const std::int64_t n_envs = m_envs;
    std::vector<float> values(static_cast<std::size_t>(m_steps + 1) * m_envs);
    std::vector<float> rewards(static_cast<std::size_t>(m_steps) * m_envs);
    std::vector<std::uint8_t> dones(rewards.size());
    torch::NoGradGuard no_grad;
    auto observe = [&](std::uint32_t t) {
        torch::Tensor x = states.narrow(0, t * n_envs, n_envs);
        torch::Tensor m = masks.narrow(0, t * n_envs, n_envs);
        for (std::uint32_t i = 0; i < m_envs; ++i)
        {
            std::memcpy(x[i].data_ptr<float>(), envs[i]->State().data(), m_state * sizeof(float));
            const auto& mask = envs[i]->Mask();
            bool* row = m[i].data_ptr<bool>();
            for (std::size_t a = 0; a < m_actions; ++a)
            {
                row[a] = mask[a] != 0;
            }
        }
        return std::pair{x, m};
    };
    for (std::uint32_t t = 0; t < m_steps; ++t)
    {
        auto [x, m] = observe(t);
        torch::Tensor logp = torch::log_softmax(MaskLogits(policy.actor->forward(x), m), 1);
        torch::Tensor v = policy.critic->forward(x).squeeze(1) * value_scale;
        auto lp = logp.accessor<float, 2>();
        for (std::uint32_t i = 0; i < m_envs; ++i)
        {
            std::size_t k = static_cast<std::size_t>(t) * m_envs + i;
            // Inverse-CDF draw over the valid actions (masked ones have probability 0).
            double u = rng.Uniform();
            double cumulative = 0;
            std::int64_t chosen = -1;
            const auto& mask = envs[i]->Mask();
            for (std::size_t a = 0; a < m_actions; ++a)
            {
                if (!mask[a])
                {
                    continue;
                }
                chosen = static_cast<std::int64_t>(a);
                cumulative += std::exp(static_cast<double>(lp[i][a]));
                if (u < cumulative)
                {
                    break;
                }
            }
            actions[static_cast<std::int64_t>(k)] = chosen;
            log_probs[static_cast<std::int64_t>(k)] = lp[i][chosen];
            values[k] = v[i].item<float>();
            rewards[k] = static_cast<float>(envs[i]->Step(static_cast<std::uint32_t>(chosen)));
            dones[k] = envs[i]->Done() ? 1 : 0;
            if (dones[k])
            {
                on_done(i);
            }
        }
    }
    // Bootstrap from the states the environments are in now.
    torch::Tensor last = torch::zeros({n_envs, static_cast<std::int64_t>(m_state)});
    for (std::uint32_t i = 0; i < m_envs; ++i)
    {
        std::memcpy(last[i].data_ptr<float>(), envs[i]->State().data(), m_state * sizeof(float));
    }
    torch::Tensor v_last = policy.critic->forward(last).squeeze(1) * value_scale;
    for (std::uint32_t i = 0; i < m_envs; ++i)
    {
        values[static_cast<std::size_t>(m_steps) * m_envs + i] = v_last[i].item<float>();
    }
    auto adv = advantages.accessor<float, 1>();
    auto ret = returns.accessor<float, 1>();
    for (std::uint32_t i = 0; i < m_envs; ++i)
    {
        double running = 0;
        for (std::uint32_t t = m_steps; t-- > 0;)
        {
            std::size_t k = static_cast<std::size_t>(t) * m_envs + i;
            double live = dones[k] ? 0.0 : 1.0;
            double delta = rewards[k] + gamma * values[k + m_envs] * live - values[k];
            running = delta + gamma * gae_lambda * live * running;
            adv[static_cast<std::int64_t>(k)] = static_cast<float>(running);
            ret[static_cast<std::int64_t>(k)] = static_cast<float>(running + values[k]);
        }
    }
}

PpoUpdater::PpoUpdater(TorchPolicy& policy, const PpoConfig& config, double value_scale)
    : m_policy(policy),
      m_config(config),
      m_value_scale(value_scale),
      m_actor_opt(policy.actor->parameters(), torch::optim::AdamOptions(config.actor_lr)),
      m_critic_opt(policy.critic->parameters(), torch::optim::AdamOptions(config.critic_lr))
{
}

double
PpoUpdater::ValueScale() const
{
    return m_value_scale;
}

void
PpoUpdater::Update(const RolloutBuffer& rollout, double entropy_weight, DeterministicRandom& rng)
{
    const std::int64_t n = rollout.actions.size(0);
    torch::Tensor adv = rollout.advantages;
    adv = (adv - adv.mean()) / (adv.std() + kAdvantageEpsilon);
    torch::Tensor targets = rollout.returns / m_value_scale;
    std::vector<std::int64_t> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    const std::int64_t batch = std::max<std::int64_t>(1, m_config.minibatch);
    for (std::uint32_t epoch = 0; epoch < m_config.epochs; ++epoch)
    {
        for (std::size_t i = order.size(); i > 1; --i) // Fisher-Yates, DeterministicRandom
        {
            std::size_t j = static_cast<std::size_t>(rng.Uniform() * i) % i;
            std::swap(order[i - 1], order[j]);
        }
        torch::Tensor perm = torch::from_blob(order.data(), {n}, torch::kInt64).clone();
        for (std::int64_t begin = 0; begin < n; begin += batch)
        {
            torch::Tensor idx = perm.narrow(0, begin, std::min(batch, n - begin));
            torch::Tensor x = rollout.states.index_select(0, idx);
            torch::Tensor m = rollout.masks.index_select(0, idx);
            torch::Tensor a = rollout.actions.index_select(0, idx);
            torch::Tensor old_logp = rollout.log_probs.index_select(0, idx);
            torch::Tensor b_adv = adv.index_select(0, idx);

            torch::Tensor logp_all =
                torch::log_softmax(MaskLogits(m_policy.actor->forward(x), m), 1);
            torch::Tensor logp = logp_all.gather(1, a.unsqueeze(1)).squeeze(1);
            torch::Tensor entropy = -(logp_all.exp() * logp_all).sum(1).mean();
            torch::Tensor ratio = torch::exp(logp - old_logp);
            torch::Tensor surrogate =
                torch::min(ratio * b_adv,
                           torch::clamp(ratio, 1 - m_config.clip, 1 + m_config.clip) * b_adv);
            torch::Tensor actor_loss = -surrogate.mean() - entropy_weight * entropy;
            m_actor_opt.zero_grad();
            actor_loss.backward();
            torch::nn::utils::clip_grad_norm_(m_policy.actor->parameters(), m_config.max_grad_norm);
            m_actor_opt.step();

            torch::Tensor value = m_policy.critic->forward(x).squeeze(1);
            torch::Tensor critic_loss = (value - targets.index_select(0, idx)).pow(2).mean();
            m_critic_opt.zero_grad();
            critic_loss.backward();
            torch::nn::utils::clip_grad_norm_(m_policy.critic->parameters(),
                                              m_config.max_grad_norm);
            m_critic_opt.step();
        }
    }
}

} // namespace ns3
