// The quality of decoded frames against their source: one implementation for every codec.
#ifndef LVC_METRICS_QUALITY_H
#define LVC_METRICS_QUALITY_H

#include "io/frame.h"

#include <string>
#include <vector>

namespace lvc
{

/// Which samples PSNR is computed on. Default: luma (kY).
enum class PsnrSpace
{
    kY,   ///< luma, 8-bit limited range as decoded
    kYuv, ///< every Y, U and V sample
    kRgb, ///< R, G, B after conversion to full-range RGB
};

struct QualityOptions
{
    PsnrSpace psnr = PsnrSpace::kY;
    bool ms_ssim = true; ///< also MS-SSIM (SSIM then comes from its first scale, at no cost)
    int threads = 1;     ///< frames measured in parallel
};

struct Quality
{
    double psnr_db = 0;
    double ssim = 0;    ///< Gaussian 11x11 on luma
    double ms_ssim = 0; ///< luma; 0 when not computed
};

Quality MeasureFrame(const Frame& reference, const Frame& test, const QualityOptions& options = {});

/**
 * Means over frames of the per-frame values (frames paired in order). Throws
 * std::invalid_argument when the counts or sizes differ.
 */
Quality MeasureSequence(const std::vector<Frame>& reference,
                        const std::vector<Frame>& test,
                        const QualityOptions& options = {});

/// "Y", "YUV" or "RGB"; parsing throws std::invalid_argument for anything else.
std::string PsnrSpaceName(PsnrSpace space);
PsnrSpace ParsePsnrSpace(const std::string& name);

} // namespace lvc

#endif // LVC_METRICS_QUALITY_H
