// Default target bitrates: Swift's 1080p30 ladder scaled to a video's pixel rate.
#ifndef LVC_BASELINE_RATE_LADDER_H
#define LVC_BASELINE_RATE_LADDER_H

#include <array>
#include <vector>

namespace lvc
{

/// Swift (NSDI 2022) streams 1080p30 at 1, 5, 8, 12 and 16 Mbps.
constexpr std::array<double, 5> kSwiftLadder1080p30_bps = {1e6, 5e6, 8e6, 12e6, 16e6};

/// (width x height x fps) / (1920 x 1080 x 30).
double PixelRateScale(int width, int height, double fps);

/// Swift's ladder scaled by PixelRateScale, each rung rounded to whole kbps (at least 1 kbps).
std::vector<double> DefaultLadder_bps(int width, int height, double fps);

/// Per-layer bitrates whose running sums are the rungs (the residual-layered default).
std::vector<double> LayerIncrements_bps(const std::vector<double>& ladder_bps);

/// Throws std::invalid_argument naming `what` unless every bitrate is finite and > 0.
void CheckBitrates(const std::vector<double>& bitrates_bps, const char* what);

} // namespace lvc

#endif // LVC_BASELINE_RATE_LADDER_H
