// A plane of float samples: what the wavelet transform, the motion compensation and the
// embedded coder work on (pixel values, prediction residuals, transform coefficients).
#ifndef LVC_WAVELET_FLOAT_PLANE_H
#define LVC_WAVELET_FLOAT_PLANE_H

#include <cstddef>
#include <vector>

namespace lvc
{

struct FloatPlane
{
    int width = 0;
    int height = 0;
    std::vector<float> samples; ///< row-major, width x height

    FloatPlane() = default;

    FloatPlane(int w, int h, float value = 0.0F)
        : width(w),
          height(h),
          samples(static_cast<std::size_t>(w) * static_cast<std::size_t>(h), value)
    {
    }

    float& At(int x, int y)
    {
        return samples[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                       static_cast<std::size_t>(x)];
    }

    float At(int x, int y) const
    {
        return samples[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                       static_cast<std::size_t>(x)];
    }

    float* Row(int y)
    {
        return samples.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(width);
    }

    const float* Row(int y) const
    {
        return samples.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(width);
    }
};

} // namespace lvc

#endif // LVC_WAVELET_FLOAT_PLANE_H
