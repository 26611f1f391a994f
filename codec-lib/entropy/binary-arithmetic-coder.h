// A binary arithmetic (range) coder: bits in, bytes out, with 16-bit probabilities.
#ifndef LVC_ENTROPY_BINARY_ARITHMETIC_CODER_H
#define LVC_ENTROPY_BINARY_ARITHMETIC_CODER_H

#include <cstddef>
#include <cstdint>
#include <vector>

namespace lvc
{

/// Probabilities are 16-bit fixed point: p1 = probability of a 1 bit x 65536, in [1, 65535].
constexpr std::uint32_t kProbabilityBits = 16;
constexpr std::uint32_t kProbabilityOne = 1U << kProbabilityBits;

/**
 * \brief Encodes bits with given probabilities into bytes (a 32-bit range coder with carry
 * propagation, as in LZMA, with an exact 64-bit product for each split).
 *
 * The interval split loses less than 2^-8 of the range's resolution per bit, so the output is
 * within a few bytes of the ideal code length sum(-log2 p(bit)). Finish() flushes; trailing zero
 * bytes are dropped (the decoder reads zeros past the end).
 */
class BinaryArithmeticEncoder
{
  public:
    /// Codes `bit` (0 or 1) whose probability of being 1 is p1 / 65536 (clamped to [1, 65535]).
    void Encode(int bit, std::uint32_t p1);
    /// Flushes the coder and returns the bytes; the encoder must not be used afterwards.
    std::vector<std::uint8_t> Finish();

  private:
    void ShiftLow();

    std::uint64_t m_low = 0;
    std::uint32_t m_range = 0xFFFFFFFFU;
    std::uint8_t m_cache = 0;
    std::uint64_t m_cache_size = 1;
    bool m_first_byte = true; ///< LZMA's first output byte is always 0: not written
    std::vector<std::uint8_t> m_bytes;
};

/**
 * \brief Decodes what BinaryArithmeticEncoder wrote, given the same probabilities in the same
 * order. Reading past the end yields zero bytes (the encoder dropped trailing zeros);
 * BytesPastEnd() tells how far. A payload carries no length or check of its own: the
 * bitstream frames it and checks it (bitstream/).
 */
class BinaryArithmeticDecoder
{
  public:
    BinaryArithmeticDecoder(const std::uint8_t* data, std::size_t size);

    int Decode(std::uint32_t p1);
    /// Bytes requested beyond the payload so far (the encoder's dropped trailing zeros, at least).
    std::size_t BytesPastEnd() const;

  private:
    std::uint8_t NextByte();

    const std::uint8_t* m_data;
    std::size_t m_size;
    std::size_t m_position = 0;
    std::uint32_t m_range = 0xFFFFFFFFU;
    std::uint32_t m_code = 0;
};

} // namespace lvc

#endif // LVC_ENTROPY_BINARY_ARITHMETIC_CODER_H
