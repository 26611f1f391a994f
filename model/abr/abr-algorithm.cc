#include "abr-algorithm.h"

#include "bba-abr.h"
#include "bola-abr.h"
#include "bola-fs-abr.h"
#include "layered-buffer-abr.h"
#include "layered-throughput-abr.h"
#include "learned-abr.h"
#include "robust-mpc-abr.h"
#include "throughput-abr.h"

#include "ns3/input-error.h"

#include <functional>
#include <utility>

namespace ns3
{

AbrDecision
AbrDecision::Fetch(std::uint32_t chunk, std::uint32_t level)
{
    AbrDecision d;
    d.kind = Kind::Fetch;
    d.chunk = chunk;
    d.level = level;
    return d;
}

AbrDecision
AbrDecision::Wait(double wait_s)
{
    AbrDecision d;
    d.kind = Kind::Wait;
    d.wait_s = wait_s;
    return d;
}

AbrDecision
AbrDecision::Finished()
{
    return AbrDecision{};
}

void
AbrAlgorithm::Reset()
{
}

void
AbrAlgorithm::OnDownload(const AbrContext& /* context */)
{
}

void
AbrAlgorithm::CheckProfile(const VideoProfile& /* profile */) const
{
}

namespace
{
using Factory = std::function<std::unique_ptr<AbrAlgorithm>()>;

const std::vector<std::pair<std::string, Factory>>&
Registry()
{
    static const std::vector<std::pair<std::string, Factory>> registry = {
        {"throughput", [] { return std::make_unique<ThroughputAbr>(); }},
        {"bba", [] { return std::make_unique<BbaAbr>(); }},
        {"bola", [] { return std::make_unique<BolaAbr>(); }},
        {"bola-fs", [] { return std::make_unique<BolaFsAbr>(); }},
        {"robust-mpc", [] { return std::make_unique<RobustMpcAbr>(); }},
        {"layered-buffer", [] { return std::make_unique<LayeredBufferAbr>(); }},
        {"layered-throughput", [] { return std::make_unique<LayeredThroughputAbr>(); }},
    };
    return registry;
}
} // namespace

std::unique_ptr<AbrAlgorithm>
CreateAbr(const std::string& name, const AbrOptions& options)
{
    const std::string learned_prefix = std::string(kLearnedAbrName) + ":";
    if (name.compare(0, learned_prefix.size(), learned_prefix) == 0)
    {
        return std::make_unique<LearnedAbr>(name.substr(learned_prefix.size()));
    }
    if (name == kLearnedAbrName)
    {
        if (options.policy_path.empty())
        {
            throw InputError::AtField("abr",
                                      name,
                                      "the learned ABR needs a policy file (learned:PATH, or a "
                                      "policy path option)");
        }
        return std::make_unique<LearnedAbr>(options.policy_path);
    }
    for (const auto& [known, factory] : Registry())
    {
        if (known == name)
        {
            return factory();
        }
    }
    std::string names;
    for (const auto& entry : Registry())
    {
        names += (names.empty() ? "" : ", ") + entry.first;
    }
    throw InputError::AtField("abr",
                              name,
                              "unknown ABR; known: " + names + ", " + kLearnedAbrName +
                                  ":POLICY_FILE");
}

std::vector<std::string>
ListAbrNames()
{
    std::vector<std::string> names;
    for (const auto& entry : Registry())
    {
        names.push_back(entry.first);
    }
    return names;
}

} // namespace ns3
