#include "entropy/code-layer-coder.h"

#include "entropy/adaptive-bit-model.h"
#include "entropy/binary-arithmetic-coder.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace lvc
{

namespace
{

/**
 * Visits every bit of every code in coding order (frame, channel, row, column) with its context
 * model; `code_bit(p1, bit)` returns the bit to store (the encoder the given one, the decoder the
 * decoded one), which then updates the model.
 */
template <typename CodeBit>
void
WalkCodes(std::vector<BinaryCode>& codes,
          const std::vector<BinaryCode>* previous,
          const CodeContextOptions& options,
          CodeBit&& code_bit)
{
    if (previous && previous->size() != codes.size())
    {
        throw std::invalid_argument("code layer: the previous layer has another frame count");
    }
    int channels = 0;
    for (std::size_t f = 0; f < codes.size(); ++f)
    {
        if (codes[f].bits.size() != codes[f].shape.Size() ||
            (previous && !(*previous)[f].bits.empty() && !((*previous)[f].shape == codes[f].shape)))
        {
            throw std::invalid_argument("code layer: frame " + std::to_string(f) +
                                        " has a code of another shape");
        }
        channels = std::max(channels, codes[f].shape.channels);
    }
    const int context_bits = options.ContextBits();
    std::vector<AdaptiveBitModel> models(static_cast<std::size_t>(channels) << context_bits);
    for (std::size_t f = 0; f < codes.size(); ++f)
    {
        BinaryCode& code = codes[f];
        // An empty previous code: this picture has no code in the previous layer.
        const BinaryCode* before =
            previous && !(*previous)[f].bits.empty() ? &(*previous)[f] : nullptr;
        const CodeShape& s = code.shape;
        for (int c = 0; c < s.channels; ++c)
        {
            for (int y = 0; y < s.rows; ++y)
            {
                for (int x = 0; x < s.cols; ++x)
                {
                    unsigned context = 0;
                    if (options.spatial)
                    {
                        unsigned left = x > 0 ? code.At(c, y, x - 1) : 0;
                        unsigned up = y > 0 ? code.At(c, y - 1, x) : 0;
                        unsigned up_left = x > 0 && y > 0 ? code.At(c, y - 1, x - 1) : 0;
                        context = left | (up << 1) | (up_left << 2);
                    }
                    if (options.cross_channel)
                    {
                        context = (context << 1) | (c > 0 ? code.At(c - 1, y, x) : 0U);
                    }
                    if (options.previous_layer)
                    {
                        context = (context << 1) | (before ? before->At(c, y, x) : 0U);
                    }
                    AdaptiveBitModel& model =
                        models[(static_cast<std::size_t>(c) << context_bits) | context];
                    std::size_t index = code.Index(c, y, x);
                    int bit = code_bit(model.P1(), code.bits[index]);
                    code.bits[index] = static_cast<std::uint8_t>(bit);
                    model.Update(bit);
                }
            }
        }
    }
}

} // namespace

std::vector<std::uint8_t>
EncodeCodeLayer(const std::vector<BinaryCode>& codes,
                const std::vector<BinaryCode>* previous,
                const CodeContextOptions& options)
{
    BinaryArithmeticEncoder encoder;
    std::vector<BinaryCode> walked = codes;
    WalkCodes(walked, previous, options, [&encoder](std::uint32_t p1, std::uint8_t bit) {
        if (bit > 1)
        {
            throw std::invalid_argument("code layer: a bit is neither 0 nor 1");
        }
        encoder.Encode(bit, p1);
        return static_cast<int>(bit);
    });
    return encoder.Finish();
}

std::vector<BinaryCode>
DecodeCodeLayer(const std::uint8_t* data,
                std::size_t size,
                const std::vector<CodeShape>& shapes,
                const std::vector<BinaryCode>* previous,
                const CodeContextOptions& options)
{
    std::vector<BinaryCode> codes;
    codes.reserve(shapes.size());
    for (const CodeShape& shape : shapes)
    {
        codes.push_back(BinaryCode::Zero(shape));
    }
    BinaryArithmeticDecoder decoder(data, size);
    WalkCodes(codes, previous, options, [&decoder](std::uint32_t p1, std::uint8_t) {
        return decoder.Decode(p1);
    });
    return codes;
}

double
CodeLayerInformation_bits(const std::vector<BinaryCode>& codes,
                          const std::vector<BinaryCode>* previous,
                          const CodeContextOptions& options)
{
    double bits = 0;
    std::vector<BinaryCode> walked = codes;
    WalkCodes(walked, previous, options, [&bits](std::uint32_t p1, std::uint8_t bit) {
        double p = static_cast<double>(p1) / kProbabilityOne;
        bits -= std::log2(bit ? p : 1 - p);
        return static_cast<int>(bit);
    });
    return bits;
}

} // namespace lvc
