#include "baseline/rate-ladder.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>

namespace lvc
{

namespace
{
constexpr double kReferencePixelRate = 1920.0 * 1080.0 * 30.0;
constexpr double kBitsPerKilobit = 1000;
} // namespace

double
PixelRateScale(int width, int height, double fps)
{
    return static_cast<double>(width) * height * fps / kReferencePixelRate;
}

std::vector<double>
DefaultLadder_bps(int width, int height, double fps)
{
    double scale = PixelRateScale(width, height, fps);
    std::vector<double> ladder;
    for (double rung_bps : kSwiftLadder1080p30_bps)
    {
        double kbps = std::max(1.0, std::round(rung_bps * scale / kBitsPerKilobit));
        ladder.push_back(kbps * kBitsPerKilobit);
    }
    return ladder;
}

std::vector<double>
LayerIncrements_bps(const std::vector<double>& ladder_bps)
{
    std::vector<double> layers;
    double previous = 0;
    for (double rung : ladder_bps)
    {
        if (!(rung > previous))
        {
            throw std::invalid_argument("layer increments need a strictly increasing ladder");
        }
        layers.push_back(rung - previous);
        previous = rung;
    }
    return layers;
}

void
CheckBitrates(const std::vector<double>& bitrates_bps, const char* what)
{
    if (bitrates_bps.empty())
    {
        throw std::invalid_argument(std::string(what) + ": no bitrate given");
    }
    for (double b : bitrates_bps)
    {
        if (!(std::isfinite(b) && b > 0))
        {
            std::ostringstream text;
            text << what << ": " << b << " bps is not a bitrate (each must be > 0)";
            throw std::invalid_argument(text.str());
        }
    }
}

} // namespace lvc
