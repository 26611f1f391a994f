// The probability of a binary context, learnt from the bits coded in it so far.
#ifndef LVC_ENTROPY_ADAPTIVE_BIT_MODEL_H
#define LVC_ENTROPY_ADAPTIVE_BIT_MODEL_H

#include "entropy/binary-arithmetic-coder.h"

#include <cstdint>

namespace lvc
{

/**
 * \brief Counts of the zeros and ones seen in one context; P1() is the Krichevsky-Trofimov
 * estimate (n1 + 1/2) / (n + 1). Counts are halved when they reach the limit, so that the model
 * follows a source that drifts (across frames of a chunk) while an i.i.d. source costs
 * ~1 / (2 ln2 x limit) bits per bit above its entropy.
 */
class AdaptiveBitModel
{
  public:
    static constexpr std::uint32_t kDefaultCountLimit = 1024;

    std::uint32_t P1() const
    {
        std::uint64_t numerator = (2 * static_cast<std::uint64_t>(m_ones) + 1) << kProbabilityBits;
        return static_cast<std::uint32_t>(numerator / (2 * (m_zeros + m_ones) + 2));
    }

    void Update(int bit, std::uint32_t count_limit = kDefaultCountLimit)
    {
        ++(bit ? m_ones : m_zeros);
        if (m_zeros + m_ones >= count_limit)
        {
            m_zeros = (m_zeros + 1) / 2;
            m_ones = (m_ones + 1) / 2;
        }
    }

  private:
    std::uint32_t m_zeros = 0;
    std::uint32_t m_ones = 0;
};

} // namespace lvc

#endif // LVC_ENTROPY_ADAPTIVE_BIT_MODEL_H
