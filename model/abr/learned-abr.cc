#include "learned-abr.h"

#include "ns3/policy-actions.h"
#include "ns3/policy-network.h"
#include "ns3/policy-state.h"
#include "ns3/video-profile.h"

#include <chrono>
#include <map>
#include <mutex>

namespace ns3
{

namespace
{
/// Policies read so far, by path: a batch of sessions reads each file once.
std::shared_ptr<const PolicyNetwork>
SharedPolicy(const std::string& path)
{
    static std::mutex mutex;
    static std::map<std::string, std::shared_ptr<const PolicyNetwork>> cache;
    std::lock_guard<std::mutex> lock(mutex);
    auto it = cache.find(path);
    if (it == cache.end())
    {
        it = cache.emplace(path, std::make_shared<const PolicyNetwork>(PolicyNetwork::Load(path)))
                 .first;
    }
    return it->second;
}
} // namespace

LearnedAbr::LearnedAbr(const std::string& policy_path)
    : m_policy(SharedPolicy(policy_path))
{
}

LearnedAbr::LearnedAbr(std::shared_ptr<const PolicyNetwork> policy)
    : m_policy(std::move(policy))
{
}

std::string
LearnedAbr::GetName() const
{
    return std::string(kLearnedAbrName) + ":" + m_policy->Name();
}

void
LearnedAbr::CheckProfile(const VideoProfile& profile) const
{
    m_policy->Layout().CheckProfile(profile, m_policy->Name());
}

AbrDecision
LearnedAbr::Decide(const AbrContext& context)
{
    const PolicyLayout& layout = m_policy->Layout();
    CheckProfile(context.Profile());
    std::vector<std::uint8_t> mask = ActionMask(context, layout);
    if (std::optional<AbrDecision> forced = ForcedDecision(context, layout, mask))
    {
        return *forced;
    }
    auto start = std::chrono::steady_clock::now();
    std::vector<float> state =
        EncodeState(context, layout, QualityScale::For(context.Profile(), context.Qoe()));
    std::uint32_t action = m_policy->Greedy(state, mask);
    m_time_s += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ++m_decisions;
    return DecisionFor(context, layout, action);
}

const PolicyNetwork&
LearnedAbr::Policy() const
{
    return *m_policy;
}

std::uint64_t
LearnedAbr::GetPolicyDecisions() const
{
    return m_decisions;
}

double
LearnedAbr::GetPolicyTime_s() const
{
    return m_time_s;
}

} // namespace ns3
