#include "tools/png-file.h"

#include "bitstream/bitstream-format.h"

#include "ns3/input-error.h"

#include <algorithm>
#include <fstream>

namespace lvc
{

namespace
{

void
Put32(std::vector<std::uint8_t>& out, std::uint32_t v)
{
    for (int shift = 24; shift >= 0; shift -= 8)
    {
        out.push_back(static_cast<std::uint8_t>(v >> shift));
    }
}

void
Chunk(std::vector<std::uint8_t>& png, const char* type, const std::vector<std::uint8_t>& data)
{
    Put32(png, static_cast<std::uint32_t>(data.size()));
    std::vector<std::uint8_t> typed(type, type + 4);
    typed.insert(typed.end(), data.begin(), data.end());
    png.insert(png.end(), typed.begin(), typed.end());
    Put32(png, Crc32(typed.data(), typed.size()));
}

} // namespace

void
WritePng(const std::string& path, const RgbImage& image)
{
    // Scanlines: filter byte 0, then R G B per pixel.
    std::vector<std::uint8_t> raw;
    for (int y = 0; y < image.height; ++y)
    {
        raw.push_back(0);
        for (int x = 0; x < image.width; ++x)
        {
            for (int c = 0; c < RgbImage::kChannels; ++c)
            {
                raw.push_back(image.planes[c][static_cast<std::size_t>(y) * image.width + x]);
            }
        }
    }
    // zlib stream of stored deflate blocks, with its Adler-32.
    std::vector<std::uint8_t> z = {0x78, 0x01};
    const std::size_t kBlock = 65535;
    for (std::size_t at = 0; at < raw.size() || at == 0; at += kBlock)
    {
        std::size_t n = std::min(kBlock, raw.size() - at);
        bool last = at + n >= raw.size();
        z.push_back(last ? 1 : 0);
        z.push_back(static_cast<std::uint8_t>(n & 0xFF));
        z.push_back(static_cast<std::uint8_t>(n >> 8));
        z.push_back(static_cast<std::uint8_t>(~n & 0xFF));
        z.push_back(static_cast<std::uint8_t>((~n >> 8) & 0xFF));
        z.insert(z.end(), raw.begin() + at, raw.begin() + at + n);
        if (last)
        {
            break;
        }
    }
    std::uint32_t a = 1;
    std::uint32_t b = 0;
    for (std::uint8_t v : raw)
    {
        a = (a + v) % 65521;
        b = (b + a) % 65521;
    }
    Put32(z, (b << 16) | a);

    std::vector<std::uint8_t> png = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    std::vector<std::uint8_t> header;
    Put32(header, static_cast<std::uint32_t>(image.width));
    Put32(header, static_cast<std::uint32_t>(image.height));
    header.insert(header.end(), {8, 2, 0, 0, 0}); // 8-bit RGB, no interlace
    Chunk(png, "IHDR", header);
    Chunk(png, "IDAT", z);
    Chunk(png, "IEND", {});
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(png.data()), static_cast<std::streamsize>(png.size()));
    if (!out)
    {
        throw ns3::InputError::InFile(path, "cannot write the PNG file");
    }
}

} // namespace lvc
