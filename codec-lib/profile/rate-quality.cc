#include "profile/rate-quality.h"

#include "ns3/input-error.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lvc
{

namespace
{
constexpr double kBitsPerByte = 8;
} // namespace

std::vector<RatePoint>
RateQualityCurve(const ns3::VideoProfile& profile)
{
    if (!profile.HasQuality())
    {
        throw ns3::InputError::InFile(profile.GetVideo().name, "the profile has no quality");
    }
    const ns3::VideoInfo& video = profile.GetVideo();
    double total_s = profile.GetTotalDuration_s();
    double pixels = static_cast<double>(video.width) * video.height * video.frames;
    std::vector<RatePoint> curve;
    for (std::uint32_t level = 1; level <= profile.GetLevelCount(); ++level)
    {
        RatePoint point;
        point.level = level;
        for (std::uint32_t c = 0; c < profile.GetChunkCount(); ++c)
        {
            double weight = profile.GetChunkDurationOf_s(c) / total_s;
            point.bytes += profile.LevelBytes(c, level);
            point.psnr_db += weight * profile.Level(c, level).psnr_db;
            point.ssim += weight * profile.Level(c, level).ssim;
        }
        point.bitrate_bps = point.bytes * kBitsPerByte / total_s;
        point.bits_per_pixel = pixels > 0 ? point.bytes * kBitsPerByte / pixels : 0;
        curve.push_back(point);
    }
    return curve;
}

double
BytesAtPsnr(const std::vector<RatePoint>& reference, double psnr_db)
{
    std::vector<RatePoint> sorted = reference;
    std::sort(sorted.begin(), sorted.end(), [](const RatePoint& a, const RatePoint& b) {
        return a.psnr_db < b.psnr_db;
    });
    const double nan = std::numeric_limits<double>::quiet_NaN();
    if (sorted.empty() || psnr_db < sorted.front().psnr_db || psnr_db > sorted.back().psnr_db)
    {
        return nan;
    }
    for (std::size_t i = 0; i + 1 < sorted.size(); ++i)
    {
        const RatePoint& lo = sorted[i];
        const RatePoint& hi = sorted[i + 1];
        if (psnr_db >= lo.psnr_db && psnr_db <= hi.psnr_db)
        {
            if (hi.psnr_db == lo.psnr_db)
            {
                return static_cast<double>(std::min(lo.bytes, hi.bytes));
            }
            double t = (psnr_db - lo.psnr_db) / (hi.psnr_db - lo.psnr_db);
            double log_bytes = std::log(static_cast<double>(lo.bytes)) +
                               t * (std::log(static_cast<double>(hi.bytes)) -
                                    std::log(static_cast<double>(lo.bytes)));
            return std::exp(log_bytes);
        }
    }
    return static_cast<double>(sorted.front().bytes); // a single point, hit exactly
}

std::vector<double>
OverheadAtEqualPsnr(const std::vector<RatePoint>& layered, const std::vector<RatePoint>& reference)
{
    std::vector<double> ratios;
    for (const RatePoint& point : layered)
    {
        double reference_bytes = BytesAtPsnr(reference, point.psnr_db);
        ratios.push_back(point.bytes / reference_bytes);
    }
    return ratios;
}

} // namespace lvc
