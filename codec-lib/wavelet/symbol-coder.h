// One path for every binary decision of the wavelet codec: recorded with its probability (the
// encoder, which decides where layers end before it writes bytes) or read from a payload.
#ifndef LVC_WAVELET_SYMBOL_CODER_H
#define LVC_WAVELET_SYMBOL_CODER_H

#include "entropy/adaptive-bit-model.h"
#include "entropy/binary-arithmetic-coder.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace lvc
{

/// -log2(p1 / 65536) for a 16-bit probability (a table lookup; cost estimates only).
double CostOfBit(int bit, std::uint32_t p1);

/**
 * \brief Codes binary decisions through adaptive models. Recording (the encoder): each decision
 * is stored with the probability it was coded at, and its cost summed, so that the encoder can
 * cut the stream into layers and then write each layer's range with Write(). Decoding: each
 * decision is read from the current payload's arithmetic decoder (SetDecoder per layer).
 */
class SymbolCoder
{
  public:
    /// A recording coder.
    SymbolCoder() = default;

    /// A decoding coder reading from `decoder` (replaceable with SetDecoder).
    explicit SymbolCoder(BinaryArithmeticDecoder* decoder)
        : m_decoder(decoder)
    {
    }

    bool Encoding() const
    {
        return m_decoder == nullptr;
    }

    void SetDecoder(BinaryArithmeticDecoder* decoder)
    {
        m_decoder = decoder;
    }

    /// Codes `bit` (ignored when decoding) in `model`; returns the bit coded or decoded.
    int Code(AdaptiveBitModel& model, int bit)
    {
        const std::uint32_t p1 = model.P1();
        if (m_decoder == nullptr)
        {
            m_symbols.push_back((p1 << 1) | static_cast<std::uint32_t>(bit));
            m_cost_bits += CostOfBit(bit, p1);
        }
        else
        {
            bit = m_decoder->Decode(p1);
        }
        model.Update(bit);
        return bit;
    }

    /// Codes `bit` with probability p1 / 65536 of a 1 given by the caller (who updates its own
    /// models); returns the bit coded or decoded.
    int CodeWithProbability(std::uint32_t p1, int bit)
    {
        if (m_decoder == nullptr)
        {
            m_symbols.push_back((p1 << 1) | static_cast<std::uint32_t>(bit));
            m_cost_bits += CostOfBit(bit, p1);
            return bit;
        }
        return m_decoder->Decode(p1);
    }

    /// Codes the low `count` bits of value, most significant first, each with `model` (a
    /// nearly uniform source: fixed-length fields).
    std::uint32_t CodeBits(AdaptiveBitModel& model, std::uint32_t value, int count);

    /// Recorded decisions so far, and their summed cost in bits.
    std::size_t Count() const
    {
        return m_symbols.size();
    }

    double CostBits() const
    {
        return m_cost_bits;
    }

    /// Arithmetic-codes the recorded decisions [begin, end) into one payload.
    std::vector<std::uint8_t> Write(std::size_t begin, std::size_t end) const;

  private:
    BinaryArithmeticDecoder* m_decoder = nullptr;
    std::vector<std::uint32_t> m_symbols; ///< p1 << 1 | bit
    double m_cost_bits = 0;
};

} // namespace lvc

#endif // LVC_WAVELET_SYMBOL_CODER_H
