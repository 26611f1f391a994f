#include "bola-abr.h"

#include "ns3/video-profile.h"

#include <cmath>

namespace ns3
{

BolaAbr::BolaAbr(double gamma_p)
    : m_gamma_p(gamma_p)
{
}

std::string
BolaAbr::GetName() const
{
    return "bola";
}

double
BolaAbr::Vp(const VideoProfile& profile, double buffer_cap_s) const
{
    double p = profile.GetChunkDuration_s();
    double v_max = std::log(profile.NominalBitrate_bps(profile.GetLevelCount()) /
                            profile.NominalBitrate_bps(1));
    return (buffer_cap_s - p) / (v_max + m_gamma_p);
}

double
BolaAbr::Score(const VideoProfile& profile,
               double buffer_cap_s,
               double buffer_s,
               std::uint32_t level) const
{
    double s_m = profile.NominalBitrate_bps(level);
    double v_m = std::log(s_m / profile.NominalBitrate_bps(1));
    return (Vp(profile, buffer_cap_s) * (v_m + m_gamma_p) - buffer_s) / s_m;
}

std::uint32_t
BolaAbr::ChooseLevel(const VideoProfile& profile, double buffer_cap_s, double buffer_s) const
{
    std::uint32_t best = 1;
    double best_score = Score(profile, buffer_cap_s, buffer_s, 1);
    for (std::uint32_t q = 2; q <= profile.GetLevelCount(); ++q)
    {
        double s = Score(profile, buffer_cap_s, buffer_s, q);
        if (s > best_score)
        {
            best = q;
            best_score = s;
        }
    }
    return best;
}

AbrDecision
BolaAbr::DecideNext(const AbrContext& context) const
{
    const VideoProfile& profile = context.Profile();
    double cap_s = context.Limits().buffer_cap_s;
    double buffer_s = context.BufferLevel_s();
    std::uint32_t level = ChooseLevel(profile, cap_s, buffer_s);
    if (Score(profile, cap_s, buffer_s, level) < 0)
    {
        // Every score is negative: wait until the top level's score reaches zero.
        double v_max = std::log(profile.NominalBitrate_bps(profile.GetLevelCount()) /
                                profile.NominalBitrate_bps(1));
        return AbrDecision::Wait(buffer_s - Vp(profile, cap_s) * (v_max + m_gamma_p));
    }
    return AbrDecision::Fetch(context.NextChunk(), level);
}

AbrDecision
BolaAbr::Decide(const AbrContext& context)
{
    if (context.NextChunk() >= context.ChunkCount())
    {
        return AbrDecision::Finished();
    }
    return DecideNext(context);
}

} // namespace ns3
