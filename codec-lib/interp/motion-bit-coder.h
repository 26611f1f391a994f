// The motion coder's binary decisions: its adaptive models and an Exp-Golomb value code, the
// same code path to an arithmetic encoder or from a decoder.
#ifndef LVC_INTERP_MOTION_BIT_CODER_H
#define LVC_INTERP_MOTION_BIT_CODER_H

#include "entropy/adaptive-bit-model.h"

#include <array>

namespace lvc
{

class BinaryArithmeticEncoder;
class BinaryArithmeticDecoder;

constexpr int kMaxPrefix = 18; ///< Exp-Golomb prefix: magnitudes below 2^18 quarter pixels

/// Every adaptive model of one direction.
struct MotionModels
{
    std::array<AdaptiveBitModel, 2> split;     ///< per node size (16x16, 8x8 pixels)
    std::array<AdaptiveBitModel, 8> valid;     ///< by (left, upper, past field's) validity
    std::array<AdaptiveBitModel, 2> mirror;    ///< by whether the left block was its mirror
    std::array<AdaptiveBitModel, 2> same_left; ///< by whether the upper block equals the left
    AdaptiveBitModel same_upper;
    std::array<AdaptiveBitModel, 2> zero;                           ///< per component
    std::array<AdaptiveBitModel, 2> sign;                           ///< per component
    std::array<std::array<AdaptiveBitModel, kMaxPrefix>, 2> prefix; ///< per component, position
    std::array<std::array<AdaptiveBitModel, kMaxPrefix>, 2> suffix; ///< per component, bit
};

/// Binary decisions, to an encoder or from a decoder, through the same models.
class MotionBitCoder
{
  public:
    explicit MotionBitCoder(BinaryArithmeticEncoder* encoder)
        : m_encoder(encoder)
    {
    }

    explicit MotionBitCoder(BinaryArithmeticDecoder* decoder)
        : m_decoder(decoder)
    {
    }

    bool Encoding() const
    {
        return m_encoder != nullptr;
    }

    int Code(AdaptiveBitModel& model, int bit);

    /// A signed value: zero flag, sign, then |v| >= 1 as Exp-Golomb (floor(log2) in unary, then
    /// that many low bits).
    int CodeValue(MotionModels& m, int component, int value);

  private:
    BinaryArithmeticEncoder* m_encoder = nullptr;
    BinaryArithmeticDecoder* m_decoder = nullptr;
};

} // namespace lvc

#endif // LVC_INTERP_MOTION_BIT_CODER_H
