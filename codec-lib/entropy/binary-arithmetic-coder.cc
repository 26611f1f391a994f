#include "entropy/binary-arithmetic-coder.h"

#include <algorithm>

namespace lvc
{

namespace
{

constexpr std::uint32_t kTopValue = 1U << 24; ///< the range is renormalised above this

std::uint32_t
ClampProbability(std::uint32_t p1)
{
    return std::clamp<std::uint32_t>(p1, 1, kProbabilityOne - 1);
}

} // namespace

void
BinaryArithmeticEncoder::Encode(int bit, std::uint32_t p1)
{
    std::uint32_t bound = static_cast<std::uint32_t>(
        (static_cast<std::uint64_t>(m_range) * ClampProbability(p1)) >> kProbabilityBits);
    if (bit)
    {
        m_range = bound;
    }
    else
    {
        m_low += bound;
        m_range -= bound;
    }
    while (m_range < kTopValue)
    {
        m_range <<= 8;
        ShiftLow();
    }
}

void
BinaryArithmeticEncoder::ShiftLow()
{
    if (static_cast<std::uint32_t>(m_low) < 0xFF000000U || (m_low >> 32) != 0)
    {
        auto carry = static_cast<std::uint8_t>(m_low >> 32);
        std::uint8_t pending = m_cache;
        do
        {
            if (!m_first_byte)
            {
                m_bytes.push_back(static_cast<std::uint8_t>(pending + carry));
            }
            m_first_byte = false;
            pending = 0xFF;
        } while (--m_cache_size != 0);
        m_cache = static_cast<std::uint8_t>(m_low >> 24);
    }
    ++m_cache_size;
    m_low = (m_low & 0x00FFFFFFU) << 8;
}

std::vector<std::uint8_t>
BinaryArithmeticEncoder::Finish()
{
    for (int i = 0; i < 5; ++i)
    {
        ShiftLow();
    }
    while (!m_bytes.empty() && m_bytes.back() == 0)
    {
        m_bytes.pop_back();
    }
    return std::move(m_bytes);
}

BinaryArithmeticDecoder::BinaryArithmeticDecoder(const std::uint8_t* data, std::size_t size)
    : m_data(data),
      m_size(size)
{
    for (int i = 0; i < 4; ++i)
    {
        m_code = (m_code << 8) | NextByte();
    }
}

std::uint8_t
BinaryArithmeticDecoder::NextByte()
{
    std::size_t at = m_position++;
    return at < m_size ? m_data[at] : 0;
}

int
BinaryArithmeticDecoder::Decode(std::uint32_t p1)
{
    std::uint32_t bound = static_cast<std::uint32_t>(
        (static_cast<std::uint64_t>(m_range) * ClampProbability(p1)) >> kProbabilityBits);
    int bit;
    if (m_code < bound)
    {
        m_range = bound;
        bit = 1;
    }
    else
    {
        m_code -= bound;
        m_range -= bound;
        bit = 0;
    }
    while (m_range < kTopValue)
    {
        m_range <<= 8;
        m_code = (m_code << 8) | NextByte();
    }
    return bit;
}

std::size_t
BinaryArithmeticDecoder::BytesPastEnd() const
{
    return m_position > m_size ? m_position - m_size : 0;
}

} // namespace lvc
