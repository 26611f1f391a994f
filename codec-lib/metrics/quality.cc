#include "metrics/quality.h"

#include "common/parallel.h"
#include "metrics/ms-ssim.h"
#include "metrics/psnr.h"
#include "metrics/ssim.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <stdexcept>

namespace lvc
{

Quality
MeasureFrame(const Frame& reference, const Frame& test, const QualityOptions& options)
{
    Quality q;
    switch (options.psnr)
    {
    case PsnrSpace::kY:
        q.psnr_db = PsnrY_db(reference, test);
        break;
    case PsnrSpace::kYuv:
        q.psnr_db = PsnrYuv_db(reference, test);
        break;
    case PsnrSpace::kRgb:
        q.psnr_db = PsnrRgb_db(reference, test);
        break;
    }
    if (options.ms_ssim)
    {
        q.ms_ssim = MsSsimY(reference, test, &q.ssim);
    }
    else
    {
        q.ssim = SsimY(reference, test);
    }
    return q;
}

Quality
MeasureSequence(const std::vector<Frame>& reference,
                const std::vector<Frame>& test,
                const QualityOptions& options)
{
    if (reference.size() != test.size() || reference.empty())
    {
        throw std::invalid_argument("quality: " + std::to_string(reference.size()) +
                                    " source frames against " + std::to_string(test.size()) +
                                    " decoded frames");
    }
    std::vector<Quality> per_frame(reference.size());
    std::atomic<std::size_t> next{0};
    RunWorkers(std::clamp<int>(options.threads, 1, static_cast<int>(reference.size())), [&] {
        for (std::size_t i = next++; i < reference.size(); i = next++)
        {
            per_frame[i] = MeasureFrame(reference[i], test[i], options);
        }
    });
    Quality mean;
    for (const Quality& q : per_frame)
    {
        mean.psnr_db += q.psnr_db;
        mean.ssim += q.ssim;
        mean.ms_ssim += q.ms_ssim;
    }
    double n = static_cast<double>(per_frame.size());
    mean.psnr_db /= n;
    mean.ssim /= n;
    mean.ms_ssim /= n;
    return mean;
}

std::string
PsnrSpaceName(PsnrSpace space)
{
    switch (space)
    {
    case PsnrSpace::kY:
        return "Y";
    case PsnrSpace::kYuv:
        return "YUV";
    case PsnrSpace::kRgb:
        return "RGB";
    }
    return "?";
}

PsnrSpace
ParsePsnrSpace(const std::string& name)
{
    for (PsnrSpace space : {PsnrSpace::kY, PsnrSpace::kYuv, PsnrSpace::kRgb})
    {
        std::string known = PsnrSpaceName(space);
        std::string lower = name;
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) {
            return static_cast<char>(std::toupper(c));
        });
        if (lower == known)
        {
            return space;
        }
    }
    throw std::invalid_argument("unknown PSNR space '" + name + "' (Y, YUV or RGB)");
}

} // namespace lvc
