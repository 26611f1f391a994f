#include "half-float.h"

#include <cmath>
#include <cstring>

namespace ns3
{

std::uint16_t
FloatToHalf(float value)
{
    std::uint32_t f;
    std::memcpy(&f, &value, 4);
    std::uint32_t sign = (f >> 16) & 0x8000U;
    std::uint32_t exponent = (f >> 23) & 0xFFU;
    std::uint32_t mantissa = f & 0x7FFFFFU;
    if (exponent == 0xFF) // inf, nan
    {
        return static_cast<std::uint16_t>(sign | 0x7C00U | (mantissa ? 0x200U : 0));
    }
    int e = static_cast<int>(exponent) - 127 + 15;
    if (e >= 31)
    {
        return static_cast<std::uint16_t>(sign | 0x7C00U);
    }
    if (e <= 0) // subnormal half (or zero)
    {
        if (e < -10)
        {
            return static_cast<std::uint16_t>(sign);
        }
        mantissa |= 0x800000U;
        int shift = 14 - e;
        std::uint32_t half = mantissa >> shift;
        std::uint32_t rest = mantissa & ((1U << shift) - 1);
        std::uint32_t halfway = 1U << (shift - 1);
        if (rest > halfway || (rest == halfway && (half & 1U)))
        {
            ++half;
        }
        return static_cast<std::uint16_t>(sign | half);
    }
    std::uint32_t half = (static_cast<std::uint32_t>(e) << 10) | (mantissa >> 13);
    std::uint32_t rest = mantissa & 0x1FFFU;
    if (rest > 0x1000U || (rest == 0x1000U && (half & 1U)))
    {
        ++half; // may carry into the exponent, which is right (up to inf)
    }
    return static_cast<std::uint16_t>(sign | half);
}

float
HalfToFloat(std::uint16_t h)
{
    std::uint32_t sign = (h & 0x8000U) << 16;
    std::uint32_t exponent = (h >> 10) & 0x1FU;
    std::uint32_t mantissa = h & 0x3FFU;
    std::uint32_t f;
    if (exponent == 0)
    {
        float v = std::ldexp(static_cast<float>(mantissa), -24);
        return sign ? -v : v;
    }
    if (exponent == 31)
    {
        f = sign | 0x7F800000U | (mantissa << 13);
    }
    else
    {
        f = sign | ((exponent + 127 - 15) << 23) | (mantissa << 13);
    }
    float v;
    std::memcpy(&v, &f, 4);
    return v;
}

} // namespace ns3
