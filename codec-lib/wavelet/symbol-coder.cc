#include "wavelet/symbol-coder.h"

#include <array>
#include <cmath>
#include <stdexcept>

namespace lvc
{

namespace
{

constexpr int kCostTableBits = 12;

/// -log2(p) for p = (i + 0.5) / 4096.
const std::array<double, 1U << kCostTableBits>&
CostTable()
{
    static const std::array<double, 1U << kCostTableBits> table = [] {
        std::array<double, 1U << kCostTableBits> t{};
        for (std::size_t i = 0; i < t.size(); ++i)
        {
            t[i] = -std::log2((static_cast<double>(i) + 0.5) / static_cast<double>(t.size()));
        }
        return t;
    }();
    return table;
}

} // namespace

double
CostOfBit(int bit, std::uint32_t p1)
{
    const std::uint32_t p = bit ? p1 : kProbabilityOne - p1;
    return CostTable()[p >> (kProbabilityBits - kCostTableBits)];
}

std::uint32_t
SymbolCoder::CodeBits(AdaptiveBitModel& model, std::uint32_t value, int count)
{
    std::uint32_t out = 0;
    for (int b = count - 1; b >= 0; --b)
    {
        out = (out << 1) |
              static_cast<std::uint32_t>(Code(model, static_cast<int>((value >> b) & 1U)));
    }
    return out;
}

std::vector<std::uint8_t>
SymbolCoder::Write(std::size_t begin, std::size_t end) const
{
    if (begin > end || end > m_symbols.size())
    {
        throw std::logic_error("symbol coder: a range beyond the recorded decisions");
    }
    BinaryArithmeticEncoder encoder;
    for (std::size_t i = begin; i < end; ++i)
    {
        encoder.Encode(static_cast<int>(m_symbols[i] & 1U), m_symbols[i] >> 1);
    }
    return encoder.Finish();
}

} // namespace lvc
