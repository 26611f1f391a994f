// IEEE 754 half precision <-> float (the F16 of safetensors files).
#ifndef LVC_WEIGHTS_HALF_FLOAT_H
#define LVC_WEIGHTS_HALF_FLOAT_H

#include <cstdint>

namespace lvc
{

/// Rounds to the nearest half (ties to even); overflow gives infinity, NaN stays NaN.
std::uint16_t FloatToHalf(float value);
/// Exact.
float HalfToFloat(std::uint16_t half);

} // namespace lvc

#endif // LVC_WEIGHTS_HALF_FLOAT_H
