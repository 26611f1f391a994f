#include "interp/motion-bit-coder.h"

#include "entropy/binary-arithmetic-coder.h"

#include <cstdint>
#include <cstdlib>
#include <stdexcept>

namespace lvc
{

int
MotionBitCoder::Code(AdaptiveBitModel& model, int bit)
{
    if (m_encoder != nullptr)
    {
        m_encoder->Encode(bit, model.P1());
    }
    else
    {
        bit = m_decoder->Decode(model.P1());
    }
    model.Update(bit);
    return bit;
}

int
MotionBitCoder::CodeValue(MotionModels& m, int component, int value)
{
    if (Code(m.zero[component], value == 0 ? 1 : 0) == 1)
    {
        return 0;
    }
    const int negative = Code(m.sign[component], value < 0 ? 1 : 0);
    const auto magnitude = static_cast<std::uint32_t>(std::abs(value));
    int length = 0;
    if (m_encoder != nullptr)
    {
        while ((magnitude >> (length + 1)) != 0)
        {
            ++length;
        }
    }
    int prefix = 0;
    while (true)
    {
        if (prefix >= kMaxPrefix)
        {
            throw std::runtime_error("a motion vector out of range");
        }
        if (Code(m.prefix[component][prefix], prefix < length ? 1 : 0) == 0)
        {
            break;
        }
        ++prefix;
    }
    std::uint32_t out = 1;
    for (int b = prefix - 1; b >= 0; --b)
    {
        const int bit = Code(m.suffix[component][b], static_cast<int>((magnitude >> b) & 1U));
        out = (out << 1) | static_cast<std::uint32_t>(bit);
    }
    const int v = static_cast<int>(out);
    return negative ? -v : v;
}

} // namespace lvc
