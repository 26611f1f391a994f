#ifndef LAYERED_VIDEO_ABR_ALGORITHM_H
#define LAYERED_VIDEO_ABR_ALGORITHM_H

#include "abr-context.h"

#include <memory>
#include <string>
#include <vector>

namespace ns3
{

/// What an ABR asks for next.
struct AbrDecision
{
    enum class Kind
    {
        Fetch, ///< fetch `level` of `chunk` (a new chunk, an upgrade or a replacement)
        Wait,  ///< fetch nothing for wait_s seconds
        Done,  ///< nothing more to fetch (only once every chunk is fetched)
    };

    Kind kind = Kind::Done;
    std::uint32_t chunk = 0;
    std::uint32_t level = 0; ///< target level 1..L (layered: layers held+1..level are fetched)
    double wait_s = 0;

    static AbrDecision Fetch(std::uint32_t chunk, std::uint32_t level);
    static AbrDecision Wait(double wait_s);
    static AbrDecision Finished();
};

/**
 * \brief An adaptive-bitrate algorithm: sees a read-only context, returns a decision.
 *
 * One required method, as in Sabre. The session enforces the buffer cap (a new chunk that would
 * overflow it becomes a wait), checks that the decision is valid, and calls OnDownload after
 * each download so that stateful ABRs (RobustMPC's error history) can learn.
 */
class AbrAlgorithm
{
  public:
    virtual ~AbrAlgorithm() = default;

    virtual std::string GetName() const = 0;
    virtual AbrDecision Decide(const AbrContext& context) = 0;
    /// A new session starts: forget what the last one taught.
    virtual void Reset();
    /// A download finished (its record is the last of context.Downloads()).
    virtual void OnDownload(const AbrContext& context);
    /// InputError when this ABR cannot stream `profile` (a learned policy made for other
    /// content), so that tools refuse it before any session runs; every heuristic takes any.
    virtual void CheckProfile(const VideoProfile& profile) const;
};

/// Settings some ABRs need beyond their name.
struct AbrOptions
{
    /// The policy file of the learned ABR (abr-train's safetensors output).
    std::string policy_path;
};

/**
 * Creates an ABR by name (see ListAbrNames); throws InputError for an unknown name. The learned
 * ABR is "learned:POLICY_FILE", or "learned" with options.policy_path; a policy file that is
 * missing or malformed is an InputError naming the file and the field.
 */
std::unique_ptr<AbrAlgorithm> CreateAbr(const std::string& name, const AbrOptions& options = {});
/// The names CreateAbr knows that need no options, in a stable order ("learned" needs a policy).
std::vector<std::string> ListAbrNames();

} // namespace ns3

#endif // LAYERED_VIDEO_ABR_ALGORITHM_H
