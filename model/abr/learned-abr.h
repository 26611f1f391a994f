#ifndef LAYERED_VIDEO_LEARNED_ABR_H
#define LAYERED_VIDEO_LEARNED_ABR_H

#include "abr-algorithm.h"

#include <memory>
#include <string>

namespace ns3
{

class PolicyNetwork;
class VideoProfile;

/**
 * \brief A learned ABR (Grad/Swift's layer-aware policy, or Pensieve's ladder policy): a policy
 * file trained by abr-train, acting greedily.
 *
 * At each decision it encodes the context into the policy's state (model/rl/policy-state.h),
 * masks the invalid actions (policy-actions.h), takes the valid action with the largest logit
 * and returns the request it stands for. Where the mask leaves no choice the decision is forced
 * (ForcedDecision), exactly as in the training environment. The policy file is read once per
 * path and shared between sessions (PolicyNetwork evaluates it in plain C++, no LibTorch).
 */
class LearnedAbr : public AbrAlgorithm
{
  public:
    /// Reads (or reuses) the policy at `policy_path`; InputError naming the file when it cannot.
    explicit LearnedAbr(const std::string& policy_path);
    explicit LearnedAbr(std::shared_ptr<const PolicyNetwork> policy);

    std::string GetName() const override;
    AbrDecision Decide(const AbrContext& context) override;

    /// InputError naming the policy file and the metadata entry when the profile does not fit.
    void CheckProfile(const VideoProfile& profile) const override;
    const PolicyNetwork& Policy() const;
    /// Decisions that asked the policy, and the wall time they took (encoding included).
    std::uint64_t GetPolicyDecisions() const;
    double GetPolicyTime_s() const;

  private:
    std::shared_ptr<const PolicyNetwork> m_policy;
    std::uint64_t m_decisions = 0;
    double m_time_s = 0;
};

/// The ABR name CreateAbr maps to LearnedAbr ("learned" or "learned:POLICY_FILE").
constexpr const char* kLearnedAbrName = "learned";

} // namespace ns3

#endif // LAYERED_VIDEO_LEARNED_ABR_H
