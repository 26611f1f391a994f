#include "io/h264-nal.h"

namespace lvc
{

namespace
{

constexpr int kFirstSliceType = 1; // coded slice of a non-IDR picture
constexpr int kLastSliceType = 5;  // coded slice of an IDR picture

bool
IsReferenceSlice(std::uint8_t header)
{
    int type = header & 0x1f;
    int ref_idc = (header >> 5) & 0x3;
    return type >= kFirstSliceType && type <= kLastSliceType && ref_idc > 0;
}

} // namespace

bool
H264AccessUnitIsReference(const std::uint8_t* data, std::size_t size, int nal_length_size)
{
    if (nal_length_size > 0)
    {
        std::size_t pos = 0;
        while (pos + nal_length_size < size)
        {
            std::size_t length = 0;
            for (int i = 0; i < nal_length_size; ++i)
            {
                length = (length << 8) | data[pos + i];
            }
            pos += nal_length_size;
            if (length == 0 || pos + length > size)
            {
                return false;
            }
            if (IsReferenceSlice(data[pos]))
            {
                return true;
            }
            pos += length;
        }
        return false;
    }
    // Annex B: a NAL header follows each 00 00 01 start code.
    for (std::size_t i = 0; i + 3 < size; ++i)
    {
        if (data[i] == 0 && data[i + 1] == 0 && data[i + 2] == 1)
        {
            if (IsReferenceSlice(data[i + 3]))
            {
                return true;
            }
            i += 2;
        }
    }
    return false;
}

int
H264NalLengthSize(const std::uint8_t* extradata, std::size_t size)
{
    if (extradata && size >= 5 && extradata[0] == 1)
    {
        return (extradata[4] & 0x3) + 1;
    }
    return 0;
}

} // namespace lvc
