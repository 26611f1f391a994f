// Peak signal-to-noise ratio of 8-bit frames.
#ifndef LVC_METRICS_PSNR_H
#define LVC_METRICS_PSNR_H

#include "io/frame.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace lvc
{

/// PSNR of identical pictures (MSE 0), and the most any PSNR reports: profiles need finite values.
constexpr double kMaxPsnr_db = 100;

double MeanSquaredError(const std::uint8_t* a, const std::uint8_t* b, std::size_t count);

/// 10 log10(255^2 / mse), at most kMaxPsnr_db.
double PsnrFromMse_db(double mse);

/// On luma only: the default PSNR of codec-lib (what profiles report).
double PsnrY_db(const Frame& reference, const Frame& test);
/// The mean over frames of PsnrY_db (std::invalid_argument when the counts differ or are 0).
double MeanPsnrY_db(const std::vector<Frame>& reference, const std::vector<Frame>& test);
/// Over every Y, U and V sample (FFmpeg's psnr filter's "average").
double PsnrYuv_db(const Frame& reference, const Frame& test);
/// Over the R, G and B samples of both frames converted to full-range RGB (io/color.h).
double PsnrRgb_db(const Frame& reference, const Frame& test);

} // namespace lvc

#endif // LVC_METRICS_PSNR_H
