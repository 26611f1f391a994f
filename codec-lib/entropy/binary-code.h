// The binary code of one frame in one layer: what the binarizer emits and the entropy coder codes.
#ifndef LVC_ENTROPY_BINARY_CODE_H
#define LVC_ENTROPY_BINARY_CODE_H

#include <cstddef>
#include <cstdint>
#include <vector>

namespace lvc
{

/// Channels x rows x cols of a code (rows, cols: the picture's size / 16, rounded up).
struct CodeShape
{
    int channels = 0;
    int rows = 0;
    int cols = 0;

    std::size_t Size() const
    {
        return static_cast<std::size_t>(channels) * rows * cols;
    }

    bool operator==(const CodeShape& other) const
    {
        return channels == other.channels && rows == other.rows && cols == other.cols;
    }
};

/// Bits (0 or 1, standing for the binarizer's -1 and +1), channel-major then row-major.
struct BinaryCode
{
    CodeShape shape;
    std::vector<std::uint8_t> bits;

    static BinaryCode Zero(const CodeShape& shape)
    {
        return BinaryCode{shape, std::vector<std::uint8_t>(shape.Size(), 0)};
    }

    std::size_t Index(int channel, int row, int col) const
    {
        return (static_cast<std::size_t>(channel) * shape.rows + row) * shape.cols + col;
    }

    std::uint8_t At(int channel, int row, int col) const
    {
        return bits[Index(channel, row, col)];
    }

    bool operator==(const BinaryCode& other) const
    {
        return shape == other.shape && bits == other.bits;
    }
};

} // namespace lvc

#endif // LVC_ENTROPY_BINARY_CODE_H
