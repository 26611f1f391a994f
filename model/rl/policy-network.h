#ifndef LAYERED_VIDEO_POLICY_NETWORK_H
#define LAYERED_VIDEO_POLICY_NETWORK_H

#include "policy-layout.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ns3
{

struct SafetensorsFile;

/**
 * \brief A learned ABR policy as stored in its safetensors file, evaluated in plain C++.
 *
 * Architecture "mlp" (the only one, format version 1): an actor and a critic, each a chain of
 * dense layers `<net>.<i>.weight` [out, in] and `<net>.<i>.bias` [out] with ReLU between them;
 * the actor maps the state (PolicyLayout) to one logit per action, the critic to one value.
 * The trainer (LibTorch) writes the same tensors; inference needs no LibTorch, so the ns-3
 * module and abr-sim run policies without it (sums are accumulated in double).
 *
 * `__metadata__` holds the layout (PolicyLayout::ToMetadata), `architecture`, `activation`,
 * and whatever the trainer records (hyper-parameters, traces, time).
 */
class PolicyNetwork
{
  public:
    /// Reads a policy; InputError naming the file and the field or tensor when it cannot.
    static PolicyNetwork Load(const std::string& path);
    static PolicyNetwork FromFile(const SafetensorsFile& file, const std::string& name);
    /// A policy with uniform(-1/sqrt(in), 1/sqrt(in)) weights from a seed (for tests).
    static PolicyNetwork Random(const PolicyLayout& layout,
                                const std::vector<std::uint32_t>& hidden,
                                std::uint64_t seed);
    /// The file form: tensors and metadata (layout, architecture, `extra` entries).
    SafetensorsFile ToFile(const std::map<std::string, std::string>& extra = {}) const;

    const PolicyLayout& Layout() const;
    const std::map<std::string, std::string>& Metadata() const;
    const std::string& Name() const; ///< the file it came from
    bool HasCritic() const;

    std::vector<float> Logits(const std::vector<float>& state) const;
    float Value(const std::vector<float>& state) const;
    /// The valid action with the largest logit (ties: the lowest index).
    std::uint32_t Greedy(const std::vector<float>& state,
                         const std::vector<std::uint8_t>& mask) const;

  private:
    struct Dense
    {
        std::uint32_t in = 0;
        std::uint32_t out = 0;
        std::vector<float> weight; ///< [out][in]
        std::vector<float> bias;
    };

    static std::vector<Dense> ReadNet(const SafetensorsFile& file,
                                      const std::string& name,
                                      const std::string& net,
                                      std::size_t inputs,
                                      std::size_t outputs,
                                      bool required);
    static std::vector<float> Run(const std::vector<Dense>& net, const std::vector<float>& x);

    PolicyLayout m_layout;
    std::map<std::string, std::string> m_metadata;
    std::string m_name;
    std::vector<Dense> m_actor;
    std::vector<Dense> m_critic;
};

/// `architecture` and `activation` entries of the only architecture (format version 1).
constexpr const char* kPolicyArchitecture = "mlp";
constexpr const char* kPolicyActivation = "relu";

} // namespace ns3

#endif // LAYERED_VIDEO_POLICY_NETWORK_H
