#include "deterministic-random.h"

#include <cmath>

namespace ns3
{

namespace
{
std::uint64_t
SplitMix64(std::uint64_t& x)
{
    x += 0x9e3779b97f4a7c15ULL;
    std::uint64_t z = x;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::uint64_t
Rotl(std::uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}
} // namespace

DeterministicRandom::DeterministicRandom(std::uint64_t seed)
{
    for (auto& s : m_state)
    {
        s = SplitMix64(seed);
    }
}

std::uint64_t
DeterministicRandom::NextU64()
{
    std::uint64_t result = Rotl(m_state[1] * 5, 7) * 9;
    std::uint64_t t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = Rotl(m_state[3], 45);
    return result;
}

double
DeterministicRandom::Uniform()
{
    return static_cast<double>(NextU64() >> 11) * 0x1.0p-53;
}

double
DeterministicRandom::Uniform(double low, double high)
{
    return low + (high - low) * Uniform();
}

std::uint32_t
DeterministicRandom::Poisson(double mean)
{
    double limit = std::exp(-mean);
    double product = Uniform();
    std::uint32_t k = 0;
    while (product > limit && k < 1000)
    {
        product *= Uniform();
        ++k;
    }
    return k;
}

std::uint64_t
DeterministicRandom::Mix(std::uint64_t a, std::uint64_t b)
{
    std::uint64_t x = a ^ (b + 0x9e3779b97f4a7c15ULL + (a << 6) + (a >> 2));
    return SplitMix64(x);
}

} // namespace ns3
