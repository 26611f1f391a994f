// IEEE 754 half precision <-> float (the F16 of safetensors files).
#ifndef LAYERED_VIDEO_HALF_FLOAT_H
#define LAYERED_VIDEO_HALF_FLOAT_H

#include <cstdint>

namespace ns3
{

/// Rounds to the nearest half (ties to even); overflow gives infinity, NaN stays NaN.
std::uint16_t FloatToHalf(float value);
/// Exact.
float HalfToFloat(std::uint16_t half);

} // namespace ns3

#endif // LAYERED_VIDEO_HALF_FLOAT_H
