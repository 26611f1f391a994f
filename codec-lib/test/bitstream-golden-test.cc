// Golden hashes of the bitstream format and the entropy coder: the bytes of a fixed set of codes
// must not change unless the format does. Regenerate on purpose with LVC_PRINT_GOLDEN=1 (prints
// the new hash) and bump BitstreamHeader::kVersion when the bytes change.
#include "bitstream/bitstream-format.h"
#include "bitstream/chunk-layers.h"
#include "weights/safetensors.h"

#include <cstdlib>
#include <gtest/gtest.h>
#include <iostream>
#include <random>

namespace lvc
{
namespace
{

constexpr const char* kGoldenSha256 =
    "7941a983c2685f53a45efff88fbd9c9577a8b94339910d51addb949e4e8484f3";

/// Codes with structure for every context: runs along rows, channels and layers.
std::vector<FrameCodes>
FixedCodes()
{
    std::mt19937 rng(2022); // the sequence of std::mt19937 is fixed by the standard
    CodeShape shape{6, 5, 7};
    std::vector<FrameCodes> frames(3);
    for (FrameCodes& f : frames)
    {
        for (int j = 0; j < 4; ++j)
        {
            BinaryCode code = BinaryCode::Zero(shape);
            for (std::size_t i = 0; i < code.bits.size(); ++i)
            {
                std::uint32_t r = rng() % 8;
                code.bits[i] = r < 3   ? static_cast<std::uint8_t>(r & 1)
                               : i > 0 ? code.bits[i - 1]
                                       : 1;
                if (j > 0 && r == 7)
                {
                    code.bits[i] = f[j - 1].bits[i];
                }
            }
            f.push_back(code);
        }
    }
    return frames;
}

TEST(BitstreamGolden, BytesOfAFixedFileAreUnchanged)
{
    std::vector<FrameCodes> codes = FixedCodes();
    BitstreamHeader header;
    header.weights_sha256 = std::string(64, 'a');
    header.width = 112;
    header.height = 80;
    header.fps = 30000.0 / 1001;
    header.frames = 3;
    header.frames_per_chunk = 2;
    header.chunks = 2;
    header.layers = 4;
    header.code_channels = 6;
    std::vector<ChunkPayload> chunks(2);
    chunks[0].frames = 2;
    chunks[0].layers = EncodeChunkLayers({codes[0], codes[1]});
    chunks[1].frames = 1;
    chunks[1].layers = EncodeChunkLayers({codes[2]});
    std::vector<std::uint8_t> bytes = SerializeBitstream(header, chunks);
    std::string sha = Sha256Hex(bytes.data(), bytes.size());
    if (std::getenv("LVC_PRINT_GOLDEN"))
    {
        std::cout << "golden bitstream sha256: " << sha << " (" << bytes.size() << " bytes)\n";
    }
    EXPECT_EQ(sha, kGoldenSha256) << "the bitstream bytes changed: if on purpose, bump the "
                                     "version and pin the new hash (LVC_PRINT_GOLDEN=1)";
    // And it reads back to the same codes.
    BitstreamReader reader(bytes, "golden.lvc");
    std::vector<std::vector<std::uint8_t>> payloads;
    for (int j = 1; j <= 4; ++j)
    {
        payloads.push_back(reader.LayerPayload(1, j));
    }
    EXPECT_EQ(DecodeChunkLayers(payloads, {CodeShape{6, 5, 7}}), std::vector<FrameCodes>{codes[2]});
}

} // namespace
} // namespace lvc
