// Rate-quality curves of profiles and the layered overhead at equal quality.
#ifndef LVC_PROFILE_RATE_QUALITY_H
#define LVC_PROFILE_RATE_QUALITY_H

#include "ns3/video-profile.h"

#include <cstdint>
#include <vector>

namespace lvc
{

/// One level of a profile over the whole video.
struct RatePoint
{
    std::uint32_t level = 0;   ///< 1-based: representation q, or layers 1..q
    std::uint64_t bytes = 0;   ///< over every chunk (layered: layers 1..q)
    double bitrate_bps = 0;    ///< bytes x 8 / total duration
    double bits_per_pixel = 0; ///< bytes x 8 / (width x height x frames)
    double psnr_db = 0;        ///< mean over chunks, weighted by chunk duration
    double ssim = 0;
};

/// One RatePoint per level. Throws ns3::InputError when the profile has no quality.
std::vector<RatePoint> RateQualityCurve(const ns3::VideoProfile& profile);

/**
 * Bytes the reference curve needs for `psnr_db`: linear interpolation of log(bytes) against PSNR
 * between the neighbouring points (points sorted by PSNR). NaN outside the curve's PSNR range.
 */
double BytesAtPsnr(const std::vector<RatePoint>& reference, double psnr_db);

/**
 * Per point of `layered`: its bytes / the reference's bytes at the same PSNR (NaN outside the
 * reference's range). Swift measured 2.5 for 4-layer SHVC against single-layer HEVC.
 */
std::vector<double> OverheadAtEqualPsnr(const std::vector<RatePoint>& layered,
                                        const std::vector<RatePoint>& reference);

} // namespace lvc

#endif // LVC_PROFILE_RATE_QUALITY_H
